package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Server Core: not supported by 2013 and 2016 (MS-SYSREQ-2013, MS-SYSREQ,
// readiness check IsServerCoreInstalled, MS-READINESS); supported by 2019 and
// SE; nothing is known for 2010 and earlier.
func TestServerCore(t *testing.T) {
	needsFull := map[string]string{
		"2013": "it needs the full installation of Windows Server (Server with a GUI)",
		"2016": "it needs Windows Server with the Desktop Experience (Server with a GUI on Windows Server 2012 and 2012 R2)",
	}
	for _, version := range catalog.Default().VersionIDs() {
		for _, level := range []string{hostLastLevel(t, version), hostUnknownLevel} {
			what := fmt.Sprintf("Exchange %s %s on Server Core", version, level)
			fs := check(t, serverCoreUnsupported{}, today, org(srv("EX", version, level, "core = true")))
			if why, ok := needsFull[version]; ok {
				v := catalog.Default().Version(version)
				hostExpectOne(t, what, fs, lint.Error, "server.EX.core",
					"EX runs "+v.Name+" on Server Core, which it does not support ("+why+"): "+
						"reinstall Windows with the full installation (core = false), or move to Exchange SE")
			} else {
				hostExpectNone(t, what, fs)
			}
			hostExpectNone(t, what+" (core = false)", check(t, serverCoreUnsupported{}, today, org(srv("EX", version, level, "core = false"))))
			hostExpectNone(t, what+" (core unknown)", check(t, serverCoreUnsupported{}, today, org(srv("EX", version, level))))
		}
	}
}

// The fix names the versions in support that run on Server Core: Exchange
// 2019 up to its end of support (2025-10-14), not the day after; SE from its
// release (2025-07-01); none that cannot join the organization.
func TestServerCoreFixByDate(t *testing.T) {
	end, _ := catalog.Default().Version("2019").EndOfSupport()
	cases := []struct {
		asOf, extra, want string
	}{
		{"2025-06-30", "", "(core = false), or move to Exchange 2019"},
		{end.String(), "", "(core = false), or move to Exchange 2019 or Exchange SE"},
		{end.AddDays(1).String(), "", "(core = false), or move to Exchange SE"},
		// SE cannot join an organization that keeps Exchange 2013.
		{end.AddDays(1).String(), srv("EX13", "2013", "CU23"), "reinstall Windows with the full installation (core = false)"},
	}
	for _, tc := range cases {
		fs := check(t, serverCoreUnsupported{}, tc.asOf, org(srv("EX", "2016", "CU23", "core = true"), tc.extra))
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, tc.want) {
			t.Errorf("on %s: want a message ending %q\n%s", tc.asOf, tc.want, summary(fs))
		}
	}
}

// Exchange on a domain controller: a warning, an error with Active Directory
// split permissions (readiness checks WarningInstallExchangeRolesOnDomainController
// and InstallOnDCInADSplitPermissionMode).
func TestServerOnDomainController(t *testing.T) {
	dc := srv("EX", "2019", "CU15", "on_domain_controller = true")
	member := srv("EX", "2019", "CU15", "on_domain_controller = false")
	cases := []struct {
		name, src string
		sev       lint.Severity
		msg       string // "" for no finding
	}{
		{"no organization setting", org(dc), lint.Warning, "EX has Exchange Server 2019 on a domain controller, which Microsoft advises against " +
			"(it gives every Exchange server domain administrator rights): install Exchange on a member server"},
		{"split permissions off", "organization \"T\" {\n  split_permissions = false\n}\n" + dc, lint.Warning, "install Exchange on a member server"},
		{"split permissions on", "organization \"T\" {\n  split_permissions = true\n}\n" + dc, lint.Error, "EX has Exchange Server 2019 on a domain controller, " +
			"which Active Directory split permissions do not support: install Exchange on a member server, or switch to RBAC split or shared permissions"},
		{"member server", "organization \"T\" {\n  split_permissions = true\n}\n" + member, 0, ""},
		{"unknown", org(srv("EX", "2019", "CU15")), 0, ""},
	}
	for _, tc := range cases {
		fs := check(t, serverOnDomainController{}, today, tc.src)
		if tc.msg == "" {
			hostExpectNone(t, tc.name, fs)
			continue
		}
		hostExpectOne(t, tc.name, fs, tc.sev, "server.EX.on_domain_controller", tc.msg)
	}
	// every version, one finding per server
	var src string
	for _, v := range catalog.Default().VersionIDs() {
		src += srv("EX"+v, v, hostLastLevel(t, v), "on_domain_controller = true")
	}
	if fs := check(t, serverOnDomainController{}, today, org(src)); len(fs) != len(catalog.Default().VersionIDs()) {
		t.Errorf("want one finding per server:\n%s", summary(fs))
	}
}
