// Package progress shows how far a long check has got: one line on a
// terminal's standard error, "exlint: 120/4000 topologies checked", redrawn
// in place and cleared at the end. Whether to show it at all (a terminal,
// no --no-progress) is the caller's decision; the line itself decides when
// a run is long enough to show it and how often to redraw it.
//
// The line is drawn with a carriage return and spaces only, no escape
// sequences, so that any terminal shows it. Output that goes to the same
// terminal meanwhile passes through Writer, which writes whole lines only
// and clears the progress line first: nothing is ever written after it on
// the same line, and it is never drawn over a line of output half written.
package progress

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

const (
	// Delay is how long a run goes on before the line appears: a run that
	// ends sooner shows nothing.
	Delay = 200 * time.Millisecond
	// Interval is the least time between two drawings of the line.
	Interval = 100 * time.Millisecond
)

// A Clock tells the time; tests give one that does not depend on the
// machine's speed.
type Clock interface {
	Now() time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// System is the machine's clock.
var System Clock = systemClock{}

// Line is the progress line of one run. A nil *Line shows nothing, and its
// Writer returns the writer it is given.
type Line struct {
	mu    sync.Mutex
	w     io.Writer
	clock Clock
	start time.Time
	// last is when the line was last drawn; shown is the width of the line
	// on the terminal, 0 when none is.
	last  time.Time
	shown int
	// midLine is set when the last write through a Writer did not end a
	// line (one longer than maxHeld): the terminal's cursor is not at the
	// start of one.
	midLine bool
	writers []*clearing
}

// maxHeld is the longest end of a line a Writer holds back until the rest
// of the line comes.
const maxHeld = 64 << 10

// New starts the progress line of a run that begins now, drawn on w.
func New(w io.Writer, clock Clock) *Line {
	return &Line{w: w, clock: clock, start: clock.Now()}
}

// Update says that done of total topologies are checked. The line is
// drawn only for a run of more than one topology that has lasted Delay,
// at most once per Interval, and not for the last topology (the run is
// over; End follows).
func (l *Line) Update(done, total int) {
	if l == nil || total <= 1 || done >= total {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.midLine {
		return
	}
	now := l.clock.Now()
	if now.Sub(l.start) < Delay || (!l.last.IsZero() && now.Sub(l.last) < Interval) {
		return
	}
	// done only grows: the line never gets shorter, so drawing it again over
	// the last one leaves nothing of that.
	text := fmt.Sprintf("exlint: %d/%d topologies checked", done, total)
	io.WriteString(l.w, "\r"+text)
	l.shown = len(text)
	l.last = now
}

// End removes the line from the terminal, if it is there, and writes what
// the Writers hold back (the end of a line that did not come).
func (l *Line) End() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clear()
	for _, c := range l.writers {
		if len(c.held) > 0 {
			c.w.Write(c.held)
			c.held = nil
		}
	}
}

func (l *Line) clear() {
	if l.shown == 0 {
		return
	}
	io.WriteString(l.w, "\r"+strings.Repeat(" ", l.shown)+"\r")
	l.shown = 0
}

// Writer returns a writer to w, a terminal the line is on, that writes
// whole lines, clearing the progress line first: what the run prints (on
// standard output or standard error) starts at the beginning of an empty
// line. The end of a line is held back until the rest comes (or End).
func (l *Line) Writer(w io.Writer) io.Writer {
	if l == nil {
		return w
	}
	c := &clearing{l: l, w: w}
	l.mu.Lock()
	l.writers = append(l.writers, c)
	l.mu.Unlock()
	return c
}

type clearing struct {
	l    *Line
	w    io.Writer
	held []byte
}

func (c *clearing) Write(p []byte) (int, error) {
	c.l.mu.Lock()
	defer c.l.mu.Unlock()
	end := bytes.LastIndexByte(p, '\n') + 1
	if end == 0 && len(c.held)+len(p) <= maxHeld {
		c.held = append(c.held, p...)
		return len(p), nil
	}
	if len(p)-end > maxHeld {
		end = len(p)
	}
	c.l.clear()
	out := p[:end]
	if len(c.held) > 0 {
		out = append(c.held, out...)
	}
	if _, err := c.w.Write(out); err != nil {
		c.held = nil
		return 0, err
	}
	c.held = append([]byte(nil), p[end:]...)
	c.l.midLine = len(out) > 0 && out[len(out)-1] != '\n'
	return len(p), nil
}
