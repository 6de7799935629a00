package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notCheckedPlan is a plan whose last stage removes a server a DAG still
// names: plan-structure fails that stage, and the rules do not run on its
// state.
const notCheckedPlan = `organization "O" {}
server "EX01" {
  version = "SE"
  update  = "RTM Aug26SU"
  os      = "2025"
}
server "EX02" {
  version = "SE"
  update  = "RTM Aug26SU"
  os      = "2025"
}
dag "D" {
  members = ["EX01", "EX02"]
}
stage "add-site" {
  date = "2027-01"
  add "site" "Branch" {}
}
stage "retire" {
  date = "2027-03"
  remove "server" "EX01" {}
}
`

// planStates reads exlint plan's JSON: each state's name and whether the
// rules ran on it.
func planStates(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out, _, _ := exlint(t, noEnv, "plan", dir, "--as-of", asOf, "--format", "json")
	var doc struct {
		States []struct {
			Name    string `json:"name"`
			Checked bool   `json:"checked"`
		} `json:"states"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, s := range doc.States {
		checked[s.Name] = s.Checked
	}
	return checked
}

// A state the rules did not run on is "not checked" wherever it is shown,
// as exlint plan says it: exlint graph --state draws it grey with a legend
// that says so (never green, never "no findings"), and exlint report's
// states table and the caption of its target diagram say it, in Markdown
// and in HTML. Graphviz and Mermaid read the diagrams.
func TestNotCheckedStateEverywhere(t *testing.T) {
	dir := writeTopology(t, notCheckedPlan)
	if got := planStates(t, dir); !got["current"] || !got["add-site"] || got["retire"] {
		t.Fatalf("exlint plan: checked %v, want retire alone not checked", got)
	}
	text, _, code := exlint(t, noEnv, "plan", dir, "--as-of", asOf)
	if code != exitFindings || !strings.Contains(text, "\n  not checked: a stage removed a block this state still names, so the rules did not run on it (plan-structure says which)\n") {
		t.Errorf("exlint plan: exit %d:\n%s", code, text)
	}

	tmp := t.TempDir()
	for _, format := range []string{"dot", "mermaid"} {
		out, stderr, code := exlint(t, noEnv, "graph", dir, "--state", "retire", "--as-of", asOf, "--format", format)
		if code != exitOK || !strings.Contains(stderr, `state "retire": a stage removed a block this state still names, so its rules do not run; the diagram draws it as not checked`) {
			t.Errorf("%s: exit %d: %s", format, code, stderr)
		}
		if strings.Contains(out, "no findings") || !strings.Contains(out, "not checked: the rules did not run") ||
			!strings.Contains(out, "(a stage removed a block this state still names)") {
			t.Errorf("%s: the legend does not say the state is not checked:\n%s", format, out)
		}
		green := map[string]string{"dot": `fillcolor="#e8f5e9"`, "mermaid": " clean\n"}[format]
		if strings.Contains(out, green) {
			t.Errorf("%s: a thing of a state not checked is drawn green:\n%s", format, out)
		}
		if err := os.WriteFile(filepath.Join(tmp, "retire."+format), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A state the rules ran on is drawn as before.
	if out, _, _ := exlint(t, noEnv, "graph", dir, "--state", "add-site", "--as-of", asOf); strings.Contains(out, "not checked") || !strings.Contains(out, `fillcolor="#e8f5e9"`) {
		t.Errorf("a checked state is drawn as not checked:\n%s", out)
	}
	t.Run("graphviz", func(t *testing.T) {
		renderDOT(t, requireTool(t, graphvizEnv, "dot", "apt-get install graphviz"), filepath.Join(tmp, "retire.dot"))
	})
	t.Run("mermaid", func(t *testing.T) {
		if out, err := mermaidParser(t)(filepath.Join(tmp, "retire.mermaid")); err != nil {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})

	md, _, code := exlint(t, noEnv, "report", dir, "--as-of", asOf, "--format", "markdown")
	if code != exitOK {
		t.Fatalf("report: exit %d", code)
	}
	for _, want := range []string{
		"| **retire** | 2027-03 | remove server \"EX01\" | Exchange SE ×1 | 1 error, 0 warnings, 0 info | 🔴 fails<br>⚪ not checked |",
		"**Target: state retire \\(2027-03-01\\), 3 of 3, as of 2027-03-01, not checked: a stage removed a block this state still names**",
		"not checked: the rules did not run<br/>(a stage removed a block this state still names)",
		"A state the rules did not run on is not checked: its things without a finding are grey, not green.",
		// EX02's bar in the state not checked is grey.
		":done, t6, 2027-03-01, 2027-03-31\n",
		"Grey (done) where it has none in a state the rules did not run on (not checked).",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown review does not say %q:\n%s", want, md)
		}
	}
	if strings.Count(md, "not checked |") != 1 || strings.Contains(md, "no findings") {
		t.Errorf("the Markdown review says a checked state is not checked, or that the target has no findings:\n%s", md)
	}
	var gantt string
	for _, b := range mermaidBlockRe.FindAllStringSubmatch(md, -1) {
		if strings.HasPrefix(b[1], "%% Drawn by exlint plan.") {
			gantt = b[1] + "\n"
		}
	}
	t.Run("mermaid gantt", func(t *testing.T) {
		file := filepath.Join(tmp, "plan.mmd")
		if err := os.WriteFile(file, []byte(gantt), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := mermaidParser(t)("--type=gantt", file); err != nil {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})
	html, _, _ := exlint(t, noEnv, "report", dir, "--as-of", asOf)
	for _, want := range []string{
		`<span class="status error">fails</span> <span class="status unchecked">not checked</span>`,
		"<figcaption>Target: state retire (2027-03-01), 3 of 3, as of 2027-03-01, not checked: a stage removed a block this state still names</figcaption>",
		`grey where it has none in a state the rules did not run on (<span class="status unchecked">not checked</span>)`,
		`fill="#eeeeee"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML review does not say %q", want)
		}
	}
}

// A structural error written in a stage is listed under that stage by
// exlint plan (text, JSON) and exlint report, which fails it, and named
// with it by exlint check; the current state, which has none of its own,
// lists none, and like every state is not checked, since any structural
// error stops the rules.
func TestStructuralErrorsAtTheirStage(t *testing.T) {
	dir := writeTopology(t, `organization "E" {}
server "EX01" {
  version = "SE"
  update  = "RTM Aug26SU"
  os      = "2025"
}
stage "org" {
  date = "2030-01"
  remove "organization" "E" {}
}
stage "unset" {
  date = "2031-01"
  change "server" "EX01" {
    update = null
  }
}
`)
	const removeOrg = "a stage cannot remove the organization: every state is one organization's (stage org, 2030-01) [schema]"
	const unsetUpdate = `change server "EX01" sets update to null, which leaves server "EX01" with neither update nor build; give update a value (stage unset, 2031-01) [schema]`
	text, _, code := exlint(t, noEnv, "plan", dir, "--as-of", asOf)
	states := strings.Split(text, "\n\n")
	if code != exitFindings || len(states) != 5 {
		t.Fatalf("exit %d, %d parts:\n%s", code, len(states), text)
	}
	for i, want := range []struct{ has, verdict string }{
		{"  findings: none\n", "  not checked"},
		{removeOrg, "  fails"},
		{unsetUpdate, "  fails"},
	} {
		st := states[i+1]
		if !strings.Contains(st, want.has) || !strings.HasSuffix(strings.TrimSuffix(st, "\n"), want.verdict) ||
			!strings.Contains(st, "\n  not checked: the topology has structural errors, so the rules did not run on it (each error is listed where it is written: at its stage, or at the current state)\n") {
			t.Errorf("state %d does not list %q, or is not %q, or does not say why it is not checked:\n%s", i, want.has, want.verdict, st)
		}
	}

	out, _, _ := exlint(t, noEnv, "plan", dir, "--as-of", asOf, "--format", "json")
	var doc struct {
		States []struct {
			Name     string `json:"name"`
			Checked  bool   `json:"checked"`
			Verdict  string `json:"verdict"`
			Findings []struct {
				Rule  string `json:"rule"`
				State string `json:"state"`
			} `json:"findings"`
		} `json:"states"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.States {
		line := s.Name + " " + s.Verdict
		if s.Checked {
			line += " checked"
		}
		for _, f := range s.Findings {
			line += " " + f.Rule + "@" + f.State
		}
		got = append(got, line)
	}
	if want := "current not checked|org fails schema@org|unset fails schema@unset"; strings.Join(got, "|") != want {
		t.Errorf("exlint plan --format json: %s, want %s", strings.Join(got, "|"), want)
	}

	md, _, _ := exlint(t, noEnv, "report", dir, "--as-of", asOf, "--format", "markdown")
	for _, want := range []string{
		"| **current** | as of 2026-11-21 | none | Exchange SE ×1 | none | 🟠 not checked |",
		"| **org** | 2030-01 | remove organization \"E\", skipped | Exchange SE ×1 | 1 error, 0 warnings, 0 info | 🔴 fails<br>⚪ not checked |",
		"· stage org, 2030-01",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown review does not say %q:\n%s", want, md)
		}
	}
	check, _, _ := exlint(t, noEnv, "check", dir, "--as-of", asOf, "--format", "compact")
	if !strings.Contains(check, removeOrg) || !strings.Contains(check, unsetUpdate) {
		t.Errorf("exlint check does not name the stages:\n%s", check)
	}
}
