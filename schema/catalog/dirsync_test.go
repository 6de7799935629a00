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
	for _, id := range []string{"aad_connect", "cloud_sync", "nosuch"} {
		if s := c.SyncTool(id); s != nil {
			t.Errorf("%s is not judged, got %+v", id, s)
		}
	}
}

func TestSyncToolLoadErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"x,X,maybe,2016..,2003..,,MS-ENTRA,", `verdict "maybe": want supported or unsupported`},
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
	} {
		_, err := loadFrom(withTables(t, map[string]string{"dirsync.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "dirsync.csv:") {
			t.Errorf("%s: error %v, want dirsync.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
