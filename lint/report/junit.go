package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/jstemmer/go-junit-report/v2/junit"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// JUnit writes the report as JUnit XML, which GitLab, Azure DevOps and
// Jenkins show as test results: a test suite per checked file, a failed
// test case per finding (named after its rule and address, with the
// severity as the failure type), and one passing test case for a file
// without findings. Nothing depends on the clock: times are 0.
func JUnit(w io.Writer, r *Report) error {
	suites := junit.Testsuites{Name: "exlint"}
	groups := byFile(r.Findings)
	for i, name := range files(r) {
		path, _ := relPath(r.BaseDir, name)
		ts := junit.Testsuite{Name: xmlText(path), ID: i, Time: "0", File: xmlText(path)}
		for _, f := range groups[name] {
			ts.AddTestcase(junit.Testcase{
				Name:      xmlText(caseName(f)),
				Classname: xmlText(path),
				Time:      "0",
				Failure: &junit.Result{
					Message: xmlText(withState(f)),
					Type:    f.Severity.String(),
					Data:    xmlText(junitDetail(path, f)),
				},
			})
		}
		if len(groups[name]) == 0 {
			ts.AddTestcase(junit.Testcase{Name: "exlint", Classname: xmlText(path), Time: "0"})
		}
		suites.AddSuite(ts)
	}
	var buf bytes.Buffer
	buf.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if err := suites.WriteXML(&buf); err != nil {
		return err
	}
	// Attributes made safe for a CI log; the failure's text (CDATA, read
	// literally) is terminal text already (junitDetail).
	_, err := w.Write(escape.XML(buf.Bytes()))
	return err
}

// caseName names a finding's test case: its rule and address (or place),
// and the state of a plan's finding that is not the current state's, so
// that a problem the plan brings later is a case of its own.
func caseName(f lint.Finding) string {
	line, col := start(f.Range)
	name := fmt.Sprintf("%s at %d:%d", f.Rule, line, col)
	if f.Address != "" {
		name = fmt.Sprintf("%s: %s", f.Rule, f.Address)
	}
	if !f.State.IsZero() && f.State.Name != lint.CurrentState {
		name += " in stage " + f.State.Name
	}
	return name
}

// junitDetail is a failure's text: CI servers and test viewers print it as
// it is, in their logs too, so names and messages are written as the text
// format writes them (line breaks, controls and bidirectional characters as
// escapes, "##vso[" broken, no line a runner reads as a command).
func junitDetail(path string, f lint.Finding) string {
	line, col := start(f.Range)
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", escape.Name(path), line, col, f.Severity, escape.Text(withState(f)), escape.Text(f.Rule))
	for _, rel := range f.Related {
		rl, rc := start(rel.Range)
		fmt.Fprintf(&b, "%s:%d:%d: note: %s\n", escape.Name(rel.Range.Filename), rl, rc, escape.Text(rel.Message))
	}
	fmt.Fprintf(&b, "%s%s.md\n", lint.DocsBaseURL, escape.Text(f.Rule))
	return b.String()
}
