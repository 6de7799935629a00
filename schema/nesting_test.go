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
		// Files the lexer finds errors in count too: hcl's parser reads
		// their tokens and recurses on them all the same.
		toks, _ := hclsyntax.LexConfig(src, "f", hcl.InitialPos)
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

// hostileNesting returns files that nest far beyond any limit, in the
// shapes that once reached hcl's parser unchecked: nesting followed by a
// character the lexer reports (the check was skipped when the lexer found
// an error), and a JSON string holding a deep template.
func hostileNesting() map[string]string {
	out := map[string]string{}
	deep := map[string]string{
		"brackets": "x = " + strings.Repeat("[", 65000) + strings.Repeat("]", 65000),
		"minus":    "x = " + strings.Repeat("-", 250000) + "1",
		"braces":   strings.Repeat("{a=", 60000),
	}
	for name, body := range deep {
		out[name+" then @.exchange.hcl"] = body + "\n@\n"
	}
	for _, tail := range []string{"&", ";", "`", "\x00"} {
		out["brackets then "+tail+".exchange.hcl"] = deep["brackets"] + "\n" + tail + "\n"
	}
	out["json template.exchange.hcl.json"] = `{"clients":{"outlook":["${` + strings.Repeat("-", 400000) + `1}"]}}`
	out["json template in a key.exchange.hcl.json"] = `{"organization":{"O":{}},"clients":{"outlook":{"${` + strings.Repeat("(", 400000) + `": 1}}}`
	return out
}

// No input reaches hcl's parser without passing the nesting check: each
// hostile file is a syntax or schema finding, not a fatal stack overflow
// (which would end this test binary).
func TestNestingCannotBeSkipped(t *testing.T) {
	for name, src := range hostileNesting() {
		t.Run(name, func(t *testing.T) {
			f := &File{Name: name, Src: []byte(src), JSON: strings.HasSuffix(name, ".json")}
			_, probs := Decode(".", []*File{f}, DefaultLimits)
			if len(probs) == 0 || (probs[0].Kind != KindSyntax && probs[0].Kind != KindSchema) {
				t.Fatalf("want a syntax or schema problem, got %+v", probs)
			}
			if !f.JSON {
				// (A NUL byte is refused before the nesting is looked at.)
				if _, probs := ParseNative(name, f.Src, DefaultLimits); len(probs) == 0 ||
					!strings.Contains(probs[0].Message, "nest more than 128 levels") && !strings.Contains(probs[0].Message, "NUL byte") {
					t.Errorf("ParseNative: want the nesting problem, got %+v", probs)
				}
			}
		})
	}
}

// A JSON string is a template only when it holds an interpolation or a
// directive; escapes are read as hcl reads them, without a template parse
// deeper than one level.
func TestJSONStringsAreLiterals(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		lit      bool
	}{
		{"plain", "plain", true},
		{"$${x}", "${x}", true},
		{"%%{x}", "%{x}", true},
		{"a $ b % c {", "a $ b % c {", true},
		{"${x}", "", false},
		{"%{ if x }y%{ endif }", "", false},
		{"${" + strings.Repeat("(", 100000), "", false},
	} {
		got, lit := jsonString(tc.in, hcl.Range{Filename: "f.json"})
		if lit != tc.lit || got != tc.want {
			t.Errorf("%q: got %q, %v; want %q, %v", tc.in, got, lit, tc.want, tc.lit)
		}
	}
}
