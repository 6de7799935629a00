package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/schema/catalog"
)

// The version sets the rules derive from the catalogue are the ones
// Microsoft's sources name (the rule pages quote them).
func TestCatalogDerivedVersions(t *testing.T) {
	cat := catalog.Default()
	ids := func(keep func(*catalog.Version) bool) string {
		var out []string
		for _, v := range cat.Versions() {
			if keep(v) {
				out = append(out, v.ID)
			}
		}
		return strings.Join(out, " ")
	}
	on := func(pred func(*catalog.Catalog, *catalog.Version) bool) func(*catalog.Version) bool {
		return func(v *catalog.Version) bool { return pred(cat, v) }
	}
	se := cat.Version("SE")
	for _, tc := range []struct {
		what string
		keep func(*catalog.Version) bool
		want string
	}{
		// MS-MIG-PATH: older than Exchange 2003, IMAP is the only option.
		{"imapOnly", on(imapOnly), "5.5 2000"},
		// MS-STAGED, MS-STAGED-STEPS: Exchange 2003 and 2007 only.
		{"stagedSource", on(stagedSource), "2003 2007"},
		// MS-MINHYB, MS-HCW-OPTIONS: Exchange 2010 and later.
		{"minimalHybridVersion", on(minimalHybridVersion), "2010 2013 2016 2019 SE"},
		// MS-CUTOVER-STEPS: set up on 2003, 2007 and 2010.
		{"outlookAnywhereToEnable", on(outlookAnywhereToEnable), "2003 2007 2010"},
		// MS-SYSREQ-2007: a global catalog in each site; MS-SYSREQ,
		// MS-SYSREQ-2013, MS-MATRIX: a writable one.
		{"dcNeeds global_catalog", func(v *catalog.Version) bool { return dcNeeds(cat, v, "global_catalog") }, "2007 2010 2013 2016 2019 SE"},
		{"dcNeeds writable", func(v *catalog.Version) bool { return dcNeeds(cat, v, "writable") }, "2010 2013 2016 2019 SE"},
		// MS-CUTOVER-STEPS: RPC proxy ports open on the Exchange 2003 side.
		{"rpcPortsToOpen", on(rpcPortsToOpen), "2003"},
		// MS-SYSREQ-2007-COEX, MS-COEX-2010.
		{"needsNativeMode", on(needsNativeMode), "2007 2010"},
		// DOCS-PR-3184: the wizard FAQ stopped naming Exchange 2010.
		{"faqDropped", on(faqDropped), "2010"},
		// MS-SE-UPGRADE: the versions SE CU2's setup is to block.
		{"older versions that coexist with SE", func(v *catalog.Version) bool { return v.Rank < se.Rank && coexist(cat, se, v) }, "2016 2019"},
	} {
		if got := ids(tc.keep); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.what, got, tc.want)
		}
	}
}
