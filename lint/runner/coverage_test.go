package runner

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// needsOS gives up on every server without an os.
var needsOS = ruleFunc{lint.RuleInfo{ID: "needs-os", Severity: lint.Error}, func(p *lint.Pass) {
	for _, s := range p.Topology.Servers {
		if s.OS == nil {
			p.Unknown(&s.Block, "os")
		}
	}
}}

func describeUnknowns(us []lint.Unknown) []string {
	var out []string
	for _, u := range us {
		out = append(out, fmt.Sprintf("%s:%d %s %s %q", filepath.Base(u.Range.Filename), u.Range.Start.Line, u.Rule, u.Attribute, u.State.Name))
	}
	return out
}

// Of a plan, each rule and attribute is listed once, with the first state
// it is unknown in (a server a stage adds, at the stage's lines); the
// findings are the same with and without coverage.
func TestRunPlanCoverage(t *testing.T) {
	dir := t.TempDir()
	writeTopology(t, dir, map[string]string{"plan.exchange.hcl": planSrc})
	t.Chdir(dir)
	opts := Options{Rules: append([]lint.Rule{needsOS}, planRules...), Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"),
		Limits: schema.DefaultLimits}
	plain, err := Run([]string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Unknowns) != 0 {
		t.Errorf("unknowns without coverage: %v", plain.Unknowns)
	}
	opts.Coverage = true
	res, err := Run([]string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`plan.exchange.hcl:1 needs-os server.OLD.os "current"`,
		`plan.exchange.hcl:5 needs-os server.KEEP.os "current"`,
		`plan.exchange.hcl:12 needs-os server.MID.os "s1"`,
		`plan.exchange.hcl:16 needs-os server.MID2.os "s1"`,
	}
	if got := describeUnknowns(res.Unknowns); !reflect.DeepEqual(got, want) {
		t.Errorf("unknowns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(res.Findings, plain.Findings) {
		t.Error("coverage changed the findings")
	}
	// A disabled rule runs nowhere, and declares nothing.
	cfg, probs := config.Parse(".exlint.hcl", []byte("rule \"needs-os\" {\n  enabled = false\n}\n"), []lint.RuleInfo{needsOS.Info()})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	opts.Config = cfg
	if res, err := Run([]string{"."}, opts); err != nil || len(res.Unknowns) != 0 {
		t.Errorf("a disabled rule's unknowns: %v %v", err, res.Unknowns)
	}
}

// A file argument lists the unknowns of its blocks only, as it reports its
// findings only; each file's unknowns come with its findings, in order.
func TestStreamCoverageByFile(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/org.exchange.hcl":     "organization \"A\" {}\nserver \"A0\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
		"a/servers.exchange.hcl": "server \"A2\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\nserver \"A1\" {\n  version = \"SE\"\n  update = \"RTM\"\n  os = \"2022\"\n}\nserver \"A3\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
	})
	opts := Options{Rules: []lint.Rule{needsOS}, Catalog: catalog.Default(), Limits: schema.DefaultLimits, Coverage: true}
	var got []string
	_, err := Stream([]string{dir}, opts, func(ff FileFindings) error {
		for _, d := range describeUnknowns(ff.Unknowns) {
			got = append(got, filepath.Base(ff.Name)+" <- "+d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`org.exchange.hcl <- org.exchange.hcl:2 needs-os server.A0.os ""`,
		`servers.exchange.hcl <- servers.exchange.hcl:1 needs-os server.A2.os ""`,
		`servers.exchange.hcl <- servers.exchange.hcl:10 needs-os server.A3.os ""`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamed:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res, err := Run([]string{filepath.Join(dir, "a", "servers.exchange.hcl")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := describeUnknowns(res.Unknowns); len(got) != 2 || !strings.Contains(got[0], "server.A2.os") {
		t.Errorf("a file argument: %v", got)
	}
}

// The cap on unknowns keeps a file's first ones and the run's, and counts
// the others.
func TestUnknownCap(t *testing.T) {
	c := &UnknownCap{PerFile: 2, PerRun: 3}
	a := c.Keep(make([]lint.Unknown, 3))
	b := c.Keep(make([]lint.Unknown, 3))
	d := c.Keep(make([]lint.Unknown, 1))
	if len(a) != 2 || len(b) != 1 || len(d) != 0 || c.LeftOut != 4 {
		t.Errorf("kept %d, %d, %d; left out %d", len(a), len(b), len(d), c.LeftOut)
	}
	c = &UnknownCap{}
	if got := c.Keep(make([]lint.Unknown, 5)); len(got) != 5 || c.LeftOut != 0 {
		t.Errorf("no cap: kept %d, left out %d", len(got), c.LeftOut)
	}
}
