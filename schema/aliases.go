package schema

import (
	"strings"
	"sync"

	"github.com/exlint/exlint/schema/catalog"
)

// What people write for a keyword, and what it means: the "did you mean"
// of a value a keyword set does not hold, before the nearest spelling
// (Suggest). Values are compared by their squashed form (lower case,
// without spaces, hyphens, underscores and dots): "Client Access" and
// "client-access" are one.

// keywordAliases are the words and abbreviations people write for a value,
// by keyword set (keywordSets).
var keywordAliases = map[string]map[string]string{
	"role": {
		"cas": "client_access", "clientaccessserver": "client_access", "ca": "client_access",
		"mbx": "mailbox", "mailboxserver": "mailbox", "mb": "mailbox",
		"hub": "hub_transport", "ht": "hub_transport", "hubtransportserver": "hub_transport",
		"edge": "edge_transport", "edgeserver": "edge_transport", "edgetransportserver": "edge_transport",
		"um": "unified_messaging",
		"fe": "front_end", "frontend": "front_end", "be": "back_end", "backend": "back_end",
	},
	"network": {
		"dmz": "perimeter", "perimeternetwork": "perimeter", "edge": "perimeter", "screenedsubnet": "perimeter",
		"lan": "internal", "internalnetwork": "internal", "corp": "internal", "corporate": "internal",
	},
	"mx_target":           {"exo": "exchange_online", "o365": "exchange_online", "office365": "exchange_online", "m365": "exchange_online", "onprem": "on_premises", "onpremise": "on_premises"},
	"autodiscover_target": {"exo": "exchange_online", "o365": "exchange_online", "office365": "exchange_online", "m365": "exchange_online", "onprem": "on_premises", "onpremise": "on_premises"},
	"mailbox_location":    {"exo": "exchange_online", "o365": "exchange_online", "office365": "exchange_online", "m365": "exchange_online", "cloud": "exchange_online", "onprem": "on_premises", "onpremise": "on_premises", "hybrid": "both"},
	"namespace_scope":     {"public": "external", "internet": "external", "extern": "external", "private": "internal", "intranet": "internal", "lan": "internal"},
	"sign_in":             {"phs": "password_hash_sync", "pta": "pass_through", "passthroughauthentication": "pass_through", "adfs": "federation", "federated": "federation"},
	"issuer":              {"public": "public_ca", "commercial": "public_ca", "thirdparty": "public_ca", "internal": "enterprise_ca", "internalca": "enterprise_ca", "adcs": "enterprise_ca", "selfsigned": "self_signed"},
	"dirsync_tool":        {"azureadconnect": "aad_connect", "aadc": "aad_connect", "entraconnectsync": "entra_connect", "entracloudsync": "cloud_sync", "azureadconnectcloudsync": "cloud_sync"},
	"hybrid_topology":     {"classic": "classic_full", "full": "classic_full", "minimal": "classic_minimal", "modern": "modern_full", "hybridagent": "modern_full"},
	"outlook":             {"m365": "365", "microsoft365": "365", "office365": "365", "o365": "365", "m365apps": "365", "microsoft365appsforenterprise": "365"},
	"tenant_plan":         {"m365e3": "E3", "m365e5": "E5", "o365e3": "E3", "o365e5": "E5", "office365e3": "E3", "office365e5": "E5", "microsoft365e3": "E3", "microsoft365e5": "E5"},
}

// keywordPrefixes are words people write before a value: "Windows Server
// 2019" is "2019", "Exchange 2016" is "2016", "TLS 1.2" is "1.2".
var keywordPrefixes = map[string][]string{
	"exchange_version": {"microsoftexchangeserver", "exchangeserver", "exchange", "ex"},
	"windows":          {"microsoftwindowsserver", "windowsserver", "windows", "server", "win", "ws"},
	"ffl":              {"windowsserver", "windows", "server", "ws"},
	"dotnet":           {"microsoftnetframework", "netframework", "dotnetframework", "dotnet", "netfx", "net", "framework"},
	"outlook":          {"microsoftoutlook", "outlook", "office"},
	"tls":              {"tlsversion", "tlsv", "tls"},
}

// keywordSuffixes are words people write after a value: PowerShell's
// Get-ADForest names the forest functional level 2016 "Windows2016Forest".
var keywordSuffixes = map[string][]string{
	"ffl": {"forest"},
}

// catalogueNames are the full names the catalogue gives values
// ("Exchange Server Subscription Edition", "Windows Server 2012 R2",
// ".NET Framework 4.8", "Microsoft 365 Apps"), squashed, by keyword set.
var catalogueNames = sync.OnceValue(func() map[string]map[string]string {
	c := catalog.Default()
	out := map[string]map[string]string{"exchange_version": {}, "windows": {}, "ffl": {}, "dotnet": {}, "outlook": {}}
	for _, v := range c.Versions() {
		out["exchange_version"][squash(v.Name)] = v.ID
	}
	for _, w := range c.Windows {
		out["windows"][squash(w.Name)] = w.ID
	}
	for _, f := range c.FFLs {
		out["ffl"][squash(f.Name)] = f.ID
		// Windows Server 2019 and 2022 added no level: "2019" means 2016's.
		for _, w := range f.NewestFor {
			out["ffl"][squash(w)] = f.ID
			if win := c.WindowsByID(w); win != nil {
				out["ffl"][squash(win.Name)] = f.ID
			}
		}
	}
	for _, d := range c.DotNets {
		out["dotnet"][squash(d.Name)] = d.ID
	}
	for _, o := range c.Outlooks {
		out["outlook"][squash(o.Name)] = o.ID
	}
	return out
})

func init() {
	for name, set := range keywordSets {
		set.name = name
	}
}

// squash is how values are compared here and by Suggest.
func squash(s string) string { return strings.ToLower(squashSeparators.Replace(s)) }

// suggest returns the value of the set that s most likely means: an alias,
// the catalogue's name of a value, a value behind a prefix, else the
// nearest spelling; "" when none is close.
func (k *keywordSet) suggest(s string) string {
	if v := k.alias(s); v != "" {
		return v
	}
	return Suggest(s, k.values())
}

// alias returns the value s stands for by the tables above, or "".
func (k *keywordSet) alias(s string) string {
	sq := squash(s)
	if v := k.squashedAlias(sq); v != "" {
		return v
	}
	for _, suffix := range keywordSuffixes[k.name] {
		if rest, ok := strings.CutSuffix(sq, suffix); ok && rest != "" {
			if v := k.squashedAlias(rest); v != "" {
				return v
			}
		}
	}
	return ""
}

// squashedAlias is alias of a squashed value, without its suffixes.
func (k *keywordSet) squashedAlias(sq string) string {
	if v, ok := keywordAliases[k.name][sq]; ok {
		return v
	}
	if v, ok := catalogueNames()[k.name][sq]; ok {
		return v
	}
	for _, p := range keywordPrefixes[k.name] {
		rest, ok := strings.CutPrefix(sq, p)
		if !ok || rest == "" {
			continue
		}
		if v, ok := keywordAliases[k.name][rest]; ok {
			return v
		}
		if v, ok := catalogueNames()[k.name][rest]; ok {
			return v
		}
		for _, v := range k.values() {
			if squash(v) == rest {
				return v
			}
		}
	}
	return ""
}

// numberWithSeparators returns the whole number s writes with thousands
// separators ("3,000", "3 000", "3_000", "3.000", "3'000"), without them;
// ok is false for anything else.
func numberWithSeparators(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var sep rune
	var digits strings.Builder
	group := 0 // digits since the last separator, -1 before the first
	first := true
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			group++
		case strings.ContainsRune(",. _'\u00a0\u202f", r) && group > 0 && (sep == 0 || r == sep):
			if (first && group > 3) || (!first && group != 3) {
				return "", false
			}
			sep, group, first = r, 0, false
		default:
			return "", false
		}
	}
	if sep == 0 || group != 3 {
		return "", false
	}
	return digits.String(), true
}
