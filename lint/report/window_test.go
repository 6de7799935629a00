package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exlint/exlint/lint"
)

// On a long line a snippet shows a window around the finding, marked as
// cut, with the marker under the character the finding points at; its size
// does not depend on the length of the line.
func TestSnippetWindow(t *testing.T) {
	line := strings.Repeat("é@", 50000) // 150,000 bytes, 100,000 characters
	src := []byte("x = 1\n" + line + "\n")
	ex := lint.ExcerptOf(src)
	for _, col := range []int{0, 10, 500, 99999} {
		off := len(strings.Repeat("é@", col/2)) // a character boundary
		if col%2 == 1 {
			off += len("é")
		}
		start := 6 + off
		r := rng("f", 2, col+1, start, 2, col+2, start+1)
		var b bytes.Buffer
		w := newBufWriter(&b)
		writeSnippet(w, ex, r, newPalette(false).dim)
		w.Flush()
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 3 {
			t.Fatalf("column %d: %q", col, b.String())
		}
		shown, marker := strings.TrimPrefix(lines[1], "2 | "), strings.TrimPrefix(lines[2], "  | ")
		if n := utf8.RuneCountInString(shown); n > snippetWindow+2 {
			t.Errorf("column %d: %d characters shown", col, n)
		}
		if col > snippetBefore && !strings.HasPrefix(shown, "…") || col < 99000 && !strings.HasSuffix(shown, "…") {
			t.Errorf("column %d: the cut is not marked: %q", col, shown)
		}
		caret := utf8.RuneCountInString(strings.TrimRight(marker, "^~")) // the marker's column in the shown text
		if got, want := []rune(shown)[caret], []rune(line)[col]; got != want || !strings.HasSuffix(marker, "^") {
			t.Errorf("column %d: the marker is under %q, want %q:\n%s\n%s", col, got, want, shown, marker)
		}
	}
}
