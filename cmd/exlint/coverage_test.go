package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// coverageGoldens are the examples whose text with --coverage is a golden
// file (coverage-<example>.txt): a topology, and a plan whose stages leave
// attributes unstated.
var coverageGoldens = []string{"small-cutover", "plan-2007-to-2016"}

// --coverage adds what stayed unknown after the findings and changes
// nothing else; without it the output is what it was (the examples'
// goldens).
func TestCoverageText(t *testing.T) {
	for _, ex := range coverageGoldens {
		plain, _, code := exlint(t, noEnv, "check", "--as-of", asOf, "--color", "never", "examples/"+ex)
		covered, stderr, codeCovered := exlint(t, noEnv, "check", "--as-of", asOf, "--color", "never", "--coverage", "examples/"+ex)
		golden(t, "coverage-"+ex+".txt", covered)
		if code != codeCovered || stderr != "" {
			t.Errorf("%s: exit code %d with --coverage, %d without; stderr %q", ex, codeCovered, code, stderr)
		}
		head, tail, ok := strings.Cut(covered, "what stayed unknown: ")
		_, rest, _ := strings.Cut(tail, "\n\n")
		if !ok || head+rest != plain {
			t.Errorf("%s: --coverage changed more than the list of unknowns:\n%s", ex, covered)
		}
	}
	if plain, _, _ := exlint(t, noEnv, "check", "--as-of", asOf, "examples"); strings.Contains(plain, "what stayed unknown") {
		t.Error("the default output lists unknowns")
	}
}

// unknownsJSON runs check --format json and returns summary.unknown, nil
// when it is absent.
func unknownsJSON(t *testing.T, args ...string) *[]struct{ Rule, Attribute, What, State string } {
	t.Helper()
	out, _, _ := exlint(t, noEnv, append([]string{"check", "--as-of", asOf, "--format", "json"}, args...)...)
	var doc struct {
		Summary struct {
			Unknown *[]struct{ Rule, Attribute, What, State string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return doc.Summary.Unknown
}

// JSON has summary.unknown with --coverage only, listing what text lists,
// in its order; SARIF has it in the run's properties.
func TestCoverageJSONAndSARIF(t *testing.T) {
	if us := unknownsJSON(t, "examples/small-cutover"); us != nil {
		t.Errorf("summary.unknown without --coverage: %v", *us)
	}
	us := unknownsJSON(t, "--coverage", "examples/small-cutover")
	text, _, _ := exlint(t, noEnv, "check", "--as-of", asOf, "--color", "never", "--coverage", "examples/small-cutover")
	var fromText, fromJSON []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "    examples/") {
			f := strings.Fields(line)
			fromText = append(fromText, f[1])
		}
	}
	for _, u := range *us {
		fromJSON = append(fromJSON, u.Attribute)
		if u.Rule == "" || u.What == "" {
			t.Errorf("incomplete: %+v", u)
		}
	}
	if len(fromJSON) == 0 || !slices.Equal(fromText, fromJSON) {
		t.Errorf("json %v, text %v", fromJSON, fromText)
	}
	if us := unknownsJSON(t, "--coverage", "examples/se-classic-hybrid"); us == nil || len(*us) != 0 {
		t.Errorf("the clean example: %v", us)
	}
	sarif, _, _ := exlint(t, noEnv, "check", "--as-of", asOf, "--format", "sarif", "--coverage", "examples/small-cutover")
	var log struct {
		Runs []struct {
			Properties struct {
				Unknown []struct{ Rule, Attribute, URI string }
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil || len(log.Runs[0].Properties.Unknown) != len(fromJSON) ||
		log.Runs[0].Properties.Unknown[0].URI != "examples/small-cutover/tailspin.exchange.hcl" {
		t.Errorf("sarif: %v %+v", err, log.Runs)
	}
}

// examples/se-classic-hybrid states everything its rules need: with
// --coverage, nothing stays unknown.
func TestCleanExampleLeavesNothingUnknown(t *testing.T) {
	out, _, code := exlint(t, noEnv, "check", "--as-of", asOf, "--color", "never", "--coverage", "examples/se-classic-hybrid")
	if code != 0 || !strings.Contains(out, "what stayed unknown: nothing: every rule had the attributes it needs\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// The formats without a place for the unknowns leave them to standard
// error; one that has a place keeps standard error quiet.
func TestCoverageOtherFormats(t *testing.T) {
	out, stderr, _ := exlint(t, noEnv, "check", "--as-of", asOf, "--format", "compact", "--coverage", "examples/small-cutover")
	if strings.Contains(out, "what stayed unknown") || !strings.Contains(stderr, "what stayed unknown: ") ||
		!strings.Contains(stderr, "server.TS-EX.tls") {
		t.Errorf("compact: stdout\n%s\nstderr\n%s", out, stderr)
	}
	dir := t.TempDir()
	sarifFile := filepath.Join(dir, "x.sarif")
	_, stderr, _ = exlint(t, noEnv, "check", "--as-of", asOf, "--format", "compact", "--format", "sarif="+sarifFile, "--coverage", "examples/small-cutover")
	if stderr != "" {
		t.Errorf("with a SARIF file: stderr %q", stderr)
	}
}

// A topology of many servers that state nothing optional: the list is
// capped like findings, says how many it left out, and the exit code is
// the same with and without --coverage.
func TestCoverageCap(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	var src strings.Builder
	src.WriteString("organization \"O\" {\n  forest_functional_level = \"2016\"\n}\n")
	for i := range 300 {
		fmt.Fprintf(&src, "server \"S%d\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n", i)
	}
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(src.String()), 0o644)
	_, _, plainCode := runIn(t, dir, "", noEnv, "check", ".")
	out, _, code := runIn(t, dir, "", noEnv, "check", "--color", "never", "--coverage", "--max-findings", "50", ".")
	listed := strings.Count(out, "\n    a.exchange.hcl:")
	if code != plainCode || listed != 50 || !strings.Contains(out, "more unknown attributes were not listed: exlint lists at most 1000 per file and 50 per run") {
		t.Errorf("exit %d (%d without), %d listed:\n%s", code, plainCode, listed, out[max(0, len(out)-800):])
	}
	js, _, _ := runIn(t, dir, "", noEnv, "check", "--format", "json", "--coverage", "--max-findings-per-file", "20", ".")
	var doc struct {
		Summary struct {
			Unknown        []any
			UnknownLeftOut int `json:"unknown_left_out_count"`
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Summary.Unknown) != 20 || doc.Summary.UnknownLeftOut == 0 {
		t.Errorf("json: %v, %d listed, %d left out", err, len(doc.Summary.Unknown), doc.Summary.UnknownLeftOut)
	}
}
