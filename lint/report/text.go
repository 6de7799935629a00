package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// TextOptions controls the text format.
type TextOptions struct {
	Color bool
}

type palette struct {
	sev  map[lint.Severity]*color.Color
	bold *color.Color
	dim  *color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		sev: map[lint.Severity]*color.Color{
			lint.Error:   mk(color.FgRed, color.Bold),
			lint.Warning: mk(color.FgYellow, color.Bold),
			lint.Info:    mk(color.FgCyan, color.Bold),
		},
		bold: mk(color.Bold),
		dim:  mk(color.Faint),
	}
}

// Text writes findings the way compilers do: a location line, the source
// line(s) with a ^~~~ marker under the exact range, then a summary. The
// marker is plain text, so it survives CI logs and NO_COLOR. A plan's
// finding names its state after the message.
//
//	org.exchange.hcl:12:13: error: Exchange 2016 cannot join ... [coexistence-unsupported]
//	   |
//	12 |   version = "2016"
//	   |             ^~~~~~
//	stages.exchange.hcl:9:15: error: ... (stage introduce-2016, 2027-09) [exchange-end-of-support]
func Text(w io.Writer, r *Report, opt TextOptions) error {
	return Write("text", w, r, Options{Color: opt.Color})
}

// textWriter streams the text format.
type textWriter struct {
	bw *bufio.Writer
	p  palette
	tally
}

func newTextWriter(w io.Writer, _ *Report, opt TextOptions) *textWriter {
	return &textWriter{bw: bufio.NewWriter(w), p: newPalette(opt.Color)}
}

func (t *textWriter) File(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) error {
	b, _ := t.Encode(name, fs, sources)
	return t.WriteEncoded(b, fs)
}

func (t *textWriter) Encode(_ string, fs []lint.Finding, sources map[string]*lint.Excerpt) ([]byte, error) {
	buf := bytes.NewBuffer(getBuffer(len(fs) * 512))
	writeFindings(buf, fs, sources, t.p)
	return buf.Bytes(), nil
}

func (t *textWriter) WriteEncoded(b []byte, fs []lint.Finding) error {
	t.add(fs)
	_, err := t.bw.Write(b)
	putBuffer(b)
	return err
}

func (t *textWriter) Close(r *Report) error {
	bw, p := t.bw, t.p
	writeCoverage(bw, r, p)
	for _, s := range r.Skipped {
		fmt.Fprintf(bw, "%s: %s: not read: %s\n", escape.Name(s.Path), p.dim.Sprint("note"), escape.Text(s.Reason))
	}
	for _, dir := range r.Unchecked {
		fmt.Fprintf(bw, "%s: %s: the rules did not run on this topology because of the errors above; fix them and check again\n",
			escape.Name(dir), p.dim.Sprint("note"))
	}
	if r.BaselineStale > 0 {
		what := fmt.Sprintf("%d baseline entries no longer match", r.BaselineStale)
		if r.BaselineStale == 1 {
			what = "1 baseline entry no longer matches"
		}
		fmt.Fprintf(bw, "%s: %s a finding (fixed since?): write the baseline again with --write-baseline to drop them\n", p.dim.Sprint("note"), what)
	}
	for _, l := range r.LeftOut {
		fmt.Fprintf(bw, "%s: %s: %s of this file not reported\n", escape.Name(l.File), p.dim.Sprint("note"), plural(l.Count, "finding", "findings"))
	}
	if note := r.LeftOutNote(); note != "" {
		fmt.Fprintf(bw, "%s: %s\n", p.dim.Sprint("note"), note)
	}
	fmt.Fprintln(bw, summaryLine(r, t.Counts))
	return bw.Flush()
}

// TextFindings writes the findings as Text does, with their source lines and
// markers, and nothing else: no notes, no summary (exlint fmt's refusals).
func TextFindings(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	writeFindings(bw, r.Findings, r.Sources, newPalette(opt.Color))
	return bw.Flush()
}

// textOut is where text is written: a bufio.Writer, or a bytes.Buffer
// when a worker encodes a file's findings.
type textOut interface {
	io.Writer
	io.ByteWriter
}

func writeFindings(bw textOut, fs []lint.Finding, sources map[string]*lint.Excerpt, p palette) {
	for _, f := range fs {
		// A plan's finding names its state before the rule, so that the
		// line still ends with the rule, as problem matchers read it.
		tag := "[" + escape.Text(f.Rule) + "]"
		if note := f.StateNote(); note != "" {
			tag = "(" + escape.Text(note) + ") " + tag
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			p.bold.Sprint(location(f.Range)), p.sev[f.Severity].Sprint(f.Severity), escape.Text(f.Message), p.dim.Sprint(tag))
		writeSnippet(bw, sources[f.Range.Filename], f.Range, p.sev[f.Severity])
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "%s: %s: %s\n", p.bold.Sprint(location(rel.Range)), p.dim.Sprint("note"), escape.Text(rel.Message))
			writeSnippet(bw, sources[rel.Range.Filename], rel.Range, p.dim)
		}
		bw.WriteByte('\n')
	}
}

func location(r hcl.Range) string {
	line, col := start(r)
	return fmt.Sprintf("%s:%d:%d", escape.Name(r.Filename), line, col)
}

func summaryLine(r *Report, c lint.Counts) string {
	what := fmt.Sprintf("checked %s (%s)", plural(r.Topologies, "topology", "topologies"), plural(r.Files, "file", "files"))
	var hidden []string
	if r.Suppressed > 0 {
		hidden = append(hidden, fmt.Sprintf("%d suppressed", r.Suppressed))
	}
	if r.Baselined > 0 {
		hidden = append(hidden, fmt.Sprintf("%d in the baseline", r.Baselined))
	}
	if n := r.leftOutCount(); n > 0 {
		hidden = append(hidden, fmt.Sprintf("%d not reported", n))
	}
	tail := ""
	if len(hidden) > 0 {
		tail = " (" + strings.Join(hidden, ", ") + ")"
	}
	if c.Errors+c.Warnings+c.Infos == 0 {
		return what + ": no problems found" + tail
	}
	return what + ": " + c.Summary() + tail
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Snippet widths: a source line longer than snippetCut bytes is shown as a
// window of at most snippetWindow bytes around where the finding is, after
// snippetBefore bytes of what precedes it, with "…" where it is cut. The
// work and the output for one finding are then bounded whatever the length
// of the line (a line of a megabyte holding thousands of findings was
// printed whole for each).
const (
	snippetCut    = 200
	snippetWindow = 160
	snippetBefore = 60
)

// writeSnippet prints the lines rng covers with a marker under the range.
// Lines the excerpt lacks are not printed.
func writeSnippet(w textOut, src *lint.Excerpt, rng hcl.Range, mark *color.Color) {
	first, last := lint.RangeLines(rng)
	if _, ok := src.Line(first); !ok {
		return
	}
	width := len(strconv.Itoa(last))
	gutter := strings.Repeat(" ", width)
	fmt.Fprintf(w, "%s |\n", gutter)
	for _, l := range lint.SnippetLines(first, last) {
		line, ok := src.Line(l)
		if !ok {
			fmt.Fprintf(w, "%s |   ...\n", gutter)
			continue
		}
		text := bytes.TrimRight(line.Text, "\r")
		from, to := 0, len(text)
		if l == rng.Start.Line {
			from = clamp(rng.Start.Byte-line.Start, 0, len(text))
		}
		if l == rng.End.Line {
			to = clamp(rng.End.Byte-line.Start, from, len(text))
		}
		lo, hi := window(text, from)
		before, after := "", ""
		if lo > 0 {
			before = "…"
		}
		if hi < len(text) {
			after = "…"
		}
		shown := text[lo:hi]
		from, to = clamp(from-lo, 0, len(shown)), clamp(to-lo, 0, len(shown))
		fmt.Fprintf(w, "%*d | %s%s%s\n", width, l, before, escape.Source(shown), after)
		indent := indentFor(shown[:from])
		if before != "" {
			indent = " " + indent
		}
		fmt.Fprintf(w, "%s | %s%s\n", gutter, indent, mark.Sprint(marker(shown[from:to], l == rng.Start.Line)))
	}
}

// window returns the bytes [lo, hi) of text to show for a finding at byte
// at: the whole text when it is short, else snippetWindow bytes from
// snippetBefore bytes before at, on character boundaries.
func window(text []byte, at int) (lo, hi int) {
	if len(text) <= snippetCut {
		return 0, len(text)
	}
	lo = max(0, at-snippetBefore)
	hi = min(len(text), lo+snippetWindow)
	lo = max(0, hi-snippetWindow)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return lo, hi
}

func clamp(n, lo, hi int) int { return max(lo, min(n, hi)) }

// marker is "^~~~" covering text: a caret where the range starts, tildes for
// the rest; a range that starts on an earlier line is all tildes.
func marker(text []byte, starts bool) string {
	n := displayWidth(text)
	if starts {
		if n <= 1 {
			return "^"
		}
		return "^" + strings.Repeat("~", n-1)
	}
	return strings.Repeat("~", max(n, 1))
}

// indentFor returns whitespace as wide as prefix, keeping tabs so that the
// marker lines up with the source line above it.
func indentFor(prefix []byte) string {
	var b strings.Builder
	for _, r := range string(prefix) {
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func displayWidth(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
}
