package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestNamespaceCertificateNames(t *testing.T) {
	const at = `namespace."owa.contoso.com".certificate`
	cases := []struct {
		name string
		cert []string
		want []wantFinding
	}{
		{"the exact name", []string{`names = ["owa.contoso.com"]`}, nil},
		{"among others, another case", []string{`names = ["mail.contoso.com", "OWA.Contoso.com."]`}, nil},
		{"the subject, names stated", []string{`subject = "owa.contoso.com"`, `names = ["mail.contoso.com"]`}, nil},
		{"the subject, names unstated", []string{`subject = "owa.contoso.com"`}, nil},
		{"a wildcard one label up", []string{`names = ["*.contoso.com"]`}, nil},
		{"another name only", []string{`subject = "mail.contoso.com"`, `names = ["mail.contoso.com"]`},
			[]wantFinding{{lint.Error, at, `namespace owa.contoso.com is not on certificate "web" (mail.contoso.com)`}}},
		{"no names at all", []string{`names = []`}, []wantFinding{{lint.Error, at, `(no names)`}}},
		{"a wildcard two labels up", []string{`names = ["*.com"]`}, []wantFinding{{lint.Error, at, "is not on certificate"}}},
		{"a wildcard of another domain", []string{`names = ["*.contoso.net"]`}, []wantFinding{{lint.Error, at, "is not on certificate"}}},
		{"names unknown, subject elsewhere", []string{`subject = "mail.contoso.com"`}, nil},
		{"nothing stated", nil, nil},
	}
	for _, tc := range cases {
		fs := check(t, namespaceCertificate{}, today, org(hclBlock(`certificate "web"`, tc.cert...),
			hclBlock(`namespace "owa.contoso.com"`, `certificate = "web"`)))
		expectFindings(t, tc.name, fs, tc.want)
	}
	// A wildcard covers exactly one label: not the domain itself, not two labels.
	for host, ok := range map[string]bool{"mail.contoso.com": true, "contoso.com": false, "a.mail.contoso.com": false} {
		fs := check(t, namespaceCertificate{}, today, org(hclBlock(`certificate "web"`, `names = ["*.contoso.com"]`),
			hclBlock(`namespace "`+host+`"`, `certificate = "web"`)))
		if (len(fs) == 0) != ok {
			t.Errorf("*.contoso.com for %s: covered %v, got:\n%s", host, ok, summary(fs))
		}
	}
	// Without a certificate, nothing to judge.
	if fs := check(t, namespaceCertificate{}, today, org(hclBlock(`namespace "owa.contoso.com"`, `port = 443`))); len(fs) != 0 {
		t.Errorf("no certificate:\n%s", summary(fs))
	}
}

func TestNamespaceCertificateIssuer(t *testing.T) {
	const at = `namespace."mail.contoso.com".certificate`
	cases := []struct {
		issuer, scope string
		want          []wantFinding
	}{
		{"public_ca", "external", nil},
		{"public_ca", "internal", nil},
		{"self_signed", "external", []wantFinding{{lint.Error, at, `external namespace mail.contoso.com is served by self-signed certificate "web"`}}},
		{"self_signed", "", []wantFinding{{lint.Error, at, `namespace mail.contoso.com is served by self-signed certificate`}}},
		{"self_signed", "internal", []wantFinding{{lint.Warning, at, `internal namespace mail.contoso.com is served by self-signed`}}},
		{"enterprise_ca", "external", []wantFinding{{lint.Warning, at, `from an enterprise CA: devices outside the domain do not trust it`}}},
		{"enterprise_ca", "internal", nil},
		{"enterprise_ca", "", nil},
		{"", "external", nil},
	}
	for _, tc := range cases {
		var cert, ns []string
		cert = append(cert, `names = ["mail.contoso.com"]`)
		if tc.issuer != "" {
			cert = append(cert, `issuer = "`+tc.issuer+`"`)
		}
		ns = append(ns, `certificate = "web"`)
		if tc.scope != "" {
			ns = append(ns, `scope = "`+tc.scope+`"`)
		}
		fs := check(t, namespaceCertificate{}, today, org(hclBlock(`certificate "web"`, cert...), hclBlock(`namespace "mail.contoso.com"`, ns...)))
		expectFindings(t, tc.issuer+"/"+tc.scope, fs, tc.want)
	}
}

func TestNamespaceCertificateAutodiscover(t *testing.T) {
	const at = `domain."contoso.com".autodiscover`
	dom := func(target string) string {
		return hclBlock(`domain "contoso.com"`, `autodiscover = "`+target+`"`)
	}
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"named", []string{dom("on_premises"), hclBlock(`certificate "web"`, `services = ["iis"]`, `names = ["mail.contoso.com", "autodiscover.contoso.com"]`)}, nil},
		{"a wildcard", []string{dom("on_premises"), hclBlock(`certificate "web"`, `names = ["*.contoso.com"]`)}, nil},
		{"on a second certificate", []string{dom("on_premises"), hclBlock(`certificate "web"`, `services = ["iis"]`, `names = ["mail.contoso.com"]`),
			hclBlock(`certificate "ad"`, `services = ["iis"]`, `names = ["autodiscover.contoso.com"]`)}, nil},
		// Outside hybrid, an SRV record or an HTTP redirect may lead Outlook to
		// a name the certificate has: a warning. A hybrid domain's
		// Autodiscover endpoint must be on the certificate: an error.
		{"missing", []string{dom("on_premises"), hclBlock(`certificate "web"`, `services = ["iis"]`, `names = ["mail.contoso.com"]`)},
			[]wantFinding{{lint.Warning, at, `Autodiscover for contoso.com points on premises to autodiscover.contoso.com, which no IIS certificate names: add it to certificate "web", or publish an SRV record _autodiscover._tcp.contoso.com`}}},
		{"missing, a hybrid domain", []string{dom("on_premises"), hclBlock(`certificate "web"`, `services = ["iis"]`, `names = ["mail.contoso.com"]`),
			hclBlock(`hybrid`, `domains = ["contoso.com"]`)},
			[]wantFinding{{lint.Error, at, `Autodiscover for contoso.com points on premises to autodiscover.contoso.com, which no IIS certificate names: Outlook warns or cannot set itself up. Add it to certificate "web"`}}},
		{"only on the SMTP certificate", []string{dom("on_premises"), hclBlock(`certificate "web"`, `services = ["iis"]`, `names = ["mail.contoso.com"]`),
			hclBlock(`certificate "smtp"`, `services = ["smtp"]`, `names = ["autodiscover.contoso.com"]`)},
			[]wantFinding{{lint.Warning, at, `add it to certificate "web"`}}},
		{"no certificate bound to IIS", []string{dom("on_premises"), hclBlock(`certificate "smtp"`, `services = ["smtp"]`, `names = ["mail.contoso.com"]`)},
			[]wantFinding{{lint.Error, at, `to autodiscover.contoso.com, and no certificate is bound to IIS`}}},
		{"a wildcard of the parent domain", []string{hclBlock(`domain "eu.contoso.com"`, `autodiscover = "on_premises"`),
			hclBlock(`certificate "web"`, `names = ["*.contoso.com"]`)},
			[]wantFinding{{lint.Warning, `domain."eu.contoso.com".autodiscover`, `to autodiscover.eu.contoso.com, which no IIS certificate names`}}},
		{"names unknown", []string{dom("on_premises"), hclBlock(`certificate "web"`, `subject = "mail.contoso.com"`)}, nil},
		{"no certificate described", []string{dom("on_premises")}, nil},
		{"Autodiscover in Exchange Online", []string{dom("exchange_online"), hclBlock(`certificate "web"`, `names = ["mail.contoso.com"]`)}, nil},
		{"Autodiscover unstated", []string{hclBlock(`domain "contoso.com"`, `mx = "on_premises"`), hclBlock(`certificate "web"`, `names = ["mail.contoso.com"]`)}, nil},
		// A namespace of the name is judged as a namespace, once.
		{"a namespace of the name", []string{dom("on_premises"), hclBlock(`certificate "web"`, `names = ["mail.contoso.com"]`),
			hclBlock(`namespace "autodiscover.contoso.com"`, `certificate = "web"`)},
			[]wantFinding{{lint.Error, `namespace."autodiscover.contoso.com".certificate`, `namespace autodiscover.contoso.com is not on certificate`}}},
	}
	for _, tc := range cases {
		fs := check(t, namespaceCertificate{}, today, org(tc.blocks...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}
