package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// oaCert is a certificate for Outlook Anywhere.
func oaCert(issuer string, names ...string) string {
	s := "certificate \"oa\" {\n  issuer = \"" + issuer + "\"\n"
	if len(names) > 0 {
		s += "  names = [\"" + strings.Join(names, `", "`) + "\"]\n"
	}
	return s + "}\n"
}

// oaBlock writes an outlook_anywhere block with the given attribute lines.
func oaBlock(lines ...string) string {
	return "outlook_anywhere {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// goodOA is Outlook Anywhere as a migration needs it.
var goodOA = oaBlock(`enabled = true`, `external_host = "mail.contoso.com"`, `port = 443`, `certificate = "oa"`) + oaCert("public_ca", "mail.contoso.com", "autodiscover.contoso.com")

// Without an outlook_anywhere block: an error for cutover and staged from
// Exchange 2003, 2007 and 2010, which need it set up; 2013 and later
// configure it themselves; 2000 and earlier are migration-source-version's.
func TestMigrationOutlookAnywhereMissing(t *testing.T) {
	for _, v := range versionOrder {
		for _, method := range migrationMethods {
			fs := check(t, migrationOutlookAnywhere{}, today, org(srv("SRC", v, someLevel[v]), migrationBlock(method, 100, "")))
			want := (method == "cutover" || method == "staged") && (v == "2003" || v == "2007" || v == "2010")
			if !want {
				if len(fs) != 0 {
					t.Errorf("%s from %s: want no finding:\n%s", method, v, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "migration.method" {
				t.Errorf("%s from %s: want one error at migration.method:\n%s", method, v, summary(fs))
				continue
			}
			for _, w := range []string{"which the topology does not describe: enable it on TCP 443 with a public CA certificate, and add an outlook_anywhere block", catalog.Default().Version(v).Name + " (SRC)", "TCP 443", method + " migration"} {
				if !strings.Contains(fs[0].Message, w) {
					t.Errorf("%s from %s: message lacks %q: %s", method, v, w, fs[0].Message)
				}
			}
			// With Outlook Anywhere set up, nothing is reported.
			if fs := check(t, migrationOutlookAnywhere{}, today, org(srv("SRC", v, someLevel[v]), migrationBlock(method, 100, ""), goodOA)); len(fs) != 0 {
				t.Errorf("%s from %s with Outlook Anywhere: want no finding:\n%s", method, v, summary(fs))
			}
		}
	}
}

// An Edge Transport server holds no mailboxes: it does not make the source
// need Outlook Anywhere.
func TestMigrationOutlookAnywhereEdge(t *testing.T) {
	src := org(srv("EDGE10", "2010", "SP3 RU32", `roles = ["edge_transport"]`), srv("EX13", "2013", "CU23"), migrationBlock("cutover", 100, ""))
	if fs := check(t, migrationOutlookAnywhere{}, today, src); len(fs) != 0 {
		t.Errorf("want no finding:\n%s", summary(fs))
	}
}

// What a declared outlook_anywhere block must offer, whatever the source
// version: enabled, TCP 443, a certificate from a trusted CA that holds the
// published name.
func TestMigrationOutlookAnywhereBlock(t *testing.T) {
	host := `external_host = "mail.contoso.com"`
	cert := `certificate = "oa"`
	cases := []struct {
		name  string
		block string
		at    string // "" for no finding
		want  string
	}{
		{"as needed", goodOA, "", ""},
		{"disabled", oaBlock(`enabled = false`), "outlook_anywhere.enabled", "Outlook Anywhere is disabled"},
		{"enabled unknown", oaBlock(host), "", ""},
		{"port 443", oaBlock(`port = 443`), "", ""},
		{"port 80", oaBlock(`port = 80`), "outlook_anywhere.port", "published on TCP 80"},
		{"port 444", oaBlock(`port = 444`), "outlook_anywhere.port", "published on TCP 444"},
		{"self-signed", oaBlock(cert) + oaCert("self_signed"), "outlook_anywhere.certificate", "certificate oa, which is self-signed"},
		{"enterprise CA", oaBlock(cert) + oaCert("enterprise_ca"), "outlook_anywhere.certificate", "issued by an internal CA that Exchange Online does not trust: use a public CA certificate"},
		{"public CA", oaBlock(cert) + oaCert("public_ca"), "", ""},
		{"issuer unknown", oaBlock(cert) + "certificate \"oa\" {}\n", "", ""},
		{"no certificate named", oaBlock(host), "", ""},
		{"name held", oaBlock(host, cert) + oaCert("public_ca", "mail.contoso.com"), "", ""},
		{"name held, other case", oaBlock(`external_host = "Mail.Contoso.com"`, cert) + oaCert("public_ca", "mail.contoso.com"), "", ""},
		{"wildcard", oaBlock(host, cert) + oaCert("public_ca", "*.contoso.com"), "", ""},
		{"wildcard one label only", oaBlock(`external_host = "mail.eu.contoso.com"`, cert) + oaCert("public_ca", "*.contoso.com"),
			"outlook_anywhere.external_host", "published as mail.eu.contoso.com, a name certificate oa does not hold (it holds *.contoso.com)"},
		{"subject holds the name", oaBlock(host, cert) + "certificate \"oa\" {\n  issuer = \"public_ca\"\n  subject = \"mail.contoso.com\"\n}\n", "", ""},
		{"name missing", oaBlock(host, cert) + oaCert("public_ca", "owa.contoso.com", "autodiscover.contoso.com"),
			"outlook_anywhere.external_host", "does not hold (it holds owa.contoso.com, autodiscover.contoso.com)"},
		{"names unknown", oaBlock(host, cert) + oaCert("public_ca"), "", ""},
	}
	for _, v := range []string{"2007", "2016"} {
		for _, method := range []string{"cutover", "staged"} {
			for _, tc := range cases {
				fs := check(t, migrationOutlookAnywhere{}, today, org(srv("SRC", v, someLevel[v]), migrationBlock(method, 100, ""), tc.block))
				if tc.at == "" {
					if len(fs) != 0 {
						t.Errorf("%s from %s, %s: want no finding:\n%s", method, v, tc.name, summary(fs))
					}
					continue
				}
				if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) {
					t.Errorf("%s from %s, %s: want one error at %s containing %q:\n%s", method, v, tc.name, tc.at, tc.want, summary(fs))
				}
			}
			// Other methods do not use Outlook Anywhere.
			if fs := check(t, migrationOutlookAnywhere{}, today, org(srv("SRC", v, someLevel[v]), migrationBlock("hybrid", 100, ""), oaBlock(`enabled = false`))); len(fs) != 0 {
				t.Errorf("hybrid: want no finding:\n%s", summary(fs))
			}
		}
	}
}

// A wrong certificate points at the certificate Outlook Anywhere uses, with
// its issuer as related location.
func TestMigrationOutlookAnywhereCertificateRelated(t *testing.T) {
	src := org(srv("EX07", "2007", "SP3 RU23"), migrationBlock("staged", 600, ""), oaBlock(`certificate = "oa"`), oaCert("self_signed"))
	fs := check(t, migrationOutlookAnywhere{}, today, src)
	if len(fs) != 1 || len(fs[0].Related) != 1 || fs[0].Related[0].Range.Start.Line != 18 {
		t.Errorf("want the issuer (line 18) as related location:\n%s%+v", summary(fs), fs)
	}
}

// From Exchange 2003, TCP 6001, 6002 and 6004 must be open (warning); an
// absent rpc_ports is unknown.
func TestMigrationOutlookAnywhere2003RPCPorts(t *testing.T) {
	cases := []struct {
		version string
		ports   string // "" for absent
		want    string // missing ports named, "" for no finding
	}{
		{"2003", "[6001, 6002, 6004]", ""},
		{"2003", "[443, 6001, 6002, 6004]", ""},
		{"2003", "[6001, 6002]", "rpc_ports lacks TCP 6004, which Microsoft asks to be open on the Exchange 2003 side (EX03) for the migration: open it there"},
		{"2003", "[6002, 6004]", "rpc_ports lacks TCP 6001, which"},
		{"2003", "[6001, 6004]", "rpc_ports lacks TCP 6002"},
		{"2003", "[6001]", "rpc_ports lacks TCP 6002 and 6004"},
		{"2003", "[]", "rpc_ports lacks TCP 6001, 6002 and 6004"},
		{"2003", "", ""},
		{"2007", "[]", ""},
		{"2010", "[443]", ""},
	}
	for _, tc := range cases {
		for _, method := range []string{"cutover", "staged"} {
			lines := []string{`enabled = true`}
			if tc.ports != "" {
				lines = append(lines, "rpc_ports = "+tc.ports)
			}
			fs := check(t, migrationOutlookAnywhere{}, today, org(srv("EX03", tc.version, someLevel[tc.version]), migrationBlock(method, 100, ""), oaBlock(lines...)))
			if tc.want == "" {
				if len(fs) != 0 {
					t.Errorf("%s %s %s: want no finding:\n%s", method, tc.version, tc.ports, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Severity != lint.Warning || fs[0].Address != "outlook_anywhere.rpc_ports" ||
				!strings.Contains(fs[0].Message, tc.want) || !strings.Contains(fs[0].Message, "on the Exchange 2003 side (EX03)") {
				t.Errorf("%s %s %s: want one warning at outlook_anywhere.rpc_ports containing %q:\n%s", method, tc.version, tc.ports, tc.want, summary(fs))
			}
		}
	}
}

func TestCoversHost(t *testing.T) {
	cases := []struct {
		name, host string
		want       bool
	}{
		{"mail.contoso.com", "mail.contoso.com", true},
		{"MAIL.contoso.com", "mail.CONTOSO.com", true},
		{"mail.contoso.com.", "mail.contoso.com", true},
		{"*.contoso.com", "mail.contoso.com", true},
		{"*.contoso.com", "contoso.com", false},
		{"*.contoso.com", "a.mail.contoso.com", false},
		{"*.com", "mail.contoso.com", false},
		{"owa.contoso.com", "mail.contoso.com", false},
	}
	for _, tc := range cases {
		if got := coversHost(tc.name, tc.host); got != tc.want {
			t.Errorf("coversHost(%q, %q) = %v", tc.name, tc.host, got)
		}
	}
}
