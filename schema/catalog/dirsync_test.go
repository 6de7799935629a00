package catalog

import (
	"strings"
	"testing"
)

func TestSyncTools(t *testing.T) {
	c := Default()
	e := c.SyncTool("entra_connect")
	if e == nil || e.Verdict != Supported || strings.Join(e.HostIDs(), ",") != "2016,2019,2022" || e.MinFFL.ID != "2003" || e.Note == "" || e.Successor != nil {
		t.Errorf("entra_connect: %+v", e)
	}
	for _, id := range []string{"dirsync", "aad_sync"} {
		if s := c.SyncTool(id); s == nil || s.Verdict != Unsupported || s.Hosts != nil || s.MinFFL != nil || !strings.Contains(s.Note, "Microsoft Entra Connect") || s.Successor != e {
			t.Errorf("%s: %+v", id, s)
		}
	}
	// Cloud Sync: 2016 to 2025 (MS-CLOUDSYNC, 2026), no forest functional level.
	cs := c.SyncTool("cloud_sync")
	if cs == nil || cs.Verdict != Supported || strings.Join(cs.HostIDs(), ",") != "2016,2019,2022,2025" || cs.MinFFL != nil || cs.Note == "" || cs.Successor != nil {
		t.Errorf("cloud_sync: %+v", cs)
	}
	// Azure AD Connect is Microsoft Entra Connect's former name, judged as it.
	if s := c.SyncTool("aad_connect"); s == nil || !s.Renamed || s.Verdict != Unknown || s.Hosts != nil || s.MinFFL != nil || s.Note == "" || s.Successor != e || s.Current() != e {
		t.Errorf("aad_connect: %+v", s)
	}
	if s := c.SyncTool("nosuch"); s != nil {
		t.Errorf("nosuch is not judged, got %+v", s)
	}
}

// A supported tool whose sources name no forest functional level has none;
// a renamed tool has no hosts of its own, and its current name judges it.
func TestSyncToolShapes(t *testing.T) {
	c, err := loadFrom(withTables(t, map[string]string{"dirsync.csv": "+x,X,supported,2016..2022,,,MS-ENTRA,no level\n" +
		"old_x,Old X,renamed,,,x,MS-ENTRA,X's name until 2020"}))
	if err != nil {
		t.Fatal(err)
	}
	x, old := c.SyncTool("x"), c.SyncTool("old_x")
	if x == nil || x.Verdict != Supported || x.MinFFL != nil || strings.Join(x.HostIDs(), ",") != "2016,2019,2022" || x.Renamed || x.Current() != x {
		t.Errorf("x: %+v", x)
	}
	if old == nil || !old.Renamed || old.Verdict != Unknown || old.Hosts != nil || old.MinFFL != nil || old.Successor != x || old.Current() != x || old.Note != "X's name until 2020" {
		t.Errorf("old_x: %+v", old)
	}
}

func TestSyncToolLoadErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"x,X,maybe,2016..,2003..,,MS-ENTRA,", `verdict "maybe": want supported, unsupported or renamed`},
		{"x,X,disputed,2016..,2003..,,MS-ENTRA,", `verdict "disputed"`},
		{"x,X,supported,2031..,2003..,,MS-ENTRA,", `host: unknown windows value "2031"`},
		{"x,X,supported,,2003..,,MS-ENTRA,", "host: a windows value is missing"},
		{"x,X,supported,2016..,2003,,MS-ENTRA,", `ffl: "2003" is a minimum`},
		{"x,X,unsupported,2016..,,,MS-ENTRA,retired", "a retired tool has no host"},
		{"x,X,unsupported,,,,MS-ENTRA,", "a retired tool needs a note"},
		{"dirsync,X,unsupported,,,,MS-ENTRA,retired", `tool "dirsync" is listed twice`},
		{"x,X,supported,2016..,2003..,,NO-SUCH,", `unknown source "NO-SUCH"`},
		{"x,X,supported,2016..,2003..,entra_connect,MS-ENTRA,", "a supported tool has no successor"},
		{"x,X,unsupported,,,nosuch,MS-ENTRA,retired", `successor "nosuch": want a supported tool`},
		{"x,X,unsupported,,,dirsync,MS-ENTRA,retired", `successor "dirsync": want a supported tool`},
		{"x,X,supported,2016..,..2003,,MS-ENTRA,", `ffl: "..2003" is a minimum`},
		{"x,X,renamed,2016..,,entra_connect,MS-ENTRA,old name", "a renamed tool has no host"},
		{"x,X,renamed,,2003..,entra_connect,MS-ENTRA,old name", "a renamed tool has no host"},
		{"x,X,renamed,,,,MS-ENTRA,old name", "a renamed tool needs its current name"},
		{"x,X,renamed,,,entra_connect,MS-ENTRA,", "a renamed tool needs its current name"},
		{"x,X,renamed,,,aad_sync,MS-ENTRA,old name", `successor "aad_sync": want a supported tool`},
		{"x,X,renamed,,,y,MS-ENTRA,old name\ny,Y,renamed,,,entra_connect,MS-ENTRA,old name", `successor "y": want a supported tool`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"dirsync.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "dirsync.csv:") {
			t.Errorf("%s: error %v, want dirsync.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
