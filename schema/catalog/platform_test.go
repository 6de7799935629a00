package catalog

import (
	"strings"
	"testing"
)

// Windows Server lifecycle dates (MS-LC-WS*): verified from 2003 to 2025;
// both dates or neither, mainstream first.
func TestWindowsLifecycle(t *testing.T) {
	c := Default()
	for id, want := range map[string][2]string{"2003": {"2010-07-13", "2015-07-14"}, "2008R2": {"2015-01-13", "2020-01-14"}, "2016": {"2022-01-11", "2027-01-12"}, "2022": {"2026-10-13", "2031-10-14"}, "2025": {"2029-11-13", "2034-11-14"}} {
		w := c.WindowsByID(id)
		if w.MainstreamEnd.String() != want[0] || w.ExtendedEnd.String() != want[1] {
			t.Errorf("%s: %s, %s; want %v", id, w.MainstreamEnd, w.ExtendedEnd, want)
		}
	}
	for _, id := range []string{"2000"} {
		if w := c.WindowsByID(id); !w.ExtendedEnd.IsZero() {
			t.Errorf("%s has no verified date, got %s", id, w.ExtendedEnd)
		}
	}
	for _, tc := range []struct{ row, want string }{
		{"2031,Windows Server 2031,2036-01-01,,MS-SYSREQ", "both or neither"},
		{"2031,Windows Server 2031,2036-01-01,2031-01-01,MS-SYSREQ", "mainstream first"},
		{"2031,Windows Server 2031,2036-13-01,2041-01-01,MS-SYSREQ", "mainstream_end"},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"windows.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "windows.csv:") {
			t.Errorf("%s: error %v, want windows.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
