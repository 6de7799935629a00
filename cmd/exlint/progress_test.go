package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeTerminal is standard output or error as a terminal (or not): it
// keeps what is written to it, in order, with the other streams that share
// it.
type fakeTerminal struct {
	screen *bytes.Buffer
	tty    bool
}

func (f fakeTerminal) Write(p []byte) (int, error) { return f.screen.Write(p) }
func (f fakeTerminal) IsTerminal() bool            { return f.tty }

// steppingClock moves on by step each time it is read: a run of any speed
// looks the same to the progress line.
type steppingClock struct {
	at   time.Time
	step time.Duration
}

func (c *steppingClock) Now() time.Time {
	c.at = c.at.Add(c.step)
	return c.at
}

// withClock makes the progress line read a clock that moves on by step at
// each reading, for the test.
func withClock(t *testing.T, step time.Duration) {
	saved := clock
	t.Cleanup(func() { clock = saved })
	clock = &steppingClock{at: time.Unix(1_800_000_000, 0), step: step}
}

// shown is what a terminal shows after receiving out: a carriage return
// goes back to the start of the line, and what follows overwrites it.
func shown(out string) string {
	var lines [][]rune
	line, col := []rune{}, 0
	for _, r := range out {
		switch r {
		case '\r':
			col = 0
		case '\n':
			lines = append(lines, line)
			line, col = []rune{}, 0
		default:
			if col < len(line) {
				line[col] = r
			} else {
				line = append(line, r)
			}
			col++
		}
	}
	lines = append(lines, line)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(string(l), " "))
	}
	return b.String()
}

// checkOnTerminal runs exlint check with standard output and error on one terminal
// (tty) and returns what was written to it, in order.
func checkOnTerminal(t *testing.T, tty bool, getenv env, args ...string) (string, int) {
	t.Helper()
	t.Chdir(repoRoot)
	var screen bytes.Buffer
	term := fakeTerminal{screen: &screen, tty: tty}
	code := run(append([]string{"check", "--as-of", asOf, "--color", "never"}, args...), strings.NewReader(""), term, term, getenv)
	return screen.String(), code
}

// On a terminal, a check of many topologies shows how many are done on
// standard error, redrawn in place; the terminal ends up showing exactly
// what a run without progress prints, and standard output never holds any
// of it.
func TestProgressOnTerminal(t *testing.T) {
	withClock(t, 150*time.Millisecond)
	plain, code := checkOnTerminal(t, true, noEnv, "--no-progress", "examples")
	if code != 1 || strings.Contains(plain, "\r") {
		t.Fatalf("exit %d, --no-progress output:\n%q", code, plain)
	}
	total := len(exampleTopologies(t))
	got, code := checkOnTerminal(t, true, noEnv, "examples")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	draws := strings.Count(got, "\rexlint: ")
	if draws < total/2 || !strings.Contains(got, "\rexlint: 2/"+strconv.Itoa(total)+" topologies checked") {
		t.Errorf("%d progress lines for %d topologies:\n%q", draws, total, got)
	}
	if s := shown(got); s != shown(plain) {
		t.Errorf("the terminal shows\n%s\nwant what a run without progress prints\n%s", s, shown(plain))
	}

	// Standard output alone (a file or a pipe) holds none of it.
	var out bytes.Buffer
	errTerm := fakeTerminal{screen: &bytes.Buffer{}, tty: true}
	t.Chdir(repoRoot)
	run([]string{"check", "--as-of", asOf, "--format", "json", "examples"}, strings.NewReader(""), &out, errTerm, noEnv)
	if strings.Contains(out.String(), "topologies checked") || !strings.Contains(errTerm.screen.String(), "\rexlint: ") {
		t.Errorf("standard output:\n%.300s\nstandard error: %q", out.String(), errTerm.screen.String())
	}
}

// No progress line: standard error not a terminal, --no-progress, NO_COLOR,
// TERM=dumb, or a single topology.
func TestNoProgress(t *testing.T) {
	withClock(t, time.Second)
	only := func(k, v string) env {
		return func(name string) string {
			if name == k {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		tty    bool
		getenv env
		args   []string
	}{
		{"not a terminal", false, noEnv, []string{"examples"}},
		{"--no-progress", true, noEnv, []string{"--no-progress", "examples"}},
		{"NO_COLOR", true, only("NO_COLOR", "1"), []string{"examples"}},
		{"TERM=dumb", true, only("TERM", "dumb"), []string{"examples"}},
		{"one topology", true, noEnv, []string{"examples/small-cutover"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, code := checkOnTerminal(t, tc.tty, tc.getenv, tc.args...)
			if code != 1 || strings.Contains(got, "\r") || strings.Contains(got, "topologies checked") {
				t.Errorf("exit %d, output holds progress: %q", code, got[:min(len(got), 300)])
			}
		})
	}
}
