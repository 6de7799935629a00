package schema

import (
	"strings"
	"testing"
)

// A comma hcl rejects after an argument is read as a thousands separator
// only when the digits around it are grouped as one.
func TestSeparatedNumberAt(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // "" for no hint
	}{
		{"mailboxes = 3,000\n", "3000"},
		{"mailboxes = 1,234,567 # many\n", "1234567"},
		{"a = 1, b = 2\n", ""},
		{"a = 12,34\n", ""},
		{"a = 1234,567\n", ""},
		{"a = 3,000,\n", ""},
		{"a = \"x\", b = 3\n", ""},
	} {
		i := strings.IndexByte(tc.src, ',')
		got, ok := separatedNumberAt([]byte(tc.src), i)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%q: got %q, %v; want %q", tc.src, got, ok, tc.want)
		}
	}
	if _, ok := separatedNumberAt([]byte("a"), 5); ok {
		t.Error("an offset past the end")
	}
}
