package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// fuzzMax is a small limit, so that the fuzzer reaches it easily.
const fuzzMax = 6

// The fast pre-check never clears a file that the token-based check rejects.
func FuzzQuickNesting(f *testing.F) {
	seeds := []string{
		"a = ((((((1))))))\n",
		"a = - - - - - - - 1\n",
		"a = true ? true ? true ? 1 : 2 : 3 : 4\n",
		`a = "${"${"${"${"${"${"${x}"}"}"}"}"}"}"` + "\n",
		"a = \"%{ if x }${ [[[[[[1]]]]]] }%{ endif }\"\n",
		"a = \"$${ ((((((( \"\n",
		"# (((((((((\na = [1, -2, -3, -4, -5, -6, -7, -8]\n",
		"/* [[[[[[[[ */ b { c = [[[[[1]]]]] }\n",
		"a = <<EOT\n${((((((((1))))))))}\nEOT\n",
		"a = \"\\\"(((((((\"\nb = ((((((1))))))\n",
		"x = { a = -1, b = -2, c = -3, d = -4, e = -5, f = -6, g = -7 }\n",
		"a = [for x in y : -(-(-(-(-(-(-x))))))]\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, dir := range []string{"../examples", "testdata"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".exchange.hcl") {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// parseFile refuses invalid UTF-8 before any nesting check.
		if !utf8.Valid(src) || !quickNestingOK(src, fuzzMax) {
			return
		}
		toks, diags := hclsyntax.LexConfig(src, "f", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		if p := tokenNesting(toks, fuzzMax); p != nil {
			t.Fatalf("quickNestingOK cleared a file tokenNesting rejects at %v:\n%q", p.Range, src)
		}
	})
}

func TestQuickNestingClearsRealTopologies(t *testing.T) {
	for _, p := range []string{"../examples/se-classic-hybrid/hybrid.exchange.hcl", "../examples/2010-to-2016-onprem/exchange2016.exchange.hcl"} {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !quickNestingOK(src, DefaultLimits.MaxNesting) {
			t.Errorf("%s: a real topology should pass the fast check", p)
		}
	}
}
