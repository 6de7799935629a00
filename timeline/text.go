package timeline

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
)

// WriteText writes the timeline for people:
//
//	Contoso: 3 states, checked as of 2027-01-01
//
//	current (as of 2027-01-01)
//	  servers: Exchange 2007 ×1
//	  findings: 1 error (1 planned), 0 warnings, 0 info
//	    contoso.exchange.hcl:12:13: error: ... (planned: ...) [exchange-end-of-support]
//	  passes
//
//	stage introduce-2013, 2027-02 (judged on 2027-02-01)
//	  Exchange 2013 CU23 beside 2007
//	  + add server "EX13-01"            stages.exchange.hcl:6:16
//	  ...
//
// Every name and message from the input is escaped for a terminal.
func WriteText(w io.Writer, t *Timeline) error {
	bw := bufio.NewWriter(w)
	// Names and descriptions are cut to a line's worth: a header is no
	// place for a 200 KB name.
	name := words.ClipEnd(t.Organization, maxTextName)
	if name == "" {
		name = "(no organization)"
	}
	fmt.Fprintf(bw, "%s: %s, checked as of %s\n", escape.Text(name), words.Count(len(t.States), "state"), t.AsOf)
	for _, s := range t.States {
		bw.WriteString("\n")
		writeState(bw, s)
	}
	fmt.Fprintf(bw, "\nverdict: %s (%s)\n", t.Verdict, t.Counts.Summary())
	return bw.Flush()
}

// The longest organization name and stage description the text shows, in
// characters.
const (
	maxTextName        = 120
	maxTextDescription = 300
)

// changeMarks are the signs of the operations, as in a diff.
var changeMarks = map[string]string{"add": "+", "change": "~", "remove": "-"}

func writeState(bw *bufio.Writer, s *State) {
	lastDay := ""
	if !s.LastDay.IsZero() {
		lastDay = fmt.Sprintf(", and on %s, its last day", s.LastDay)
	}
	if s.Date == "" {
		fmt.Fprintf(bw, "%s (as of %s%s)\n", escape.Text(s.Name), s.JudgedOn, lastDay)
	} else {
		fmt.Fprintf(bw, "stage %s, %s", escape.Text(s.Name), escape.Text(s.Date))
		switch {
		case s.JudgedOn != s.Start:
			fmt.Fprintf(bw, " (judged on %s%s)", s.JudgedOn, lastDay)
		case lastDay != "":
			fmt.Fprintf(bw, " (judged on its last day too, %s)", s.LastDay)
		}
		bw.WriteString("\n")
	}
	if s.Description != "" {
		fmt.Fprintf(bw, "  %s\n", escape.Text(words.ClipEnd(s.Description, maxTextDescription)))
	}
	for _, c := range s.Changes {
		line := changeMarks[string(c.Kind)] + " " + string(c.Kind) + " " + c.Block
		if c.Kind == "change" && len(c.Attributes) > 0 {
			line += ": " + strings.Join(c.Attributes, ", ")
		}
		if c.Skipped {
			line += " (skipped)"
		}
		fmt.Fprintf(bw, "  %s  %s:%d:%d\n", escape.Text(line), escape.Text(c.Range.Filename), c.Range.Start.Line, c.Range.Start.Column)
	}
	fmt.Fprintf(bw, "  servers: %s\n", serverLine(s))
	if !s.Checked {
		fmt.Fprintf(bw, "  not checked: %s\n", notCheckedWhy(s))
	}
	if s.Counts.Total() == 0 {
		bw.WriteString("  findings: none\n")
	} else {
		fmt.Fprintf(bw, "  findings: %s\n", s.Counts.Summary())
	}
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		for _, f := range s.Findings {
			if f.Severity == sev {
				fmt.Fprintf(bw, "    %s\n", report.CompactLine(f))
			}
		}
	}
	if s.Unlisted > 0 {
		fmt.Fprintf(bw, "    (%s not listed: exlint plan lists at most max_findings)\n", words.Count(s.Unlisted, "more finding"))
	}
	fmt.Fprintf(bw, "  %s\n", s.Verdict)
}

// serverLine counts a state's servers by version: "Exchange 2007 ×1,
// Exchange 2013 ×2", saying how many are shut down.
func serverLine(s *State) string {
	if len(s.Servers) == 0 {
		return "none"
	}
	var parts []string
	for _, v := range s.Versions {
		parts = append(parts, fmt.Sprintf("%s ×%d", v.Version.ShortName(), v.Servers))
	}
	known := 0
	shut := 0
	for _, sv := range s.Servers {
		if sv.Version != nil {
			known++
		}
		if sv.ShutDown {
			shut++
		}
	}
	if unknown := len(s.Servers) - known; unknown > 0 {
		parts = append(parts, fmt.Sprintf("unknown version ×%d", unknown))
	}
	line := strings.Join(parts, ", ")
	if shut > 0 {
		line += fmt.Sprintf(" (%d shut down)", shut)
	}
	return line
}

// notCheckedWhy says why the rules did not run on the state, and where
// the findings that say more are.
func notCheckedWhy(s *State) string {
	why := s.NotCheckedWhy + ", so the rules did not run on it"
	switch s.NotCheckedWhy {
	case lint.NotCheckedStructural:
		return why + " (each error is listed where it is written: at its stage, or at the current state)"
	case lint.NotCheckedRemoved, lint.NotCheckedSameDate:
		return why + " (plan-structure says which)"
	}
	return why
}
