package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeClock is at the times it is set to, from the start of the run.
type fakeClock struct{ at time.Duration }

func (c *fakeClock) Now() time.Time { return time.Unix(1_800_000_000, 0).Add(c.at) }

// The line appears once the run has lasted Delay, is redrawn at most once
// per Interval, and is cleared.
func TestLine(t *testing.T) {
	var term bytes.Buffer
	clock := &fakeClock{}
	l := New(&term, clock)
	steps := []struct {
		at          time.Duration
		done, total int
		want        string
	}{
		{50 * time.Millisecond, 1, 120, ""},                                    // too soon
		{199 * time.Millisecond, 2, 120, ""},                                   // still too soon
		{200 * time.Millisecond, 3, 120, "\rexlint: 3/120 topologies checked"}, // Delay reached
		{250 * time.Millisecond, 4, 120, ""},                                   // within Interval
		{299 * time.Millisecond, 5, 120, ""},                                   // within Interval
		{300 * time.Millisecond, 99, 120, "\rexlint: 99/120 topologies checked"},
		{900 * time.Millisecond, 119, 120, "\rexlint: 119/120 topologies checked"},
		{2 * time.Second, 120, 120, ""}, // the last: the run is over
	}
	for _, s := range steps {
		clock.at = s.at
		term.Reset()
		l.Update(s.done, s.total)
		if term.String() != s.want {
			t.Errorf("at %v, %d/%d: wrote %q, want %q", s.at, s.done, s.total, term.String(), s.want)
		}
	}
	term.Reset()
	l.End()
	if want := "\r" + strings.Repeat(" ", len("exlint: 119/120 topologies checked")) + "\r"; term.String() != want {
		t.Errorf("End wrote %q, want %q", term.String(), want)
	}
	term.Reset()
	l.End()
	if term.Len() != 0 {
		t.Errorf("a second End wrote %q", term.String())
	}
}

// A run of one topology never shows the line, however long it takes; a nil
// line shows nothing and passes writes through.
func TestLineNotShown(t *testing.T) {
	var term bytes.Buffer
	clock := &fakeClock{}
	l := New(&term, clock)
	clock.at = time.Hour
	l.Update(0, 1)
	l.Update(1, 1)
	l.End()
	var none *Line
	none.Update(5, 10)
	none.End()
	w := none.Writer(&term)
	w.Write([]byte("out"))
	if term.String() != "out" || w != &term {
		t.Errorf("wrote %q", term.String())
	}
}

// Output through Writer clears the line first, so that it starts on an
// empty line, and is written in whole lines, so that the line is never
// drawn after a part of one; the line is drawn again at the next Update
// past Interval; End writes what is held back.
func TestWriterClearsTheLine(t *testing.T) {
	var term bytes.Buffer
	clock := &fakeClock{}
	l := New(&term, clock)
	out := l.Writer(&term)
	step := func(d time.Duration, done int) {
		clock.at += d
		l.Update(done, 3)
	}
	step(time.Second, 1)
	out.Write([]byte("finding\n"))
	step(50*time.Millisecond, 2) // within Interval
	out.Write([]byte("summary\n"))
	step(time.Second, 2)
	out.Write([]byte("part of a line")) // held back
	step(time.Second, 2)
	out.Write([]byte(", ended\nand a tail"))
	step(time.Second, 2)
	l.End()
	line := "exlint: 1/3 topologies checked"
	line2 := "\rexlint: 2/3 topologies checked"
	blank := "\r" + strings.Repeat(" ", len(line)) + "\r"
	want := "\r" + line + blank + "finding\n" + "summary\n" + line2 + line2 + blank + "part of a line, ended\n" + line2 + blank + "and a tail"
	if term.String() != want {
		t.Errorf("terminal got\n%q\nwant\n%q", term.String(), want)
	}
}

// A line longer than maxHeld is written as it comes, and the progress line
// waits until it ends.
func TestWriterLongLine(t *testing.T) {
	var term bytes.Buffer
	clock := &fakeClock{at: time.Second}
	l := New(&term, clock)
	out := l.Writer(&term)
	long := strings.Repeat("x", maxHeld+1)
	out.Write([]byte(long))
	clock.at += time.Second
	l.Update(1, 3)
	out.Write([]byte("\n"))
	clock.at += time.Second
	l.Update(2, 3)
	l.End()
	want := long + "\n\rexlint: 2/3 topologies checked\r" + strings.Repeat(" ", 30) + "\r"
	if term.String() != want {
		t.Errorf("terminal got %q", term.String()[maxHeld-10:])
	}
}
