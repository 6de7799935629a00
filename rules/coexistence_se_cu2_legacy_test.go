package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
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
				"move their work to Exchange SE (RTM or CU1)",
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
