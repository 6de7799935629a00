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
