package rules

import (
	"fmt"
	"strings"
	"testing"
)

func TestDomainNotVerified(t *testing.T) {
	dom := func(name, accepted, verified string) string {
		b := fmt.Sprintf("domain %q {\n", name)
		if accepted != "" {
			b += fmt.Sprintf("  accepted = %q\n", accepted)
		}
		if verified != "" {
			b += "  verified = " + verified + "\n"
		}
		return b + "}\n"
	}
	mig := func(method string) string { return fmt.Sprintf("migration {\n  method = %q\n}\n", method) }
	hyb := "hybrid {\n  domains = [\"contoso.com\"]\n}\n"
	cases := []struct {
		name, src string
		at        []string
		reason    string
	}{
		{"hybrid, verified", org(dom("contoso.com", "", "true"), hyb), nil, ""},
		{"hybrid, not verified", org(dom("contoso.com", "", "false"), hyb), []string{`domain."contoso.com".verified`}, "hybrid.domains"},
		{"hybrid, unknown", org(dom("contoso.com", "", ""), hyb), nil, ""},
		{"hybrid, other domain", org(dom("contoso.com", "", "true"), dom("fabrikam.com", "authoritative", "false"), hyb), nil, ""},
		{"cutover, authoritative", org(dom("contoso.com", "authoritative", "false"), mig("cutover")), []string{`domain."contoso.com".verified`}, "cutover migration"},
		{"staged, authoritative", org(dom("contoso.com", "authoritative", "false"), mig("staged")), []string{`domain."contoso.com".verified`}, "staged migration"},
		{"express", org(dom("contoso.com", "authoritative", "false"), mig("express")), []string{`domain."contoso.com".verified`}, "express migration"},
		{"minimal hybrid", org(dom("contoso.com", "authoritative", "false"), mig("minimal_hybrid")), []string{`domain."contoso.com".verified`}, "minimal_hybrid migration"},
		{"hybrid migration", org(dom("contoso.com", "authoritative", "false"), mig("hybrid")), []string{`domain."contoso.com".verified`}, "hybrid migration"},
		{"imap", org(dom("contoso.com", "authoritative", "false"), mig("imap")), nil, ""},
		{"third party", org(dom("contoso.com", "authoritative", "false"), mig("third_party")), nil, ""},
		{"method unknown", org(dom("contoso.com", "authoritative", "false"), "migration {\n  mailboxes = 10\n}\n"), nil, ""},
		{"internal relay", org(dom("contoso.com", "internal_relay", "false"), mig("cutover")), nil, ""},
		{"accepted unknown", org(dom("contoso.com", "", "false"), mig("cutover")), nil, ""},
		{"both reasons, one finding", org(dom("contoso.com", "authoritative", "false"), hyb, mig("hybrid")), []string{`domain."contoso.com".verified`}, "hybrid.domains) and the hybrid migration"},
		{"two domains", org(dom("contoso.com", "authoritative", "false"), dom("fabrikam.com", "authoritative", "false"), mig("staged")),
			[]string{`domain."contoso.com".verified`, `domain."fabrikam.com".verified`}, "staged"},
	}
	for _, tc := range cases {
		fs := check(t, domainNotVerified{}, today, tc.src)
		if len(fs) != len(tc.at) {
			t.Errorf("%s: want %d findings:\n%s", tc.name, len(tc.at), summary(fs))
			continue
		}
		for i, f := range fs {
			if f.Address != tc.at[i] || f.Severity.String() != "error" || !strings.Contains(f.Message, tc.reason) ||
				!strings.Contains(f.Message, ": add it to the tenant and verify it (a TXT record in public DNS) before ") {
				t.Errorf("%s: want an error at %s mentioning %q:\n%s", tc.name, tc.at[i], tc.reason, summary(fs))
			}
		}
	}
}
