package rules

import (
	"fmt"
	"strings"
	"testing"
)

// hyCertTopology is a hybrid deployment on HYB1 (and HYB2) with extra blocks.
func hyCertTopology(topology string, extra ...string) string {
	topo := ""
	if topology != "" {
		topo = fmt.Sprintf("  topology = %q\n", topology)
	}
	return org(append([]string{
		srv("HYB1", "SE", "RTM", hyRoles("mailbox")),
		srv("HYB2", "SE", "RTM", hyRoles("mailbox")),
		srv("EDGE", "SE", "RTM", hyRoles("edge_transport")),
		srv("OTHER", "SE", "RTM", hyRoles("mailbox")),
		"domain \"contoso.com\" {}\n",
		"hybrid {\n" + topo + "  servers = [\"HYB1\", \"HYB2\"]\n  edge_servers = [\"EDGE\"]\n  domains = [\"contoso.com\"]\n}\n",
	}, extra...)...)
}

var hyTopologies = []string{"classic_full", "classic_minimal", "express", "modern_full", "modern_minimal", ""}

// Which certificates must come from a public CA, per topology and binding
// (Microsoft's HCW options table; the general prerequisites when no topology
// is stated).
func TestHybridCertificateIssuer(t *testing.T) {
	want := map[string]map[string]string{ // topology -> services -> severity ("" none)
		"classic_full":    {"iis": "error", "smtp": "error", "iis+smtp": "error"},
		"classic_minimal": {"iis": "error", "smtp": "", "iis+smtp": "error"},
		"express":         {"iis": "error", "smtp": "", "iis+smtp": "error"},
		"modern_full":     {"iis": "warning", "smtp": "error", "iis+smtp": "error"},
		"modern_minimal":  {"iis": "warning", "smtp": "", "iis+smtp": "warning"},
		"":                {"iis": "error", "smtp": "error", "iis+smtp": "error"},
	}
	services := map[string]string{"iis": `["iis"]`, "smtp": `["smtp"]`, "iis+smtp": `["iis", "smtp"]`}
	for _, topo := range hyTopologies {
		for svc, list := range services {
			for _, issuer := range []string{"public_ca", "enterprise_ca", "self_signed"} {
				cert := fmt.Sprintf("certificate \"C\" {\n  issuer = %q\n  servers = [\"HYB1\"]\n  services = %s\n}\n", issuer, list)
				fs := check(t, hybridCertificate{}, today, hyCertTopology(topo, cert))
				exp := want[topo][svc]
				if issuer == "public_ca" {
					exp = ""
				}
				name := fmt.Sprintf("%q, %s certificate from %s", topo, svc, issuer)
				if exp == "" {
					if len(fs) != 0 {
						t.Errorf("%s: want no finding:\n%s", name, summary(fs))
					}
					continue
				}
				if len(fs) != 1 || fs[0].Address != "certificate.C.issuer" || fs[0].Severity.String() != exp {
					t.Errorf("%s: want one %s at certificate.C.issuer:\n%s", name, exp, summary(fs))
					continue
				}
				kind := map[string]string{"enterprise_ca": "private (enterprise) CA", "self_signed": "self-signed"}[issuer]
				if !strings.Contains(fs[0].Message, kind) || !strings.Contains(fs[0].Message, "bound to") {
					t.Errorf("%s: message lacks %q: %s", name, kind, fs[0].Message)
				}
			}
		}
	}
}

// Which certificates are the hybrid deployment's.
func TestHybridCertificateScope(t *testing.T) {
	cases := []struct {
		name, cert string
		findings   int
	}{
		{"hybrid.certificate, services unknown", "certificate \"C\" {\n  issuer = \"self_signed\"\n}\n", 1},
		{"federation only", "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"HYB1\"]\n  services = [\"federation\"]\n}\n", 0},
		{"not on a hybrid server", "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"OTHER\"]\n  services = [\"iis\", \"smtp\"]\n}\n", 0},
		{"SMTP on the Edge", "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"EDGE\"]\n  services = [\"smtp\"]\n}\n", 1},
		{"IIS on the Edge", "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"EDGE\"]\n  services = [\"iis\"]\n}\n", 0},
		{"services unknown, not named", "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"HYB1\"]\n}\n", 0},
		{"issuer unknown", "certificate \"C\" {\n  servers = [\"HYB1\"]\n  services = [\"iis\"]\n}\n", 0},
	}
	for _, tc := range cases {
		src := hyCertTopology("classic_full", tc.cert)
		if strings.Contains(tc.name, "hybrid.certificate") {
			src = strings.Replace(src, "  domains = [", "  certificate = \"C\"\n  domains = [", 1)
		}
		fs := check(t, hybridCertificate{}, today, src)
		if len(fs) != tc.findings {
			t.Errorf("%s: want %d finding(s):\n%s", tc.name, tc.findings, summary(fs))
		}
	}
}

// The Autodiscover name of each hybrid domain and the EWS external host must
// be on the certificate that serves them.
func TestHybridCertificateNames(t *testing.T) {
	ns := func(cert string) string {
		c := ""
		if cert != "" {
			c = fmt.Sprintf("  certificate = %q\n", cert)
		}
		return "namespace \"mail.contoso.com\" {\n  services = [\"ews\", \"owa\"]\n" + c + "}\n"
	}
	cert := func(name, names string) string {
		return fmt.Sprintf("certificate %q {\n  issuer = \"public_ca\"\n  names = %s\n  servers = [\"HYB1\"]\n  services = [\"iis\"]\n}\n", name, names)
	}
	named := func(src string) string {
		return strings.Replace(src, "  domains = [", "  certificate = \"C\"\n  domains = [", 1)
	}
	cases := []struct {
		name, topology, src string
		severity, missing   string // "" for no finding
	}{
		{"both present", "classic_full", hyCertTopology("classic_full", cert("C", `["mail.contoso.com", "autodiscover.contoso.com"]`), ns("C")), "", ""},
		{"wildcard", "classic_full", hyCertTopology("classic_full", cert("C", `["*.contoso.com"]`), ns("C")), "", ""},
		{"case", "classic_full", hyCertTopology("classic_full", cert("C", `["MAIL.contoso.com", "Autodiscover.Contoso.com"]`), ns("C")), "", ""},
		{"no Autodiscover", "classic_full", hyCertTopology("classic_full", cert("C", `["mail.contoso.com"]`), ns("C")), "error", "autodiscover.contoso.com"},
		{"no EWS host", "classic_full", hyCertTopology("classic_full", cert("C", `["autodiscover.contoso.com"]`), ns("C")), "error", "mail.contoso.com"},
		{"neither", "express", hyCertTopology("express", cert("C", `["webmail.contoso.com"]`), ns("C")), "error", "autodiscover.contoso.com and mail.contoso.com"},
		{"wildcard one level only", "classic_full", hyCertTopology("classic_full", cert("C", `["*.com"]`), ns("C")), "error", "autodiscover.contoso.com and mail.contoso.com"},
		{"EWS on another certificate", "classic_full", hyCertTopology("classic_full", cert("C", `["autodiscover.contoso.com"]`), cert("D", `["mail.contoso.com"]`), ns("D")), "", ""},
		{"EWS namespace without certificate, C named", "classic_full", named(hyCertTopology("classic_full", cert("C", `["autodiscover.contoso.com"]`), ns(""))), "error", "mail.contoso.com"},
		{"EWS namespace without certificate, C not named", "classic_full", hyCertTopology("classic_full", cert("C", `["autodiscover.contoso.com"]`), ns("")), "error", "mail.contoso.com"},
		{"EWS namespace without certificate, on another", "classic_full", hyCertTopology("classic_full", cert("C", `["autodiscover.contoso.com"]`), cert("D", `["mail.contoso.com"]`), ns("")), "", ""},
		{"Autodiscover on another", "classic_full", hyCertTopology("classic_full", cert("C", `["mail.contoso.com"]`), cert("D", `["autodiscover.contoso.com"]`), ns("C")), "", ""},
		{"one certificate names unknown", "classic_full", hyCertTopology("classic_full", cert("C", `["mail.contoso.com"]`), "certificate \"D\" {\n  servers = [\"HYB2\"]\n  services = [\"iis\"]\n}\n", ns("C")), "", ""},
		{"modern: Autodiscover a warning", "modern_full", hyCertTopology("modern_full", cert("C", `["mail.contoso.com"]`), ns("C")), "warning", "autodiscover.contoso.com"},
		{"modern: EWS not needed", "modern_minimal", hyCertTopology("modern_minimal", cert("C", `["autodiscover.contoso.com"]`), ns("C")), "", ""},
		{"no topology", "", hyCertTopology("", cert("C", `["mail.contoso.com"]`), ns("C")), "error", "autodiscover.contoso.com"},
		{"names unknown", "classic_full", hyCertTopology("classic_full", "certificate \"C\" {\n  issuer = \"public_ca\"\n  servers = [\"HYB1\"]\n  services = [\"iis\"]\n}\n", ns("C")), "", ""},
		{"subject counts", "classic_full", hyCertTopology("classic_full", "certificate \"C\" {\n  issuer = \"public_ca\"\n  subject = \"autodiscover.contoso.com\"\n  names = [\"mail.contoso.com\"]\n  servers = [\"HYB1\"]\n  services = [\"iis\"]\n}\n", ns("C")), "", ""},
		{"SMTP certificate not checked", "classic_full", hyCertTopology("classic_full", "certificate \"C\" {\n  issuer = \"public_ca\"\n  names = [\"smtp.contoso.com\"]\n  servers = [\"HYB1\"]\n  services = [\"smtp\"]\n}\n", ns("")), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridCertificate{}, today, tc.src)
		switch {
		case tc.severity == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.severity != "" && (len(fs) != 1 || fs[0].Address != "certificate.C.names" || fs[0].Severity.String() != tc.severity ||
			!strings.Contains(fs[0].Message, "does not cover "+tc.missing+", which Exchange Online connects to") ||
			!strings.Contains(fs[0].Message, ": reissue it with")):
			t.Errorf("%s: want one %s at certificate.C.names missing %s:\n%s", tc.name, tc.severity, tc.missing, summary(fs))
		}
	}
	// Missing everywhere: reported on hybrid.certificate, not the first one.
	src := named(hyCertTopology("classic_full", cert("D", `["webmail.contoso.com"]`), cert("C", `["mail.contoso.com"]`), ns("C")))
	if fs := check(t, hybridCertificate{}, today, src); len(fs) != 1 || fs[0].Address != "certificate.C.names" {
		t.Errorf("missing everywhere: want one finding on hybrid.certificate:\n%s", summary(fs))
	}
	// Several hybrid domains: one finding lists every missing name.
	src = strings.Replace(hyCertTopology("classic_full", cert("C", `["mail.contoso.com"]`), "domain \"fabrikam.com\" {}\n"),
		`domains = ["contoso.com"]`, `domains = ["contoso.com", "fabrikam.com"]`, 1)
	fs := check(t, hybridCertificate{}, today, src)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "autodiscover.contoso.com and autodiscover.fabrikam.com") {
		t.Errorf("two domains: want one finding naming both:\n%s", summary(fs))
	}
}

// The hybrid transport certificates must share issuer and subject, in the
// topologies with hybrid mail.
func TestHybridCertificateSame(t *testing.T) {
	c := func(name, servers, subject, issuer, issuerName string) string {
		b := fmt.Sprintf("certificate %q {\n  issuer = %q\n  servers = %s\n  services = [\"smtp\"]\n", name, issuer, servers)
		if subject != "" {
			b += fmt.Sprintf("  subject = %q\n", subject)
		}
		if issuerName != "" {
			b += fmt.Sprintf("  issuer_name = %q\n", issuerName)
		}
		return b + "}\n"
	}
	named := func(src string) string {
		return strings.Replace(src, "  domains = [", "  certificate = \"A\"\n  domains = [", 1)
	}
	cases := []struct {
		name, src, at string
	}{
		{"same", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2", "EDGE"]`, "mail.contoso.com", "public_ca", "CA1")), ""},
		{"same, case", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "Mail.Contoso.com", "public_ca", "CA1")), ""},
		{"subject", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1")), "certificate.B.subject"},
		{"issuer name", hyCertTopology("modern_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["EDGE"]`, "mail.contoso.com", "public_ca", "CA2")), "certificate.B.issuer_name"},
		{"issuer name unknown", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "mail.contoso.com", "public_ca", "")), ""},
		{"subject unknown", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "", "public_ca", "CA1")), ""},
		{"named is the reference", named(hyCertTopology("", c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1"), c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"))), "certificate.B.subject"},
		{"first is the reference", hyCertTopology("", c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1"), c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1")), "certificate.A.subject"},
		{"not a transport server", hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["OTHER"]`, "smtp.contoso.com", "public_ca", "CA1")), ""},
		{"express has no hybrid mail", hyCertTopology("express", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1")), ""},
		{"classic minimal has no hybrid mail", hyCertTopology("classic_minimal", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1")), ""},
		{"modern minimal has no hybrid mail", hyCertTopology("modern_minimal", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", "CA1"), c("B", `["HYB2"]`, "smtp.contoso.com", "public_ca", "CA1")), ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridCertificate{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "error" || len(fs[0].Related) != 1 ||
			!strings.Contains(fs[0].Message, ": use one issuer and subject on every hybrid transport server")):
			t.Errorf("%s: want one error at %s:\n%s", tc.name, tc.at, summary(fs))
		}
	}
	// A self-signed certificate beside a public one differs in issuer too:
	// one finding for the issuer kind, one for the difference.
	fs := check(t, hybridCertificate{}, today, hyCertTopology("classic_full", c("A", `["HYB1"]`, "mail.contoso.com", "public_ca", ""), c("B", `["HYB2"]`, "mail.contoso.com", "self_signed", "")))
	if len(fs) != 2 || fs[0].Address != "certificate.B.issuer" || fs[1].Address != "certificate.B.issuer" || fs[0].Message == fs[1].Message {
		t.Errorf("self-signed beside public: want two findings at certificate.B.issuer:\n%s", summary(fs))
	}
}

// A hybrid certificate is valid through its expiry day.
func TestHybridCertificateExpiry(t *testing.T) {
	cert := func(servers string) string {
		return "certificate \"C\" {\n  issuer = \"public_ca\"\n  expires = \"2026-11-21\"\n  servers = " + servers + "\n  services = [\"iis\"]\n}\n"
	}
	cases := []struct {
		asOf, servers string
		fails         bool
	}{
		{"2026-11-21", `["HYB1"]`, false},
		{"2026-11-22", `["HYB1"]`, true},
		{"2026-11-22", `["OTHER"]`, false},
	}
	for _, tc := range cases {
		fs := check(t, hybridCertificate{}, tc.asOf, hyCertTopology("modern_minimal", cert(tc.servers)))
		switch {
		case !tc.fails && len(fs) != 0:
			t.Errorf("%s on %s: want no finding:\n%s", tc.servers, tc.asOf, summary(fs))
		case tc.fails && (len(fs) != 1 || fs[0].Address != "certificate.C.expires" || !strings.Contains(fs[0].Message, "expired on 2026-11-21")):
			t.Errorf("%s on %s: want one finding at certificate.C.expires:\n%s", tc.servers, tc.asOf, summary(fs))
		}
	}
}

// No hybrid block: nothing to check.
func TestHybridCertificateNoHybrid(t *testing.T) {
	src := org(srv("EX", "SE", "RTM"), "certificate \"C\" {\n  issuer = \"self_signed\"\n  servers = [\"EX\"]\n  services = [\"iis\"]\n  expires = \"2020-01-01\"\n}\n")
	if fs := check(t, hybridCertificate{}, today, src); len(fs) != 0 {
		t.Errorf("no hybrid: %s", summary(fs))
	}
}
