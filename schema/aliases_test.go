package schema

import (
	"strings"
	"testing"
)

// What people actually write gets a "did you mean" with the value it
// means: abbreviations, the catalogue's full names, prefixed values and
// numbers with thousands separators.
func TestDidYouMeanWhatPeopleWrite(t *testing.T) {
	cases := []struct{ attr, value, want string }{
		{"roles", `["cas"]`, `did you mean "client_access"?`},
		{"roles", `["MBX"]`, `did you mean "mailbox"?`},
		{"roles", `["Hub Transport Server"]`, `did you mean "hub_transport"?`},
		{"os", `"Windows Server 2019"`, `did you mean "2019"?`},
		{"os", `"Windows Server 2012 R2"`, `did you mean "2012R2"?`},
		{"os", `"WS2022"`, `did you mean "2022"?`},
		{"network", `"dmz"`, `did you mean "perimeter"?`},
		{"network", `"DMZ"`, `did you mean "perimeter"?`},
		{"version", `"Exchange 2019"`, `did you mean "2019"?`},
		{"version", `"Exchange Server Subscription Edition"`, `did you mean "SE"?`},
		{"dotnet", `".NET Framework 4.8.1"`, `did you mean "4.8.1"?`},
		{"dotnet", `".NET 4.8"`, `did you mean "4.8"?`},
		{"dotnet", `"4.8.2"`, `did you mean "4.8.1"?`}, // the longer shared beginning
		{"dotnet", `"4.9"`, `did you mean "4.8"?`},     // the nearer digit
		{"version", `"2015"`, `did you mean "2016"?`},
		{"tls", `["TLS 1.2"]`, `did you mean "1.2"?`},
	}
	for _, tc := range cases {
		src := "organization \"O\" {}\nsite \"S\" {}\nserver \"A\" {\n  site = \"S\"\n  version = \"2019\"\n  update = \"CU14\"\n  " + tc.attr + " = " + tc.value + "\n}\n"
		src = strings.Replace(src, "  version = \"2019\"\n", "", strings.Count(tc.attr, "version"))
		_, probs := decodeFiles(map[string]string{"t.exchange.hcl": src})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, tc.want) {
			t.Errorf("%s = %s: %v, want %q", tc.attr, tc.value, probs, tc.want)
		}
	}
	for value, want := range map[string]string{
		`"Outlook 2016"`:       `did you mean "2016"?`,
		`"Microsoft 365 Apps"`: `did you mean "365"?`,
		`"M365"`:               `did you mean "365"?`,
	} {
		_, probs := decodeFiles(map[string]string{"t.exchange.hcl": "organization \"O\" {}\nclients {\n  outlook = [" + value + "]\n}\n"})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, want) {
			t.Errorf("outlook = [%s]: %v, want %q", value, probs, want)
		}
	}
	for value, want := range map[string]string{
		`"Windows2016Forest"`:   `did you mean "2016"?`,
		`"2019"`:                `did you mean "2016"?`, // 2019 and 2022 added no level
		`"2022"`:                `did you mean "2016"?`,
		`"Windows Server 2022"`: `did you mean "2016"?`,
		`"Windows2012R2Forest"`: `did you mean "2012R2"?`,
		`"Windows Server 2016"`: `did you mean "2016"?`,
		`"Forest"`:              "Allowed:",
	} {
		_, probs := decodeFiles(map[string]string{"t.exchange.hcl": "organization \"O\" {\n  forest_functional_level = " + value + "\n}\n"})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, want) || (!strings.HasPrefix(want, "did") && strings.Contains(probs[0].Message, "did you mean")) {
			t.Errorf("forest_functional_level = %s: %v, want %q", value, probs, want)
		}
	}
	for value, want := range map[string]string{
		`"3,000"`:     "did you mean 3000?",
		`"3 000"`:     "did you mean 3000?",
		`"1_250_000"`: "did you mean 1250000?",
		`"12,50"`:     "must be a whole number, not a string",
		`"3,00,0"`:    "must be a whole number, not a string",
	} {
		_, probs := decodeFiles(map[string]string{"t.exchange.hcl": "organization \"O\" {}\nmigration {\n  method = \"cutover\"\n  mailboxes = " + value + "\n}\n"})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, want) || (!strings.HasPrefix(want, "did") && strings.Contains(probs[0].Message, "did you mean")) {
			t.Errorf("mailboxes = %s: %v, want %q", value, probs, want)
		}
	}
}

// Every alias names a value of its keyword set.
func TestAliasesNameValues(t *testing.T) {
	for name, aliases := range keywordAliases {
		set := keywordSets[name]
		if set == nil {
			t.Errorf("aliases for %s, which is no keyword set", name)
			continue
		}
		for alias, v := range aliases {
			if alias != squash(alias) {
				t.Errorf("%s: alias %q is not written squashed (%q)", name, alias, squash(alias))
			}
			if set.accepts(v) != nil {
				t.Errorf("%s: alias %q means %q, which is not a value", name, alias, v)
			}
		}
	}
	for name := range keywordPrefixes {
		if keywordSets[name] == nil {
			t.Errorf("prefixes for %s, which is no keyword set", name)
		}
	}
}
