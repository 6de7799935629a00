package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/lint"
)

func rng(file string, sl, sc, sb, el, ec, eb int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: sl, Column: sc, Byte: sb}, End: hcl.Pos{Line: el, Column: ec, Byte: eb}}
}

func text(t *testing.T, r *Report, color bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := Text(&b, r, TextOptions{Color: color}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextMarker(t *testing.T) {
	src := "server \"EX01\" {\n  version = \"2016\"\n\tupdate = \"CU9\"\n  os = \"é2019\"\n}\n"
	cases := []struct {
		name string
		r    hcl.Range
		want string
	}{
		{"one line", rng("f", 2, 13, 28, 2, 19, 34), "  |\n2 |   version = \"2016\"\n  |             ^~~~~~\n"},
		{"zero width", rng("f", 2, 13, 28, 2, 13, 28), "  |\n2 |   version = \"2016\"\n  |             ^\n"},
		{"tab indent", rng("f", 3, 11, 45, 3, 16, 50), "  |\n3 | \tupdate = \"CU9\"\n  | \t         ^~~~~\n"},
		{"after non-ASCII", rng("f", 4, 10, 61, 4, 14, 65), "  |\n4 |   os = \"é2019\"\n  |          ^~~~\n"},
		{"multi-line", rng("f", 1, 8, 7, 3, 8, 42), "  |\n1 | server \"EX01\" {\n  |        ^~~~~~~~\n2 |   version = \"2016\"\n  | ~~~~~~~~~~~~~~~~~~\n3 | \tupdate = \"CU9\"\n  | ~~~~~~~\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := newBufWriter(&b)
			writeSnippet(w, lint.ExcerptOf([]byte(src)), tc.r, newPalette(false).dim)
			w.Flush()
			if got := b.String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestTextLongRangeIsShortened(t *testing.T) {
	src := strings.Repeat("x = 1\n", 10)
	var b bytes.Buffer
	w := newBufWriter(&b)
	writeSnippet(w, lint.ExcerptOf([]byte(src)), rng("f", 1, 1, 0, 10, 6, 59), newPalette(false).dim)
	w.Flush()
	out := b.String()
	if !strings.Contains(out, " 1 | x = 1") || !strings.Contains(out, " 3 | x = 1") || strings.Contains(out, " 4 | ") ||
		!strings.Contains(out, "   |   ...") || !strings.Contains(out, "10 | x = 1") {
		t.Errorf("long range not shortened as expected:\n%s", out)
	}
}

// A hostile file can hold terminal escape sequences; they are not printed.
func TestTextSanitizesControlCharacters(t *testing.T) {
	src := "name = \"\x1b[2Jx\"\n"
	r := &Report{Findings: []lint.Finding{{Rule: "r", Message: "m", Range: rng("f", 1, 1, 0, 1, 5, 4)}},
		Sources: map[string]*lint.Excerpt{"f": lint.ExcerptOf([]byte(src))}, Topologies: 1, Files: 1}
	out := text(t, r, false)
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequence printed: %q", out)
	}
}

func TestTextReport(t *testing.T) {
	src := []byte("server \"EX01\" {\n  version = \"2016\"\n}\nserver \"EX01\" {\n}\n")
	r := &Report{
		AsOf: "2026-11-21",
		Findings: []lint.Finding{
			{Rule: "some-rule", Severity: lint.Warning, Message: "it is old", Range: rng("t.exchange.hcl", 2, 13, 28, 2, 19, 34)},
			{Rule: "duplicate", Severity: lint.Error, Message: "defined twice", Range: rng("t.exchange.hcl", 4, 8, 44, 4, 14, 50),
				Related: []lint.Related{{Range: rng("t.exchange.hcl", 1, 8, 7, 1, 14, 13), Message: "first defined here"}}},
		},
		Sources:    map[string]*lint.Excerpt{"t.exchange.hcl": lint.ExcerptOf(src)},
		Topologies: 1, Files: 1,
	}
	want := `t.exchange.hcl:2:13: warning: it is old [some-rule]
  |
2 |   version = "2016"
  |             ^~~~~~

t.exchange.hcl:4:8: error: defined twice [duplicate]
  |
4 | server "EX01" {
  |        ^~~~~~
t.exchange.hcl:1:8: note: first defined here
  |
1 | server "EX01" {
  |        ^~~~~~

checked 1 topology (1 file): 1 error, 1 warning, 0 info
`
	if got := text(t, r, false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	colored := text(t, r, true)
	if !strings.Contains(colored, "\x1b[") || !strings.Contains(colored, "^~~~~~") {
		t.Errorf("colour output should add escapes and keep the marker: %q", colored)
	}
	if strings.Contains(want, "\x1b") {
		t.Error("plain output must have no escapes")
	}
	empty := &Report{Topologies: 2, Files: 3}
	if got := text(t, empty, false); got != "checked 2 topologies (3 files): no problems found\n" {
		t.Errorf("empty report: %q", got)
	}
}

func TestJSON(t *testing.T) {
	r := &Report{
		AsOf: "2026-11-21",
		Findings: []lint.Finding{{Rule: "duplicate", Severity: lint.Error, Message: "defined twice", Address: "server.EX01",
			Range:   rng("dir/t.exchange.hcl", 4, 8, 43, 4, 14, 49),
			Related: []lint.Related{{Range: rng("dir/t.exchange.hcl", 1, 8, 7, 1, 14, 13), Message: "first defined here"}}}},
		Topologies: 1, Files: 1, Unchecked: []string{"dir"},
	}
	var b bytes.Buffer
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	start := f["range"].(map[string]any)["start"].(map[string]any)
	if doc["version"].(float64) != 1 || doc["as_of"] != "2026-11-21" || f["rule"] != "duplicate" || f["address"] != "server.EX01" ||
		start["line"].(float64) != 4 || start["column"].(float64) != 8 || start["byte"].(float64) != 43 {
		t.Errorf("unexpected JSON:\n%s", b.String())
	}
	sum := doc["summary"].(map[string]any)
	if sum["error_count"].(float64) != 1 || sum["unchecked_topologies"].([]any)[0] != "dir" {
		t.Errorf("summary: %v", sum)
	}
	// Empty lists are [] rather than null, so consumers need no null checks.
	b.Reset()
	if err := JSON(&b, &Report{AsOf: "2026-11-21"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"findings": []`) || !strings.Contains(b.String(), `"unchecked_topologies": []`) || strings.Contains(b.String(), "null") {
		t.Errorf("empty report: %s", b.String())
	}
}

func newBufWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
