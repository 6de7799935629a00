package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

func TestCoexistenceSECU2Legacy(t *testing.T) {
	cases := []struct {
		name    string
		servers []string
		want    []string // addresses of findings
		facts   []string // in the first finding's message
	}{
		{"CU2 beside 2016", []string{srv("SE1", "SE", "CU2"), srv("EX16", "2016", "CU23")},
			[]string{"server.SE1.update"}, []string{"SE1 is planned at Exchange SE CU2, whose setup blocks versions out of support, and will not run beside Exchange 2016 (EX16), out of support: " +
				"move their work to Exchange SE servers at RTM and",
				"remove them before installing CU2"}},
		{"CU2 beside 2019", []string{srv("SE1", "SE", "CU2"), srv("EX19", "2019", "CU15")},
			[]string{"server.SE1.update"}, []string{"Exchange 2019 (EX19), out of support"}},
		{"CU2 beside both", []string{srv("EX16", "2016", "CU23"), srv("EX19", "2019", "CU14"), srv("SE1", "SE", "CU2")},
			[]string{"server.SE1.update"}, []string{"Exchange 2016 (EX16) and Exchange 2019 (EX19), out of support"}},
		{"a later CU and a CU2 update", []string{srv("SE1", "SE", "CU3"), srv("SE2", "SE", "cu2 jan27su"), srv("EX19", "2019", "CU15")},
			[]string{"server.SE1.update", "server.SE2.update"}, []string{"planned at Exchange SE CU3", "before installing CU3"}},
		{"CU1 beside 2019", []string{srv("SE1", "SE", "CU1"), srv("EX19", "2019", "CU15")}, nil, nil},
		{"RTM beside 2019", []string{srv("SE1", "SE", "RTM Aug26SU"), srv("EX19", "2019", "CU15")}, nil, nil},
		{"CU2 alone", []string{srv("SE1", "SE", "CU2")}, nil, nil},
		{"CU2 beside 2013 (coexistence-unsupported)", []string{srv("SE1", "SE", "CU2"), srv("EX13", "2013", "CU23")}, nil, nil},
		{"level unknown", []string{srv("SE1", "SE", "15.2.2600.1"), srv("EX19", "2019", "CU15")}, nil, nil},
	}
	for _, tc := range cases {
		fs := check(t, coexistenceSECU2Legacy{}, today, org(tc.servers...))
		var got []string
		for _, f := range fs {
			got = append(got, f.Address)
			if f.Severity != lint.Warning || len(f.Related) != 1 {
				t.Errorf("%s: %s, related %v", tc.name, f.Severity, f.Related)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: findings at %v, want %v\n%s", tc.name, got, tc.want, summary(fs))
			continue
		}
		for _, w := range tc.facts {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, fs[0].Message)
			}
		}
	}
}

// The SE levels the fix names are the catalogue's below the blocking CU:
// RTM alone in the embedded catalogue (which has no SE CU1), RTM or CU1 once
// a catalogue added with --catalog knows CU1.
func TestCoexistenceSECU2LegacyLevelsFromCatalogue(t *testing.T) {
	src := org(srv("SE1", "SE", "CU2"), srv("EX19", "2019", "CU15"))
	if cu1 := catalog.Default().Release(catalog.Default().Version("SE"), "CU1"); cu1 != nil {
		t.Fatalf("the embedded catalogue now has SE CU1 (%s): this test's first case no longer holds", cu1.Build)
	}
	fs := check(t, coexistenceSECU2Legacy{}, today, src)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, ": move their work to Exchange SE servers at RTM and remove them before installing CU2") {
		t.Errorf("embedded catalogue:\n%s", summary(fs))
	}
	rows, _, err := catalog.Default().ReadRows("cu1.csv", []byte("Product Name,Build Number,Date,KB,Blog\n"+
		"Exchange SE CU1,15.2.2600.5,10/13/2026,,TEST FIXTURE: fictitious release\n"), "--catalog")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Extend(rows)
	if err != nil {
		t.Fatal(err)
	}
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	fs, _, err = lint.Check(top, nil, []lint.Rule{coexistenceSECU2Legacy{}}, cat, catalog.MustDate(today))
	if err != nil || len(fs) != 1 || !strings.Contains(fs[0].Message, ": move their work to Exchange SE servers at RTM or CU1 and remove them before installing CU2") {
		t.Errorf("catalogue with SE CU1: %v\n%s", err, summary(fs))
	}
}
