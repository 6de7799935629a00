package timeline

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

const plan3 = `organization "Contoso" {}
server "EX07" {
  version = "2007"
  update  = "SP3 RU23"
}
stage "add-2013" {
  date        = "2027-02"
  description = "Exchange 2013 beside 2007"
  add "server" "EX13" {
    version = "2013"
    update  = "CU23"
  }
  change "server" "EX07" {
    update = "SP3 RU23"
  }
}
stage "retire-2007" {
  date = "2027-06-15"
  remove "server" "EX07" {}
}
`

func decode(t *testing.T, src string) *schema.Plan {
	t.Helper()
	plan, probs := schema.DecodePlan(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("%+v", probs)
	}
	return plan
}

func finding(rule string, sev lint.Severity, addr, state string, states []string, planned bool) lint.Finding {
	f := lint.Finding{Rule: rule, Severity: sev, Address: addr, Message: rule + " at " + addr,
		Range: hcl.Range{Filename: "t.exchange.hcl", Start: hcl.Pos{Line: 3, Column: 13}}}
	if state != "" {
		f.State, f.States, f.Planned = lint.State{Name: state}, states, planned
		if planned {
			f.ResolvedBy = &lint.State{Name: "retire-2007", Date: "2027-06-15"}
		}
	}
	return f
}

var opts = Options{Catalog: catalog.Default(), AsOf: catalog.MustDate("2027-01-10"), FailOn: lint.Error}

// Each state gets its date, changes, servers by version, the findings
// reported at it, and counts and a verdict from those present in it; the
// plan's verdict is check's.
func TestBuild(t *testing.T) {
	fs := []lint.Finding{
		finding("exchange-end-of-support", lint.Error, "server.EX07.version", "current", []string{"current", "add-2013"}, true),
		finding("dag-mixed-versions", lint.Warning, "server.EX13", "add-2013", []string{"add-2013"}, false),
		finding("plan-structure", lint.Error, "server.EX07", "retire-2007", []string{"retire-2007"}, false),
	}
	tl := Build(decode(t, plan3), fs, opts)
	if tl.Organization != "Contoso" || len(tl.States) != 3 || tl.Verdict != Fails {
		t.Fatalf("%+v", tl)
	}
	cur, add, retire := tl.States[0], tl.States[1], tl.States[2]
	if cur.Start.String() != "2027-01-10" || cur.Date != "" || len(cur.Changes) != 0 || len(cur.Findings) != 1 {
		t.Errorf("current: %+v", cur)
	}
	if cur.Counts.Errors != 1 || cur.Counts.Planned() != 1 || cur.Verdict != Passes {
		t.Errorf("current: a planned error passes: %+v %s", cur.Counts, cur.Verdict)
	}
	if add.Date != "2027-02" || add.Start.String() != "2027-02-01" || add.JudgedOn.String() != "2027-02-01" || add.Description != "Exchange 2013 beside 2007" {
		t.Errorf("add-2013: %+v", add)
	}
	if len(add.Changes) != 2 || add.Changes[0].Kind != schema.OpAdd || add.Changes[0].Block != `server "EX13"` ||
		add.Changes[1].Kind != schema.OpChange || strings.Join(add.Changes[1].Attributes, ",") != "update" {
		t.Errorf("add-2013 changes: %+v", add.Changes)
	}
	if len(add.Versions) != 2 || add.Versions[0].Version.ID != "2007" || add.Versions[1].Version.ID != "2013" || add.Versions[1].Servers != 1 {
		t.Errorf("add-2013 versions: %+v", add.Versions)
	}
	// The planned error lasts into add-2013, which also has its warning.
	if add.Counts.Errors != 1 || add.Counts.Warnings != 1 || add.Verdict != Passes || len(add.Findings) != 1 {
		t.Errorf("add-2013: %+v %s", add.Counts, add.Verdict)
	}
	if add.Servers[0].Name != "EX07" || add.Servers[0].Counts.Errors != 1 || add.Servers[1].Counts.Warnings != 1 {
		t.Errorf("add-2013 servers: %+v", add.Servers)
	}
	if retire.Verdict != Fails || retire.Counts.Errors != 1 || len(retire.Servers) != 1 {
		t.Errorf("retire-2007: %+v", retire)
	}
	// With --fail-on warning, add-2013 fails; with --fail-on-planned, the
	// current state too.
	tl = Build(decode(t, plan3), fs, Options{Catalog: opts.Catalog, AsOf: opts.AsOf, FailOn: lint.Warning, FailOnPlanned: true})
	if tl.States[0].Verdict != Fails || tl.States[1].Verdict != Fails {
		t.Errorf("fail-on warning, planned: %s %s", tl.States[0].Verdict, tl.States[1].Verdict)
	}
	// A run after the stages' dates judges each on the run's date.
	tl = Build(decode(t, plan3), nil, Options{Catalog: opts.Catalog, AsOf: catalog.MustDate("2028-01-01"), FailOn: lint.Error})
	if tl.States[1].JudgedOn.String() != "2028-01-01" || tl.States[1].Start.String() != "2027-02-01" || tl.Verdict != Passes {
		t.Errorf("late run: %+v", tl.States[1])
	}
}

// A topology without stages is one state; findings without a state (about
// the files) belong to it. Structural errors leave every state unchecked,
// the current one too: it fails on them.
func TestBuildWithoutStages(t *testing.T) {
	plan := decode(t, "organization \"O\" {}\nserver \"EX\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n")
	tl := Build(plan, []lint.Finding{finding("catalog-stale", lint.Info, "server.EX", "", nil, false)}, opts)
	if len(tl.States) != 1 || len(tl.States[0].Findings) != 1 || tl.States[0].Counts.Infos != 1 || tl.Verdict != Passes {
		t.Errorf("%+v", tl.States[0])
	}
	structural := opts
	structural.Problems = []schema.Problem{{Kind: schema.KindSchema, Message: "m"}}
	tl = Build(decode(t, plan3), []lint.Finding{finding("schema", lint.Error, "", "", nil, false)}, structural)
	if tl.States[0].Verdict != Fails || tl.States[0].Checked || tl.States[1].Verdict != NotChecked || tl.States[1].Checked || tl.Verdict != Fails {
		t.Errorf("structural: %s %s", tl.States[0].Verdict, tl.States[1].Verdict)
	}
}

// The chart: a milestone per state, a section per version from the oldest,
// a bar per stretch of states a server keeps its version, update and
// verdict; the current state starts a month before the first stage when
// the run is later.
func TestGantt(t *testing.T) {
	fs := []lint.Finding{
		finding("exchange-update-not-current", lint.Warning, "server.EX07.update", "current", []string{"current"}, true),
		finding("coexistence-unsupported", lint.Error, "server.EX13.version", "add-2013", []string{"add-2013", "retire-2007"}, false),
	}
	g := Gantt(Build(decode(t, plan3), fs, opts))
	var b bytes.Buffer
	if err := graph.WriteGantt(&b, g); err != nil {
		t.Fatal(err)
	}
	want := `%% Drawn by exlint plan.
gantt
  title Contoso, as of 2027-01-10
  dateFormat YYYY-MM-DD
  axisFormat %Y-%m
  todayMarker off
  section States
    #99;urrent :milestone, m1, 2027-01-10, 0d
    #97;dd-2013 :milestone, m2, 2027-02-01, 0d
    #114;etire-2007 :milestone, m3, 2027-06-15, 0d
  section Exchange Server 2007
    #69;X07 SP3 RU23 :active, t4, 2027-01-10, 2027-02-01
    #69;X07 SP3 RU23 :t5, 2027-02-01, 2027-06-15
  section Exchange Server 2013
    #69;X13 CU23 :crit, t6, 2027-02-01, 2027-07-15
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	late := Gantt(Build(decode(t, plan3), nil, Options{Catalog: opts.Catalog, AsOf: catalog.MustDate("2030-01-01")}))
	if late.Milestones[0].Date != "2027-01-02" || late.Sections[0].Tasks[0].Start != "2027-01-02" {
		t.Errorf("late run: %+v", late.Milestones)
	}
}

// Names from the input are escaped in every output: a terminal's escape
// sequences, a Mermaid keyword or link, a colon that would end a task.
func TestHostileNames(t *testing.T) {
	src := "organization \"Con\\u001b[31mtoso\\ntitle x\" {}\nserver \"section x: click #y;\\u202e\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n" +
		"stage \"s1\" {\n  date = \"2027-03\"\n  description = \"line\\n::error::forged\"\n  add \"server\" \"2027-01-01\" {\n    version = \"SE\"\n    update  = \"RTM%%{init}\"\n  }\n}\n"
	tl := Build(decode(t, src), nil, opts)
	var text, js, mmd bytes.Buffer
	if err := WriteText(&text, tl); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, tl); err != nil {
		t.Fatal(err)
	}
	if err := graph.WriteGantt(&mmd, Gantt(tl)); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(text.String(), "\x1b\u202e") || strings.Contains(text.String(), "\n::error") || strings.Contains(text.String(), "\ntitle") {
		t.Errorf("text:\n%s", text.String())
	}
	var doc map[string]any
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil || doc["organization"] != "Con\x1b[31mtoso\ntitle x" {
		t.Errorf("JSON: %v %v", err, doc["organization"])
	}
	for _, line := range strings.Split(strings.TrimSuffix(mmd.String(), "\n"), "\n") {
		if strings.ContainsAny(line, "\x1b\u202e") {
			t.Errorf("raw control in %q", line)
		}
		body := strings.TrimSpace(line)
		name, data, task := strings.Cut(body, " :")
		if !task || strings.HasPrefix(body, "section ") || strings.HasPrefix(body, "title ") || body == "gantt" {
			continue
		}
		if !strings.HasPrefix(name, "#") || strings.Contains(name, ":") || strings.Contains(name, "%%") {
			t.Errorf("task name %q is not escaped", name)
		}
		if strings.Count(data, ",") < 2 {
			t.Errorf("task data %q", data)
		}
	}
	if strings.Contains(mmd.String(), "\ntitle x") || strings.Count(mmd.String(), "\n  title ") != 1 || strings.Count(mmd.String(), "section ") != 2 {
		t.Errorf("mermaid:\n%s", mmd.String())
	}
}

// At most MaxListed findings are listed, the first in state order; all are
// counted.
func TestMaxListed(t *testing.T) {
	var fs []lint.Finding
	for i := 0; i < 3; i++ {
		fs = append(fs, finding("r", lint.Warning, "server.EX07", "current", []string{"current"}, false))
		fs = append(fs, finding("r", lint.Warning, "server.EX13", "add-2013", []string{"add-2013"}, false))
	}
	tl := Build(decode(t, plan3), fs, Options{Catalog: opts.Catalog, AsOf: opts.AsOf, FailOn: lint.Error, MaxListed: 4})
	if len(tl.States[0].Findings) != 3 || len(tl.States[1].Findings) != 1 || tl.States[1].Unlisted != 2 || tl.Unlisted != 2 {
		t.Errorf("%d %d %d %d", len(tl.States[0].Findings), len(tl.States[1].Findings), tl.States[1].Unlisted, tl.Unlisted)
	}
	if tl.Counts.Warnings != 6 || tl.States[1].Counts.Warnings != 3 {
		t.Errorf("counts %+v %+v", tl.Counts, tl.States[1].Counts)
	}
	var b bytes.Buffer
	WriteText(&b, tl)
	if !strings.Contains(b.String(), "    (2 more findings not listed: exlint plan lists at most max_findings)\n") {
		t.Errorf("%s", b.String())
	}
	b.Reset()
	WriteJSON(&b, tl)
	if !strings.Contains(b.String(), `"unlisted_count": 2`) {
		t.Errorf("%s", b.String())
	}
}

// A state the rules did not run on is "not checked", unless a finding
// about its stage fails it.
func TestNotChecked(t *testing.T) {
	src := "organization \"O\" {}\nserver \"EX01\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\ndag \"D\" {\n  members = [\"EX01\"]\n}\n" +
		"stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"
	plan := decode(t, src)
	if plan.States[1].Checkable {
		t.Fatal("the state should not be checkable")
	}
	if tl := Build(plan, nil, opts); tl.States[1].Verdict != NotChecked || tl.States[1].Checked || tl.States[1].NotCheckedWhy != lint.NotCheckedRemoved ||
		!tl.States[0].Checked {
		t.Errorf("%s (%q)", tl.States[1].Verdict, tl.States[1].NotCheckedWhy)
	}
	fs := []lint.Finding{finding("plan-structure", lint.Error, "server.EX01", "s1", []string{"s1"}, false)}
	if tl := Build(plan, fs, opts); tl.States[1].Verdict != Fails {
		t.Errorf("%s", tl.States[1].Verdict)
	}
}

// A structural error keeps the rules from running in every state, the
// current one too, whatever the findings list: max_findings may leave its
// finding out, a baseline may hide it. The text says why each state is not
// checked, and where the errors are listed.
func TestStructuralProblemsStopEveryState(t *testing.T) {
	fs := []lint.Finding{
		finding("r", lint.Warning, "server.EX07", "current", []string{"current"}, false),
		finding("r", lint.Warning, "server.EX07", "current", []string{"current"}, false),
	}
	tl := Build(decode(t, plan3), fs, Options{Catalog: opts.Catalog, AsOf: opts.AsOf, FailOn: lint.Error, MaxListed: 1,
		Problems: []schema.Problem{{Kind: schema.KindSchema, Message: "m"}}})
	for _, s := range tl.States {
		if s.Checked || s.Verdict != NotChecked || s.NotCheckedWhy != lint.NotCheckedStructural {
			t.Errorf("%s: checked %v, %s (%q); want not checked", s.Name, s.Checked, s.Verdict, s.NotCheckedWhy)
		}
	}
	var b bytes.Buffer
	if err := WriteText(&b, tl); err != nil {
		t.Fatal(err)
	}
	const note = "  not checked: the topology has structural errors, so the rules did not run on it (each error is listed where it is written: at its stage, or at the current state)\n"
	if n := strings.Count(b.String(), note); n != len(tl.States) {
		t.Errorf("%d states say why they are not checked, want %d:\n%s", n, len(tl.States), b.String())
	}
}

// A stage that is no state (no date) has its findings listed under the
// current state, and counted there: a state never passes over errors it
// lists.
func TestFindingsOfAStageThatIsNoState(t *testing.T) {
	src := "organization \"C\" {}\nserver \"EX01\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\nstage \"later\" {}\n"
	plan, _ := schema.DecodePlan(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(plan.States) != 1 {
		t.Fatalf("%d states, want only the current one", len(plan.States))
	}
	fs := []lint.Finding{finding("plan-structure", lint.Error, "stage.later", "later", []string{"later"}, false)}
	tl := Build(plan, fs, opts)
	cur := tl.States[0]
	if len(cur.Findings) != 1 || cur.Counts.Errors != 1 || cur.Verdict != Fails || tl.Verdict != Fails {
		t.Errorf("current: %d listed, counts %+v, %s; plan %s", len(cur.Findings), cur.Counts, cur.Verdict, tl.Verdict)
	}
}

// A long organization name or description is cut in the text, not printed
// whole.
func TestTextClipsLongNames(t *testing.T) {
	long := strings.Repeat("N", 5000)
	src := strings.Replace(plan3, `"Contoso"`, `"`+long+`"`, 1)
	src = strings.Replace(src, "Exchange 2013 beside 2007", strings.Repeat("d", 5000), 1)
	var b bytes.Buffer
	if err := WriteText(&b, Build(decode(t, src), nil, opts)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, strings.Repeat("N", maxTextName+1)) || !strings.Contains(out, strings.Repeat("N", maxTextName)+"…") ||
		strings.Contains(out, strings.Repeat("d", maxTextDescription+1)) || !strings.Contains(out, strings.Repeat("d", maxTextDescription)+"…") {
		t.Errorf("not clipped: %d bytes", len(out))
	}
}

// In the chart, a server's bar in a state the rules did not run on is grey
// ("done") where it has no finding, not plain as if it passed; one with a
// finding there keeps its colour.
func TestGanttNotChecked(t *testing.T) {
	src := "organization \"O\" {}\n" +
		"server \"EX01\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n" +
		"server \"EX02\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n" +
		"server \"EX03\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n" +
		"dag \"D\" {\n  members = [\"EX01\", \"EX02\"]\n}\n" +
		"stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"
	fs := []lint.Finding{finding("plan-structure", lint.Error, "server.EX03", "s1", []string{"s1"}, false)}
	var got []string
	for _, sec := range Gantt(Build(decode(t, src), fs, opts)).Sections {
		for _, task := range sec.Tasks {
			got = append(got, task.Name+" "+task.Start+" "+task.Status)
		}
	}
	want := []string{"EX01 RTM 2026-12-02 ", "EX02 RTM 2026-12-02 ", "EX02 RTM 2027-01-01 done", "EX03 RTM 2026-12-02 ", "EX03 RTM 2027-01-01 crit"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bars\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
