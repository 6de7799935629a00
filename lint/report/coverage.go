package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// What stayed unknown (exlint check --coverage): the things the rules could
// not judge for lack of an attribute, and the attributes that would let
// them. Text lists them after the findings, JSON in summary.unknown, SARIF
// in the run's properties; each only when the run asked (Report.Coverage),
// so that a run without --coverage writes what it wrote before. The other
// formats have no place for them.

// UnknownsLeftOutNote says how many unknowns the caps left out of the list,
// or "" when none was.
func (r *Report) UnknownsLeftOutNote() string {
	if r.UnknownsLeftOut == 0 {
		return ""
	}
	return fmt.Sprintf("%s not listed: exlint lists at most %d per file and %d per run, as it reports findings "+
		"(max_findings_per_file and max_findings in .exlint.hcl, --max-findings-per-file and --max-findings)",
		plural(r.UnknownsLeftOut, "more unknown attribute was", "more unknown attributes were"), r.MaxFindingsPerFile, r.MaxFindings)
}

// Coverage writes the text format's list of what stayed unknown, as Text
// writes it after the findings: one heading, then each rule with the
// attributes it lacked, where their blocks are. It writes nothing when the
// run did not ask for coverage.
func Coverage(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	writeCoverage(bw, r, newPalette(opt.Color))
	return bw.Flush()
}

func writeCoverage(bw *bufio.Writer, r *Report, p palette) {
	if !r.Coverage {
		return
	}
	if len(r.Unknowns) == 0 && r.UnknownsLeftOut == 0 {
		fmt.Fprintf(bw, "%s nothing: every rule had the attributes it needs\n\n", p.bold.Sprint("what stayed unknown:"))
		return
	}
	rules := 0
	for i, u := range r.Unknowns {
		if i == 0 || u.Rule != r.Unknowns[i-1].Rule {
			rules++
		}
	}
	fmt.Fprintf(bw, "%s %s could not judge %s for lack of these attributes; state them to have them checked\n",
		p.bold.Sprint("what stayed unknown:"), plural(rules, "rule", "rules"), plural(len(r.Unknowns)+r.UnknownsLeftOut, "thing", "things"))
	for i, u := range r.Unknowns {
		if i == 0 || u.Rule != r.Unknowns[i-1].Rule {
			fmt.Fprintf(bw, "  %s\n", p.dim.Sprint(escape.Text(u.Rule)))
		}
		fmt.Fprintf(bw, "    %s: %s%s\n", p.bold.Sprint(location(u.Range)), escape.Text(u.Attribute), unknownNote(u))
	}
	if note := r.UnknownsLeftOutNote(); note != "" {
		fmt.Fprintf(bw, "%s: %s\n", p.dim.Sprint("note"), note)
	}
	bw.WriteByte('\n')
}

// unknownNote says, after an attribute, what else the text needs: the thing
// the rule could not judge when another block lacks the attribute, and the
// stage of a plan whose state lacks it.
func unknownNote(u lint.Unknown) string {
	var notes []string
	if u.What != "" && u.What != blockOf(u) {
		notes = append(notes, "for "+escape.Text(u.What))
	}
	if !u.State.IsZero() && u.State.Name != lint.CurrentState {
		notes = append(notes, escape.Text(u.State.Describe()))
	}
	if len(notes) == 0 {
		return ""
	}
	s := " ("
	for i, n := range notes {
		if i > 0 {
			s += "; "
		}
		s += n
	}
	return s + ")"
}

// blockOf is the address of the block an unknown attribute belongs to.
func blockOf(u lint.Unknown) string {
	for i := len(u.Attribute) - 1; i >= 0; i-- {
		if u.Attribute[i] == '.' {
			return u.Attribute[:i]
		}
	}
	return ""
}

// jsonUnknown is an element of summary.unknown (docs/json-format.md).
type jsonUnknown struct {
	Rule      string    `json:"rule"`
	Attribute string    `json:"attribute"`
	What      string    `json:"what"`
	Range     jsonRange `json:"range"`
	State     string    `json:"state,omitempty"`
}

// jsonUnknowns is summary.unknown: nil (absent) when the run did not ask,
// an empty list when nothing stayed unknown.
func jsonUnknowns(r *Report) *[]jsonUnknown {
	if !r.Coverage {
		return nil
	}
	out := make([]jsonUnknown, 0, len(r.Unknowns))
	for _, u := range r.Unknowns {
		out = append(out, jsonUnknown{Rule: u.Rule, Attribute: u.Attribute, What: u.What, Range: toJSONRange(u.Range), State: u.State.Name})
	}
	return &out
}

// sarifCoverage puts what stayed unknown in the run's properties: unknown,
// a list like JSON's summary.unknown with the block's location as a result
// has it, and unknownLeftOutCount when the caps left some out. Unknowns are
// not results: nothing is wrong with the topology, it only leaves a
// question open, and code scanning must not raise an alert for it.
func sarifCoverage(run *sarif.Run, r *Report) {
	if !r.Coverage {
		return
	}
	list := make([]map[string]any, 0, len(r.Unknowns))
	for _, u := range r.Unknowns {
		line, _ := start(u.Range)
		e := map[string]any{"rule": u.Rule, "attribute": u.Attribute, "what": u.What, "uri": fileURI(r.BaseDir, u.Range.Filename),
			"startLine": line, "startColumn": codePointColumn(r.Sources[u.Range.Filename], u.Range.Start)}
		if u.State.Name != "" {
			e["state"] = u.State.Name
		}
		list = append(list, e)
	}
	pb := sarif.NewPropertyBag()
	pb.Add("unknown", list)
	if r.UnknownsLeftOut > 0 {
		pb.Add("unknownLeftOutCount", r.UnknownsLeftOut)
	}
	run.AttachPropertyBag(pb)
}
