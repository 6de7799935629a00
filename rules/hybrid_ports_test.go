package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Each port each topology needs, missing alone; every port open passes.
func TestHybridPorts(t *testing.T) {
	// topology -> the ports it needs: "in 25", "out 80"...
	needs := map[string][]string{
		"classic_full":    {"in 25", "in 443", "out 25", "out 443", "out 80"},
		"classic_minimal": {"in 443", "out 443", "out 80"},
		"express":         {"in 443", "out 443", "out 80"},
		"modern_full":     {"in 25", "out 25", "out 443", "out 80"},
		"modern_minimal":  {"out 443", "out 80"},
		"":                {"in 25", "in 443", "out 25", "out 443", "out 80"},
	}
	all := []string{"in 25", "in 443", "out 25", "out 443", "out 80"}
	for topo, need := range needs {
		ports := func(without string) string {
			var in, out []string
			for _, p := range all {
				if p == without {
					continue
				}
				dir, n, _ := strings.Cut(p, " ")
				if dir == "in" {
					in = append(in, n)
				} else {
					out = append(out, n)
				}
			}
			h := "hybrid {\n"
			if topo != "" {
				h += fmt.Sprintf("  topology = %q\n", topo)
			}
			return h + fmt.Sprintf("  inbound_ports = [%s]\n  outbound_ports = [%s]\n}\n", strings.Join(in, ", "), strings.Join(out, ", "))
		}
		if fs := check(t, hybridPorts{}, today, org(ports(""))); len(fs) != 0 {
			t.Errorf("%q with every port: want no finding:\n%s", topo, summary(fs))
		}
		for _, p := range all {
			fs := check(t, hybridPorts{}, today, org(ports(p)))
			needed := slices.Contains(need, p)
			dir, n, _ := strings.Cut(p, " ")
			attr := map[string]string{"in": "hybrid.inbound_ports", "out": "hybrid.outbound_ports"}[dir]
			switch {
			case !needed && len(fs) != 0:
				t.Errorf("%q without %s: want no finding:\n%s", topo, p, summary(fs))
			case needed && (len(fs) != 1 || fs[0].Address != attr || fs[0].Severity.String() != "error" ||
				!strings.Contains(fs[0].Message, "does not open TCP "+n+",")):
				t.Errorf("%q without %s: want one error at %s:\n%s", topo, p, attr, summary(fs))
			}
		}
	}
}

// Unknown port lists are silent; an empty list is known and empty.
func TestHybridPortsUnknown(t *testing.T) {
	cases := []struct {
		hybrid string
		n      int
	}{
		{"hybrid {\n  topology = \"classic_full\"\n}\n", 0},
		{"hybrid {\n  topology = \"classic_full\"\n  inbound_ports = []\n}\n", 2},
		{"hybrid {\n  topology = \"classic_full\"\n  outbound_ports = []\n}\n", 3},
		{"", 0},
	}
	for _, tc := range cases {
		if fs := check(t, hybridPorts{}, today, org(tc.hybrid)); len(fs) != tc.n {
			t.Errorf("%q: want %d findings:\n%s", tc.hybrid, tc.n, summary(fs))
		}
	}
}
