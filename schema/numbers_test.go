package schema

import (
	"math/big"
	"strings"
	"testing"
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
