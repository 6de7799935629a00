package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Excerpt holds the lines of one file that findings point into, so that
// reporters can show them without the run keeping whole files in memory.
type Excerpt struct {
	lines []ExcerptLine // sorted by number
}

// ExcerptLine is one source line: its number, the byte offset where it
// starts in the file, and its text without the line break.
type ExcerptLine struct {
	Number int
	Start  int
	Text   []byte
	// marks count the characters before every runeMarkEvery bytes of a long
	// line, so that RunesBefore never reads the line from its start.
	marks []runeMark
}

type runeMark struct{ byteOff, runes int }

// runeMarkEvery is how far apart the marks of a long line are, in bytes.
const runeMarkEvery = 1024

// RunesBefore returns how many characters (UTF-8 sequences, an invalid byte
// counting as one, as utf8.RuneCount counts) precede byte off of the line.
// It reads at most runeMarkEvery bytes and a few more: a finding's column
// costs the same on a line of a megabyte as on a short one.
func (l ExcerptLine) RunesBefore(off int) int {
	off = max(0, min(off, len(l.Text)))
	from, n := 0, 0
	if i := sort.Search(len(l.marks), func(i int) bool { return l.marks[i].byteOff > off }); i > 0 {
		from, n = l.marks[i-1].byteOff, l.marks[i-1].runes
	}
	return n + utf8.RuneCount(l.Text[from:off])
}

// markRunes computes the marks of a long line, reading it once.
func markRunes(text []byte) []runeMark {
	if len(text) <= runeMarkEvery {
		return nil
	}
	var marks []runeMark
	next, n := runeMarkEvery, 0
	for i := 0; i < len(text); n++ {
		if i >= next {
			marks = append(marks, runeMark{i, n})
			next = i + runeMarkEvery
		}
		_, size := utf8.DecodeRune(text[i:])
		i += size
	}
	return marks
}

// Line returns line n, if the excerpt holds it.
func (e *Excerpt) Line(n int) (ExcerptLine, bool) {
	if e == nil {
		return ExcerptLine{}, false
	}
	i := sort.Search(len(e.lines), func(i int) bool { return e.lines[i].Number >= n })
	if i < len(e.lines) && e.lines[i].Number == n {
		return e.lines[i], true
	}
	return ExcerptLine{}, false
}

// MaxSnippetLines bounds how many lines of a multi-line range are shown.
const MaxSnippetLines = 4

// SnippetLines returns the line numbers shown for a range from line first to
// line last: all of them when they are few, else the first ones, a gap (-1)
// and the last.
func SnippetLines(first, last int) []int {
	var out []int
	for l := first; l <= last; l++ {
		if last-first+1 > MaxSnippetLines && l > first+MaxSnippetLines-2 && l < last {
			if out[len(out)-1] != -1 {
				out = append(out, -1)
			}
			continue
		}
		out = append(out, l)
	}
	return out
}

// RangeLines returns the first and last line a range covers; a range that
// ends at the start of a line ends with the line before.
func RangeLines(r hcl.Range) (first, last int) {
	first, last = r.Start.Line, max(r.End.Line, r.Start.Line)
	if last > first && r.End.Column == 1 {
		last--
	}
	return first, last
}

// excerpts cuts, from each file of a topology, the lines the findings show.
func Excerpts(src map[string][]byte, fs []Finding) map[string]*Excerpt {
	want := map[string]map[int]bool{}
	add := func(r hcl.Range) {
		if _, ok := src[r.Filename]; !ok {
			return
		}
		if want[r.Filename] == nil {
			want[r.Filename] = map[int]bool{}
		}
		first, last := RangeLines(r)
		for _, l := range SnippetLines(first, last) {
			if l > 0 {
				want[r.Filename][l] = true
			}
		}
	}
	for _, f := range fs {
		add(f.Range)
		for _, rel := range f.Related {
			add(rel.Range)
		}
	}
	out := map[string]*Excerpt{}
	for name, lines := range want {
		out[name] = excerptLines(src[name], func(n int) bool { return lines[n] })
	}
	return out
}

// ExcerptOf returns the excerpt of every line of src, for callers that hold a
// whole file (tests, fmt).
func ExcerptOf(src []byte) *Excerpt {
	return excerptLines(src, func(int) bool { return true })
}

// excerptLines copies the lines of data that keep selects.
func excerptLines(data []byte, keep func(line int) bool) *Excerpt {
	ex := &Excerpt{}
	line, start := 1, 0
	for start <= len(data) {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		if keep(line) {
			text := bytes.TrimSuffix(data[start:end], []byte("\r"))
			cp := append([]byte(nil), text...)
			ex.lines = append(ex.lines, ExcerptLine{Number: line, Start: start, Text: cp, marks: markRunes(cp)})
		}
		if end == len(data) {
			break
		}
		line, start = line+1, end+1
	}
	return ex
}
