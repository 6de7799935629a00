package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Patterns that would make every path cost minutes (braces that stand for
// millions of patterns) or a time growing with the patterns (tens of
// thousands of them) are refused where they are written, and patterns
// within the bounds are taken.
func TestExcludeBounds(t *testing.T) {
	braces := strings.Repeat("{*,{*,{*,*}}}", 13) + "b" // 185 bytes, 67 million patterns
	var many strings.Builder
	for i := range 60000 {
		fmt.Fprintf(&many, "%q, ", fmt.Sprintf("z%d/**/*q*", i))
	}
	for _, tc := range []struct{ src, want string }{
		{`exclude = ["` + braces + `"]`, `.exlint.hcl:1:12: exclude pattern "{*,{*,{*,*}}}{*,{*,{*,*}}}{*,{*,{*,*}}}{*,{*,{*,*}}}{*,{*,{*"… has 39 pairs of braces; exlint takes at most 16`},
		{"exclude = [\n  \"a/**\",\n  \"" + strings.Repeat("{a,b}", 12) + "\"\n]", `.exlint.hcl:3:3: exclude patterns up to "{a,b}{a,b}`},
		{"exclude = [" + many.String() + "]", `hold more than 4096 characters once their braces are expanded`},
	} {
		_, probs := Parse(".exlint.hcl", []byte(tc.src), testRules)
		if len(probs) != 1 || !strings.Contains(probs[0].String(), tc.want) {
			t.Errorf("%.80q:\n got %v\nwant one problem with %q", tc.src, probs, tc.want)
		}
	}
	// At the bounds: 16 pairs of braces, and 4096 characters.
	for _, src := range []string{
		`exclude = ["` + strings.Repeat("{a}", 16) + `"]`,
		`exclude = ["` + strings.Repeat("a", 4095) + `"]`,
		`exclude = ["` + strings.Repeat("{*,{*,{*,*}}}", 4) + `b"]`,
	} {
		if _, probs := Parse(".exlint.hcl", []byte(src), testRules); len(probs) > 0 {
			t.Errorf("%.60q: %v", src, probs)
		}
	}
	for _, src := range []string{
		`exclude = ["` + strings.Repeat("{a}", 17) + `"]`,
		`exclude = ["` + strings.Repeat("a", 4096) + `"]`,
		`exclude = ["` + strings.Repeat("a", 2047) + `", "` + strings.Repeat("b", 2048) + `"]`,
	} {
		if _, probs := Parse(".exlint.hcl", []byte(src), testRules); len(probs) != 1 {
			t.Errorf("%.60q: %v", src, probs)
		}
	}
}

// What Excluded keeps between calls (the states of directories no pattern
// matches) changes no answer: a walk down a deep tree, then paths asked
// about out of order and from another working directory, get the answers
// of a configuration that keeps nothing.
func TestExcludedRemembers(t *testing.T) {
	base := t.TempDir()
	src := `exclude = ["**/x.exchange.hcl", "a/a/a/**", "**/b/*/c", "{q,r}/**/z"]`
	kept, probs := Parse(filepath.Join(base, ".exlint.hcl"), []byte(src), testRules)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	fresh := func(p string) string {
		c := &Config{Base: kept.Base, Exclude: kept.Exclude}
		return c.Excluded(p)
	}
	var paths []string
	for _, top := range []string{"a", "q", "b/d"} {
		p := top
		for i := range 6 {
			paths = append(paths, p, p+"/x.exchange.hcl", p+"/c", p+"/z")
			p += "/" + string("abcdef"[i])
		}
	}
	paths = append(paths, "a/a/a/x.exchange.hcl", "a", "q/z", "r/s/z", "b/d/c")
	for _, p := range paths {
		abs := filepath.Join(base, filepath.FromSlash(p))
		if got, want := kept.Excluded(abs), fresh(abs); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
	// The first pattern of the list wins, whether it matches the path or a
	// directory above it.
	if got := kept.Excluded(filepath.Join(base, "a/a/a/x.exchange.hcl")); got != "**/x.exchange.hcl" {
		t.Errorf("a/a/a/x.exchange.hcl: %q", got)
	}
	// A configuration named from the working directory: its base moves
	// with it, and what was kept of the other base is not used.
	t.Chdir(base)
	rel, _ := Parse(".exlint.hcl", []byte(`exclude = ["a/b/**"]`), testRules)
	if got := rel.Excluded("a/b/c"); got != "a/b/**" {
		t.Errorf("relative: %q", got)
	}
	rel.Excluded("x/a/q") // x and x/a kept as matching nothing
	os.Mkdir(filepath.Join(base, "x"), 0o755)
	t.Chdir(filepath.Join(base, "x"))
	if got := rel.Excluded("a/b/c"); got != "a/b/**" {
		t.Errorf("after a change of directory: %q", got)
	}
}
