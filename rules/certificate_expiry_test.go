package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func cert(name, expires string, extra ...string) string {
	return "certificate \"" + name + "\" {\n  expires = \"" + expires + "\"\n  " + strings.Join(extra, "\n  ") + "\n}\n"
}

// The boundaries, for a certificate expiring on 2027-01-20: 60 days ahead
// is a warning and 61 is not; the expiry day itself is the last valid day
// (a warning, as an end-of-support date is the last day of support); the day
// after and later are errors.
func TestCertificateExpiry(t *testing.T) {
	cases := []struct {
		asOf string
		sev  lint.Severity // 0: no finding
		want string
	}{
		{"2026-11-20", 0, ""},
		{"2026-11-21", lint.Warning, `certificate "mail" expires on 2027-01-20, in 60 days: renew it`},
		{"2027-01-19", lint.Warning, "expires on 2027-01-20, in 1 day: renew it"},
		{"2027-01-20", lint.Warning, "expires today (2027-01-20): renew it"},
		{"2027-01-21", lint.Error, "expired on 2027-01-20, 1 day before 2027-01-21, so services using it fail TLS: renew it"},
		{"2028-01-20", lint.Error, "expired on 2027-01-20, 365 days before 2028-01-20"},
	}
	for _, tc := range cases {
		fs := check(t, certificateExpiry{}, tc.asOf, org(cert("mail", "2027-01-20")))
		if tc.sev == 0 {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.asOf, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Address != "certificate.mail.expires" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one %s with %q:\n%s", tc.asOf, tc.sev, tc.want, summary(fs))
		}
	}
}

// Every certificate, one finding each; what it serves is named; no date, no
// finding.
func TestCertificateExpiryScope(t *testing.T) {
	src := org(srv("EX1", "SE", "RTM"), srv("EX2", "SE", "RTM"),
		cert("old", "2026-01-01", `services = ["iis", "smtp"]`, `servers = ["EX1", "EX2"]`),
		cert("soon", "2026-12-01", `issuer = "self_signed"`, `services = ["federation"]`),
		cert("fine", "2027-12-01"),
		"certificate \"undated\" {\n  issuer = \"public_ca\"\n}\n")
	fs := check(t, certificateExpiry{}, today, src)
	if len(fs) != 2 || !strings.Contains(fs[0].Message, `certificate "old" (iis, smtp on 2 servers) expired on 2026-01-01`) ||
		!strings.Contains(fs[1].Message, `certificate "soon" (federation) expires on 2026-12-01, in 10 days`) {
		t.Errorf("want the expired and the expiring certificate:\n%s", summary(fs))
	}
}

// A certificate bound only to servers kept shut down serves nothing and is
// not judged; one running server among them is enough to judge it, and a
// certificate that names no server is judged. In a plan, the stage that
// shuts its last server down ends the warning.
func TestCertificateExpiryServersShutDown(t *testing.T) {
	bound := cert("mail", "2026-12-01", `services = ["iis", "smtp"]`, `servers = ["EX1", "EX2"]`)
	for _, tc := range []struct {
		name     string
		ex1, ex2 []string // extra lines of EX1 and EX2
		want     int
	}{
		{"both running", nil, nil, 1},
		{"one shut down, one running", []string{"shut_down = true"}, nil, 1},
		{"both shut down", []string{"shut_down = true"}, []string{"shut_down = true"}, 0},
	} {
		src := org(srv("EX1", "SE", "RTM", tc.ex1...), srv("EX2", "SE", "RTM", tc.ex2...), bound)
		if fs := check(t, certificateExpiry{}, today, src); len(fs) != tc.want {
			t.Errorf("%s: %d findings, want %d:\n%s", tc.name, len(fs), tc.want, summary(fs))
		}
	}
	if fs := check(t, certificateExpiry{}, today, org(srv("EX1", "SE", "RTM", "shut_down = true"), cert("mail", "2026-12-01"))); len(fs) != 1 {
		t.Errorf("a certificate naming no server is judged:\n%s", summary(fs))
	}
	plan := org(srv("EX1", "SE", "RTM"), cert("mail", "2027-01-20", `servers = ["EX1"]`)) +
		stageBlock("shutdown", "2026-12-01", changeServer("EX1", "shut_down = true"))
	fs := transitionCheck(t, certificateExpiry{}, "2026-11-30", plan)
	if len(fs) != 1 || fs[0].State.Name != lint.CurrentState {
		t.Errorf("want the current state's warning only:\n%s", summary(fs))
	}
}

// An expired certificate hybrid uses is reported once, by hybrid-certificate,
// whose finding says what breaks in hybrid: this rule yields to it at the
// same address. With hybrid-certificate turned off, this rule reports it.
func TestCertificateExpiryYieldsToHybridCertificate(t *testing.T) {
	src := org(srv("EX", "SE", "RTM", `roles = ["mailbox"]`),
		cert("hyb", "2026-01-01", `issuer = "public_ca"`, `servers = ["EX"]`, `services = ["iis", "smtp"]`),
		cert("other", "2026-01-01"),
		"hybrid {\n  servers = [\"EX\"]\n  certificate = \"hyb\"\n}\n")
	rules := []lint.Rule{certificateExpiry{}, hybridCertificate{}}
	fs := checkWith(t, rules, today, src, "")
	if got := byRule(fs, "certificate-expiry"); got != "certificate.other.expires" {
		t.Errorf("both rules on: certificate-expiry at %q, want only the certificate hybrid does not use:\n%s", got, summary(fs))
	}
	if got := byRule(fs, "hybrid-certificate"); got != "certificate.hyb.expires" {
		t.Errorf("both rules on: hybrid-certificate at %q:\n%s", got, summary(fs))
	}
	fs = checkWith(t, rules, today, src, disabled("hybrid-certificate"))
	if got := byRule(fs, "certificate-expiry"); got != "certificate.hyb.expires certificate.other.expires" {
		t.Errorf("hybrid-certificate off: certificate-expiry at %q, want both expired certificates:\n%s", got, summary(fs))
	}
	// Alone, the rule judges every certificate.
	if fs := check(t, certificateExpiry{}, today, src); len(fs) != 2 {
		t.Errorf("certificate-expiry alone:\n%s", summary(fs))
	}
}
