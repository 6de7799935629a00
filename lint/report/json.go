package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// JSONVersion is the version of the JSON format (docs/json-format.md). It
// changes only when a field is removed or changes meaning.
const JSONVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	AsOf     string        `json:"as_of"`
	Findings []jsonFinding `json:"findings"`
	Skipped  []jsonSkipped `json:"skipped"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Address  string        `json:"address"`
	Range    jsonRange     `json:"range"`
	Related  []jsonRelated `json:"related"`
	// A plan's finding only (docs/json-format.md): its state, the states it
	// lasts through, whether it is planned, and the stage that resolves it.
	State      string     `json:"state,omitempty"`
	StateDate  string     `json:"state_date,omitempty"`
	States     []string   `json:"states,omitempty"`
	Planned    *bool      `json:"planned,omitempty"`
	ResolvedBy *jsonStage `json:"resolved_by,omitempty"`
	JudgedOn   string     `json:"judged_on,omitempty"`
}

type jsonStage struct {
	Stage   string `json:"stage"`
	Date    string `json:"date"`
	Overdue bool   `json:"overdue,omitempty"`
}

// JSONFinding is a finding as the JSON format holds it, for the JSON
// documents that embed findings (exlint plan's): the same fields, the same
// contract (docs/json-format.md).
func JSONFinding(f lint.Finding) any { return toJSONFinding(f) }

// toJSONFinding is a finding as the JSON format holds it; appendFinding
// writes the same bytes without reflection.
func toJSONFinding(f lint.Finding) jsonFinding {
	jf := jsonFinding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Address: f.Address,
		Range: toJSONRange(f.Range), Related: []jsonRelated{}}
	for _, rel := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, Range: toJSONRange(rel.Range)})
	}
	if !f.State.IsZero() {
		planned := f.Planned
		jf.State, jf.StateDate, jf.States, jf.Planned = f.State.Name, f.State.Date, f.States, &planned
		if f.ResolvedBy != nil {
			jf.ResolvedBy = &jsonStage{Stage: f.ResolvedBy.Name, Date: f.ResolvedBy.Date, Overdue: f.ResolvedBy.Overdue}
		}
		jf.JudgedOn = f.JudgedOn
	}
	return jf
}

type jsonRelated struct {
	Message string    `json:"message"`
	Range   jsonRange `json:"range"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

type jsonSkipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

type jsonSummary struct {
	Errors     int      `json:"error_count"`
	Warnings   int      `json:"warning_count"`
	Infos      int      `json:"info_count"`
	Topologies int      `json:"topologies"`
	Files      int      `json:"files"`
	Unchecked  []string `json:"unchecked_topologies"`
	Suppressed int      `json:"suppressed_count"`
	Baselined  int      `json:"baselined_count"`
	LeftOut    int      `json:"left_out_count,omitempty"`
	Planned    int      `json:"planned_count,omitempty"`
	// Unknown is present only with exlint check --coverage.
	Unknown        *[]jsonUnknown `json:"unknown,omitempty"`
	UnknownLeftOut int            `json:"unknown_left_out_count,omitempty"`
}

func toJSONRange(r hcl.Range) jsonRange {
	return jsonRange{
		Filename: filepath.ToSlash(r.Filename),
		Start:    jsonPos{Line: r.Start.Line, Column: r.Start.Column, Byte: r.Start.Byte},
		End:      jsonPos{Line: r.End.Line, Column: r.End.Column, Byte: r.End.Byte},
	}
}

// JSON writes the report as one JSON document (docs/json-format.md).
func JSON(w io.Writer, r *Report) error {
	return Write("json", w, r, Options{})
}

// jsonWriter streams the JSON document: the findings array is written
// finding by finding, in the bytes encoding/json's indented encoder would
// give for the whole document, made safe for a CI log by escape.JSON.
type jsonWriter struct {
	bw   *bufio.Writer
	head *Report
	tally
	err error
}

func newJSONWriter(w io.Writer, head *Report) *jsonWriter {
	return &jsonWriter{bw: bufio.NewWriter(w), head: head}
}

func (j *jsonWriter) start() {
	if j.total() > 0 || j.err != nil {
		return
	}
	asOf, err := json.Marshal(j.head.AsOf)
	j.err = err
	fmt.Fprintf(j.bw, "{\n  \"version\": %d,\n  \"as_of\": %s,\n  \"findings\": [", JSONVersion, asOf)
}

func (j *jsonWriter) File(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) error {
	b, err := j.Encode(name, fs, sources)
	if err != nil {
		return err
	}
	return j.WriteEncoded(b, fs)
}

// Encode writes each finding as an element of the findings array, each
// preceded by a comma: WriteEncoded drops the document's first one.
func (j *jsonWriter) Encode(_ string, fs []lint.Finding, _ map[string]*lint.Excerpt) ([]byte, error) {
	size := 0
	for _, f := range fs {
		size += findingSize(f)
	}
	buf := getBuffer(size)
	for _, f := range fs {
		buf = append(buf, ",\n    "...)
		buf = appendFinding(buf, f)
	}
	return buf, nil
}

func (j *jsonWriter) WriteEncoded(b []byte, fs []lint.Finding) error {
	if len(fs) == 0 {
		putBuffer(b)
		return j.err
	}
	j.start()
	if j.total() == 0 {
		b = b[1:]
	}
	j.bw.Write(b)
	putBuffer(b)
	j.add(fs)
	return j.err
}

func (j *jsonWriter) Close(r *Report) error {
	j.start()
	if j.total() > 0 {
		j.bw.WriteString("\n  ")
	}
	c := j.Counts
	summary := jsonSummary{Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
		Topologies: r.Topologies, Files: r.Files, Unchecked: []string{},
		Suppressed: r.Suppressed, Baselined: r.Baselined, LeftOut: r.leftOutCount(), Planned: c.Planned(),
		Unknown: jsonUnknowns(r), UnknownLeftOut: r.UnknownsLeftOut}
	for _, u := range r.Unchecked {
		summary.Unchecked = append(summary.Unchecked, filepath.ToSlash(u))
	}
	skipped := []jsonSkipped{}
	for _, s := range r.Skipped {
		skipped = append(skipped, jsonSkipped{Path: filepath.ToSlash(s.Path), Reason: s.Reason})
	}
	sk, err := json.MarshalIndent(skipped, "  ", "  ")
	if err != nil {
		return err
	}
	sm, err := json.MarshalIndent(summary, "  ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(j.bw, "],\n  \"skipped\": %s,\n  \"summary\": %s\n}\n", escape.JSON(sk), escape.JSON(sm))
	if j.err != nil {
		return j.err
	}
	return j.bw.Flush()
}
