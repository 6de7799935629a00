package schema

import (
	"strings"
	"sync"

	"github.com/agext/levenshtein"

	"github.com/exlint/exlint/schema/catalog"
)

// keywordSet is the list of values a keyword attribute accepts.
type keywordSet struct {
	name   string          // its key in keywordSets, for its aliases (aliases.go)
	what   string          // what a value is, for messages: "an Exchange version"
	values func() []string // every accepted value, in documentation order
	// check, when set, accepts values beyond the list (an Outlook version may
	// carry a service pack: "2010 SP2") and explains a refusal.
	check func(string) error
}

func static(what string, values ...string) *keywordSet {
	return &keywordSet{what: what, values: func() []string { return values }}
}

func catalogIDs[T any](what string, list func(*catalog.Catalog) []T, id func(T) string) *keywordSet {
	return &keywordSet{what: what, values: sync.OnceValue(func() []string {
		var out []string
		for _, v := range list(catalog.Default()) {
			out = append(out, id(v))
		}
		return out
	})}
}

var keywordSets = map[string]*keywordSet{
	"exchange_version": catalogIDs("an Exchange version", func(c *catalog.Catalog) []*catalog.Version { return c.Versions() },
		func(v *catalog.Version) string { return v.ID }),
	"windows": catalogIDs("a Windows Server version", func(c *catalog.Catalog) []*catalog.Windows { return c.Windows },
		func(w *catalog.Windows) string { return w.ID }),
	"ffl": catalogIDs("a forest functional level", func(c *catalog.Catalog) []*catalog.FFL { return c.FFLs },
		func(f *catalog.FFL) string { return f.ID }),
	"dotnet": catalogIDs("a .NET Framework version", func(c *catalog.Catalog) []*catalog.DotNet { return c.DotNets },
		func(d *catalog.DotNet) string { return d.ID }),
	"outlook": {
		what: "an Outlook version",
		values: sync.OnceValue(func() []string {
			var out []string
			for _, o := range catalog.Default().Outlooks {
				out = append(out, o.ID)
			}
			return out
		}),
		check: func(s string) error {
			_, err := catalog.Default().ParseOutlook(s)
			return err
		},
	},
	"role": static("a server role", "mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport",
		"front_end", "back_end"),
	"network":             static("a network placement", "internal", "perimeter"),
	"tls":                 static("a TLS version", "1.0", "1.1", "1.2", "1.3"),
	"accepted_domain":     static("an accepted-domain type", "authoritative", "internal_relay", "external_relay"),
	"mx_target":           static("an MX target", "on_premises", "exchange_online", "third_party"),
	"autodiscover_target": static("an Autodiscover target", "on_premises", "exchange_online"),
	"issuer":              static("a certificate issuer kind", "public_ca", "enterprise_ca", "self_signed"),
	"certificate_service": static("an Exchange certificate service", "iis", "smtp", "imap", "pop", "um", "um_call_router", "federation"),
	"client_service": static("a client-access service", "owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync",
		"oab", "ecp"),
	"tls_auth":        static("a TLS authentication level", "none", "encryption_only", "certificate_validation", "domain_validation"),
	"dirsync_tool":    static("a directory synchronization tool", "dirsync", "aad_sync", "aad_connect", "entra_connect", "cloud_sync"),
	"sign_in":         static("a sign-in method", "password_hash_sync", "pass_through", "federation"),
	"hybrid_topology": static("a hybrid topology", "classic_full", "classic_minimal", "express", "modern_full", "modern_minimal"),
	"migration_method": static("a migration method", "cutover", "staged", "hybrid", "minimal_hybrid", "express", "imap",
		"third_party"),
	"migration_timeframe": static("a migration timeframe", "fast", "slow"),
	"tenant_plan": static("a Microsoft 365 plan", "E1", "E3", "E5", "F1", "F3", "A1", "A3", "A5", "G1", "G3", "G5",
		"Business Basic", "Business Standard", "Business Premium",
		"Exchange Online Plan 1", "Exchange Online Plan 2", "Exchange Online Kiosk",
		"Apps for business", "Apps for enterprise", "Personal", "Family"),
	"connector_direction": static("a connector direction", "send", "receive"),
	"hybrid_feature": static("a hybrid feature", "free_busy", "mailtips", "message_tracking", "multi_mailbox_search",
		"online_archive", "owa_redirection", "photos", "secure_mail", "centralized_transport"),
}

// accepts reports whether v is one of the set's values.
func (k *keywordSet) accepts(v string) error {
	for _, x := range k.values() {
		if x == v {
			return nil
		}
	}
	if k.check != nil {
		return k.check(v)
	}
	return errNotInList
}

type listError struct{}

func (listError) Error() string { return "not in the list" }

var errNotInList error = listError{}

// squashSeparators drops what Suggest ignores when comparing names.
var squashSeparators = strings.NewReplacer(" ", "", "-", "", "_", "", ".", "")

// Suggest returns the candidate the user most likely meant by s, or "". It
// tries, in order: the same text ignoring case, spaces, hyphens and
// underscores ("Client Access" -> "client_access", "2012 R2" -> "2012R2"),
// then the nearest candidate by edit distance when it is close enough to be a
// typo.
func Suggest(s string, candidates []string) string {
	squash := func(x string) string { return strings.ToLower(squashSeparators.Replace(x)) }
	ss := squash(s)
	for _, c := range candidates {
		if squash(c) == ss {
			return c
		}
	}
	best, bestDist := "", 0
	for _, c := range candidates {
		d := levenshtein.Distance(strings.ToLower(s), strings.ToLower(c), nil)
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	// A typo is at most a third of the word, and never the whole of a short one.
	limit := max(1, len([]rune(s))/3)
	if best != "" && bestDist <= limit && bestDist < len([]rune(best)) {
		return best
	}
	return ""
}

// quoteList renders candidates for a message: "a", "b", "c".
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = `"` + v + `"`
	}
	return strings.Join(q, ", ")
}
