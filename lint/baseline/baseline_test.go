package baseline

import (
	"github.com/exlint/exlint/lint"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func finding(rule, file string, line int, addr string) lint.Finding {
	return lint.Finding{Rule: rule, Severity: lint.Error, Message: rule + " at " + addr, Address: addr,
		Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 3, Byte: line * 10}, End: hcl.Pos{Line: line, Column: 9, Byte: line*10 + 6}}}
}

func TestBaselineMatchesByAddress(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	path := filepath.Join("ci", "exlint-baseline.json")
	os.Mkdir("ci", 0o755)
	today := []lint.Finding{
		finding("exchange-end-of-support", "topo/a.exchange.hcl", 3, "server.EX01.version"),
		finding("exchange-end-of-support", "topo/a.exchange.hcl", 9, "server.EX02.version"),
		finding("some-rule", "topo/a.exchange.hcl", 9, "server.EX02.version"),
		finding("some-rule", "topo/a.exchange.hcl", 12, "server.EX02.version"), // twice at one address
		finding("schema", "topo/b.exchange.hcl", 1, "server.X"),                // structural: never recorded
	}
	b := New(today, path)
	if len(b.Findings) != 4 || b.Findings[0].File != "../topo/a.exchange.hcl" {
		t.Fatalf("recorded: %+v", b.Findings)
	}
	if err := b.Write(path); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	New(today, path).Write(path)
	if again, _ := os.ReadFile(path); string(again) != string(first) {
		t.Error("the same findings must give the same bytes")
	}

	read, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	// Lines moved (an edit above), one finding fixed, one new, one more of
	// a repeated pair.
	later := []lint.Finding{
		finding("exchange-end-of-support", "topo/a.exchange.hcl", 13, "server.EX01.version"),
		finding("some-rule", "topo/a.exchange.hcl", 19, "server.EX02.version"),
		finding("some-rule", "topo/a.exchange.hcl", 22, "server.EX02.version"),
		finding("some-rule", "topo/a.exchange.hcl", 25, "server.EX02.version"),
		finding("exchange-end-of-support", "topo/a.exchange.hcl", 30, "server.EX03.version"),
		finding("schema", "topo/b.exchange.hcl", 1, "server.X"),
	}
	kept, baselined, stale := read.Filter(later)
	var got []string
	for _, f := range kept {
		got = append(got, f.Rule+" "+f.Address)
	}
	want := "some-rule server.EX02.version,exchange-end-of-support server.EX03.version,schema server.X"
	if strings.Join(got, ",") != want || baselined != 3 || stale != 1 {
		t.Errorf("kept %v, baselined %d, stale %d", got, baselined, stale)
	}

	// From another working directory, the same file is the same file.
	os.MkdirAll("topo", 0o755)
	t.Chdir(filepath.Join(dir, "topo"))
	read, _ = Read(filepath.Join("..", path))
	moved := []lint.Finding{finding("exchange-end-of-support", "a.exchange.hcl", 3, "server.EX01.version")}
	if kept, n, _ := read.Filter(moved); len(kept) != 0 || n != 1 {
		t.Errorf("a baseline must not depend on the working directory: %v", kept)
	}
	var none *Baseline
	if kept, n, s := none.Filter(moved); len(kept) != 1 || n != 0 || s != 0 {
		t.Error("no baseline keeps everything")
	}
}

// A finding without an address (a file-level problem) is matched by its
// message.
func TestBaselineWithoutAddress(t *testing.T) {
	f := finding(lint.SuppressionRule, "a.exchange.hcl", 2, "")
	b := New([]lint.Finding{f}, "b.json")
	other := f
	other.Message = "something else"
	kept, n, stale := b.Filter([]lint.Finding{other, f})
	if len(kept) != 1 || kept[0].Message != "something else" || n != 1 || stale != 0 {
		t.Errorf("kept %v", kept)
	}
	// A finding that got worse is new.
	worse := f
	worse.Severity = lint.Error
	f.Severity = lint.Warning
	b = New([]lint.Finding{f}, "b.json")
	if kept, _, _ := b.Filter([]lint.Finding{worse}); len(kept) != 1 {
		t.Error("a warning that became an error must be reported")
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		`{"version": 2, "findings": []}`:                "is a baseline of version 2, and this exlint reads version 1: use the exlint that wrote it, or delete the file",
		`{"version": 1, "findings": [{"rule": "r"}]}`:   "entry 1 needs rule, file",
		`{"version": 1, "findings": [], "extra": true}`: "not an exlint baseline",
		`not json`: "not an exlint baseline",
		`{"version": 1, "findings": []} {"version": 1, "findings": []}`:                                                   "more follows its JSON document at byte 31",
		`{"version": 1, "findings": []}` + "\n<<<<<<< HEAD\n":                                                             "more follows its JSON document",
		`{"version": 1, "findings": [{"rule": "r", "file": "a\\b", "address": "x", "severity": "error", "message": ""}]}`: "/ separators",
		`{"version": 1, "findings": [{"rule": "r", "file": "a", "address": "x", "severity": "fatal", "message": ""}]}`:    "unknown severity",
	}
	// White space after the document is fine.
	p := filepath.Join(dir, "ok.json")
	os.WriteFile(p, []byte("{\"version\": 1, \"findings\": []}\n\n  \n"), 0o644)
	if _, err := Read(p); err != nil {
		t.Errorf("trailing white space: %v", err)
	}
	for src, want := range cases {
		p := filepath.Join(dir, "b.json")
		os.WriteFile(p, []byte(src), 0o644)
		if _, err := Read(p); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", src, err, want)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing baseline is an error")
	}
}

// Of a plan, entries name their state: a finding a stage brings is matched
// only by an entry of that stage, and the current state's findings match
// entries with or without a state (a baseline written before the topology
// had stages, or by an exlint without plans, still reads).
func TestBaselineStates(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	inState := func(f lint.Finding, state string) lint.Finding {
		f.State = lint.State{Name: state}
		return f
	}
	eos := finding("exchange-end-of-support", "a.exchange.hcl", 3, "server.EX01.version")
	b := New([]lint.Finding{inState(eos, "current"), inState(eos, "retire-2007")}, "b.json")
	if err := b.Write("b.json"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("b.json")
	if !strings.Contains(string(raw), `"state": "current"`) || !strings.Contains(string(raw), `"state": "retire-2007"`) {
		t.Errorf("the states are not written:\n%s", raw)
	}
	if plain := New([]lint.Finding{eos}, "p.json"); plain.Write("p.json") != nil {
		t.Fatal("write")
	}
	if raw, _ := os.ReadFile("p.json"); strings.Contains(string(raw), "state") {
		t.Errorf("an entry without a plan has a state:\n%s", raw)
	}
	read, err := Read("b.json")
	if err != nil {
		t.Fatal(err)
	}
	kept, baselined, stale := read.Filter([]lint.Finding{inState(eos, "current"), inState(eos, "introduce-2016"), inState(eos, "retire-2007")})
	if len(kept) != 1 || kept[0].State.Name != "introduce-2016" || baselined != 2 || stale != 0 {
		t.Errorf("kept %+v, %d baselined, %d stale", kept, baselined, stale)
	}
	old, _ := Read("p.json")
	kept, baselined, _ = old.Filter([]lint.Finding{inState(eos, "current"), inState(eos, "retire-2007")})
	if len(kept) != 1 || kept[0].State.Name != "retire-2007" || baselined != 1 {
		t.Errorf("an entry without a state: kept %+v, %d baselined", kept, baselined)
	}
}

// An entry records whether its finding was planned (a later stage resolves
// it). A planned entry hides the finding only while it is still planned: a
// plan that lost its resolving stage brings it back. An unplanned entry,
// and an entry of a baseline written before exlint recorded planned, hides
// the finding whether planned or not, as it did.
func TestBaselinePlanned(t *testing.T) {
	t.Chdir(t.TempDir())
	eos := finding("exchange-end-of-support", "a.exchange.hcl", 3, "server.EX16.version")
	eos.State = lint.State{Name: lint.CurrentState}
	planned := eos
	planned.Planned = true
	planned.ResolvedBy = &lint.State{Name: "retire-2016"}

	b := New([]lint.Finding{planned}, "b.json")
	if err := b.Write("b.json"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("b.json")
	if !strings.Contains(string(raw), `"planned": true`) {
		t.Fatalf("a planned finding's entry does not say so:\n%s", raw)
	}
	read, err := Read("b.json")
	if err != nil {
		t.Fatal(err)
	}
	if kept, n, _ := read.Filter([]lint.Finding{planned}); len(kept) != 0 || n != 1 {
		t.Errorf("a finding still planned is hidden: kept %+v", kept)
	}
	if kept, n, stale := read.Filter([]lint.Finding{eos}); len(kept) != 1 || n != 0 || stale != 1 {
		t.Errorf("a planned entry hid a finding no longer planned: kept %+v, %d baselined, %d stale", kept, n, stale)
	}

	// An unplanned entry hides either; none is written with "planned".
	b = New([]lint.Finding{eos}, "u.json")
	if err := b.Write("u.json"); err != nil {
		t.Fatal(err)
	}
	if raw, _ := os.ReadFile("u.json"); strings.Contains(string(raw), "planned") {
		t.Errorf("an unplanned entry names planned:\n%s", raw)
	}
	unplanned, _ := Read("u.json")
	for _, f := range []lint.Finding{eos, planned} {
		if kept, _, _ := unplanned.Filter([]lint.Finding{f}); len(kept) != 0 {
			t.Errorf("an unplanned entry must hide the finding planned=%v", f.Planned)
		}
	}
	// One unplanned entry, a planned and an unplanned finding of it: the
	// unplanned one is hidden, and the one left is planned (it fails no
	// check), in whatever order the findings come.
	for _, fs := range [][]lint.Finding{{planned, eos}, {eos, planned}} {
		if kept, _, _ := unplanned.Filter(fs); len(kept) != 1 || !kept[0].Planned {
			t.Errorf("kept %+v, want the planned finding", kept)
		}
	}
	// A planned finding takes a planned entry before an unplanned one, so
	// that the unplanned one is left for a finding no longer planned.
	both := New([]lint.Finding{planned, eos}, "both.json")
	if kept, n, _ := both.Filter([]lint.Finding{planned, eos}); len(kept) != 0 || n != 2 {
		t.Errorf("kept %+v", kept)
	}
}
