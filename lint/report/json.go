package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
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
	c := r.Counts()
	out := jsonReport{
		Version:  JSONVersion,
		AsOf:     r.AsOf,
		Findings: []jsonFinding{},
		Skipped:  []jsonSkipped{},
		Summary: jsonSummary{Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
			Topologies: r.Topologies, Files: r.Files, Unchecked: []string{},
			Suppressed: r.Suppressed, Baselined: r.Baselined},
	}
	for _, f := range r.Findings {
		jf := jsonFinding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Address: f.Address,
			Range: toJSONRange(f.Range), Related: []jsonRelated{}}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, Range: toJSONRange(rel.Range)})
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, s := range r.Skipped {
		out.Skipped = append(out.Skipped, jsonSkipped{Path: filepath.ToSlash(s.Path), Reason: s.Reason})
	}
	for _, u := range r.Unchecked {
		out.Summary.Unchecked = append(out.Summary.Unchecked, filepath.ToSlash(u))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
