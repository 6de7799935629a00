package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"sync"
	"testing"

	"github.com/exlint/exlint/internal/escape"
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
			whole.Findings = append(whole.Findings, toJSONFinding(f))
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

// appendFinding writes what json.MarshalIndent writes for a finding, for
// any text: escapes, HTML characters, invalid UTF-8, line separators.
func FuzzAppendFinding(f *testing.F) {
	for _, s := range []string{"", "plain", `x < y & "z" \ / >`, "tab\there\nline\r\b\f\x00\x1f\x7f", "é \u2028 \u2029 \xff\xfe 😀 \U0010FFFF", "a\u202eb",
		"##vso[task.setvariable variable=x]1 ##[error] ###vso[ #", "\u0085\u009b31m\u061c\u2066"} {
		f.Add(s, s, 3)
	}
	f.Fuzz(func(t *testing.T, message, name string, related int) {
		fd := lint.Finding{Rule: "r-" + name, Severity: lint.Severity(related % 3), Message: message, Address: name,
			Range: rng(name+".exchange.hcl", related, 2, related*7, related+1, 9, -related)}
		for i := 0; i < related%3; i++ {
			fd.Related = append(fd.Related, lint.Related{Message: message + name, Range: rng(name, i, i, i, i, i, i)})
		}
		if related%2 == 1 {
			// A plan's finding: states named with whatever the fuzzer gives.
			fd.State = lint.State{Name: name, Date: message}
			fd.States = []string{name, message}[:1+related%4/2]
			fd.Planned = related%3 == 0
			if related%5 > 1 {
				fd.ResolvedBy = &lint.State{Name: message, Date: name, Overdue: related%5 == 3}
			}
		}
		// encoding/json's bytes, then escape.JSON's (the same value, safe to
		// print in a CI log).
		want, err := json.MarshalIndent(toJSONFinding(fd), "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFinding(nil, fd); string(got) != string(escape.JSON(want)) {
			t.Errorf("appendFinding\n%s\nescape.JSON(json.MarshalIndent)\n%s", got, escape.JSON(want))
		}
	})
}

// An Encoder's Encode, run for every file at once on other goroutines, and
// WriteEncoded in order give the bytes File gives.
func TestEncodersMatchFile(t *testing.T) {
	r := streamed()
	r.Sources = map[string]*lint.Excerpt{"a/x.exchange.hcl": lint.ExcerptOf([]byte("server \"EX01\" {\n  x = 1\n}\n"))}
	for _, format := range Formats {
		var want, got bytes.Buffer
		if err := Write(format, &want, r, Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		w, _ := NewWriter(format, &got, r, Options{Color: true})
		enc, ok := w.(Encoder)
		if !ok {
			continue
		}
		groups := byFile(r.Findings)
		names := files(r)
		encoded := make([][]byte, len(names))
		var wg sync.WaitGroup
		for i, name := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				encoded[i], _ = enc.Encode(name, groups[name], r.Sources)
			}()
		}
		wg.Wait()
		for i, name := range names {
			if err := enc.WriteEncoded(encoded[i], groups[name]); err != nil {
				t.Fatal(err)
			}
		}
		enc.Close(r)
		if got.String() != want.String() {
			t.Errorf("%s: encoded ahead\n%s\nwritten by File\n%s", format, got.String(), want.String())
		}
	}
}
