package catalog

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// withTables returns the embedded tables with some files replaced or
// extended: a value starting with "+" is appended to the embedded file.
func withTables(t *testing.T, changes map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(dataFS, "data/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, text := range changes {
		if rest, ok := strings.CutPrefix(text, "+"); ok {
			m[name] = &fstest.MapFile{Data: append(append([]byte(nil), m[name].Data...), []byte("\n"+rest+"\n")...)}
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func TestEmbeddedTablesLoad(t *testing.T) {
	if _, err := loadFrom(withTables(t, nil)); err != nil {
		t.Fatal(err)
	}
}

// A row the loader cannot trust is a load error that names the file and
// line: an unknown subject, version, release, value, source or verdict, a
// malformed or empty range, a disputed row without a note, and two rows that
// would give one combination two verdicts.
func TestSupportLoadErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"nosuch,2019,,,2019,,supported,MS-MATRIX,", `unknown subject "nosuch"`},
		{"host-os,2099,,,2019,,supported,MS-MATRIX,", `unknown version "2099"`},
		{"host-os,2019,CU99,,2019,,supported,MS-MATRIX,", `Exchange 2019 has no release "CU99"`},
		{"host-os,2019,CU3,CU3,2019,,supported,MS-MATRIX,", "the update range CU3 to CU3 is empty"},
		{"host-os,2019,CU5,CU3,2019,,supported,MS-MATRIX,", "the update range CU5 to CU3 is empty"},
		{"host-os,2016..2019,CU3,,2019,,supported,MS-MATRIX,", "cannot have an update range"},
		{"host-os,SE..2016,,,2019,,supported,MS-MATRIX,", "is not a range of versions"},
		{"host-os,2016,,,2031,,supported,MS-MATRIX,", `unknown windows value "2031"`},
		{"host-os,2016,,,2019..2012,,supported,MS-MATRIX,", `"2019..2012" is not a range of windows values`},
		{"host-os,2016,,,..,,supported,MS-MATRIX,", "is not a range of windows values"},
		{"host-os,2016,,,,,supported,MS-MATRIX,", "a windows value is missing"},
		{"hybrid-modern-auth,2016,,,2019,,supported,MS-MATRIX,", `this subject has no values, but the row names "2019"`},
		{"host-os,2016,,,2019,2019,supported,MS-MATRIX,", "subject host-os has no Windows Server column"},
		{"dotnet,2016,,,4.8,2040,supported,MS-MATRIX,", `windows: unknown windows value "2040"`},
		{"host-os,2016,,,2019,,maybe,MS-MATRIX,", `verdict must be supported, unsupported or disputed, not "maybe"`},
		{"host-os,2016,,,2019,,disputed,MS-MATRIX,", "a disputed row needs a note"},
		{"host-os,2016,,,2019,,supported,NO-SUCH-SOURCE,", `unknown source "NO-SUCH-SOURCE"`},
		{"host-os,2016,CU20,,2012R2,,unsupported,MS-MATRIX,", "overlaps the host-os row of line"},
		{"outlook,2019,,,2016 SP1,,supported,MS-MATRIX,", `unknown outlook value "2016 SP1"`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"host-os,windows,,unsupported,again,MS-MATRIX", `duplicate subject "host-os"`},
		{"x,colours,,unknown,x,MS-MATRIX", `unknown kind of values "colours"`},
		{"x,windows,,sometimes,x,MS-MATRIX", "unlisted must be unsupported or unknown"},
		{"x,windows,,unknown,,MS-MATRIX", "a subject needs a name and a title"},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"subjects.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %s", tc.row, err, tc.want)
		}
	}
}

func TestSupports(t *testing.T) {
	c := Default()
	rel := func(v, n string) *Release { return c.Release(c.Version(v), n) }
	for _, tc := range []struct {
		subject, value, version, release string
		want                             Verdict
		row                              bool // a row decided
	}{
		{"host-os", "2016", "2016", "CU3", Supported, true},
		{"host-os", "2016", "2016", "CU23 Aug26SU", Supported, true},
		{"host-os", "2016", "2016", "CU2", Unsupported, false}, // not listed: unsupported
		{"host-os", "2019", "2016", "CU23", Unsupported, false},
		{"host-os", "2025", "2019", "CU14", Disputed, true},
		{"host-os", "2019", "2000", "SP3", Unknown, false}, // no rows for 2000: not judged
		{"dc-os", "2025", "2019", "CU14", Supported, true},
		{"dc-os", "2008R2", "2016", "CU23", Disputed, true},
		{"dc-os", "2019", "2007", "SP3 RU23", Unknown, false}, // nothing known
		{"dotnet", "4.7", "2019", "CU15", Unsupported, false},
		{"dotnet", "4.8", "2010", "SP2", Unknown, false}, // before the matrix's first column
		{"outlook", "2013 SP1", "2019", "CU15", Disputed, true},
		{"outlook", "2024", "2019", "CU15", Supported, true},
		{"outlook", "2024", "2013", "CU23", Unknown, false},
		{"hybrid-modern-auth", "", "2016", "CU7", Unsupported, true},
		{"hybrid-modern-auth", "", "2016", "CU8", Supported, true},
	} {
		got, row := c.Supports(tc.subject, tc.value, rel(tc.version, tc.release))
		if got != tc.want || (row != nil) != tc.row {
			t.Errorf("%s %q with %s %s: %s (row %v), want %s", tc.subject, tc.value, tc.version, tc.release, got, row != nil, tc.want)
		}
	}
	if v, row := c.Supports("host-os", "2025", rel("2019", "CU14")); v != Disputed || !strings.Contains(row.Note, "Install-Exchange15") {
		t.Errorf("a disputed row carries its note: %v", row)
	}
	// A row limited to some Windows Server versions decides only on them.
	cu3 := rel("2016", "CU3")
	if v, row := c.SupportsOn("dotnet-recommended", "4.6.2", "2016", cu3); v != Supported || row == nil {
		t.Errorf("4.6.2 recommended for 2016 CU3 on Windows Server 2016: %s", v)
	}
	if v, _ := c.SupportsOn("dotnet-recommended", "4.6.2", "", cu3); v != Unknown {
		t.Errorf("unknown Windows: %s", v)
	}
	if rows, undecided := c.Rows("dotnet-recommended", cu3, ""); len(rows) != 0 || !undecided {
		t.Errorf("Rows with unknown Windows: %v %v", rows, undecided)
	}
	if rows, undecided := c.Rows("dotnet-recommended", cu3, "2012R2"); len(rows) != 1 || undecided || rows[0].ValueIDs()[0] != "4.6.1" {
		t.Errorf("Rows on 2012 R2: %v %v", rows, undecided)
	}
	// Whatever the release: the verdict every level shares.
	v16 := c.Version("2016")
	if v, _ := c.SupportsAny("host-os", "2019", "", v16); v != Unsupported {
		t.Errorf("2016 on Windows Server 2019, any update: %s", v)
	}
	if v, _ := c.SupportsAny("host-os", "2016", "", v16); v != Unknown {
		t.Errorf("2016 on Windows Server 2016, any update: %s", v)
	}
	if v, row := c.SupportsAny("server-core", "", "", c.Version("2013")); v != Unsupported || row == nil {
		t.Errorf("2013 on Server Core: %s %v", v, row)
	}
	var bounds []string
	for _, b := range c.Bounds("dc-os", c.Version("2019")) {
		bounds = append(bounds, b.Name)
	}
	if strings.Join(bounds, " ") != "CU12 CU14" {
		t.Errorf("dc-os bounds of 2019: %v", bounds)
	}
}

func TestSupportRows(t *testing.T) {
	c := Default()
	var found *Support
	for _, r := range c.Subject("outlook").Rows() {
		if r.HasVersion(c.Version("2019")) && r.Verdict == Supported && r.HasValue("2016") {
			found = r
		}
	}
	if found == nil || strings.Join(found.ValueIDs(), ",") != "2016,2019,2021,2024,365" {
		t.Fatalf("Exchange 2019's Outlook row: %v", found)
	}
	if found.HasValue("2013 RTM") || found.WindowsIDs() != nil || !found.OnWindows("2012") || !found.Whole() {
		t.Error("outlook row")
	}
	for _, r := range c.Subject("tls").Rows() {
		if r.HasValue("1.3") && r.Verdict == Supported && r.HasVersion(c.Version("SE")) {
			if strings.Join(r.WindowsIDs(), ",") != "2022,2025" || r.OnWindows("2019") {
				t.Errorf("TLS 1.3 on SE: %v", r.WindowsIDs())
			}
		}
	}
	if got := (OutlookLevel{Outlook: c.OutlookByID("2013"), SP: 0}).Key(); got != "2013 RTM" {
		t.Errorf("Key: %q", got)
	}
	if got := (OutlookLevel{Outlook: c.OutlookByID("2016")}).Key(); got != "2016" {
		t.Errorf("Key: %q", got)
	}
	for _, s := range c.Subjects() {
		if len(s.Rows()) == 0 {
			t.Errorf("subject %s has no rows", s.Name)
		}
		if c.Subject(s.Name) != s {
			t.Errorf("Subject(%q)", s.Name)
		}
	}
	for _, v := range []Verdict{Unknown, Supported, Unsupported, Disputed} {
		if p, ok := parseVerdict(v.String()); v != Unknown && (!ok || p != v) {
			t.Errorf("verdict %s does not round-trip", v)
		}
	}
}

func TestFirstSupportedAndSupportedValues(t *testing.T) {
	c := Default()
	if from, ok := c.FirstSupported("server-roles", "edge_transport", c.Version("2013")); !ok || from.Name != "CU4" {
		t.Errorf("2013 Edge Transport: %v %v", from, ok)
	}
	if from, ok := c.FirstSupported("server-roles", "mailbox", c.Version("2019")); !ok || from != nil {
		t.Errorf("2019 Mailbox: %v %v", from, ok)
	}
	if _, ok := c.FirstSupported("server-roles", "hub_transport", c.Version("2016")); ok {
		t.Error("2016 has no Hub Transport role")
	}
	var got []string
	for _, v := range c.SupportedValues("server-roles", c.Version("2013")) {
		s := v.ID
		if v.From != nil {
			s += ">" + v.From.Name
		}
		got = append(got, s)
	}
	if strings.Join(got, ",") != "client_access,mailbox,edge_transport>CU4" {
		t.Errorf("2013 roles: %v", got)
	}
	if vs := c.SupportedValues("server-roles", c.Version("5.5")); len(vs) != 0 {
		t.Errorf("5.5 roles: %v", vs)
	}
	// ValueIDs is the caller's to change.
	r := c.Subject("server-roles").Rows()[1]
	ids := r.ValueIDs()
	ids[0] = "changed"
	if r.ValueIDs()[0] == "changed" {
		t.Error("ValueIDs shares the catalogue's slice")
	}
}

// The migration facts (migration-source, outlook-anywhere-auto): the methods
// by source version, with Microsoft's reasons, and the versions that need
// Outlook Anywhere set up for a cutover or staged migration.
func TestMigrationSubjects(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		version, method string
		want            Verdict
		note            string
	}{
		{"5.5", "imap", Supported, ""},
		{"2000", "cutover", Unsupported, "it needs Exchange 2003 or later"},
		{"2000", "staged", Unsupported, "it moves Exchange 2003 and 2007 mailboxes only"},
		{"2003", "cutover", Supported, ""},
		{"2003", "staged", Supported, ""},
		{"2007", "staged", Supported, ""},
		{"2010", "staged", Unsupported, "it moves Exchange 2003 and 2007 mailboxes only"},
		{"SE", "staged", Unsupported, "it moves Exchange 2003 and 2007 mailboxes only"},
		{"2007", "minimal_hybrid", Unknown, ""},
		{"2010", "minimal_hybrid", Supported, ""},
		{"SE", "minimal_hybrid", Supported, ""},
	} {
		var got Verdict
		var note string
		for _, r := range c.VersionRows("migration-source", c.Version(tc.version)) {
			if !r.Whole() {
				t.Errorf("migration-source row of line %d has an update range", r.line)
			}
			if r.HasValue(tc.method) {
				got, note = r.Verdict, r.Note
			}
		}
		if got != tc.want || (tc.note != "" && note != tc.note) {
			t.Errorf("migration-source %s %s: %s %q, want %s %q", tc.version, tc.method, got, note, tc.want, tc.note)
		}
	}
	for id, want := range map[string]Verdict{"2000": Unknown, "2003": Unsupported, "2010": Unsupported, "2013": Supported, "2016": Unknown} {
		got := Unknown
		for _, r := range c.VersionRows("outlook-anywhere-auto", c.Version(id)) {
			got = r.Verdict
		}
		if got != want {
			t.Errorf("outlook-anywhere-auto %s: %s, want %s", id, got, want)
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"migration-source,2019,,,pigeon,,supported,MS-MIG-PATH,", `unknown migration value "pigeon"`},
		{"migration-source,2010,,,staged,,supported,MS-STAGED,", "overlaps the migration-source row of line"},
		{"migration-source,2010,,,,,supported,MS-STAGED,", "a migration value is missing"},
		{"outlook-anywhere-auto,2016,,,cutover,,supported,MS-CUTOVER-STEPS,", `this subject has no values, but the row names "cutover"`},
		{"outlook-anywhere-auto,2007,,,,,supported,MS-CUTOVER-STEPS,", "overlaps the outlook-anywhere-auto row of line"},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}

// native-mode: Exchange 2007 and 2010 need the organization in native mode.
func TestNativeModeSubject(t *testing.T) {
	c := Default()
	for id, want := range map[string]Verdict{"2003": Unknown, "2007": Supported, "2010": Supported, "2013": Unknown} {
		if got, _ := c.SupportsAny("native-mode", "", "", c.Version(id)); got != want {
			t.Errorf("native-mode %s: %s, want %s", id, got, want)
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"native-mode,2010,,,2003,,supported,MS-COEX-2010,", `this subject has no values, but the row names "2003"`},
		{"native-mode,2010,,,,,unsupported,MS-COEX-2010,", "overlaps the native-mode row of line"},
		{"native-mode,2010,,,,,supported,NO-SUCH-SOURCE,", `unknown source "NO-SUCH-SOURCE"`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}

// dc-role: Exchange 2007 needs a global catalog in each of its sites,
// Exchange 2010 and later a writable one; 2003 and older have no row.
func TestDCRoleSubject(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		version, role string
		want          Verdict
	}{
		{"2003", "global_catalog", Unknown},
		{"2003", "writable", Unknown},
		{"2007", "global_catalog", Supported},
		{"2007", "writable", Unknown},
		{"2010", "global_catalog", Supported},
		{"2010", "writable", Supported},
		{"SE", "global_catalog", Supported},
		{"SE", "writable", Supported},
	} {
		if got, _ := c.SupportsAny("dc-role", tc.role, "", c.Version(tc.version)); got != tc.want {
			t.Errorf("dc-role %s %s: %s, want %s", tc.version, tc.role, got, tc.want)
		}
	}
	for _, v := range c.Versions() {
		for _, r := range c.VersionRows("dc-role", v) {
			if !r.Whole() {
				t.Errorf("dc-role row of line %d has an update range", r.line)
			}
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"dc-role,2019,,,read_only,,supported,MS-SYSREQ,", `unknown dc value "read_only"`},
		{"dc-role,2019,,,,,supported,MS-SYSREQ,", "a dc value is missing"},
		{"dc-role,2013,,,writable,,unsupported,MS-SYSREQ,", "overlaps the dc-role row of line"},
		{"dc-role,2007,,,writable,,supported,NO-SUCH-SOURCE,", `unknown source "NO-SUCH-SOURCE"`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}

// migration-rpc-ports: the RPC proxy ports must be open on Exchange 2003
// source servers only.
func TestMigrationRPCPortsSubject(t *testing.T) {
	c := Default()
	for id, want := range map[string]Verdict{"2000": Unknown, "2003": Supported, "2007": Unknown, "2010": Unknown, "SE": Unknown} {
		if got, _ := c.SupportsAny("migration-rpc-ports", "", "", c.Version(id)); got != want {
			t.Errorf("migration-rpc-ports %s: %s, want %s", id, got, want)
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"migration-rpc-ports,2007,,,6001,,supported,MS-CUTOVER-STEPS,", `this subject has no values, but the row names "6001"`},
		{"migration-rpc-ports,2003,,,,,unsupported,MS-CUTOVER-STEPS,", "overlaps the migration-rpc-ports row of line"},
		{"migration-rpc-ports,2007,,,,,supported,NO-SUCH-SOURCE,", `unknown source "NO-SUCH-SOURCE"`},
		{"migration-rpc-ports,2002,,,,,supported,MS-CUTOVER-STEPS,", "2002"},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
