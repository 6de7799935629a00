package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fabrikam is a plan whose only problems are planned: Exchange 2010 beside
// Exchange SE today, and a stage that retires 2010.
const fabrikam = `organization "Fabrikam" {
  forest_functional_level = "2016"
}

site "HQ" {}

domain_controller "DC01" {
  site = "HQ"
}

server "EX10" {
  site    = "HQ"
  version = "2010"
  update  = "SP3 RU32"
  roles   = ["mailbox", "client_access", "hub_transport"]
}

server "EXSE" {
  site    = "HQ"
  version = "SE"
  update  = "RTM Aug26SU"
  roles   = ["mailbox"]
  os      = "2022"
}

stage "retire-2010" {
  date = "2027-03"
  remove "server" "EX10" {}
}
`

// addsEX16 is a later stage that brings a problem: a server past its end of
// support, reported at the stage's line.
const addsEX16 = `stage "add-2016" {
  date = "2027-06"
  add "server" "EX16" {
    site    = "HQ"
    version = "2016"
    update  = "CU23 Aug26SU"
    roles   = ["mailbox"]
    os      = "2016"
  }
}
`

// planAsOf is the plan tests' evaluation date: within 90 days of the
// catalogue's newest release, so that catalog-stale, which would report the
// SE server on the other tests' date, stays out of these.
const planAsOf = "2026-11-01"

// planRepo writes the plan (and more files) in a repository of its own.
func planRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.Mkdir(filepath.Join(repo, "fabrikam"), 0o755)
	files["fabrikam/fabrikam.exchange.hcl"] = fabrikam
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return repo
}

// A plan whose problems a later stage resolves checks green, each problem
// reported once as planned, in every format; --fail-on-planned and
// fail_on_planned make them fail, and a problem a stage brings fails.
func TestCheckPlan(t *testing.T) {
	repo := planRepo(t, map[string]string{})
	out, stderr, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--color", "never")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s\n%s", code, stderr, out)
	}
	for _, want := range []string{
		"fabrikam/fabrikam.exchange.hcl:13:13: error: EX10 runs Exchange Server 2010, ",
		"(planned: resolved by stage retire-2010 on 2027-03) [exchange-end-of-support]\n",
		"(planned: resolved by stage retire-2010 on 2027-03) [coexistence-unsupported]\n",
		"checked 1 topology (1 file): 2 errors (2 planned), 0 warnings, 0 info\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, format := range []string{"compact", "sarif", "junit", "checkstyle", "github"} {
		if out, _, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--format", format); code != exitOK ||
			!strings.Contains(out, "planned: resolved by stage retire-2010 on 2027-03") {
			t.Errorf("%s: exit %d\n%s", format, code, out)
		}
	}
	js, _, _ := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--format", "json")
	var doc struct {
		Findings []struct {
			Rule       string            `json:"rule"`
			State      string            `json:"state"`
			States     []string          `json:"states"`
			Planned    bool              `json:"planned"`
			ResolvedBy map[string]string `json:"resolved_by"`
		} `json:"findings"`
		Summary struct {
			Planned int `json:"planned_count"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 2 || doc.Summary.Planned != 2 {
		t.Fatalf("JSON: %s", js)
	}
	for _, f := range doc.Findings {
		if f.State != "current" || !f.Planned || strings.Join(f.States, ",") != "current" || f.ResolvedBy["stage"] != "retire-2010" || f.ResolvedBy["date"] != "2027-03" {
			t.Errorf("JSON finding %+v", f)
		}
	}

	for _, tc := range []struct {
		config string
		args   []string
		want   int
	}{
		{"", []string{"--fail-on-planned"}, exitFindings},
		{"fail_on_planned = true\n", nil, exitFindings},
		{"fail_on_planned = true\n", []string{"--fail-on-planned=false"}, exitOK},
		// The caps leave the planned findings out; the exit code still
		// counts them as planned.
		{"", []string{"--max-findings", "1"}, exitOK},
		{"", []string{"--max-findings", "1", "--fail-on-planned"}, exitFindings},
	} {
		os.WriteFile(filepath.Join(repo, ".exlint.hcl"), []byte(tc.config), 0o644)
		if _, stderr, code := exlintIn(t, repo, noEnv, append([]string{"check", "fabrikam", "--as-of", planAsOf}, tc.args...)...); code != tc.want {
			t.Errorf("%q %v: exit %d, want %d: %s", tc.config, tc.args, code, tc.want, stderr)
		}
	}
	os.Remove(filepath.Join(repo, ".exlint.hcl"))
	if out, _, _ := exlintIn(t, repo, noEnv, "config", "--fail-on-planned"); !strings.Contains(squeeze(out), "fail_on_planned = true # --fail-on-planned") {
		t.Errorf("exlint config does not show --fail-on-planned:\n%s", out)
	}

	// A stage that brings a problem fails, pointing at the stage's line.
	os.WriteFile(filepath.Join(repo, "fabrikam", "stages.exchange.hcl"), []byte(addsEX16), 0o644)
	out, _, code = exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--format", "compact")
	if code != exitFindings || !strings.Contains(out, "fabrikam/stages.exchange.hcl:5:15: error: EX16 runs Exchange Server 2016, ") ||
		!strings.Contains(out, "(stage add-2016, 2027-06) [exchange-end-of-support]\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// A baseline of a plan records each finding's state, and hides it only in
// that state.
func TestBaselinePlan(t *testing.T) {
	repo := planRepo(t, map[string]string{})
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--write-baseline", "b.json"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(filepath.Join(repo, "b.json"))
	if strings.Count(string(raw), `"state": "current"`) != 2 {
		t.Errorf("baseline:\n%s", raw)
	}
	// The same problem at the same address, now brought by a stage rather
	// than there today, is new: EX10 moves from the current state to a stage
	// of the same file.
	moved := strings.Replace(fabrikam, `server "EX10" {`, `stage "add-2010" {
  date = "2027-06"
  add "server" "EX10" {`, 1)
	moved = strings.Replace(moved, `  roles   = ["mailbox", "client_access", "hub_transport"]
}`, `  roles   = ["mailbox", "client_access", "hub_transport"]
}
}`, 1)
	moved = strings.Replace(moved, `remove "server" "EX10" {}`, `change "server" "EXSE" {
    mailboxes = 100
  }`, 1)
	os.WriteFile(filepath.Join(repo, "fabrikam", "fabrikam.exchange.hcl"), []byte(moved), 0o644)
	out, _, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--baseline", "b.json", "--format", "compact")
	if code != exitFindings || strings.Count(out, "\n") != 2 || !strings.Contains(out, "(stage add-2010, 2027-06) [exchange-end-of-support]") ||
		strings.Contains(out, "planned") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// A baseline written while a stage resolved its findings records them as
// planned, and stops hiding them once the plan no longer resolves them
// (the resolving stage was deleted): they fail the check again.
func TestBaselinePlanLostItsResolution(t *testing.T) {
	repo := planRepo(t, map[string]string{})
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--write-baseline", "b.json"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(filepath.Join(repo, "b.json"))
	if strings.Count(string(raw), `"planned": true`) != 2 {
		t.Fatalf("baseline:\n%s", raw)
	}
	if out, _, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--baseline", "b.json", "--format", "compact"); code != exitOK || out != "" {
		t.Errorf("while still planned: exit %d:\n%s", code, out)
	}
	postponed := strings.Replace(fabrikam, `remove "server" "EX10" {}`, `change "server" "EXSE" {
    mailboxes = 100
  }`, 1)
	os.WriteFile(filepath.Join(repo, "fabrikam", "fabrikam.exchange.hcl"), []byte(postponed), 0o644)
	out, _, code := exlintIn(t, repo, noEnv, "check", "fabrikam", "--as-of", planAsOf, "--baseline", "b.json", "--format", "compact")
	if code != exitFindings || strings.Count(out, "(current, through stage retire-2010) [") != 2 {
		t.Errorf("the retirement is gone: exit %d:\n%s", code, out)
	}
}
