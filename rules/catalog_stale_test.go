package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// The catalogue ends on 2026-08-11: stale from 91 days after it, once per
// topology, at the organization block, however many servers it has.
func TestCatalogStale(t *testing.T) {
	topo := org(srv("EX01", "SE", "RTM Aug26SU", ""), srv("EX02", "2019", "CU15", ""), srv("EX03", "2019", "CU14", ""), srv("EX04", "2010", "SP3 RU32", ""))
	for _, tc := range []struct {
		asOf string
		want string // "" for no finding
	}{
		{"2026-08-11", ""},
		{"2026-11-09", ""}, // exactly 90 days
		{"2026-11-10", "exlint knows Exchange releases up to 2026-08-11, 91 days before 2026-11-10: newer updates for Exchange 2019 and SE may exist; " +
			"add Microsoft's ExchangeBuildNumbers.csv with --catalog, or update exlint"},
		{"2027-08-11", "up to 2026-08-11, 365 days before 2027-08-11"},
	} {
		fs := check(t, catalogStale{}, tc.asOf, topo)
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s: %v", tc.asOf, fs)
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Info || fs[0].Address != "organization.T" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: %+v", tc.asOf, fs)
		}
	}
}

// Only versions Microsoft was still updating on the horizon count: 2016,
// 2019 and SE; a topology of Exchange 2013, 2010 and older, or without
// servers, gets no finding, however old the catalogue.
func TestCatalogStaleVersions(t *testing.T) {
	for _, tc := range []struct {
		servers []string
		want    string
	}{
		{[]string{srv("EX01", "2016", "CU23", "")}, "newer updates for Exchange 2016 may exist"},
		{[]string{srv("EX01", "SE", "RTM", ""), srv("EX02", "2016", "CU22", "")}, "newer updates for Exchange 2016 and SE may exist"},
		{[]string{srv("EX01", "2013", "CU23", ""), srv("EX02", "2010", "SP3 RU32", ""), srv("EX03", "2007", "SP3 RU23", "")}, ""},
		{nil, ""},
	} {
		fs := check(t, catalogStale{}, "2027-08-11", org(tc.servers...))
		if tc.want == "" && len(fs) != 0 || tc.want != "" && (len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want)) {
			t.Errorf("%v: %v", tc.servers, fs)
		}
	}
}

// Releases added with --catalog move the horizon: a year past the embedded
// one, a catalogue extended to 2027-01-12 (a fictitious test release) is
// 90 days old on 2027-04-12 and not stale.
func TestCatalogStaleExtended(t *testing.T) {
	rows, _, err := catalog.Default().ReadRows("future.csv", []byte("Product Name,Build Number,Date,KB,Blog\n"+
		"Exchange SE RTM Jan27SU,15.2.2562.90,1/12/2027,,TEST FIXTURE: fictitious release\n"), "--catalog")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Extend(rows)
	if err != nil {
		t.Fatal(err)
	}
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(org(srv("EX01", "SE", "RTM Jan27SU", "")))}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, tc := range []struct {
		asOf  string
		stale bool
	}{{"2027-04-12", false}, {"2027-04-13", true}} {
		fs, _, err := lint.Check(top, nil, []lint.Rule{catalogStale{}}, cat, catalog.MustDate(tc.asOf))
		if err != nil || (len(fs) == 1) != tc.stale || tc.stale && !strings.Contains(fs[0].Message, "up to 2027-01-12, 91 days") {
			t.Errorf("%s: %v %v", tc.asOf, fs, err)
		}
	}
}

// Configurable like any rule: another severity, or off.
func TestCatalogStaleConfigured(t *testing.T) {
	topo := org(srv("EX01", "SE", "RTM Aug26SU", ""))
	fs := checkWith(t, []lint.Rule{catalogStale{}}, "2027-08-11", topo, "rule \"catalog-stale\" {\n  severity = \"warning\"\n}\n")
	if len(fs) != 1 || fs[0].Severity != lint.Warning {
		t.Errorf("severity warning: %v", fs)
	}
	if fs := checkWith(t, []lint.Rule{catalogStale{}}, "2027-08-11", topo, disabled("catalog-stale")); len(fs) != 0 {
		t.Errorf("disabled: %v", fs)
	}
}

// Of a plan, the catalogue's age is judged once, in the current state, on
// the run's date, with the versions of every state: a stage dated after the
// catalogue's 90 days does not make it stale, and a version only a stage
// brings counts.
func TestCatalogStalePlan(t *testing.T) {
	plan := org(srv("EX10", "2010", "SP3 RU32", "")) + `
stage "introduce-se" {
  date = "2027-06"
  add "server" "EXSE" {
    version = "SE"
    update  = "RTM Aug26SU"
  }
}
`
	rule := []lint.Rule{catalogStale{}}
	if fs := checkWith(t, rule, "2026-11-01", plan, ""); len(fs) != 0 {
		t.Errorf("a stage's later date made the catalogue stale: %v", fs)
	}
	fs := checkWith(t, rule, "2026-11-10", plan, "")
	if len(fs) != 1 || fs[0].State.Name != "current" || fs[0].Planned || !strings.Contains(fs[0].Message, "newer updates for Exchange SE may exist") {
		t.Errorf("stale on the run's date, for the version a stage adds: %+v", fs)
	}
}
