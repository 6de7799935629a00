package timeline

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
)

// JSONVersion is the version of exlint plan's JSON document
// (docs/json-format.md, "exlint plan"). It changes only when a field is
// removed or changes meaning.
const JSONVersion = 1

type jsonTimeline struct {
	Version      int         `json:"version"`
	Organization string      `json:"organization"`
	AsOf         string      `json:"as_of"`
	Verdict      Verdict     `json:"verdict"`
	States       []jsonState `json:"states"`
	Summary      jsonSummary `json:"summary"`
}

type jsonSummary struct {
	jsonCounts
	Unlisted int `json:"unlisted_count,omitempty"`
}

type jsonState struct {
	Name        string       `json:"name"`
	Date        string       `json:"date"`
	Start       string       `json:"start"`
	JudgedOn    string       `json:"judged_on"`
	LastDay     string       `json:"last_day,omitempty"`
	Description string       `json:"description"`
	Checked     bool         `json:"checked"`
	Changes     []jsonChange `json:"changes"`
	Versions    []jsonCount  `json:"versions"`
	Servers     []jsonServer `json:"servers"`
	Counts      jsonCounts   `json:"counts"`
	Findings    []any        `json:"findings"`
	Unlisted    int          `json:"unlisted_count,omitempty"`
	Verdict     Verdict      `json:"verdict"`
}

type jsonChange struct {
	Operation  string    `json:"operation"`
	Type       string    `json:"type"`
	Labels     []string  `json:"labels"`
	Address    string    `json:"address"`
	Attributes []string  `json:"attributes"`
	Range      jsonRange `json:"range"`
	Skipped    bool      `json:"skipped"`
}

type jsonCount struct {
	Version string `json:"version"`
	Servers int    `json:"servers"`
}

type jsonServer struct {
	Name     string     `json:"name"`
	Version  string     `json:"version"`
	Level    string     `json:"level"`
	ShutDown bool       `json:"shut_down"`
	Counts   jsonCounts `json:"counts"`
}

type jsonCounts struct {
	Errors   int `json:"error_count"`
	Warnings int `json:"warning_count"`
	Infos    int `json:"info_count"`
	Planned  int `json:"planned_count"`
}

type jsonRange struct {
	Filename string `json:"filename"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

func countsOf(c lint.Counts) jsonCounts {
	return jsonCounts{Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos, Planned: c.Planned()}
}

func rangeOf(r hcl.Range) jsonRange {
	return jsonRange{Filename: filepath.ToSlash(r.Filename), Line: r.Start.Line, Column: r.Start.Column}
}

// WriteJSON writes the timeline as one JSON document, the contract of
// docs/json-format.md ("exlint plan"): its findings are those of exlint
// check's JSON, each under the state it is reported at.
func WriteJSON(w io.Writer, t *Timeline) error {
	doc := jsonTimeline{Version: JSONVersion, Organization: t.Organization, AsOf: t.AsOf.String(), Verdict: t.Verdict,
		States: []jsonState{}, Summary: jsonSummary{countsOf(t.Counts), t.Unlisted}}
	for _, s := range t.States {
		js := jsonState{Name: s.Name, Date: s.Date, Start: s.Start.String(), JudgedOn: s.JudgedOn.String(), LastDay: s.LastDay.String(), Description: s.Description,
			Checked: s.Checked, Changes: []jsonChange{}, Versions: []jsonCount{}, Servers: []jsonServer{}, Counts: countsOf(s.Counts),
			Findings: []any{}, Unlisted: s.Unlisted, Verdict: s.Verdict}
		for _, c := range s.Changes {
			jc := jsonChange{Operation: string(c.Kind), Type: c.Type, Labels: c.Labels, Address: c.Address, Attributes: c.Attributes,
				Range: rangeOf(c.Range), Skipped: c.Skipped}
			if jc.Labels == nil {
				jc.Labels = []string{}
			}
			if jc.Attributes == nil {
				jc.Attributes = []string{}
			}
			js.Changes = append(js.Changes, jc)
		}
		for _, v := range s.Versions {
			js.Versions = append(js.Versions, jsonCount{Version: v.Version.ID, Servers: v.Servers})
		}
		for _, sv := range s.Servers {
			v := ""
			if sv.Version != nil {
				v = sv.Version.ID
			}
			js.Servers = append(js.Servers, jsonServer{Name: sv.Name, Version: v, Level: sv.Level, ShutDown: sv.ShutDown, Counts: countsOf(sv.Counts)})
		}
		for _, f := range s.Findings {
			js.Findings = append(js.Findings, report.JSONFinding(f))
		}
		doc.States = append(doc.States, js)
	}
	// Names and messages come from the topology: the document is made safe
	// to print in a CI log, with the same values (escape.JSON).
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(buf.Bytes()))
	return err
}
