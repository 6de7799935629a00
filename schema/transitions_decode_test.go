package schema

import (
	"strings"
	"testing"
)

// The attributes and the block the plan transition rules read (where the
// organization's public folders are, a server shut down but kept, the
// Management Tools) decode in both syntaxes, inside stages too, with the
// usual errors.
func TestDecodeTransitionAttributes(t *testing.T) {
	native := `organization "Contoso" {
  public_folders = "exchange_online"
}
server "EX16" {
  version   = "2016"
  update    = "CU23"
  shut_down = true
}
management_tools {
  version = "2019"
  update  = "CU15"
}
`
	jsonSrc := `{
  "organization": {"Contoso": {"public_folders": "exchange_online"}},
  "server": {"EX16": {"version": "2016", "update": "CU23", "shut_down": true}},
  "management_tools": {"version": "2019", "update": "CU15"}
}`
	for name, src := range map[string]string{"t.exchange.hcl": native, "t.exchange.hcl.json": jsonSrc} {
		top, probs := decodeFiles(map[string]string{name: src})
		if len(probs) != 0 {
			t.Fatalf("%s: %+v", name, probs)
		}
		if got := top.Organization.PublicFolders.Value; got != "exchange_online" {
			t.Errorf("%s: public_folders %q", name, got)
		}
		if !top.Servers[0].ShutDown.IsTrue() {
			t.Errorf("%s: shut_down not read", name)
		}
		mt := top.ManagementTools
		if mt == nil || mt.Version.Value != "2019" || mt.Update.Value != "CU15" {
			t.Fatalf("%s: management_tools %+v", name, mt)
		}
		if got := mt.Address(); got != "management_tools" {
			t.Errorf("%s: address %s", name, got)
		}
		if got := mt.Version.Address(); got != "management_tools.version" {
			t.Errorf("%s: version address %s", name, got)
		}
	}

	for _, tc := range []struct{ src, want string }{
		{"organization \"O\" {\n  public_folders = \"cloud\"\n}\n", `"cloud"`},
		{"organization \"O\" {}\nmanagement_tools {\n  update = \"CU15\"\n}\n", "version"},
		{"organization \"O\" {}\nmanagement_tools {\n  version = \"2019\"\n}\nmanagement_tools {\n  version = \"SE\"\n}\n", "twice"},
		{"organization \"O\" {}\nmanagment_tools {\n  version = \"2019\"\n}\n", `did you mean "management_tools"`},
		{"organization \"O\" {}\nserver \"EX\" {\n  version = \"SE\"\n  update = \"RTM\"\n  shutdown = true\n}\n", `did you mean "shut_down"`},
	} {
		_, probs := decodeFiles(map[string]string{"t.exchange.hcl": tc.src})
		var msgs []string
		for _, p := range probs {
			msgs = append(msgs, p.Message)
		}
		if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
			t.Errorf("%q: want a problem naming %s, got %q", tc.src, tc.want, msgs)
		}
	}

	// A stage adds the tools and shuts a server down.
	plan, probs := DecodePlan(".", []*File{{Name: "t.exchange.hcl", Src: []byte(native + `stage "keep-tools" {
  date = "2027-06"
  change "server" "EX16" {
    shut_down = false
  }
  remove "management_tools" {}
}
`)}}, DefaultLimits)
	if len(probs) != 0 || len(plan.States) != 2 {
		t.Fatalf("%+v %d", probs, len(plan.States))
	}
	last := plan.States[1].Topology
	if last.ManagementTools != nil || !last.Servers[0].ShutDown.IsFalse() {
		t.Errorf("the stage did not apply: %+v %+v", last.ManagementTools, last.Servers[0].ShutDown)
	}
}

// An operation keeps the literal values it writes, for rules that follow a
// value through a stage's operations in the order they apply.
func TestOpAttrValues(t *testing.T) {
	for name, src := range map[string]string{
		"t.exchange.hcl": `organization "O" {}
server "EX" {
  version = "SE"
  update  = "RTM"
}
stage "s" {
  date = "2027-01"
  change "server" "EX" {
    mailboxes      = 1200
    public_folders = false
    update         = "RTM Aug26SU"
    databases      = null
  }
}
`,
		"t.exchange.hcl.json": `{"organization": {"O": {}}, "server": {"EX": {"version": "SE", "update": "RTM"}},
"stage": {"s": {"date": "2027-01", "change": {"server": {"EX": {"mailboxes": 1200, "public_folders": false, "update": "RTM Aug26SU", "databases": null}}}}}}`,
	} {
		plan, probs := DecodePlan(".", []*File{{Name: name, Src: []byte(src), JSON: strings.HasSuffix(name, ".json")}}, DefaultLimits)
		if len(probs) != 0 || len(plan.Stages) != 1 {
			t.Fatalf("%s: %+v", name, probs)
		}
		op := plan.Stages[0].Operations[0]
		if n, ok := op.Attribute("mailboxes").Int(); !ok || n != 1200 {
			t.Errorf("%s: mailboxes %d %v", name, n, ok)
		}
		if b, ok := op.Attribute("public_folders").Bool(); !ok || b {
			t.Errorf("%s: public_folders %v %v", name, b, ok)
		}
		if _, ok := op.Attribute("update").Int(); ok {
			t.Errorf("%s: a string read as a number", name)
		}
		if _, ok := op.Attribute("databases").Int(); ok {
			t.Errorf("%s: null read as a number", name)
		}
		if _, ok := op.Attribute("mailboxes").Bool(); ok {
			t.Errorf("%s: a number read as a bool", name)
		}
		if _, ok := op.Attribute("absent").Int(); ok {
			t.Errorf("%s: an absent attribute read", name)
		}
	}
}
