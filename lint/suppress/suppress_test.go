package suppress

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Suppressions are read only from files that hold the marker.
func TestScanOnlyWithMarker(t *testing.T) {
	f := &schema.File{Name: "x.exchange.hcl", Src: []byte("# exlint ignore\nserver \"A\" {}\n")}
	if ds := scanDirectives(f); ds != nil {
		t.Errorf("directives without the marker: %v", ds)
	}
	// A file that does not lex has none (its syntax error is reported).
	f = &schema.File{Name: "x.exchange.hcl", Src: []byte("# exlint-ignore: a -- b\nserver \"A\" { x = \"\xff\" }\n")}
	_ = scanDirectives(f)
	ids := []string{}
	for _, r := range lint.MetaRules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	if strings.Join(ids, ",") != lint.SuppressionRule {
		t.Errorf("meta rules: %v", ids)
	}
}

// Valid JSON that once made the directive scanner take a closing brace for
// a key, and pop more than it had pushed.
func TestJSONDirectivesNoPanic(t *testing.T) {
	for _, src := range []string{
		`[{},[],{"":[[],{"":"exlint-ignore"}],"":""}]`,
		`{"a":[],"b":{}}{"c":{"d":["exlint-ignore"]}}`,
		`{"//":{},"//":[{"//":"exlint-ignore-file: x -- y"}],"//":"exlint-ignore-file: x -- y"}`,
	} {
		ds := scanJSONDirectives(&schema.File{Name: "f.exchange.hcl.json", Src: []byte(src), JSON: true})
		checkDirectiveRanges(t, []byte(src), ds)
	}
	// The top-level "//" after nested ones is still found, at its place.
	src := `{"a":{"//":"exlint-ignore-file: x -- nested"},"//":"exlint-ignore-file: x -- top"}`
	ds := scanJSONDirectives(&schema.File{Name: "f.exchange.hcl.json", Src: []byte(src), JSON: true})
	if len(ds) != 2 || ds[0].problem == "" || ds[1].problem != "" || ds[1].rng.Start.Column != 52 {
		t.Errorf("directives: %+v", ds)
	}
}

// checkDirectiveRanges checks that every directive's range is in src, in
// order, at the positions hcl would give (referencePos).
func checkDirectiveRanges(t *testing.T, src []byte, ds []*directive) {
	t.Helper()
	body := bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	prev := 0
	for _, d := range ds {
		s, e := d.rng.Start, d.rng.End
		if s.Byte < prev || e.Byte < s.Byte || e.Byte > len(body) {
			t.Fatalf("range %+v out of order or outside the file of %d bytes: %q", d.rng, len(body), src)
		}
		prev = e.Byte
		if want := referencePos(body, s.Byte); want != s {
			t.Fatalf("start %+v, want %+v: %q", s, want, src)
		}
		if want := referencePos(body, e.Byte); want != e {
			t.Fatalf("end %+v, want %+v: %q", e, want, src)
		}
	}
}

// referencePos computes a position from the start of the file every time.
func referencePos(src []byte, off int) hcl.Pos {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	col := 1
	for rest := src[lineStart:off]; len(rest) > 0; col++ {
		adv, _, _ := textseg.ScanGraphemeClusters(rest, true)
		rest = rest[adv:]
	}
	return hcl.Pos{Line: bytes.Count(src[:lineStart], []byte("\n")) + 1, Column: col, Byte: off}
}

// The JSON directive scanner alone: it never panics, and the ranges it gives
// are inside the file, in order, where hcl would put them.
func FuzzJSONDirectives(f *testing.F) {
	for _, s := range []string{
		`{"//": "exlint-ignore-file: block-rule -- generated", "server": {"A": {}}}`,
		`[{},[],{"":[[],{"":"exlint-ignore"}],"":""}]`,
		`{"a":[],"b":{}}{"c":{"d":["exlint-ignore"]}}`,
		"\xEF\xBB\xBF{\"//\": \"exlint-ignore: x -- y\",\n \"//\" : \"exlint-ignore-file: é́ -- z\"}",
		`{"x":{"//":["exlint-ignore"]},"//":{"//":"exlint-ignore-file: a"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !bytes.Contains(src, []byte(ignoreMarker)) {
			src = append(src, ignoreMarker...)
		}
		ds := scanJSONDirectives(&schema.File{Name: "f.exchange.hcl.json", Src: src, JSON: true})
		checkDirectiveRanges(t, src, ds)
	})
}

// The index hides exactly what trying every directive on every finding
// (directive.covers) hides, and marks the same directives used.
func TestIndexMatchesEveryDirective(t *testing.T) {
	src := `# exlint-ignore-file: r1 -- whole file
# exlint-ignore: r2 -- the block
# exlint-ignore: r2, r3 -- stacked on the same block
server "A" {
  # exlint-ignore: r1 -- one attribute
  roles = [
    # exlint-ignore: r3 -- an item
    "mailbox",
    "edge", # exlint-ignore: r2 -- on the line
  ]
  # exlint-ignore: r4 -- nothing below

  version = "SE"
}
# exlint-ignore: r3 -- the next block
site "S" { x = 1 }
`
	f := &schema.File{Name: "f.exchange.hcl", Src: []byte(src)}
	toks, _ := hclsyntax.LexConfig(f.Src, f.Name, hcl.InitialPos)
	var fs []lint.Finding
	for _, tok := range toks {
		for _, r := range []string{"r1", "r2", "r3", "r4"} {
			fs = append(fs, lint.Finding{Rule: r, Range: tok.Range})
		}
	}
	brute := scanDirectives(f)
	want := make([]bool, len(fs))
	for i, fd := range fs {
		for _, d := range brute {
			if d.covers(fd) && contains(d.rules, fd.Rule) {
				d.used[fd.Rule] = true
				want[i] = true
			}
		}
	}
	ds := scanDirectives(f)
	got := make([]bool, len(fs))
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = len(fs) - 1 - i // any order
	}
	newIndex(ds).hide(fs, idx, got)
	for i := range fs {
		if got[i] != want[i] {
			t.Errorf("%s at %d:%d: hidden %v, want %v", fs[i].Rule, fs[i].Range.Start.Line, fs[i].Range.Start.Column, got[i], want[i])
		}
	}
	for i := range ds {
		if len(ds[i].used) != len(brute[i].used) {
			t.Errorf("directive at line %d: used %v, want %v", ds[i].rng.Start.Line, ds[i].used, brute[i].used)
		}
	}
}

// Problems hidden in several states of a plan count once each: as many at
// a place as the one state holding most there, two findings of a rule at
// one place two.
func TestSuppressedCountInPlans(t *testing.T) {
	f := &schema.File{Name: "t.exchange.hcl", Src: []byte("server \"EX\" { # exlint-ignore: r -- known\n}\n")}
	at := hcl.Range{Filename: f.Name, Start: hcl.Pos{Line: 1, Column: 8, Byte: 7}, End: hcl.Pos{Line: 1, Column: 12, Byte: 11}}
	mk := func(state, msg string) lint.Finding {
		return lint.Finding{Rule: "r", Severity: lint.Error, Message: msg, Address: "server.EX", Range: at, State: lint.State{Name: state}}
	}
	fs := []lint.Finding{mk("current", "a"), mk("current", "b"), mk("s1", "b"), mk("s2", "a"), mk("s2", "b")}
	s := New([]lint.RuleInfo{{ID: "r", Severity: lint.Error}}, nil)
	out, counts := s.Apply([]*schema.File{f}, fs, true)
	if len(out) != 0 || counts[f.Name] != 2 {
		t.Errorf("left %d findings and counted %v suppressed; want none left and 2", len(out), counts)
	}
}
