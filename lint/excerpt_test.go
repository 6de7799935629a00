package lint

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// RunesBefore counts as utf8.RuneCount does, on short and long lines, with
// multi-byte and invalid sequences across the marks.
func TestRunesBefore(t *testing.T) {
	long := bytes.Repeat([]byte("aé€😀\xff\xe2\x82"), 700)
	for _, text := range [][]byte{[]byte("short é"), long} {
		ex := ExcerptOf(append([]byte("x\n"), text...))
		line, ok := ex.Line(2)
		if !ok {
			t.Fatal("no line 2")
		}
		for off := 0; off <= len(text); off++ {
			if got, want := line.RunesBefore(off), utf8.RuneCount(text[:off]); got != want {
				t.Fatalf("RunesBefore(%d) = %d, want %d", off, got, want)
			}
		}
	}
}
