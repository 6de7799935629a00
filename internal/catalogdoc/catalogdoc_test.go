package catalogdoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exlint/exlint/schema/catalog"
)

// Every support table on a rule page is what the catalogue says: a page and
// the data never disagree (go generate ./docs rewrites the tables).
func TestPagesMatchCatalogue(t *testing.T) {
	pages, err := filepath.Glob("../../docs/rules/*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no rule pages: %v", err)
	}
	tables := 0
	for _, path := range pages {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		page := string(raw)
		tables += strings.Count(page, "<!-- exlint-table: ")
		want, err := Rewrite(catalog.Default(), page)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if want != page {
			t.Errorf("%s: its support tables differ from the catalogue; run go generate ./docs", path)
		}
	}
	if tables == 0 {
		t.Error("no rule page has a support table")
	}
}

func TestRewrite(t *testing.T) {
	cat := catalog.Default()
	page := "# x\n\n<!-- exlint-table: server-core features -->\nstale\n<!-- exlint-table-end -->\n\nafter\n"
	got, err := Rewrite(cat, page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Exchange | Supported |\n", "| 2016 | no |\n", "| 2019 | yes |\n", "subject `server-core`", "\n<!-- exlint-table-end -->\n\nafter\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "stale") {
		t.Errorf("the old table stayed:\n%s", got)
	}
	if again, _ := Rewrite(cat, got); again != got {
		t.Error("rewriting twice changes the page")
	}
	for _, bad := range []string{
		"<!-- exlint-table: server-core features -->\nno end\n",
		"<!-- exlint-table: no-such-subject features -->\n<!-- exlint-table-end -->\n",
		"<!-- exlint-table: server-core sideways -->\n<!-- exlint-table-end -->\n",
	} {
		if _, err := Rewrite(cat, bad); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

// Each layout renders the cells a reader checks against Microsoft's pages.
func TestLayouts(t *testing.T) {
	cat := catalog.Default()
	for _, tc := range []struct{ subject, layout, want string }{
		{"host-os", "versions", "| 2016 | no | no | no | no | yes | yes | CU3+ | no | no | no |"},
		{"host-os", "versions", "| 2019 | no | no | no | no | no | no | no | yes | CU12+ | CU14 disputed; CU15+ |"},
		{"host-os", "versions", "| 2013 | no | no | no | yes | yes | SP1 (CU4)+ | no | no | no | no |"},
		{"dc-os", "ranges", "| Windows Server 2008 R2 | no | no | no | no | **disputed** | yes |"},
		{"dc-os", "ranges", "| Windows Server | SE | 2019 CU14+ | 2019 CU12–CU13 | 2019 ≤ CU11 | 2016 CU23+ | 2016 CU12–CU22 |"},
		{"forest-level", "levels", "| 2016 ≤ CU2 | no | **disputed** | yes |"},
		{"dotnet", "levels", "| 2013 SP1 (CU4)–CU12 | no | no | yes | yes | yes | no |"},
		{"dotnet-recommended", "choices", "| 2016 CU3 | 4.6.1 on Windows Server 2012 R2 or earlier; 4.6.2 on Windows Server 2016; 4.6.1 on Windows Server 2019 or later |"},
		{"outlook", "versions", "| 2016 | no | no | SP2+ disputed | SP1+ disputed | yes | yes | yes | yes | yes |"},
		{"outlook", "values", "| Outlook 2013 | no | SP1+ disputed | SP1+ disputed | yes | yes | ? |"},
		{"tls", "versions", "| SE | yes | no on Windows Server 2019 or earlier, yes on Windows Server 2022 or later |"},
		{"hybrid-dedicated-app", "features", "| 2019 | CU14 Apr25HU–CU14 Aug26SU; CU15 Apr25HU+ |"},
		{"upgrade-path", "notes", "| 2003 | SE | 2003 → 2010 → 2016 → SE |"},
		{"forest-level", "levels", "| 2013 ≤ CU3 | no | yes | yes | yes | yes | no | no | ? |"},
		{"dirsync", "tools", "| `entra_connect` (Microsoft Entra Connect) | Windows Server 2016 to 2022, domain-joined | Windows Server 2003 or higher | MS-ENTRA |"},
		{"dirsync", "tools", "| `dirsync` (DirSync) | **retired**: not supported | — | MS-DIRSYNC-RETIRED |"},
		{"windows", "lifecycle", "| `2012R2` (Windows Server 2012 R2) | 2018-10-09 | 2023-10-10 | MS-LC-WS2012R2 |"},
		{"windows", "lifecycle", "| `2025` (Windows Server 2025) | 2029-11-13 | 2034-11-14 | MS-LC-WS2025 |"},
		{"windows", "lifecycle", "| `2000` (Windows 2000 Server) | ? | ? (not judged) |  |"},
		{"hybrid-wizard", "options", "| `free_busy` (free/busy sharing) | no | no | yes | no | yes | the organization relationship, or OAuth | MS-HCW, MS-HYB-FREEBUSY, MS-HYBAPP-SEC |"},
		{"hybrid-wizard", "options", "| `message_tracking` (cross-premises message tracking) | no | no | yes | no | no | the organization relationship; the Hybrid Agent does not carry it |"},
		{"hybrid-wizard", "options", "| `online_archive` (Exchange Online Archiving) | ? | ? | ? | ? | ? | the wizard's options table has no row for it |"},
		{"server-roles", "members", "| 2013 | `client_access`, `mailbox`, `edge_transport` from SP1 (CU4) | `front_end`, `back_end`: "},
		{"server-roles", "members", "| 2003, 2000 | `front_end`, `back_end` | `mailbox`, `client_access`, `hub_transport`, `unified_messaging`, `edge_transport`: server roles came with Exchange 2007 |"},
	} {
		got, err := Table(cat, tc.subject, tc.layout)
		if err != nil || !strings.Contains(got, tc.want) {
			t.Errorf("%s %s: lacks %q (%v):\n%s", tc.subject, tc.layout, tc.want, err, got)
		}
	}
}
