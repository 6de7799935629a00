package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Every release of every version, by name and by build, passes; so do the
// alternate builds and the aliases.
func TestExchangeBuildUnknownKnownReleases(t *testing.T) {
	var blocks []string
	i := 0
	for _, v := range catalog.Default().Versions() {
		for _, r := range v.Releases() {
			i++
			blocks = append(blocks, srvBoth(fmt.Sprintf("EX%d", i), v.ID, r.Name, r.Build.String()))
		}
	}
	for _, tc := range [][3]string{
		{"2003", "SP2", "6.5.7683"},
		{"2007", "SP3 RU13", "8.3.348.1"},
		{"2010", "SP3 RU11", "14.3.266.1"},
		{"2010", "SP3 RU16", "14.3.339.0"},
		{"2016", "CU8 Mar21SU", "15.1.1415.8"},
		{"2016", "CU9 Mar21SU", "15.1.1466.13"},
		{"2013", "SP1", "15.0.847.32"},
		{"2013", "SP1 Mar21SU", "15.0.847.64"},
		{"2019", "CU1 Feb19SU", "15.2.330.5"},
		{"2019", "cu15  aug26su", "15.02.1748.049"}, // spelling and long form
	} {
		i++
		blocks = append(blocks, srvBoth(fmt.Sprintf("EX%d", i), tc[0], tc[1], tc[2]))
	}
	if fs := check(t, exchangeBuildUnknown{}, today, org(blocks...)); len(fs) != 0 {
		t.Errorf("known releases reported:\n%s", summary(fs))
	}
}

// srvBoth declares a server with both update and build.
func srvBoth(name, version, update, build string) string {
	return fmt.Sprintf("server %q {\n  version = %q\n  update  = %q\n  build   = %q\n}\n", name, version, update, build)
}

func TestExchangeBuildUnknownBuilds(t *testing.T) {
	cases := []struct {
		version, build string
		sev            lint.Severity // 0: passes
		want           string
	}{
		// The newest known update of a level Microsoft still updates passes;
		// a build above it may be a newer update: a warning.
		{"2019", "15.2.1748.49", 0, ""},
		{"2019", "15.2.1748.50", lint.Warning, "EX's build 15.2.1748.50 is newer than CU15 Aug26SU (15.2.1748.49), the newest Exchange 2019 CU15 update exlint knows (to 2026-08-11): update exlint if Microsoft released a newer one, else correct the build (exlint judges it as CU15 Aug26SU meanwhile)"},
		{"2019", "15.2.1544.44", 0, ""},
		{"2019", "15.2.1544.45", lint.Warning, "newer than CU14 Aug26SU (15.2.1544.44), the newest Exchange 2019 CU14 update"},
		{"2016", "15.1.2507.72", 0, ""},
		{"2016", "15.1.2507.73", lint.Warning, "newer than CU23 Aug26SU (15.1.2507.72), the newest Exchange 2016 CU23 update"},
		{"SE", "15.2.2562.46", 0, ""},
		{"SE", "15.2.2562.47", lint.Warning, "newer than RTM Aug26SU (15.2.2562.46), the newest Exchange SE RTM update"},
		// SE is in support: a build of a new build number may be a new CU.
		{"SE", "15.2.2600.1", lint.Warning, "above RTM Aug26SU (15.2.2562.46), the newest Exchange SE release exlint knows (to 2026-08-11), maybe a later CU: update exlint if so, else correct the build"},
		// Between two known releases: an error.
		{"2019", "15.2.1748.44", lint.Error, "matches no release of Exchange Server 2019 exlint knows (to 2026-08-11): the nearest release below it is CU15 Feb26SU (15.2.1748.43), the next CU15 Jun26SU (15.2.1748.46); correct the build"},
		{"2019", "15.2.1600.1", lint.Error, "the nearest release below it is CU14 Aug26SU (15.2.1544.44), the next CU15 (15.2.1748.10)"},
		{"2010", "14.3.500.0", lint.Error, "the nearest release below it is SP3 RU30 (14.3.496.0), the next SP3 RU31 (14.3.509.0)"},
		// Above the newest update of a level no longer updated: an error.
		{"2013", "15.0.1497.48", 0, ""},
		{"2013", "15.0.1497.49", lint.Error, "it is above CU23 Mar23SU (15.0.1497.48), the last update of CU23, which is no longer updated; correct the build"},
		{"2019", "15.2.1258.40", lint.Error, "it is above CU13 Nov24SUv2 (15.2.1258.39), the last update of CU13, which is no longer updated"},
		// A new build number for a version past its end of support: an error.
		{"2019", "15.2.1800.1", lint.Error, "the nearest release below it is CU15 Aug26SU (15.2.1748.49)"},
		{"2010", "14.3.520.0", lint.Error, "the nearest release below it is SP3 RU32 (14.3.513.0)"},
		// Builds of another version, or of none.
		{"2019", "15.1.2507.6", lint.Error, "EX's build 15.1.2507.6 is Exchange Server 2016 CU23, not Exchange Server 2019: correct version or build"},
		{"2019", "15.2.2562.17", lint.Error, "is Exchange Server Subscription Edition RTM, not Exchange Server 2019"},
		{"SE", "15.2.1748.10", lint.Error, "is Exchange Server 2019 CU15, not Exchange Server Subscription Edition"},
		{"2019", "15.1.2507.99", lint.Error, "is in Exchange Server 2016's range of builds (15.1 to below 15.2), not Exchange Server 2019's"},
		{"2019", "16.0.100.1", lint.Error, "belongs to no Exchange version (Exchange Server 2019 builds run from 15.2 to below 15.2.2562): correct the build"},
		{"2019", "15.2.100.0", lint.Error, "is below Preview (15.2.196.0), the first release of Exchange Server 2019: correct the build"},
	}
	for _, tc := range cases {
		fs := check(t, exchangeBuildUnknown{}, today, org(srv("EX", tc.version, tc.build)))
		want := tc.sev != 0
		if got := len(fs) == 1; got != want || len(fs) > 1 {
			t.Errorf("%s %s: %d findings, want finding=%v\n%s", tc.version, tc.build, len(fs), want, summary(fs))
			continue
		}
		if !want {
			continue
		}
		f := fs[0]
		if f.Severity != tc.sev || f.Address != "server.EX.build" || at(f) != "4:11" {
			t.Errorf("%s %s: %s at %s (%s), want %s", tc.version, tc.build, f.Severity, f.Address, at(f), tc.sev)
		}
		if !strings.Contains(f.Message, tc.want) {
			t.Errorf("%s %s: message lacks %q:\n%s", tc.version, tc.build, tc.want, f.Message)
		}
	}
}

func TestExchangeBuildUnknownUpdates(t *testing.T) {
	cases := []struct {
		version, update string
		sev             lint.Severity // 0: passes
		want            string
	}{
		{"2019", "CU 15", lint.Error, `EX declares update "CU 15", which Exchange Server 2019 does not have (exlint knows releases to 2026-08-11): did you mean "CU15"? Name it as Microsoft does ("CU15", "CU15 Aug26SU"), or give the build`},
		{"2019", "CU15 Jul26HU", lint.Error, `did you mean "CU15 Jul26SU"?`},
		{"2010", "SP3 RU33", lint.Error, `which Exchange Server 2010 does not have (exlint knows releases to 2026-08-11): its last update rollup on SP3 is SP3 RU32. Name`},
		{"2010", "SP3 RU0", lint.Error, `did you mean "SP3 RU1"?`},
		{"2007", "SP3RU10", lint.Error, `did you mean "SP3 RU10"?`},
		{"2010", "SP4", lint.Error, `did you mean "SP3"?`}, // the nearest service pack, not the first
		{"2013", "Service Pack 1", lint.Error, `which Exchange Server 2013 does not have (exlint knows releases to 2026-08-11). Name it as Microsoft does`},
		// A CU beyond the last of a version past its end of support: an
		// error, with no "did you mean" (CU16 is as close to CU1 as to CU15).
		{"2019", "CU16", lint.Error, `which Exchange Server 2019 does not have (exlint knows releases to 2026-08-11): its last cumulative update is CU15. Name`},
		{"2016", "CU24", lint.Error, "its last cumulative update is CU23"},
		{"2013", "CU24", lint.Error, "its last cumulative update is CU23"},
		// SE is in support: CU1 and CU2 are planned targets, not typos.
		{"SE", "CU1", lint.Warning, "EX is planned at Exchange Server Subscription Edition CU1, which exlint does not know (it knows releases to 2026-08-11): update exlint once Microsoft releases it"},
		{"SE", "CU2", lint.Warning, "planned at Exchange Server Subscription Edition CU2"},
		{"SE", "cu1 dec26su", lint.Warning, "planned at Exchange Server Subscription Edition CU1"},
		{"SE", "SP1", lint.Error, "which Exchange Server Subscription Edition does not have"},
		// An update dated after the catalogue, for a level still updated:
		// a warning (a month counts from its end, so the catalogue's own
		// month too); before the catalogue's month: an error.
		{"2019", "CU15 Sep26SU", lint.Warning, `EX declares update "CU15 Sep26SU", which exlint does not know (it knows releases to 2026-08-11): update exlint if Microsoft released it, else correct the update`},
		{"2016", "CU23 Jan27SU", lint.Warning, "which exlint does not know (it knows releases to 2026-08-11)"},
		{"SE", "RTM Oct26HU", lint.Warning, "which exlint does not know (it knows releases to 2026-08-11)"},
		{"2019", "CU15 Aug26HU", lint.Warning, "which exlint does not know (it knows releases to 2026-08-11)"}, // August 2026 may end after 2026-08-11
		{"2019", "CU15 Jul26HU", lint.Error, "which Exchange Server 2019 does not have"},
		{"2013", "CU23 Sep26SU", lint.Error, "which Exchange Server 2013 does not have"},
		{"2019", "CU13 Sep26SU", lint.Error, "which Exchange Server 2019 does not have"},
	}
	for _, tc := range cases {
		fs := check(t, exchangeBuildUnknown{}, today, org(srv("EX", tc.version, tc.update)))
		want := tc.sev != 0
		if got := len(fs) == 1; got != want || len(fs) > 1 {
			t.Errorf("%s %q: %d findings, want finding=%v\n%s", tc.version, tc.update, len(fs), want, summary(fs))
			continue
		}
		if !want {
			continue
		}
		f := fs[0]
		if f.Severity != tc.sev || f.Address != "server.EX.update" || at(f) != "4:12" {
			t.Errorf("%s %q: %s at %s (%s), want %s", tc.version, tc.update, f.Severity, f.Address, at(f), tc.sev)
		}
		if !strings.Contains(f.Message, tc.want) {
			t.Errorf("%s %q: message lacks %q:\n%s", tc.version, tc.update, tc.want, f.Message)
		}
	}
}

// update and build must agree: an update naming a level agrees with a build
// of that level or of its updates (2007/2010: an SP or RTM also with its
// rollups, a rollup with its re-releases); an update naming a security or
// hotfix update agrees only with that release's build or an alternate one.
func TestExchangeBuildUnknownAgreement(t *testing.T) {
	cases := []struct {
		version, update, build string
		errors                 bool
		want                   string
	}{
		{"2019", "CU15", "15.2.1748.10", false, ""},
		{"2019", "CU15", "15.2.1748.49", false, ""},
		{"2019", "CU14", "15.2.1748.49", true, `EX's update "CU14" and build 15.2.1748.49 disagree: the build is Exchange Server 2019 CU15 Aug26SU (15.2.1748.49), not CU14 or one of its updates (exlint judges the build): correct update to "CU15 Aug26SU" (or "CU15"), or correct the build`},
		{"2019", "CU15", "15.2.1544.44", true, "the build is Exchange Server 2019 CU14 Aug26SU (15.2.1544.44), not CU15 or one of its updates"},
		{"2019", "CU15 Aug26SU", "15.2.1748.49", false, ""},
		{"2019", "CU15 Jul26SU", "15.2.1748.49", true, "not CU15 Jul26SU (15.2.1748.48), the one release the update names"},
		{"2019", "CU15 Aug26SU", "15.2.1748.10", true, "the build is Exchange Server 2019 CU15 (15.2.1748.10), not CU15 Aug26SU (15.2.1748.49), the one release the update names"},
		{"2016", "CU8 Mar21SU", "15.1.1415.8", false, ""}, // alternate build
		{"2016", "CU8 Mar21SU", "15.1.1415.10", false, ""},
		{"2016", "CU8 Mar21SU", "15.1.1415.7", true, "not CU8 Mar21SU (15.1.1415.10)"},
		{"2013", "SP1", "15.0.847.64", false, ""}, // SP1 is CU4
		{"2013", "RTM", "15.0.620.29", true, "the build is Exchange Server 2013 CU1 (15.0.620.29), not RTM or one of its updates"},
		{"2013", "CU23", "15.0.1497.48", false, ""},
		// 2007 and 2010: service packs, RTM and rollups.
		{"2010", "SP3", "14.3.513.0", false, ""},
		{"2010", "SP3", "14.3.123.4", false, ""},
		{"2010", "SP3", "14.2.390.3", true, "the build is Exchange Server 2010 SP2 RU8 (14.2.390.3), not SP3 or one of its updates"},
		{"2010", "SP3 RU8", "14.3.224.2", false, ""}, // RU8v2 is a re-release of RU8
		{"2010", "SP3 RU8v2", "14.3.224.1", true, "not SP3 RU8v2 or one of its updates"},
		{"2010", "SP3 RU11", "14.3.266.1", false, ""}, // alternate build
		{"2010", "SP3 RU11", "14.3.279.2", true, "the build is Exchange Server 2010 SP3 RU12 (14.3.279.2), not SP3 RU11"},
		{"2010", "RTM", "14.0.694.0", false, ""}, // RU3 on RTM
		{"2010", "RTM", "14.1.218.15", true, "the build is Exchange Server 2010 SP1 (14.1.218.15), not RTM"},
		{"2007", "SP1", "8.2.176.2", true, "the build is Exchange Server 2007 SP2 (8.2.176.2), not SP1"},
		{"2007", "SP3 RU8", "8.3.279.6", false, ""}, // RU8v3
		{"2003", "SP2", "6.5.7654.4", false, ""},    // a post-SP2 hotfix rollup
		{"2003", "SP1", "6.5.7638", true, "the build is Exchange Server 2003 SP2 (6.5.7638), not SP1"},
		// A build newer than the catalogue: judged by its level.
		{"2019", "CU15", "15.2.1748.50", false, ""},
		{"2019", "CU14", "15.2.1748.50", true, `the build is a build of Exchange Server 2019 CU15 newer than CU15 Aug26SU (15.2.1748.49), not CU14 or one of its updates (exlint judges the build): correct update to "CU15", or correct the build`},
		{"2019", "CU15 Aug26SU", "15.2.1748.50", true, "not CU15 Aug26SU (15.2.1748.49), the one release the update names"},
		{"SE", "RTM", "15.2.2600.1", false, ""}, // a possible new CU: its level is unknown
	}
	for _, tc := range cases {
		fs := check(t, exchangeBuildUnknown{}, today, org(srvBoth("EX", tc.version, tc.update, tc.build)))
		var errs []lint.Finding
		for _, f := range fs {
			if f.Severity == lint.Error {
				errs = append(errs, f)
			}
		}
		if got := len(errs) == 1; got != tc.errors || len(errs) > 1 {
			t.Errorf("%s %q %s: %d errors, want error=%v\n%s", tc.version, tc.update, tc.build, len(errs), tc.errors, summary(fs))
			continue
		}
		if !tc.errors {
			continue
		}
		f := errs[0]
		if f.Address != "server.EX.update" || len(f.Related) != 1 || f.Related[0].Range.Start.Line != 5 {
			t.Errorf("%s %q %s: at %s, related %+v", tc.version, tc.update, tc.build, f.Address, f.Related)
		}
		if !strings.Contains(f.Message, tc.want) {
			t.Errorf("%s %q %s: message lacks %q:\n%s", tc.version, tc.update, tc.build, tc.want, f.Message)
		}
	}
}

// A wrong build is reported once, not again as a disagreement; a wrong
// update is reported beside a right build.
func TestExchangeBuildUnknownOneFindingPerAttribute(t *testing.T) {
	fs := check(t, exchangeBuildUnknown{}, today, org(srvBoth("EX", "2019", "CU14", "15.2.1748.44")))
	if len(fs) != 1 || fs[0].Address != "server.EX.build" {
		t.Errorf("unknown build with an update:\n%s", summary(fs))
	}
	fs = check(t, exchangeBuildUnknown{}, today, org(srvBoth("EX", "2019", "CU16", "15.2.1748.49")))
	if len(fs) != 1 || fs[0].Address != "server.EX.update" {
		t.Errorf("unknown update with a build:\n%s", summary(fs))
	}
}
