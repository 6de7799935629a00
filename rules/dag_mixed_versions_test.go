package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestDAGMixedVersions(t *testing.T) {
	s := func(name, version, os string) string {
		if os == "" {
			return srv(name, version, someLevel[version])
		}
		return srv(name, version, someLevel[version], `os = "`+os+`"`)
	}
	dag := func(members string) string { return "dag \"DAG1\" {\n  members = [" + members + "]\n}\n" }
	cases := []struct {
		name, servers, members string
		at                     string // "" when it passes
		facts                  []string
	}{
		{"one version, one OS", s("A", "2019", "2022") + s("B", "2019", "2022"), `"A", "B"`, "", nil},
		{"2019 CU14 and CU15", srv("A", "2019", "CU14", `os = "2019"`) + srv("B", "2019", "CU15", `os = "2019"`), `"A", "B"`, "", nil},
		{"2019 and SE: the in-place upgrade", s("A", "2019", "2022") + s("B", "SE", "2022"), `"A", "B"`, "", nil},
		{"2016 and 2019", s("A", "2016", "2016") + s("B", "2016", "2016") + s("C", "2019", "2016"), `"A", "B", "C"`, "dag.DAG1.members[2]",
			[]string{"DAG DAG1 mixes Exchange Server 2016 (A and B) and Exchange Server 2019 (C), and its members must run one Exchange version: create a new DAG",
				"create a new DAG for the new servers and move the mailbox databases to it"}},
		{"2013 and 2016", s("A", "2013", "2012R2") + s("B", "2016", "2012R2"), `"A", "B"`, "dag.DAG1.members[1]",
			[]string{"Exchange Server 2013 (A) and Exchange Server 2016 (B)"}},
		{"2016 and SE", s("A", "2016", "2016") + s("B", "SE", "2016"), `"A", "B"`, "dag.DAG1.members[1]",
			[]string{"Exchange Server 2016 (A) and Exchange Server Subscription Edition (B)"}},
		{"2019, SE and 2016", s("A", "2019", "2022") + s("B", "SE", "2022") + s("C", "2016", "2022"), `"A", "B", "C"`, "dag.DAG1.members[2]",
			[]string{"Exchange Server 2019 and SE (A and B) and Exchange Server 2016 (C)"}},
		{"two OSes", s("A", "2019", "2019") + s("B", "2019", "2022"), `"A", "B"`, "dag.DAG1.members[1]",
			[]string{"DAG DAG1 mixes Windows Server 2019 (A) and Windows Server 2022 (B), and its members must run one Windows Server version: create a new DAG"}},
		{"OS unknown on one member", s("A", "2019", "2019") + s("B", "2019", "") + s("C", "2019", "2019"), `"A", "B", "C"`, "", nil},
		{"both mixes: at the first differing member", s("A", "2016", "2016") + s("B", "2016", "2012R2") + s("C", "2019", "2019"), `"A", "B", "C"`, "dag.DAG1.members[1]",
			[]string{"Exchange Server 2016 (A and B) and Exchange Server 2019 (C), and Windows Server 2016 (A), Windows Server 2012 R2 (B) and Windows Server 2019 (C)",
				"must run one Exchange version and one Windows Server version"}},
		{"version unknown on one member", s("A", "2019", "2022") + srv("B", "2019", "CU99", `os = "2022"`), `"A", "B"`, "", nil},
	}
	for _, tc := range cases {
		fs := check(t, dagMixedVersions{}, today, org(tc.servers, dag(tc.members)))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%s: want one finding\n%s", tc.name, summary(fs))
			continue
		}
		f := fs[0]
		if f.Severity != lint.Error || f.Address != tc.at || len(f.Related) != 1 || !strings.Contains(f.Related[0].Message, "the DAG's first member") {
			t.Errorf("%s: %s at %s, related %+v", tc.name, f.Severity, f.Address, f.Related)
		}
		for _, w := range tc.facts {
			if !strings.Contains(f.Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, f.Message)
			}
		}
	}
	// One finding per DAG.
	src := org(s("A", "2016", "2016"), s("B", "2019", "2019"), s("C", "2013", "2012R2"), s("D", "2019", "2019"),
		"dag \"DAG1\" {\n  members = [\"A\", \"B\", \"C\"]\n}\n", "dag \"DAG2\" {\n  members = [\"B\", \"D\"]\n}\n")
	if fs := check(t, dagMixedVersions{}, today, src); len(fs) != 1 || fs[0].Address != "dag.DAG1.members[1]" {
		t.Errorf("two DAGs:\n%s", summary(fs))
	}
}
