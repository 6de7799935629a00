package format

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/exlint/exlint/schema"
)

var lim = schema.DefaultLimits

// comments returns the text of every comment token, without trailing space
// and line breaks, sorted.
func comments(t *testing.T, src []byte) []string {
	t.Helper()
	toks, diags := hclsyntax.LexConfig(bytes.TrimPrefix(src, bom), "f", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("lex: %v", diags)
	}
	var out []string
	for _, tok := range toks {
		if tok.Type == hclsyntax.TokenComment {
			out = append(out, strings.TrimRight(string(tok.Bytes), " \t\r\n"))
		}
	}
	sort.Strings(out)
	return out
}

// corpus is every topology file of the repository's examples plus the test
// data.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"../examples/*/*.exchange.hcl", "testdata/*.exchange.hcl"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			src, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out[n] = src
		}
	}
	if len(out) < 5 {
		t.Fatalf("corpus too small: %d files", len(out))
	}
	return out
}

// Formatting is idempotent, keeps every comment, and its output parses.
func TestIdempotentAndKeepsComments(t *testing.T) {
	for name, src := range corpus(t) {
		out, probs := Source(name, src, lim)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", name, probs)
		}
		again, _ := Source(name, out, lim)
		if !bytes.Equal(out, again) {
			t.Errorf("%s: formatting twice changes the output:\n%s\n---\n%s", name, out, again)
		}
		if strings.Join(comments(t, src), "\n") != strings.Join(comments(t, out), "\n") {
			t.Errorf("%s: comments changed:\n%q\n%q", name, comments(t, src), comments(t, out))
		}
		if _, diags := hclsyntax.ParseConfig(out, name, hcl.InitialPos); diags.HasErrors() {
			t.Errorf("%s: the output does not parse: %v", name, diags)
		}
	}
}

func TestMessyFile(t *testing.T) {
	src, _ := os.ReadFile("testdata/messy.exchange.hcl")
	out, _ := Source("messy.exchange.hcl", src, lim)
	want := `# Contoso: the target topology
organization "Contoso" {
  forest_functional_level = "2016" # raised in 2025
}

// the main site
site "HQ" {}

/* Exchange servers:
   two in HQ */
server "EX01" {
  site    = "HQ"
  version = "SE" # latest
  update  = "RTM"
  roles = ["mailbox",
  "edge_transport"] // both, on purpose
}
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestLineEndingsAndBOM(t *testing.T) {
	cases := []struct{ in, want string }{
		{"site \"A\" {}", "site \"A\" {}\n"},                                 // a final newline is added
		{"site \"A\" {}\n\n\n", "site \"A\" {}\n"},                           // trailing blank lines go
		{"site \"A\" {\r\nx=1\r\n}\r\n", "site \"A\" {\r\n  x = 1\r\n}\r\n"}, // CRLF stays CRLF
		{"\xEF\xBB\xBFsite  \"A\" {}\n", "\xEF\xBB\xBFsite \"A\" {}\n"},      // a BOM stays
		{"", ""}, // empty stays empty
		{"\n\n", ""},
		// A stray CR before a comment's trailing blank is trimmed with it,
		// so the line does not turn into a CRLF line on the second run.
		{"#\r \n#", "#\n#\n"},
	}
	for _, tc := range cases {
		out, probs := Source("f.exchange.hcl", []byte(tc.in), lim)
		if len(probs) > 0 || string(out) != tc.want {
			t.Errorf("%q: got %q (%v), want %q", tc.in, out, probs, tc.want)
		}
	}
}

// A file that does not parse is refused, with the place of the error.
func TestRefusesBrokenFiles(t *testing.T) {
	for _, src := range []string{
		"server \"EX01\" {\n  version = \"SE\"\n",
		"server \"EX01\" {\n  version = \n}\n",
		"x = " + strings.Repeat("[", 500),
		"\xff\xfe s\x00",
	} {
		out, probs := Source("broken.exchange.hcl", []byte(src), lim)
		if out != nil || len(probs) == 0 || probs[0].Range.Filename != "broken.exchange.hcl" || probs[0].Range.Start.Line < 1 {
			t.Errorf("%q: out %q, problems %v", src, out, probs)
		}
	}
}

// A file whose layout hclwrite would change in meaning is refused at the
// place, not rewritten (found by FuzzFormat: "0.0. 0", a number then an
// index, would become the invalid number "0.0.0").
func TestRefusesWhatLayoutWouldChange(t *testing.T) {
	src := "server \"EX01\" {\n  version = \"SE\"\n  update  = 0.0. 0\n}\n"
	out, probs := Source("f.exchange.hcl", []byte(src), lim)
	if out != nil || len(probs) != 1 {
		t.Fatalf("got %q, %v; want a refusal", out, probs)
	}
	p := probs[0]
	if p.Kind != schema.KindSyntax || p.Range.Start.Line != 3 || p.Range.Start.Column != 13 ||
		!strings.Contains(p.Message, "without changing what it says") {
		t.Errorf("problem %+v", p)
	}
	// The same value with its spaces where hclwrite puts them formats.
	if _, probs := Source("f.exchange.hcl", []byte("a = b. 0\n"), lim); len(probs) != 0 {
		t.Errorf("an index after a name must format: %v", probs)
	}
}

func writeFile(t *testing.T, path, content string, perm os.FileMode) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, perm)
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	messy := "site   \"A\" {}\n"
	writeFile(t, filepath.Join(dir, "a.exchange.hcl"), messy, 0o600)
	writeFile(t, filepath.Join(dir, "ok.exchange.hcl"), "site \"B\" {}\n", 0o644)
	writeFile(t, filepath.Join(dir, "sub", "b.exchange.hcl"), messy, 0o644)
	writeFile(t, filepath.Join(dir, "sub", "broken.exchange.hcl"), "site \"C\" {\n", 0o644)
	writeFile(t, filepath.Join(dir, "sub", "c.exchange.hcl.json"), "{ }", 0o644)
	writeFile(t, filepath.Join(dir, ".hidden", "d.exchange.hcl"), messy, 0o644)
	writeFile(t, filepath.Join(dir, "archive", "e.exchange.hcl"), messy, 0o644)
	writeFile(t, filepath.Join(dir, "notes.txt"), "x", 0o644)
	exclude := func(p string) string {
		if strings.Contains(p, "archive") {
			return "excluded"
		}
		return ""
	}

	// --check: nothing is written.
	res, err := Paths([]string{dir}, Options{Diff: true, Exclude: exclude, Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changed) != 2 || len(res.Problems) != 1 || res.Files != 4 || len(res.Diffs) != 2 ||
		!strings.Contains(res.Diffs[0], "-site   \"A\" {}\n+site \"A\" {}") {
		t.Fatalf("result: %+v", res)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.exchange.hcl")); string(got) != messy {
		t.Error("a file was written without Write")
	}

	// Write: atomically, keeping the permissions; broken files untouched.
	res, _ = Paths([]string{dir}, Options{Write: true, Exclude: exclude, Limits: lim})
	if len(res.Changed) != 2 || len(res.Errors) != 0 {
		t.Fatalf("write: %+v", res)
	}
	info, _ := os.Stat(filepath.Join(dir, "a.exchange.hcl"))
	got, _ := os.ReadFile(filepath.Join(dir, "a.exchange.hcl"))
	if string(got) != "site \"A\" {}\n" || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("written %q with mode %v", got, info.Mode().Perm())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "sub", "broken.exchange.hcl")); string(got) != "site \"C\" {\n" {
		t.Error("a broken file was changed")
	}
	for _, untouched := range []string{".hidden/d.exchange.hcl", "archive/e.exchange.hcl"} {
		if got, _ := os.ReadFile(filepath.Join(dir, untouched)); string(got) != messy {
			t.Errorf("%s was formatted", untouched)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// Second run: nothing to do.
	if res, _ := Paths([]string{dir}, Options{Write: true, Exclude: exclude, Limits: lim}); len(res.Changed) != 0 {
		t.Errorf("not idempotent on disk: %v", res.Changed)
	}

	// Named files: JSON skipped with a reason, other names refused, .hcl
	// files of any name formatted.
	writeFile(t, filepath.Join(dir, ".exlint.hcl"), "fail_on   = \"warning\"\n", 0o644)
	res, err = Paths([]string{filepath.Join(dir, "sub", "c.exchange.hcl.json"), filepath.Join(dir, ".exlint.hcl"), filepath.Join(dir, "archive", "e.exchange.hcl")},
		Options{Exclude: exclude, Limits: lim})
	if err != nil || len(res.Skipped) != 2 || !strings.Contains(res.Skipped[0].Reason, "JSON") || len(res.Changed) != 1 {
		t.Errorf("named files: %+v %v", res, err)
	}
	if _, err := Paths([]string{filepath.Join(dir, "notes.txt")}, Options{Limits: lim}); err == nil {
		t.Error("a file that is not HCL must be refused")
	}
	if _, err := Paths([]string{filepath.Join(dir, "missing")}, Options{Limits: lim}); err == nil {
		t.Error("a missing path must be an error")
	}
}

// With Write, Changed lists the files rewritten: a file Replace leaves as
// it is (here read-only) is an error, neither changed nor diffed.
func TestPathsListsOnlyFilesRewritten(t *testing.T) {
	dir := t.TempDir()
	messy := "site   \"A\" {}\n"
	writeFile(t, filepath.Join(dir, "a.exchange.hcl"), messy, 0o644)
	writeFile(t, filepath.Join(dir, "ro.exchange.hcl"), messy, 0o444)
	res, err := Paths([]string{dir}, Options{Write: true, Diff: true, Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "a.exchange.hcl")
	if len(res.Changed) != 1 || res.Changed[0] != want || len(res.Diffs) != 1 || !strings.Contains(res.Diffs[0], "a.exchange.hcl") {
		t.Errorf("changed %q with %d diffs, want %q alone", res.Changed, len(res.Diffs), want)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "ro.exchange.hcl: not rewritten") {
		t.Errorf("errors %v", res.Errors)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "ro.exchange.hcl")); string(got) != messy {
		t.Errorf("the read-only file was rewritten: %q", got)
	}
	// Without Write, it is listed: it needs formatting.
	if res, _ := Paths([]string{dir}, Options{Limits: lim}); len(res.Changed) != 1 || !strings.HasSuffix(res.Changed[0], "ro.exchange.hcl") {
		t.Errorf("--check: %q", res.Changed)
	}
}

// FuzzFormat: for any input that parses, the output parses, keeps the
// comments, and formatting it again changes nothing.
func FuzzFormat(f *testing.F) {
	for _, seed := range []string{
		"site \"A\" {}\n",
		"server \"EX01\" {\n  version=\"SE\" # c\n roles=[\"a\",\n\"b\"]\n}\n",
		"# c\n/* d */ x = <<EOT\n  body # not a comment\nEOT\n",
		"a = { b = 1, c = \"${x}\" }\r\n",
		"\xEF\xBB\xBFa = 1",
	} {
		f.Add([]byte(seed))
	}
	// Seeded from the examples and the test data too.
	for _, pattern := range []string{"../examples/*/*.exchange.hcl", "testdata/*.exchange.hcl"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, probs := Source("f.exchange.hcl", src, lim)
		if len(probs) > 0 {
			return
		}
		if _, diags := hclsyntax.ParseConfig(bytes.TrimPrefix(out, bom), "f", hcl.InitialPos); diags.HasErrors() {
			t.Fatalf("output does not parse: %q -> %q: %v", src, out, diags)
		}
		again, probs := Source("f.exchange.hcl", out, lim)
		if len(probs) > 0 || !bytes.Equal(out, again) {
			t.Fatalf("not idempotent: %q -> %q -> %q", src, out, again)
		}
		if strings.Join(comments(t, src), "\x00") != strings.Join(comments(t, out), "\x00") {
			t.Fatalf("comments changed: %q -> %q", src, out)
		}
	})
}

// Formatting never makes a file larger than exlint check reads: a file just
// under the limit that the layout would grow is refused, left as it is.
func TestFormatStaysUnderTheSizeLimit(t *testing.T) {
	lim := schema.DefaultLimits
	lim.MaxFileSize = 1024
	var b strings.Builder
	for i := 0; b.Len() < 1000; i++ {
		fmt.Fprintf(&b, "a%d=1\n", i) // each line gains two spaces
	}
	src := []byte(b.String())
	out, probs := Source("f.exchange.hcl", src, lim)
	if out != nil || len(probs) != 1 || !strings.Contains(probs[0].Message, "more than the 1024 bytes exlint check reads") {
		t.Errorf("got %d bytes, %+v", len(out), probs)
	}
	// With room, the same file is formatted.
	lim.MaxFileSize = 4096
	if out, probs := Source("f.exchange.hcl", src, lim); len(probs) != 0 || len(out) <= len(src) {
		t.Errorf("with room: %d bytes, %+v", len(out), probs)
	}
}
