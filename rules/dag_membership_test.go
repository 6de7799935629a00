package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// dagTopology declares n Mailbox servers EX01..EXn and the given DAGs.
func dagTopology(n int, extra string, dags ...string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(srv(fmt.Sprintf("EX%02d", i), "SE", "RTM", `roles = ["mailbox"]`))
	}
	return org(b.String(), extra, strings.Join(dags, "\n"))
}

// dagOf declares a DAG with the named members.
func dagOf(name string, members ...string) string {
	return fmt.Sprintf("dag %q {\n  members = [%s]\n}\n", name, strings.Join(quoteAll(members), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func exNames(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("EX%02d", i))
	}
	return out
}

// 16 members pass, 17 fail (at members, naming the 17th); members that are
// not Mailbox servers take no seat.
func TestDAGMembershipLimit(t *testing.T) {
	for _, n := range []int{1, 2, 15, 16} {
		if fs := check(t, dagMembership{}, today, dagTopology(n, "", dagOf("DAG01", exNames(n)...))); len(fs) > 0 {
			t.Errorf("%d members: want nothing, got\n%s", n, summary(fs))
		}
	}
	for _, tc := range []struct {
		n    int
		move string
	}{{17, "move EX17 to another DAG"}, {18, "move EX17 and EX18 to another DAG"}, {24, "move EX17, EX18, EX19, EX20 and 4 more to another DAG"}} {
		fs := check(t, dagMembership{}, today, dagTopology(tc.n, "", dagOf("DAG01", exNames(tc.n)...)))
		want := fmt.Sprintf("DAG DAG01 has %d members, and a DAG holds at most 16 Mailbox servers: %s", tc.n, tc.move)
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "dag.DAG01.members" || fs[0].Message != want {
			t.Errorf("%d members: want %q at dag.DAG01.members, got\n%s", tc.n, want, summary(fs))
		}
	}
	// 16 Mailbox servers and an Edge: the Edge is reported, not the count.
	edge := srv("EDGE01", "SE", "RTM", `roles = ["edge_transport"]`)
	fs := check(t, dagMembership{}, today, dagTopology(16, edge, dagOf("DAG01", append(exNames(16), "EDGE01")...)))
	if len(fs) != 1 || fs[0].Address != "dag.DAG01.members[16]" {
		t.Errorf("16 Mailbox servers and an Edge: got\n%s", summary(fs))
	}
}

// A member whose roles are stated without Mailbox fails; a member without
// roles is unknown and passes.
func TestDAGMembershipRoles(t *testing.T) {
	for _, tc := range []struct {
		version, roles, want string
	}{
		{"SE", `["edge_transport"]`, "X has no Mailbox role (Edge Transport), and a DAG is a group of Mailbox servers: remove X from DAG DAG01"},
		{"2013", `["client_access"]`, "X has no Mailbox role (Client Access)"},
		{"2010", `["client_access", "hub_transport"]`, "X has no Mailbox role (Client Access and Hub Transport)"},
		{"SE", `[]`, "X has no Mailbox role (no role)"},
		{"SE", `["mailbox"]`, ""},
		{"2013", `["client_access", "mailbox"]`, ""},
		{"2010", `["mailbox", "hub_transport"]`, ""},
		{"SE", "", ""},
	} {
		extra := []string{}
		if tc.roles != "" {
			extra = append(extra, "roles = "+tc.roles)
		}
		level := map[string]string{"SE": "RTM", "2013": "CU23", "2010": "SP3 RU32"}[tc.version]
		src := org(srv("X", tc.version, level, extra...), srv("EX01", tc.version, level), dagOf("DAG01", "EX01", "X"))
		fs := check(t, dagMembership{}, today, src)
		if tc.want == "" {
			if len(fs) > 0 {
				t.Errorf("%s %s: want nothing, got\n%s", tc.version, tc.roles, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != "dag.DAG01.members[1]" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s %s: want %q at members[1], got\n%s", tc.version, tc.roles, tc.want, summary(fs))
		}
	}
}

// A server in two DAGs fails at its entry in the second; one listed twice
// at its second entry.
func TestDAGMembershipTwice(t *testing.T) {
	src := dagTopology(3, "", dagOf("DAG01", "EX01", "EX02"), dagOf("DAG02", "EX03", "EX02"))
	fs := check(t, dagMembership{}, today, src)
	if len(fs) != 1 || fs[0].Address != "dag.DAG02.members[1]" ||
		fs[0].Message != "EX02 is also a member of DAG DAG01, and a Mailbox server can be a member of only one DAG at a time: remove EX02 from DAG DAG02 or from DAG DAG01" ||
		len(fs[0].Related) != 1 || fs[0].Related[0].Range.Start.Line != lineOf(src, `dag "DAG01"`)+1 {
		t.Errorf("two DAGs: got\n%s", summary(fs))
	}
	fs = check(t, dagMembership{}, today, dagTopology(2, "", dagOf("DAG01", "EX01", "EX02", "EX01")))
	if len(fs) != 1 || fs[0].Address != "dag.DAG01.members[2]" || fs[0].Message != "EX01 is listed twice in the members of DAG DAG01: remove the second entry" {
		t.Errorf("twice: got\n%s", summary(fs))
	}
	// Different servers in different DAGs: nothing.
	if fs := check(t, dagMembership{}, today, dagTopology(4, "", dagOf("DAG01", "EX01", "EX02"), dagOf("DAG02", "EX03", "EX04"))); len(fs) > 0 {
		t.Errorf("two DAGs apart: got\n%s", summary(fs))
	}
}

// lineOf is the line (from 1) where text first appears in src.
func lineOf(src, text string) int {
	return strings.Count(src[:strings.Index(src, text)], "\n") + 1
}

// DAGs came with Exchange 2010: a 2007 member is reported, a 2010 one is
// not (the boundary), each at its item.
func TestDAGMembershipVersions(t *testing.T) {
	for _, tc := range []struct {
		version, level string
		want           []wantFinding
	}{
		{"2007", "SP3 RU23", []wantFinding{{lint.Error, `dag.D.members[0]`, `EX runs Exchange Server 2007, which cannot be a DAG member (database availability groups came with Exchange 2010; Exchange 2007 replicated with CCR, SCR and LCR): remove EX from DAG D`}}},
		{"2010", "SP3 RU32", nil},
		{"2003", "SP2", []wantFinding{{lint.Error, `dag.D.members[0]`, `EX runs Exchange Server 2003, which cannot be a DAG member`}}},
	} {
		src := org(srv("EX", tc.version, tc.level, `roles = ["mailbox"]`), dagOf("D", "EX"))
		expectFindings(t, tc.version, check(t, dagMembership{}, today, src), tc.want)
	}
}
