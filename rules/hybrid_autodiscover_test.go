package rules

import (
	"strings"
	"testing"
)

func TestHybridAutodiscover(t *testing.T) {
	dom := func(name, ad string) string {
		if ad == "" {
			return "domain \"" + name + "\" {}\n"
		}
		return "domain \"" + name + "\" {\n  autodiscover = \"" + ad + "\"\n}\n"
	}
	cases := []struct {
		name, src, at string
	}{
		{"on premises", org(dom("contoso.com", "on_premises"), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), ""},
		{"Exchange Online", org(dom("contoso.com", "exchange_online"), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
		{"unknown", org(dom("contoso.com", ""), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), ""},
		{"not a hybrid domain", org(dom("contoso.com", "exchange_online"), dom("fabrikam.com", "on_premises"), "hybrid {\n  domains = [\"fabrikam.com\"]\n}\n"), ""},
		{"listed twice", org(dom("contoso.com", "exchange_online"), "hybrid {\n  domains = [\"contoso.com\", \"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
		{"no hybrid", org(dom("contoso.com", "exchange_online")), ""},
		// Once every mailbox of the domain is in Exchange Online, Autodiscover
		// moves there: the step before the hybrid is removed.
		{"every mailbox moved", org("domain \"contoso.com\" {\n  autodiscover = \"exchange_online\"\n  mailboxes = \"exchange_online\"\n}\n", "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), ""},
		{"mailboxes on both sides", org("domain \"contoso.com\" {\n  autodiscover = \"exchange_online\"\n  mailboxes = \"both\"\n}\n", "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
		{"every server emptied, the domain silent", org(srv("EX1", "SE", "RTM", "mailboxes = 0"), srv("EX2", "SE", "RTM", "mailboxes = 0"),
			dom("contoso.com", "exchange_online"), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), ""},
		{"one server still hosts one", org(srv("EX1", "SE", "RTM", "mailboxes = 0"), srv("EX2", "SE", "RTM", "mailboxes = 1"),
			dom("contoso.com", "exchange_online"), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
		{"a server says nothing", org(srv("EX1", "SE", "RTM", "mailboxes = 0"), srv("EX2", "SE", "RTM"),
			dom("contoso.com", "exchange_online"), "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
		{"mailboxes on premises", org("domain \"contoso.com\" {\n  autodiscover = \"exchange_online\"\n  mailboxes = \"on_premises\"\n}\n", "hybrid {\n  domains = [\"contoso.com\"]\n}\n"), `domain."contoso.com".autodiscover`},
	}
	// The Modern (Hybrid Agent) topologies: Microsoft's options table marks
	// Autodiscover "Yes (see note)" and inbound TCP 443 "for Autodiscover if
	// needed": a warning with that note. Every other mode: an error.
	for _, tp := range []struct{ decl, severity string }{
		{`topology = "modern_full"`, "warning"},
		{`topology = "modern_minimal"`, "warning"},
		{`topology = "classic_full"`, "error"},
		{`topology = "classic_minimal"`, "error"},
		{`topology = "express"`, "error"},
		{"", "error"},
	} {
		src := org(dom("contoso.com", "exchange_online"), "hybrid {\n  "+tp.decl+"\n  domains = [\"contoso.com\"]\n}\n")
		fs := check(t, hybridAutodiscover{}, today, src)
		if len(fs) != 1 || fs[0].Severity.String() != tp.severity || fs[0].Address != `domain."contoso.com".autodiscover` {
			t.Errorf("%q: want one %s:\n%s", tp.decl, tp.severity, summary(fs))
			continue
		}
		note := strings.Contains(fs[0].Message, " may not need it: see the rule page")
		if note != (tp.severity == "warning") {
			t.Errorf("%q: the options table's note belongs to the warning only: %s", tp.decl, fs[0].Message)
		}
	}
	for _, tc := range cases {
		fs := check(t, hybridAutodiscover{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "error" ||
			!strings.Contains(fs[0].Message, "autodiscover.contoso.com")):
			t.Errorf("%s: want one error at %s:\n%s", tc.name, tc.at, summary(fs))
		}
	}
}
