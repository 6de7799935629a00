package lint

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// ruleFunc is a rule made of a function, for tests.
type ruleFunc struct {
	info  RuleInfo
	check func(*Pass)
}

func (r ruleFunc) Info() RuleInfo { return r.info }
func (r ruleFunc) Check(p *Pass)  { r.check(p) }

func decode(t *testing.T, src string) (*schema.Topology, []schema.Problem) {
	t.Helper()
	return schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
}

const twoServers = `organization "O" {}
server "B" {
  version = "SE"
  update  = "RTM"
}
server "A" {
  version = "SE"
  update  = "RTM"
}
`

// Findings come out sorted by file, line, column and rule, whatever order
// the rules report them in, and identical findings are reported once.
func TestCheckSortsAndDedupes(t *testing.T) {
	top, probs := decode(t, twoServers)
	reportAll := func(id string, sev Severity) Rule {
		return ruleFunc{RuleInfo{ID: id, Severity: sev}, func(p *Pass) {
			for i := len(p.Topology.Servers) - 1; i >= 0; i-- {
				s := p.Topology.Servers[i]
				p.Report(s.Version, "about "+s.Name())
				p.Report(s.Version, "about "+s.Name()) // a duplicate
			}
		}}
	}
	fs, ran, err := Check(top, probs, []Rule{reportAll("z-rule", Warning), reportAll("a-rule", Error)}, catalog.Default(), catalog.MustDate("2026-01-01"))
	if err != nil || !ran {
		t.Fatal(err, ran)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Range.Filename+":"+itoa(f.Range.Start.Line)+" "+f.Rule+" "+f.Severity.String()+" "+f.Address)
	}
	want := []string{
		"t.exchange.hcl:3 a-rule error server.B.version",
		"t.exchange.hcl:3 z-rule warning server.B.version",
		"t.exchange.hcl:7 a-rule error server.A.version",
		"t.exchange.hcl:7 z-rule warning server.A.version",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// ReportAs overrides the default severity for one finding.
func TestReportAs(t *testing.T) {
	top, probs := decode(t, twoServers)
	r := ruleFunc{RuleInfo{ID: "r", Severity: Error}, func(p *Pass) { p.ReportAs(Info, p.Topology.Organization, "note") }}
	fs, _, _ := Check(top, probs, []Rule{r}, catalog.Default(), catalog.Date{})
	if len(fs) != 1 || fs[0].Severity != Info || fs[0].Address != "organization.O" {
		t.Fatalf("%+v", fs)
	}
}

// Structural problems become findings under their kind's ID, and stop the
// rules.
func TestStructuralProblemsStopRules(t *testing.T) {
	top, probs := decode(t, "organization \"O\" {}\nsever \"X\" {}\n")
	ran := false
	r := ruleFunc{RuleInfo{ID: "r", Severity: Error}, func(p *Pass) { ran = true }}
	fs, rulesRun, err := Check(top, probs, []Rule{r}, catalog.Default(), catalog.Date{})
	if err != nil || rulesRun || ran {
		t.Fatalf("rules ran on a topology with structural errors: %v %v %v", err, rulesRun, ran)
	}
	if len(fs) != 1 || fs[0].Rule != "schema" || fs[0].Severity != Error {
		t.Fatalf("%+v", fs)
	}
}

// A panicking rule is an internal error naming the topology and the rule.
func TestRulePanicIsInternalError(t *testing.T) {
	top, probs := decode(t, twoServers)
	r := ruleFunc{RuleInfo{ID: "broken-rule"}, func(p *Pass) { panic("boom") }}
	_, _, err := Check(top, probs, []Rule{r}, catalog.Default(), catalog.Date{})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Rule != "broken-rule" || !strings.Contains(err.Error(), "boom") || len(ie.Stack) == 0 {
		t.Fatalf("want an InternalError from broken-rule, got %v", err)
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		got, err := ParseSeverity(s.String())
		if err != nil || got != s {
			t.Errorf("%v round trip: %v %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("fatal is no severity")
	}
	if got := (Counts{Errors: 1, Warnings: 2, Infos: 0}).Summary(); got != "1 error, 2 warnings, 0 info" {
		t.Error(got)
	}
}

func TestDedupe(t *testing.T) {
	r := hcl.Range{Filename: "f", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	fs := []Finding{{Rule: "a", Range: r, Message: "m"}, {Rule: "a", Range: r, Message: "m"}, {Rule: "a", Range: r, Message: "n"}}
	if got := Dedupe(fs); len(got) != 2 {
		t.Errorf("%+v", got)
	}
}

// A run keeps only the lines its findings show.
func TestExcerpts(t *testing.T) {
	src := []byte("a\nb\r\nc\nd\ne\nf\ng\nh\n")
	r := func(sl, el, ec int) hcl.Range {
		return hcl.Range{Filename: "f", Start: hcl.Pos{Line: sl, Column: 1}, End: hcl.Pos{Line: el, Column: ec}}
	}
	ex := Excerpts(map[string][]byte{"f": src}, []Finding{{Range: r(2, 2, 2)}, {Range: r(4, 9, 1)}})["f"]
	var got []string
	for l := 1; l <= 9; l++ {
		if line, ok := ex.Line(l); ok {
			got = append(got, strconv.Itoa(l)+"="+string(line.Text)+"@"+strconv.Itoa(line.Start))
		}
	}
	// line 2 (without its \r); lines 4-6 and 8 of the long range (ending at
	// line 9 column 1, so last shown is 8)
	if want := "2=b@2 4=d@7 5=e@9 6=f@11 8=h@15"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if got := SnippetLines(1, 10); fmt.Sprint(got) != "[1 2 3 -1 10]" {
		t.Errorf("SnippetLines(1, 10) = %v", got)
	}
}

func TestInternalErrorNamesWhere(t *testing.T) {
	for _, tc := range []struct {
		e    InternalError
		want string
	}{
		{InternalError{Dir: "t", Value: "x"}, "internal error while checking t: x"},
		{InternalError{Dir: "t", Rule: "r", Value: "x"}, "internal error while checking t (rule r): x"},
		{InternalError{Dir: "t", File: "t/a.exchange.hcl", Value: "x"}, "internal error while reading t/a.exchange.hcl: x"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
}

// A severity written as other tools write it gets a "did you mean".
func TestParseSeverityDidYouMean(t *testing.T) {
	for in, want := range map[string]string{"warn": `did you mean "warning"?`, "Warning": `did you mean "warning"?`, "err": `did you mean "error"?`,
		"note": `did you mean "info"?`, "eror": `did you mean "error"?`, "fatal": `did you mean "error"?`} {
		if _, err := ParseSeverity(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	if _, err := ParseSeverity("loud"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("loud: %v", err)
	}
}
