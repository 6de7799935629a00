package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func witnessTopology(witness string, extra ...string) string {
	blocks := []string{
		srv("EX01", "SE", "RTM", `roles = ["mailbox"]`),
		srv("EX02", "SE", "RTM", `roles = ["mailbox"]`),
		srv("EX03", "SE", "RTM", `roles = ["mailbox"]`, "on_domain_controller = true"),
		"domain_controller \"DC01\" {}\n",
		"dag \"DAG01\" {\n  members = [\"EX01\", \"EX02\"]\n  witness = \"" + witness + "\"\n}\n",
	}
	return org(append(blocks, extra...)...)
}

func TestDAGWitness(t *testing.T) {
	for _, tc := range []struct {
		witness string
		sev     lint.Severity // 0: nothing
		want    string
	}{
		// A member, by host name or FQDN, in any case.
		{"EX01", lint.Error, "the witness server of DAG DAG01, EX01, is a member of the DAG, and the witness can't be one: use a server outside the DAG, such as a file server"},
		{"ex02", lint.Error, "the witness server of DAG DAG01, EX02, is a member of the DAG"},
		{"ex02.contoso.com", lint.Error, "the witness server of DAG DAG01, EX02, is a member of the DAG"},
		// A domain controller, or an Exchange server on one.
		{"DC01", lint.Warning, "the witness server of DAG DAG01, DC01, is a domain controller, which Microsoft does not recommend (an unnecessary elevation of privileges): use a member server, such as a file server, as the witness"},
		{"dc01.contoso.com", lint.Warning, "DC01, is a domain controller"},
		{"EX03", lint.Warning, "EX03, is a domain controller"},
		// An IP address or a wildcard.
		{"10.0.0.5", lint.Error, "the witness server of DAG DAG01 is an IP address (10.0.0.5), which Exchange does not support: name it by its host name or FQDN"},
		{"fe80::1", lint.Error, "is an IP address (fe80::1)"},
		{"*.contoso.com", lint.Error, "the witness server of DAG DAG01 is a wildcard name (*.contoso.com), which Exchange does not support: name one server by its host name or FQDN"},
		// Anything else: a file server, an Exchange server outside the DAG.
		{"FS01", 0, ""},
		{"fs01.contoso.com", 0, ""},
		{"EX03X", 0, ""},
	} {
		fs := check(t, dagWitness{}, today, witnessTopology(tc.witness))
		if tc.sev == 0 {
			if len(fs) > 0 {
				t.Errorf("%s: want nothing, got\n%s", tc.witness, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Address != "dag.DAG01.witness" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one %s saying %q, got\n%s", tc.witness, tc.sev, tc.want, summary(fs))
		}
	}
	// Two FQDNs in different domains are two hosts; a member named by FQDN
	// matches the same FQDN only.
	src := org(srv("ex01.contoso.com", "SE", "RTM"), srv("EX02", "SE", "RTM"),
		"dag \"DAG01\" {\n  members = [\"ex01.contoso.com\", \"EX02\"]\n  witness = \"ex01.fabrikam.com\"\n}\n")
	if fs := check(t, dagWitness{}, today, src); len(fs) > 0 {
		t.Errorf("another domain's host: got\n%s", summary(fs))
	}
	// No witness: nothing.
	if fs := check(t, dagWitness{}, today, org(srv("EX01", "SE", "RTM"), "dag \"DAG01\" {\n  members = [\"EX01\"]\n}\n")); len(fs) > 0 {
		t.Errorf("no witness: got\n%s", summary(fs))
	}
}
