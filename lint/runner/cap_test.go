package runner

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

// The caps keep a file's first findings and the run's; what they leave out
// is counted by severity, planned ones apart, so that the exit code still
// counts them as it would have.
func TestCap(t *testing.T) {
	c := &Cap{PerFile: 2, PerRun: 3}
	planned := lint.Finding{Severity: lint.Error, Planned: true}
	a := c.Keep("a", []lint.Finding{{Severity: lint.Warning}, {Severity: lint.Warning}, planned})
	b := c.Keep("b", []lint.Finding{{Severity: lint.Info}, planned, {Severity: lint.Error}})
	if len(a) != 2 || len(b) != 1 || b[0].Severity != lint.Info {
		t.Fatalf("kept %d and %d", len(a), len(b))
	}
	want := lint.Counts{Errors: 3, PlannedErrors: 2}
	if c.LeftOut != want || c.Total() != 3 || len(c.Files) != 2 || c.Files[1] != (LeftOut{"b", 2}) {
		t.Errorf("left out %+v, files %+v", c.LeftOut, c.Files)
	}
	if !c.LeftOut.Fail(lint.Error, false) {
		t.Error("the error left out does not fail")
	}
	c = &Cap{PerFile: 1}
	c.Keep("a", []lint.Finding{{Severity: lint.Info}, planned})
	if c.LeftOut.Fail(lint.Error, false) || !c.LeftOut.Fail(lint.Error, true) {
		t.Error("a planned error left out fails only when planned ones do")
	}
}
