package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// streamed is a report over three files, one of them without findings, with
// markup and HTML-like characters the encoders escape.
func streamed() *Report {
	return &Report{AsOf: "2026-11-21", Topologies: 2, Files: 3, Suppressed: 1, Baselined: 2,
		Checked:   []string{"a/x.exchange.hcl", "a/y.exchange.hcl", "b/z.exchange.hcl"},
		Unchecked: []string{"b"},
		Skipped:   []schema.Skipped{{Path: "a/link.exchange.hcl", Reason: "a symbolic link <out>"}},
		Findings: []lint.Finding{
			{Rule: "r1", Severity: lint.Error, Message: `x < y & "z"`, Address: "server.EX01", Range: rng("a/x.exchange.hcl", 1, 1, 0, 1, 5, 4),
				Related: []lint.Related{{Range: rng("a/x.exchange.hcl", 3, 1, 20, 3, 2, 21), Message: "here"}}},
			{Rule: "r2", Severity: lint.Warning, Message: "second", Range: rng("a/x.exchange.hcl", 2, 1, 10, 2, 2, 11)},
			{Rule: "r3", Severity: lint.Info, Message: "third\u2028line", Range: rng("b/z.exchange.hcl", 4, 2, 30, 4, 3, 31)},
		}}
}

// The JSON writer frames the findings itself as they stream; the document
// is byte for byte what encoding/json writes for the whole report at once.
func TestJSONStreamMatchesEncoder(t *testing.T) {
	for _, r := range []*Report{streamed(), {AsOf: "2026-11-21", Checked: []string{"a.exchange.hcl"}}} {
		c := r.Counts()
		whole := jsonReport{Version: JSONVersion, AsOf: r.AsOf, Findings: []jsonFinding{}, Skipped: []jsonSkipped{},
			Summary: jsonSummary{Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos, Topologies: r.Topologies, Files: r.Files,
				Unchecked: []string{}, Suppressed: r.Suppressed, Baselined: r.Baselined}}
		for _, f := range r.Findings {
			jf := jsonFinding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Address: f.Address,
				Range: toJSONRange(f.Range), Related: []jsonRelated{}}
			for _, rel := range f.Related {
				jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, Range: toJSONRange(rel.Range)})
			}
			whole.Findings = append(whole.Findings, jf)
		}
		for _, s := range r.Skipped {
			whole.Skipped = append(whole.Skipped, jsonSkipped{Path: filepath.ToSlash(s.Path), Reason: s.Reason})
		}
		whole.Summary.Unchecked = append(whole.Summary.Unchecked, r.Unchecked...)
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(whole); err != nil {
			t.Fatal(err)
		}
		if err := JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed JSON\n%s\nencoding/json\n%s", got.String(), want.String())
		}
	}
}

// The Checkstyle writer encodes a <file> at a time; the document is what
// encoding/xml writes for the whole of it, empty files included.
func TestCheckstyleStreamMatchesEncoder(t *testing.T) {
	type doc struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	for _, r := range []*Report{streamed(), {AsOf: "2026-11-21"}} {
		whole := doc{Version: "4.3"}
		groups := byFile(r.Findings)
		for _, name := range files(r) {
			cf := checkstyleFile{Name: name}
			for _, f := range groups[name] {
				line, col := start(f.Range)
				cf.Errors = append(cf.Errors, checkstyleError{Line: line, Column: col, Severity: f.Severity.String(), Message: xmlText(f.Message), Source: f.Rule})
			}
			whole.Files = append(whole.Files, cf)
		}
		var want, got bytes.Buffer
		if err := writeXML(&want, whole); err != nil {
			t.Fatal(err)
		}
		if err := Checkstyle(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed Checkstyle\n%s\nencoding/xml\n%s", got.String(), want.String())
		}
	}
}

// Handing a writer the files one call each or all findings in one call
// gives the same bytes, in every format.
func TestWriterCallsDoNotShowInOutput(t *testing.T) {
	r := streamed()
	for _, format := range Formats {
		var whole, split bytes.Buffer
		if err := Write(format, &whole, r, Options{}); err != nil {
			t.Fatal(err)
		}
		w, err := NewWriter(format, &split, r, Options{})
		if err != nil {
			t.Fatal(err)
		}
		groups := byFile(r.Findings)
		for _, name := range files(r) {
			for _, f := range groups[name] {
				if err := w.File(name, []lint.Finding{f}, r.Sources); err != nil {
					t.Fatal(err)
				}
			}
			if len(groups[name]) == 0 {
				w.File(name, nil, r.Sources)
			}
		}
		if err := w.Close(r); err != nil {
			t.Fatal(err)
		}
		if format == "checkstyle" {
			continue // a <file> element per call
		}
		if whole.String() != split.String() {
			t.Errorf("%s: one finding per call changed the output", format)
		}
	}
}
