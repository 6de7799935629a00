package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func decodePlanFiles(files map[string]string) (*Plan, []Problem) {
	var fs []*File
	for name, src := range files {
		fs = append(fs, &File{Name: name, Src: []byte(src), JSON: strings.HasSuffix(name, ".json")})
	}
	return DecodePlan(".", fs, DefaultLimits)
}

// The current state of the journey 2007 -> 2013 -> 2016, and its stages in
// a second file, written out of date order.
const journeyCurrent = `organization "Contoso" {
  forest_functional_level = "2008R2"
}

site "HQ" {}

server "EX07-01" {
  site      = "HQ"
  version   = "2007"
  update    = "SP3 RU23"
  roles     = ["mailbox", "client_access", "hub_transport"]
  os        = "2008R2"
  mailboxes = 800
}
`

const journeyStages = `stage "retire-2007" {
  date = "2027-06"
  remove "server" "EX07-01" {}
  change "organization" "Contoso" {
    forest_functional_level = "2012R2"
  }
}

stage "introduce-2013" {
  date        = "2027-02-15"
  description = "Exchange 2013 CU23 beside 2007"
  add "server" "EX13-01" {
    site    = "HQ"
    version = "2013"
    update  = "CU23"
    roles   = ["mailbox", "client_access"]
    os      = "2012R2"
  }
  change "server" "EX07-01" {
    mailboxes = 0
    os        = null
  }
}

stage "introduce-2016" {
  date = "2027-09"
  add "server" "EX16-01" {
    site    = "HQ"
    version = "2016"
    update  = "CU23"
    roles   = ["mailbox"]
  }
  add "dag" "DAG01" {
    members = ["EX13-01", "EX16-01"]
  }
  change "server" "EX13-01" {
    roles = ["mailbox"]
  }
}
`

const journeyJSON = `{
  "organization": {"Contoso": {"forest_functional_level": "2008R2"}},
  "site": {"HQ": {}},
  "server": {"EX07-01": {"site": "HQ", "version": "2007", "update": "SP3 RU23",
    "roles": ["mailbox", "client_access", "hub_transport"], "os": "2008R2", "mailboxes": 800}},
  "stage": {
    "retire-2007": {
      "date": "2027-06",
      "remove": {"server": {"EX07-01": {}}},
      "change": {"organization": {"Contoso": {"forest_functional_level": "2012R2"}}}
    },
    "introduce-2013": {
      "date": "2027-02-15",
      "description": "Exchange 2013 CU23 beside 2007",
      "add": {"server": {"EX13-01": {"site": "HQ", "version": "2013", "update": "CU23",
        "roles": ["mailbox", "client_access"], "os": "2012R2"}}},
      "change": {"server": {"EX07-01": {"mailboxes": 0, "os": null}}}
    },
    "introduce-2016": {
      "date": "2027-09",
      "add": {
        "server": {"EX16-01": {"site": "HQ", "version": "2016", "update": "CU23", "roles": ["mailbox"]}},
        "dag": {"DAG01": {"members": ["EX13-01", "EX16-01"]}}
      },
      "change": {"server": {"EX13-01": {"roles": ["mailbox"]}}}
    }
  }
}`

// summary renders what a plan's states hold, to compare native and JSON.
func summary(p *Plan) string {
	var b strings.Builder
	for i, s := range p.States {
		fmt.Fprintf(&b, "%s %s checkable=%v", s.Name, s.Date, s.Checkable)
		if i > 0 {
			fmt.Fprintf(&b, " stage=%s previous=%s", s.Stage.Name(), s.Previous.Name)
		}
		b.WriteString("\n")
		t := s.Topology
		ffl, _ := t.Organization.ForestFunctionalLevel.Get()
		fmt.Fprintf(&b, "  organization %s ffl=%s\n", t.Organization.Name(), ffl)
		for _, sv := range t.Servers {
			update, _ := sv.Update.Get()
			fmt.Fprintf(&b, "  server %s %s %s roles=%v", sv.Name(), sv.Version.Value, update, sv.Roles.Values())
			if v, ok := sv.OS.Get(); ok {
				fmt.Fprintf(&b, " os=%s", v)
			}
			if sv.Mailboxes != nil {
				fmt.Fprintf(&b, " mailboxes=%d", sv.Mailboxes.Value)
			}
			if sv.Site != nil && !slices.Contains(t.Sites, sv.Site.Target) {
				b.WriteString(" SITE-NOT-OF-THIS-STATE")
			}
			b.WriteString("\n")
		}
		for _, dag := range t.DAGs {
			fmt.Fprintf(&b, "  dag %s", dag.Name())
			for _, m := range dag.Members.Targets() {
				fmt.Fprintf(&b, " %s", m.Name())
				if t.ServerByName(m.Name()) != m {
					b.WriteString("(NOT-OF-THIS-STATE)")
				}
			}
			b.WriteString("\n")
		}
	}
	for _, st := range p.Stages {
		fmt.Fprintf(&b, "stage %s:", st.Name())
		for _, o := range st.Operations {
			fmt.Fprintf(&b, " %s", o.Describe())
			for _, a := range o.Attributes {
				fmt.Fprintf(&b, " %s", a.Name)
				if a.Null {
					b.WriteString("=null")
				}
			}
			b.WriteString(";")
		}
		b.WriteString("\n")
	}
	return b.String()
}

const journeySummary = `current  checkable=true
  organization Contoso ffl=2008R2
  server EX07-01 2007 SP3 RU23 roles=[mailbox client_access hub_transport] os=2008R2 mailboxes=800
introduce-2013 2027-02-15 checkable=true stage=introduce-2013 previous=current
  organization Contoso ffl=2008R2
  server EX07-01 2007 SP3 RU23 roles=[mailbox client_access hub_transport] mailboxes=0
  server EX13-01 2013 CU23 roles=[mailbox client_access] os=2012R2
retire-2007 2027-06-01 checkable=true stage=retire-2007 previous=introduce-2013
  organization Contoso ffl=2012R2
  server EX13-01 2013 CU23 roles=[mailbox client_access] os=2012R2
introduce-2016 2027-09-01 checkable=true stage=introduce-2016 previous=retire-2007
  organization Contoso ffl=2012R2
  server EX13-01 2013 CU23 roles=[mailbox] os=2012R2
  server EX16-01 2016 CU23 roles=[mailbox]
  dag DAG01 EX13-01 EX16-01
stage introduce-2013: add server "EX13-01" site version update roles os; change server "EX07-01" mailboxes os=null;
stage retire-2007: remove server "EX07-01"; change organization "Contoso" forest_functional_level;
stage introduce-2016: add server "EX16-01" site version update roles; add dag "DAG01" members; change server "EX13-01" roles;
`

func TestPlanStates(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"native", map[string]string{"current.exchange.hcl": journeyCurrent, "stages.exchange.hcl": journeyStages}},
		{"JSON", map[string]string{"plan.exchange.hcl.json": journeyJSON}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan, probs := decodePlanFiles(tc.files)
			if len(probs) != 0 || len(plan.Problems) != 0 {
				t.Fatalf("problems: %+v\nplan problems: %+v", probs, plan.Problems)
			}
			if got := summary(plan); got != journeySummary {
				t.Errorf("states:\n%s\nwant:\n%s", got, journeySummary)
			}
			if plan.Current != plan.States[0].Topology {
				t.Error("Current is not the first state's topology")
			}
			for i, st := range plan.Stages {
				if plan.States[i+1].Stage != st {
					t.Errorf("stage %d did not produce state %d", i, i+1)
				}
			}
		})
	}
}

// Every state has its own model, and each value the range where it is written.
func TestPlanStatesAreFreshAndPointAtTheirLines(t *testing.T) {
	plan, probs := decodePlanFiles(map[string]string{"current.exchange.hcl": journeyCurrent, "stages.exchange.hcl": journeyStages})
	if len(probs) != 0 || len(plan.Problems) != 0 {
		t.Fatal(probs, plan.Problems)
	}
	cur, s1, s2, s3 := plan.States[0].Topology, plan.States[1].Topology, plan.States[2].Topology, plan.States[3].Topology
	ex07, ex07s1 := cur.ServerByName("EX07-01"), s1.ServerByName("EX07-01")
	if ex07 == ex07s1 || ex07.Site.Target == ex07s1.Site.Target || cur.Organization == s1.Organization {
		t.Error("states share blocks")
	}
	if ex07.Mailboxes.Value != 800 || ex07.OS == nil {
		t.Error("a stage changed the current state's model")
	}
	if s2.ServerByName("EX13-01") == s1.ServerByName("EX13-01") {
		t.Error("an added server is shared between states")
	}
	cases := []struct {
		node Node
		rng  string
		addr string
	}{
		{ex07, "current.exchange.hcl:7:8-7:17", "server.EX07-01"},
		{ex07s1, "current.exchange.hcl:7:8-7:17", "server.EX07-01"},                  // the block stays where it is written
		{ex07s1.Version, "current.exchange.hcl:9:15-9:21", "server.EX07-01.version"}, // so do the values no stage changed
		{ex07s1.Mailboxes, "stages.exchange.hcl:20:17-20:18", "server.EX07-01.mailboxes"},
		{s1.ServerByName("EX13-01"), "stages.exchange.hcl:12:16-12:25", "server.EX13-01"},
		{s1.ServerByName("EX13-01").Roles.Items[1], "stages.exchange.hcl:16:27-16:42", `server.EX13-01.roles["client_access"]`},
		{s2.Organization.ForestFunctionalLevel, "stages.exchange.hcl:5:31-5:39", "organization.Contoso.forest_functional_level"},
		{s3.ServerByName("EX13-01").Roles, "stages.exchange.hcl:37:13-37:24", "server.EX13-01.roles"},
		{s3.DAGs[0].Members.Items[1], "stages.exchange.hcl:34:27-34:36", `dag.DAG01.members["EX16-01"]`},
		{plan.Stages[0], "stages.exchange.hcl:9:7-9:23", "stage.introduce-2013"},
		{plan.Stages[1].Operations[0], "stages.exchange.hcl:3:19-3:28", "server.EX07-01"},
		{plan.Stages[0].DateAttr, "stages.exchange.hcl:10:17-10:29", "stage.introduce-2013.date"},
	}
	for _, tc := range cases {
		if got := rangeString(tc.node.SourceRange()); got != tc.rng {
			t.Errorf("%s: range %s, want %s", tc.addr, got, tc.rng)
		}
		if got := tc.node.Address(); got != tc.addr {
			t.Errorf("address %s, want %s", got, tc.addr)
		}
	}
	if got := rangeString(s1.ServerByName("EX13-01").Range); got != "stages.exchange.hcl:12:3-18:4" {
		t.Errorf("added block's range %s, want the whole add block", got)
	}
	if got := rangeString(ex07s1.Range); got != "current.exchange.hcl:7:1-14:2" {
		t.Errorf("changed block's range %s, want the block as written", got)
	}
	if d := plan.Stages[0].Description; d == nil || d.Value != "Exchange 2013 CU23 beside 2007" {
		t.Errorf("description %v", d)
	}
	if a := plan.Stages[0].Operations[1].Attribute("os"); a == nil || !a.Null || rangeString(a.Range) != "stages.exchange.hcl:21:17-21:21" {
		t.Errorf("os = null: %+v", a)
	}
}

// Without stages, DecodePlan is Decode: the same topology and problems, and
// one state.
func TestPlanWithoutStages(t *testing.T) {
	for _, files := range []map[string]string{
		{"t.exchange.hcl": fullTopology},
		{"t.exchange.hcl.json": fullTopologyJSON},
		{"t.exchange.hcl": "organization \"O\" {}\nserver \"E\" {\n  verison = \"SE\"\n  site = \"HG\"\n}\nsever \"x\" {}\n"},
		{"t.exchange.hcl": "organization \"O\" {\n"},
	} {
		plan, pprobs := decodePlanFiles(files)
		top, probs := decodeFiles(files)
		if !reflect.DeepEqual(pprobs, probs) {
			t.Errorf("problems differ:\n%+v\n%+v", pprobs, probs)
		}
		if len(plan.States) != 1 || len(plan.Stages) != 0 || len(plan.Problems) != 0 || plan.States[0].Name != "current" ||
			!plan.States[0].Checkable || plan.States[0].Stage != nil || plan.States[0].Previous != nil {
			t.Errorf("want one current state: %+v", plan)
		}
		if !reflect.DeepEqual(plan.Current, top) {
			t.Error("the current state differs from Decode's topology")
		}
	}
}

// Decode reads the current state of a plan and nothing of its stages.
func TestDecodeReadsTheCurrentState(t *testing.T) {
	top, probs := decodeFiles(map[string]string{"current.exchange.hcl": journeyCurrent, "stages.exchange.hcl": journeyStages})
	if len(probs) != 0 || len(top.Servers) != 1 || top.Servers[0].Mailboxes.Value != 800 {
		t.Errorf("problems %+v, servers %d", probs, len(top.Servers))
	}
}

type wantPlanProblem struct {
	state string
	rng   string
	msg   string
}

func TestPlanProblems(t *testing.T) {
	const cur = "organization \"O\" {}\nsite \"HQ\" {}\nserver \"EX01\" {\n  version = \"2019\"\n  update  = \"CU15\"\n}\n"
	// Line 7 onwards is the stage.
	stage := func(body string) map[string]string {
		return map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-01\"\n" + body + "}\n"}
	}
	const jcur = `"organization": {"O": {}}, "site": {"HQ": {}}, "server": {"EX01": {"version": "2019", "update": "CU15"}}`
	jstage := func(body string) map[string]string {
		return map[string]string{"t.exchange.hcl.json": "{" + jcur + ",\n\"stage\": {\"s1\": {\"date\": \"2027-01\",\n" + body + "}}}"}
	}
	cases := []struct {
		name  string
		files map[string]string
		want  []wantProblem
		plan  []wantPlanProblem
	}{
		// Every error of the language, inside a stage.
		{"unknown attribute in add", stage("  add \"server\" \"EX02\" {\n    version = \"SE\"\n    updte = \"RTM\"\n  }\n"),
			[]wantProblem{
				{KindSchema, "t.exchange.hcl:9:16-9:22", `server "EX02" has neither update nor build`},
				{KindSchema, "t.exchange.hcl:11:5-11:10", `unknown attribute "updte" in server "EX02"; did you mean "update"?`},
			}, nil},
		{"unknown attribute in add JSON", jstage(`"add": {"server": {"EX02": {"version": "SE", "update": "RTM", "verison": "SE"}}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:63-3:72", `unknown attribute "verison" in server "EX02"; did you mean "version"?`}}, nil},
		{"unknown attribute in change", stage("  change \"server\" \"EX01\" {\n    verison = \"SE\"\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:5-10:12", `unknown attribute "verison" in server "EX01"; did you mean "version"?`}}, nil},
		{"unknown attribute in change JSON", jstage(`"change": {"server": {"EX01": {"verison": "SE"}}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:32-3:41", `unknown attribute "verison" in server "EX01"; did you mean "version"?`}}, nil},
		{"wrong type in change", stage("  change \"server\" \"EX01\" {\n    version = 2016\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:15-10:19", `version of server "EX01" must be a string, not a number (2016): write 2016 in quotes`}}, nil},
		{"wrong type in change JSON", jstage(`"change": {"server": {"EX01": {"mailboxes": "20"}}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:45-3:49", `mailboxes of server "EX01" must be a whole number, not a string ("20"): write 20 without quotes`}}, nil},
		{"keyword in add", stage("  add \"server\" \"EX02\" {\n    version = \"SE\"\n    update = \"RTM\"\n    roles = [\"Mailbox\"]\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:12:14-12:23", `"Mailbox" is not a server role (roles[0] of server "EX02"); did you mean "mailbox"?`}}, nil},
		{"keyword in change JSON", jstage(`"change": {"server": {"EX01": {"os": "2012 R2"}}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:38-3:47", `"2012 R2" is not a Windows Server version (os of server "EX01"); did you mean "2012R2"?`}}, nil},
		{"unknown block type", stage("  add \"sever\" \"EX02\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:7-9:14", `unknown block type "sever"; did you mean "server"?`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", `stage "s1" changes nothing`}}},
		{"unknown block type JSON", jstage(`"remove": {"hybird": {}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:12-3:20", `unknown block type "hybird"; did you mean "hybrid"?`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl.json:2:11-2:15", `stage "s1" changes nothing`}}},
		{"unknown name in a reference", stage("  add \"server\" \"EX02\" {\n    site = \"HG\"\n    version = \"SE\"\n    update = \"RTM\"\n  }\n"),
			[]wantProblem{{KindReference, "t.exchange.hcl:10:12-10:16", `site "HG" (site of server "EX02") is not defined in this topology; did you mean "HQ"?`}}, nil},
		{"unknown name in a reference JSON", jstage(`"change": {"server": {"EX01": {"site": "HG"}}}`),
			[]wantProblem{{KindReference, "t.exchange.hcl.json:3:40-3:44", `site "HG" (site of server "EX01") is not defined in this topology; did you mean "HQ"?`}}, nil},
		{"nested block in add", stage("  add \"site\" \"B\" {\n    server \"X\" {}\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:5-10:11", `unexpected "server" block inside site "B"`}}, nil},
		{"nested block in change", stage("  change \"server\" \"EX01\" {\n    site \"X\" {}\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:5-10:9", `unexpected "site" block inside change server "EX01"`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:9:19-9:25", `change server "EX01" in stage "s1" changes no attribute`}}},

		// Labels.
		{"missing label", stage("  add \"server\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:7-9:15", `add "server" takes one label after the type, the server's name: add "server" "NAME" { ... }`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"extra label", stage("  remove \"hybrid\" \"x\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:19-9:22", `remove "hybrid" takes no label after the type: remove "hybrid" {}`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"connector labels", stage("  change \"connector\" \"To EXO\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:22-9:30", `change "connector" takes 2 labels after the type, the connector's direction and name: change "connector" "DIRECTION" "NAME" { ... }`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"no type", stage("  add {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:3-9:6", `add needs the type of the block, then its labels: add "server" "EX01" { ... }`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"missing label JSON", jstage(`"add": {"server": {"version": "SE"}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:31-3:35", `in a stage, write "add": {"server": {"NAME": {...}}}`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl.json:2:11-2:15", "changes nothing"}}},
		{"connector direction", stage("  add \"connector\" \"sent\" \"X\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:19-9:25", `"sent" is not a connector direction (the direction of a connector block); did you mean "send"?`}}, nil},

		// The stage block itself.
		{"unknown stage attribute", stage("  descripton = \"x\"\n  remove \"server\" \"EX01\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:3-9:13", `unknown attribute "descripton" in stage "s1"; did you mean "description"?`}}, nil},
		{"unknown stage block", stage("  remvoe \"server\" \"EX01\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:3-9:9", `unknown block type "remvoe" in stage "s1"; did you mean "remove"?`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"unknown stage key JSON", jstage(`"ad": {}, "remove": {"server": {"EX01": {}}}`),
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:3:1-3:5", `unknown attribute "ad" in stage "s1"; did you mean "add"?`}}, nil},
		{"a block in a stage", stage("  server \"EX02\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:3-9:9", `a stage lists changes, not blocks: write add "server" "NAME" { ... } (or change, remove) inside stage "s1"`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"wrong type of date", stage("  date2 = 1\n"), // date2: the stage already has a date
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:3-9:8", `unknown attribute "date2" in stage "s1"; did you mean "date"?`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},
		{"date not a string", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = 2027\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:14", `date of stage "s1" must be a string, not a number (2027): write 2027 in quotes`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", `stage "s1" has no date; add date = "YYYY-MM" (or "YYYY-MM-DD")`}}},
		{"malformed date", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"June 2027\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:21", `date of stage "s1": "June 2027" is not a date; write it as YYYY-MM or YYYY-MM-DD, such as "2027-06"`}}, nil},
		{"month out of range", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-13\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:19", `date of stage "s1": "2027-13" is not a date: the month 13 is out of range: months run from 01 to 12`}}, nil},
		{"day out of range", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-02-29\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:22", `date of stage "s1": "2027-02-29" is not a date: the day 29 is out of range: 2027-02 has 28 days`}}, nil},
		// A stage's year is from MinStageYear to MaxStageYear: the years
		// just outside are errors, and the stage is not applied.
		{"year after the last", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2100-01\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:19", `date of stage "s1": "2100-01" is out of range: a stage's date is in the years 1990 to 2099`}}, nil},
		{"year before the first", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"1989-12-31\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:8:10-8:22", `date of stage "s1": "1989-12-31" is out of range: a stage's date is in the years 1990 to 2099`}}, nil},
		{"missing date", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  remove \"server\" \"EX01\" {}\n}\n"},
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", `stage "s1" has no date; add date = "YYYY-MM" (or "YYYY-MM-DD"): stages apply in date order`}}},
		{"missing date JSON", map[string]string{"t.exchange.hcl.json": "{" + jcur + ",\n\"stage\": {\"s1\": {\"remove\": {\"server\": {\"EX01\": {}}}}}}"},
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl.json:2:11-2:15", `stage "s1" has no date`}}},
		{"stage without name", map[string]string{"t.exchange.hcl": cur + "stage {\n  date = \"2027-01\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:7-7:8", "missing name for stage"}}, nil},
		{"stage named current", map[string]string{"t.exchange.hcl": cur + "stage \"current\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:7-7:16", `"current" names the state before any stage`}}, nil},
		{"stage name with spaces", map[string]string{"t.exchange.hcl": cur + "stage \"Retire 2007 (HQ)\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:7-7:25", `a stage's name may hold only letters, digits, "_" and "-": write "Retire-2007-HQ", and the words in its description`}}, nil},
		{"stage name with an escape", map[string]string{"t.exchange.hcl": cur + "stage \"\x1b[31m\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:7-7:14", `write "31m"`}}, nil},
		{"duplicate stage", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\nstage \"s1\" {\n  date = \"2027-02\"\n  remove \"server\" \"EX01\" {}\n}\n"},
			[]wantProblem{{KindDuplicate, "t.exchange.hcl:11:7-11:11", `stage "s1" is defined twice; the first definition is at t.exchange.hcl:7:7`}}, nil},
		{"same date", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\nstage \"s2\" {\n  date = \"2027-01-01\"\n  add \"site\" \"B\" {}\n}\n"},
			nil, []wantPlanProblem{{"s2", "t.exchange.hcl:12:10-12:22", `stage "s2" has the same date, 2027-01-01, as stage "s1" (t.exchange.hcl:8:10); a month alone means its first day`}}},
		{"empty stage", stage(""),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", `stage "s1" changes nothing; list its changes with add, change and remove blocks, or delete it`}}},
		{"empty change JSON", jstage(`"change": {"server": {"EX01": {}}}`),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl.json:3:23-3:29", `change server "EX01" in stage "s1" changes no attribute`}}},
		{"stages at the top level", map[string]string{"t.exchange.hcl": cur + "stages \"s1\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:1-7:7", `unknown block type "stages"; did you mean "stage"?`}}, nil},
		{"add at the top level", map[string]string{"t.exchange.hcl": cur + "add \"site\" \"B\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:7:1-7:4", `"add" goes inside a stage`}}, nil},
		{"stage in a stage", stage("  add \"stage\" \"s2\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:7-9:14", "a stage cannot add a stage"}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "changes nothing"}}},

		// Operations against the state.
		{"add of a block that exists", stage("  add \"server\" \"EX01\" {\n    version = \"SE\"\n    update = \"RTM\"\n  }\n"),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl:9:16-9:22", `stage "s1" adds server "EX01", which exists before it (server "EX01" at t.exchange.hcl:3:8); change it instead`}}},
		{"change of a block that does not exist", stage("  change \"server\" \"EX1\" {\n    core = true\n  }\n"),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl:9:19-9:24", `stage "s1" changes server "EX1", which does not exist before it; did you mean "EX01"?`}}},
		{"remove of a block that does not exist JSON", jstage(`"remove": {"hybrid": {}}`),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl.json:3:12-3:20", `stage "s1" removes hybrid, which does not exist before it`}}},
		{"change of another organization", stage("  change \"organization\" \"P\" {\n    split_permissions = true\n  }\n"),
			nil, []wantPlanProblem{{"s1", "t.exchange.hcl:9:25-9:28", `stage "s1" changes organization "P", which does not exist before it; the state has organization "O" (t.exchange.hcl:1:14)`}}},
		{"remove the organization", stage("  remove \"organization\" \"O\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:25-9:28", "a stage cannot remove the organization"}}, nil},
		{"remove with attributes", stage("  remove \"server\" \"EX01\" {\n    version = \"SE\"\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:5-10:12", `a removal takes no attributes: remove "server" "NAME" {}`}}, nil},
		{"change after a removal", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\nstage \"s2\" {\n  date = \"2027-02\"\n  change \"server\" \"EX01\" {\n    core = true\n  }\n}\n"},
			nil, []wantPlanProblem{{"s2", "t.exchange.hcl:13:19-13:25", `stage "s2" changes server "EX01", which does not exist before it (stage "s1" removes it at t.exchange.hcl:9:19)`}}},
		{"a removed block of another kind under the same name", map[string]string{"t.exchange.hcl": "organization \"O\" {}\nconnector \"send\" \"Out\" {}\nstage \"s1\" {\n  date = \"2027-01\"\n  remove \"connector\" \"send\" \"Out\" {}\n}\nstage \"s2\" {\n  date = \"2027-02\"\n  change \"connector\" \"receive\" \"Out\" {\n    servers = []\n  }\n}\n"},
			nil, []wantPlanProblem{{"s2", "t.exchange.hcl:9:32-9:37", `stage "s2" changes connector "receive" "Out", which does not exist before it; add it instead`}}},
		{"null unsets a required attribute", stage("  change \"server\" \"EX01\" {\n    version = null\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:15-10:19", `version of server "EX01" is null; it is required: give it a value`}}, nil},
		{"null leaves a server without update or build", stage("  change \"server\" \"EX01\" {\n    update = null\n  }\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:14-10:18", `change server "EX01" sets update to null, which leaves server "EX01" with neither update nor build; give update a value`}}, nil},
		{"null with a build left", stage("  change \"server\" \"EX01\" {\n    build = \"15.2.1748.10\"\n    update = null\n  }\n"), nil, nil},

		// Problems are reported once, whatever the number of states.
		{"a problem of the current state", map[string]string{"t.exchange.hcl": cur + "server \"EX02\" {\n  version = \"SE\"\n  update = \"RTM\"\n  os = \"2022 \"\n}\n" +
			"stage \"s1\" {\n  date = \"2027-01\"\n  change \"server\" \"EX02\" {\n    core = true\n  }\n}\nstage \"s2\" {\n  date = \"2027-02\"\n  add \"site\" \"B\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:8-10:15", `"2022 " is not a Windows Server version`}}, nil},
		{"a problem a stage brings", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  date = \"2027-01\"\n  add \"server\" \"EX02\" {\n    version = \"SE\"\n    update = \"RTM\"\n    site = \"HG\"\n  }\n}\nstage \"s2\" {\n  date = \"2027-02\"\n  add \"site\" \"B\" {}\n}\n"},
			[]wantProblem{{KindReference, "t.exchange.hcl:12:12-12:16", `site "HG" (site of server "EX02") is not defined in this topology; did you mean "HQ"?`}}, nil},
		{"a stage that does not apply is still checked", map[string]string{"t.exchange.hcl": cur + "stage \"s1\" {\n  change \"server\" \"EX01\" {\n    cores = true\n  }\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:9:5-9:10", `unknown attribute "cores" in server "EX01"; did you mean "core"?`}},
			[]wantPlanProblem{{"s1", "t.exchange.hcl:7:7-7:11", "has no date"}}},
		{"a change undone by a removal is still checked", stage("  change \"server\" \"EX01\" {\n    cores = true\n  }\n  remove \"server\" \"EX01\" {}\n"),
			[]wantProblem{{KindSchema, "t.exchange.hcl:10:5-10:10", `unknown attribute "cores" in server "EX01"; did you mean "core"?`}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			plan, probs := decodePlanFiles(tc.files)
			var got []string
			for _, p := range probs {
				got = append(got, fmt.Sprintf("%s %s %s", p.Kind, rangeString(p.Range), p.Message))
			}
			for _, p := range plan.Problems {
				got = append(got, fmt.Sprintf("plan(%s) %s %s %s", p.State, rangeString(p.Range), p.Address, p.Message))
			}
			if len(probs) != len(tc.want) || len(plan.Problems) != len(tc.plan) {
				t.Fatalf("got %d problems and %d plan problems, want %d and %d:\n%s", len(probs), len(plan.Problems),
					len(tc.want), len(tc.plan), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				p := probs[i]
				if p.Kind != w.kind || rangeString(p.Range) != w.rng || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d:\n got  %s %s %s\n want %s %s ...%s...", i, p.Kind, rangeString(p.Range), p.Message, w.kind, w.rng, w.msg)
				}
			}
			for i, w := range tc.plan {
				p := plan.Problems[i]
				if p.State != w.state || rangeString(p.Range) != w.rng || !strings.Contains(p.Message, w.msg) {
					t.Errorf("plan problem %d:\n got  %s %s %s\n want %s %s ...%s...", i, p.State, rangeString(p.Range), p.Message, w.state, w.rng, w.msg)
				}
			}
		})
	}
}

// A removal that leaves a reference dangling is reported once, at the
// removal; the states that keep the reference are not checkable; a later
// stage that mends it makes its state checkable again.
func TestPlanDanglingReference(t *testing.T) {
	src := `organization "O" {}
server "EX01" {
  version = "2016"
  update  = "CU23"
}
server "EX02" {
  version = "2016"
  update  = "CU23"
}
dag "DAG01" {
  members = ["EX01", "EX02"]
}
stage "s1" {
  date = "2027-01"
  remove "server" "EX01" {}
}
stage "s2" {
  date = "2027-02"
  add "site" "B" {}
}
stage "s3" {
  date = "2027-03"
  change "dag" "DAG01" {
    members = ["EX02"]
  }
}
stage "s4" {
  date = "2027-04"
  add "hybrid" {
    servers = ["EX01"]
  }
}
`
	plan, probs := decodePlanFiles(map[string]string{"t.exchange.hcl": src})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	var checkable []string
	for _, s := range plan.States {
		checkable = append(checkable, fmt.Sprintf("%s=%v", s.Name, s.Checkable))
	}
	if got := strings.Join(checkable, " "); got != "current=true s1=false s2=false s3=true s4=false" {
		t.Errorf("checkable: %s", got)
	}
	want := []string{
		`s1 t.exchange.hcl:15:19-15:25 server.EX01 stage "s1" removes server "EX01", but members[0] of dag "DAG01" still names it (t.exchange.hcl:11:14): keep server "EX01", or by this stage remove dag "DAG01" too (if its work is done) or take the name out of its members`,
		`s4 t.exchange.hcl:30:16-30:22 hybrid.servers["EX01"] servers[0] of hybrid names server "EX01", which stage "s1" removes at t.exchange.hcl:15:19; in stage "s4", name a server that exists`,
	}
	var got []string
	for _, p := range plan.Problems {
		got = append(got, fmt.Sprintf("%s %s %s %s", p.State, rangeString(p.Range), p.Address, p.Message))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := plan.Problems[0].Related; len(r) != 1 || rangeString(r[0].Range) != "t.exchange.hcl:11:14-11:20" {
		t.Errorf("related: %+v", r)
	}
}

// A removal that leaves a name behind offers both ways out: keep the removed
// block, or remove (or change) what names it. The last hybrid server removed
// while hybrid names it is the usual case: changing hybrid alone, to name no
// server, is not the fix.
func TestPlanRemovalStillNamedOffersBothWays(t *testing.T) {
	src := `organization "O" {}
server "EX16" {
  version = "2016"
  update  = "CU23"
}
certificate "mail" {
  servers = ["EX16"]
}
hybrid {
  servers     = ["EX16"]
  certificate = "mail"
}
stage "decommission" {
  date = "2027-07"
  remove "certificate" "mail" {}
  remove "server" "EX16" {}
}
`
	plan, _ := decodePlanFiles(map[string]string{"t.exchange.hcl": src})
	want := []string{
		`decommission t.exchange.hcl:15:24-15:30 certificate.mail stage "decommission" removes certificate "mail", but certificate of hybrid still names it (t.exchange.hcl:11:17): keep certificate "mail", or by this stage remove hybrid too (if its work is done) or change its certificate`,
		`decommission t.exchange.hcl:16:19-16:25 server.EX16 stage "decommission" removes server "EX16", but servers[0] of hybrid still names it (t.exchange.hcl:10:18): keep server "EX16", or by this stage remove hybrid too (if its work is done) or take the name out of its servers`,
	}
	var got []string
	for _, p := range plan.Problems {
		got = append(got, fmt.Sprintf("%s %s %s %s", p.State, rangeString(p.Range), p.Address, p.Message))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Within a stage, operations apply in source order: a server can be removed
// and built again under the same name, or added and then changed.
func TestPlanOperationOrder(t *testing.T) {
	src := `organization "O" {}
server "EX01" {
  version = "2016"
  update  = "CU23"
}
stage "rebuild" {
  date = "2027-01"
  remove "server" "EX01" {}
  add "server" "EX01" {
    version = "2019"
    update  = "CU15"
  }
  add "hybrid" {}
  change "hybrid" {
    servers = ["EX01"]
  }
}
`
	plan, probs := decodePlanFiles(map[string]string{"t.exchange.hcl": src})
	if len(probs) != 0 || len(plan.Problems) != 0 {
		t.Fatal(probs, plan.Problems)
	}
	s := plan.States[1].Topology
	if len(s.Servers) != 1 || s.Servers[0].Version.Value != "2019" || s.Hybrid.Servers.Items[0].Target != s.Servers[0] ||
		!plan.States[1].Checkable {
		t.Errorf("state after rebuild: %+v", s.Servers)
	}
}

// Stages in several files and in any order apply in date order, and the
// result does not depend on the order the files are given in, nor, for
// stages of the same date, on the files' names.
func TestPlanDeterministic(t *testing.T) {
	files := []*File{
		{Name: "b.exchange.hcl", Src: []byte("stage \"late\" {\n  date = \"2028-01\"\n  remove \"site\" \"A\" {}\n}\nstage \"dup\" {\n  date = \"2027-01\"\n  add \"site\" \"C\" {}\n}\n")},
		{Name: "a.exchange.hcl", Src: []byte("organization \"O\" {}\nsite \"A\" {}\nstage \"early\" {\n  date = \"2027-01\"\n  add \"site\" \"B\" {}\n}\n")},
		{Name: "c.exchange.hcl.json", Src: []byte(`{"stage": {"mid": {"date": "2027-06-30", "change": {"site": {"X": {"y": 1}}}}}}`), JSON: true},
	}
	var first string
	for i := 0; i < 6; i++ {
		fs := append([]*File(nil), files...)
		fs[0], fs[i%3] = fs[i%3], fs[0]
		plan, probs := DecodePlan(".", fs, DefaultLimits)
		var b strings.Builder
		for _, s := range plan.States {
			fmt.Fprintf(&b, "%s %s %d;", s.Name, s.Date, len(s.Topology.Sites))
		}
		fmt.Fprintf(&b, "\n%+v\n%+v", probs, plan.Problems)
		if i == 0 {
			first = b.String()
			// Stages of the same date (an error) are built in the order of
			// their names, and the rules run on none of the states from
			// the first of them on.
			if !strings.HasPrefix(first, "current  1;dup 2027-01-01 2;early 2027-01-01 3;mid 2027-06-30 3;late 2028-01-01 2;") {
				t.Errorf("states out of date order: %s", first)
			}
			for j, st := range plan.States {
				if st.Checkable != (j == 0) {
					t.Errorf("state %s: checkable %v", st.Name, st.Checkable)
				}
			}
		} else if b.String() != first {
			t.Errorf("order %d differs:\n%s\n%s", i, b.String(), first)
		}
	}
}

// The number of states is bounded, so a hostile plan costs a bounded number
// of decodes.
func TestPlanStageLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("organization \"O\" {}\n")
	for i := 0; i < maxPlanStages+5; i++ {
		fmt.Fprintf(&b, "stage \"s%d\" {\n  date = \"%04d-01\"\n  add \"site\" \"S%d\" {}\n}\n", i, MinStageYear+i, i)
	}
	plan, probs := decodePlanFiles(map[string]string{"t.exchange.hcl": b.String()})
	if len(probs) != 0 || len(plan.States) != maxPlanStages+1 || len(plan.Problems) != 1 ||
		!strings.Contains(plan.Problems[0].Message, `exlint builds the states of up to 100 of them here, so stage "s100" and the stages after it are not checked`) {
		t.Errorf("states %d, problems %+v %+v", len(plan.States), probs, plan.Problems)
	}
}

// So is the work over all states, blocks times states.
func TestPlanWorkLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("organization \"O\" {}\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "site \"S%d\" {}\n", i)
	}
	for i := 0; i < 99; i++ {
		fmt.Fprintf(&b, "stage \"s%d\" {\n  date = \"%04d-01\"\n  remove \"site\" \"S%d\" {}\n}\n", i, MinStageYear+i, i)
	}
	plan, probs := decodePlanFiles(map[string]string{"t.exchange.hcl": b.String()})
	limit := maxPlanWork/(3001+99) - 1
	if len(probs) != 0 || len(plan.States) != limit+1 || len(plan.Problems) != 1 ||
		!strings.Contains(plan.Problems[0].Message, fmt.Sprintf("the plan has 99 stages over 3100 blocks; exlint builds the states of up to %d of them here", limit)) {
		t.Errorf("states %d, problems %+v %+v", len(plan.States), probs, plan.Problems)
	}
}

// In JSON, operations apply in the order of their keys.
func TestPlanJSONOperationOrder(t *testing.T) {
	src := `{"organization": {"O": {}}, "server": {"EX01": {"version": "2016", "update": "CU23"}},
"stage": {"rebuild": {"date": "2027-01",
  "remove": {"server": {"EX01": {}}},
  "add": {"server": {"EX01": {"version": "2019", "update": "CU15"}}}}}}`
	plan, probs := decodePlanFiles(map[string]string{"t.exchange.hcl.json": src})
	if len(probs) != 0 || len(plan.Problems) != 0 {
		t.Fatal(probs, plan.Problems)
	}
	if s := plan.States[1].Topology.Servers; len(s) != 1 || s[0].Version.Value != "2019" {
		t.Errorf("servers after rebuild: %d", len(s))
	}
}

// Two stages of the same date in two files: which file is named what does
// not change the states built or the problems found, and the rules run on
// no state from the first of them on (the order of that day is unknown).
func TestSameDateStagesIgnoreFileNames(t *testing.T) {
	org := "organization \"O\" {}\nsite \"HQ\" {}\nserver \"EX01\" {\n  site = \"HQ\"\n  version = \"SE\"\n  update = \"RTM\"\n}\n"
	zeta := "stage \"zeta\" {\n  date = \"2027-02\"\n  remove \"server\" \"EX01\" {}\n}\n"
	alpha := "stage \"alpha\" {\n  date = \"2027-02\"\n  change \"server\" \"EX01\" {\n    mailboxes = 0\n  }\n}\n"
	describe := func(first, second string) string {
		plan, probs := decodePlanFiles(map[string]string{"o.exchange.hcl": org, "a.exchange.hcl": first, "b.exchange.hcl": second})
		var b strings.Builder
		for _, s := range plan.States {
			fmt.Fprintf(&b, "%s %v %d;", s.Name, s.Checkable, len(s.Topology.Servers))
		}
		for _, p := range plan.Problems {
			fmt.Fprintf(&b, "\n%s: %s", p.State, p.Message)
		}
		fmt.Fprintf(&b, "\n%v", probs)
		return strings.NewReplacer("a.exchange.hcl", "FILE", "b.exchange.hcl", "FILE").Replace(b.String())
	}
	got, swapped := describe(zeta, alpha), describe(alpha, zeta)
	if got != swapped {
		t.Errorf("the files' names change the plan:\n%s\n%s", got, swapped)
	}
	if !strings.HasPrefix(got, "current true 1;alpha false 1;zeta false 0;") || strings.Count(got, "\n") != 2 ||
		!strings.Contains(got, `the states from stage "alpha" on are not checked`) {
		t.Errorf("got %s", got)
	}
}

// A structural problem written in a stage is that stage's (Problem.Stage,
// and its date when it has one), whether it is found reading the stage or
// building a state, in HCL or in JSON; one outside stages, or in a stage
// whose name names no state (reserved, or the second of two), is no
// stage's.
func TestPlanProblemsPlacedInStages(t *testing.T) {
	const hcl = `organization "O" {}
server "EX01" {
  version = "SE"
  update  = "RTM"
  colour  = "blue"
}
stage "org" {
  date = "2030-01"
  remove "organization" "O" {}
}
stage "unset" {
  date = "2031-01-15"
  change "server" "EX01" {
    update = null
  }
}
stage "undated" {
  date = "2031-13"
  add "sever" "EX02" {}
}
stage "current" {
  date = "2032-01"
  add "site" "X" {
    colour = "red"
  }
}
stage "org" {
  date = "2033-01"
  add "site" "Y" {
    colour = "green"
  }
}
`
	const json = `{"stage": {"js": {"date": "2034-06", "add": {"site": {"Z": {"colour": "grey"}}}}}}`
	_, probs := decodePlanFiles(map[string]string{"a.exchange.hcl": hcl, "b.exchange.hcl.json": json})
	var got []string
	for _, p := range probs {
		got = append(got, fmt.Sprintf("%s:%d %s@%s", p.Range.Filename, p.Range.Start.Line, p.Stage, p.StageDate))
	}
	want := []string{
		"a.exchange.hcl:5 @",                 // colour of EX01, outside stages
		"a.exchange.hcl:9 org@2030-01",       // remove "organization"
		"a.exchange.hcl:14 unset@2031-01-15", // update = null
		"a.exchange.hcl:18 undated@",         // the date: the stage is no state, and has no date
		"a.exchange.hcl:19 undated@",         // add "sever"
		"a.exchange.hcl:21 @",                // a stage named current
		"a.exchange.hcl:24 @",                // colour in it
		"a.exchange.hcl:27 @",                // the second stage "org"
		"a.exchange.hcl:30 @",                // colour in it
		"b.exchange.hcl.json:1 js@2034-06",   // colour in a JSON stage
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s\n%+v", strings.Join(got, "\n  "), strings.Join(want, "\n  "), probs)
	}
}
