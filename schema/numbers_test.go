package schema

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/agext/levenshtein"
)

func TestNumberText(t *testing.T) {
	for in, want := range map[string]string{
		"0":               "0",
		"42":              "42",
		"-300":            "-300",
		"1.5":             "1.5",
		"0.1":             "0.1",
		"1e100":           "1e+100",
		"123456789e100":   "1.23457e+108",
		"1e100000000":     "1e+100000000",
		"-2.5e100000000":  "-2.5e+100000000",
		"1e-100000000":    "1e-100000000",
		"9.9999999e99999": "1e+100000",
	} {
		f, _, err := big.ParseFloat(in, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		if got := NumberText(f); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// A number far outside an attribute's range is refused without being
// written out in full (which took hours for the 11 characters below).
func TestHugeNumbers(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"t.exchange.hcl", "organization \"O\" {}\nmigration {\n  mailboxes = 1e100000000\n}\n", "must be between 0 and 100000000, not 1e+100000000"},
		{"t.exchange.hcl", "organization \"O\" {}\nmigration {\n  mailboxes = -1e100000000\n}\n", "not -1e+100000000"},
		{"t.exchange.hcl", "organization \"O\" {}\nmigration {\n  mailboxes = 1e-100000000\n}\n", "must be a whole number, not 1e-100000000"},
		{"t.exchange.hcl", "organization \"O\" {}\nserver \"E\" {\n  version = 1e100000000\n}\n", "must be a string, not a number (1e+100000000): write 1e+100000000 in quotes"},
		{"t.exchange.hcl.json", `{"organization": {"O": {}}, "migration": {"mailboxes": 1e100000000}}`, "not 1e+100000000"},
	} {
		_, probs := decodeFiles(map[string]string{tc.file: tc.src})
		found := false
		for _, p := range probs {
			found = found || strings.Contains(p.Message, tc.want)
		}
		if !found {
			t.Errorf("%q: want a problem saying %q, got %+v", tc.src, tc.want, probs)
		}
	}
}

// A number of a million digits is refused before hcl parses it (math/big's
// decimal parsing is quadratic: seconds per million digits).
func TestLongNumbers(t *testing.T) {
	digits := strings.Repeat("7", 1000000)
	for name, src := range map[string]string{
		"whole.exchange.hcl":              "organization \"O\" {}\nmigration {\n  mailboxes = " + digits + "\n}\n",
		"fraction.exchange.hcl":           "organization \"O\" {}\nmigration {\n  mailboxes = 0." + digits + "\n}\n",
		"in a template.exchange.hcl":      "organization \"O\" {}\ntenant \"t\" {\n  plan = \"${" + digits + "}\"\n}\n",
		"json.exchange.hcl.json":          `{"organization": {"O": {}}, "migration": {"mailboxes": ` + digits + `}}`,
		"json fraction.exchange.hcl.json": `{"organization": {"O": {}}, "migration": {"mailboxes": -0.` + digits + `}}`,
	} {
		_, probs := decodeFiles(map[string]string{name: src})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, "a number longer than 1000 characters") {
			t.Errorf("%s: want the long number problem, got %+v", name, probs)
		}
	}
	// A number of 1000 characters is read.
	src := "organization \"O\" {}\nmigration {\n  mailboxes = 0." + strings.Repeat("0", 998) + "\n}\n"
	if _, probs := decodeFiles(map[string]string{"t.exchange.hcl": src}); len(probs) != 0 {
		t.Errorf("1000 characters: %+v", probs)
	}
}

// Suggest gives the answers it gave before it was bounded.
func TestSuggestBounded(t *testing.T) {
	names := []string{"client_access", "mailbox", "edge_transport", "2012R2", "EX01", "EX02", "EXO1"}
	for s, want := range map[string]string{
		"Client Access":               "client_access", // separators and case
		"2012 R2":                     "2012R2",
		"malbox":                      "mailbox",
		"mailboxx":                    "mailbox",
		"EX03":                        "EX02", // of equally near names, the nearer digit
		"EX0":                         "EX01", // of equally near names, the first
		"edge":                        "",
		"x":                           "",
		strings.Repeat("mailbox", 20): "",
	} {
		if got := Suggest(s, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", s, got, want)
		}
	}
	// Exact matches are found whatever the budget.
	sg := NewSuggester(names)
	sg.budget = 0
	if got := sg.Suggest("MAIL_BOX"); got != "mailbox" {
		t.Errorf("exact match without budget: %q", got)
	}
	if got := sg.Suggest("malbox"); got != "" {
		t.Errorf("near match without budget: %q", got)
	}
}

// Within its bounds, Suggest answers as comparing every candidate does.
func TestSuggestMatchesEveryCandidate(t *testing.T) {
	reference := func(s string, candidates []string) string {
		for _, c := range candidates {
			if squashName(c) == squashName(s) {
				return c
			}
		}
		best, bestDist := "", 0
		for _, c := range candidates {
			d := levenshtein.Distance(strings.ToLower(s), strings.ToLower(c), nil)
			if best == "" || d < bestDist || (d == bestDist && closer(strings.ToLower(s), strings.ToLower(c), strings.ToLower(best))) {
				best, bestDist = c, d
			}
		}
		if best != "" && bestDist <= max(1, len([]rune(s))/3) && bestDist < len([]rune(best)) {
			return best
		}
		return ""
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const alphabet = "abcAB-_ é1"
		r := []rune(alphabet)
		b := make([]rune, 1+rnd.IntN(12))
		for i := range b {
			b[i] = r[rnd.IntN(len(r))]
		}
		return string(b)
	}
	for range 3000 {
		var cands []string
		for range rnd.IntN(8) {
			cands = append(cands, word())
		}
		s := word()
		if got, want := Suggest(s, cands), reference(s, cands); got != want {
			t.Fatalf("Suggest(%q, %q) = %q, want %q", s, cands, got, want)
		}
	}
}

// A NUL byte makes one finding, at its place, in either syntax.
func TestNULByte(t *testing.T) {
	for name, src := range map[string]string{
		"t.exchange.hcl":      "organization \"O\" {}\n# \x00\x00\x00\n",
		"t.exchange.hcl.json": "\xEF\xBB\xBF{\"organization\": {\"O\": {}}}\n\x00\x00",
	} {
		_, probs := decodeFiles(map[string]string{name: src})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, "NUL byte") || probs[0].Range.Start.Line != 2 {
			t.Errorf("%s: %+v", name, probs)
		}
	}
}
