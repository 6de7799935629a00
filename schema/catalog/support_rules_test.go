package catalog

import (
	"strings"
	"testing"
)

// supportCase is a verdict the embedded support matrices give.
type supportCase struct {
	subject, value, version, release string
	want                             Verdict
	note                             string // part of the deciding row's note, "" for any
}

func checkSupports(t *testing.T, cases []supportCase) {
	t.Helper()
	c := Default()
	for _, tc := range cases {
		rel := c.Release(c.Version(tc.version), tc.release)
		if rel == nil {
			t.Fatalf("no release %s %s", tc.version, tc.release)
		}
		got, row := c.Supports(tc.subject, tc.value, rel)
		if got != tc.want || (tc.note != "" && (row == nil || !strings.Contains(row.Note, tc.note))) {
			t.Errorf("%s %q with %s %s: %s (row %v), want %s with note %q", tc.subject, tc.value, tc.version, tc.release, got, row, tc.want, tc.note)
		}
	}
}

// checkRejected requires each row, added to support.csv, to fail the load
// with an error naming the file and line and containing want.
func checkRejected(t *testing.T, rows map[string]string) {
	t.Helper()
	for row, want := range rows {
		_, err := loadFrom(withTables(t, map[string]string{"support.csv": "+" + row}))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "support.csv:") {
			t.Errorf("%s: error %v, want support.csv:LINE: ...%s", row, err, want)
		}
	}
}

// hybrid-edge: the Edge Transport servers (row: version and updates) a
// hybrid organization (value: its newest internal version) accepts.
func TestHybridEdgeRows(t *testing.T) {
	checkSupports(t, []supportCase{
		{"hybrid-edge", "2013", "2007", "SP3 RU23", Unsupported, "Exchange 2013 or Exchange 2010 SP3"},
		{"hybrid-edge", "2013", "2010", "SP2 RU8", Unsupported, "Exchange 2013 or Exchange 2010 SP3"},
		{"hybrid-edge", "2013", "2010", "SP3", Supported, ""},
		{"hybrid-edge", "2013", "2013", "RTM", Supported, ""},
		{"hybrid-edge", "2013", "2016", "CU23", Unknown, ""}, // not named: not judged
		{"hybrid-edge", "2016", "2007", "SP3 RU23", Unsupported, "the latest release of Exchange 2010 or later"},
		{"hybrid-edge", "2016", "2010", "SP1", Supported, ""},
		{"hybrid-edge", "2016", "SE", "RTM", Supported, ""},
		{"hybrid-edge", "2019", "2013", "CU23", Unknown, ""}, // no guidance: the coexistence rows decide
		{"hybrid-edge", "2010", "2007", "SP3 RU23", Unknown, ""},
	})
	checkRejected(t, map[string]string{
		"hybrid-edge,2010,SP9,,2013,,supported,MS-HYB-2007-EDGE,":  `Exchange 2010 has no release "SP9"`,
		"hybrid-edge,2010,,,2099,,supported,MS-HYB-2007-EDGE,":     `unknown exchange value "2099"`,
		"hybrid-edge,2010,SP2,,2013,,supported,MS-HYB-2007-EDGE,":  "overlaps the hybrid-edge row of line",
		"hybrid-edge,2010..2013,SP3,,2013,,supported,MS-HYB-EDGE,": "cannot have an update range",
		"hybrid-edge,2010,,,2016,,supported,NO-SUCH-SOURCE,":       `unknown source "NO-SUCH-SOURCE"`,
		"hybrid-edge,2013,,,2016,,disputed,MS-HYB-EDGE,":           "a disputed row needs a note",
		"hybrid-edge,2013,,,,,supported,MS-HYB-EDGE,":              "a exchange value is missing",
	})
}

// mailbox-services: the roles a version no longer has whose services run on
// its Mailbox role.
func TestMailboxServicesRows(t *testing.T) {
	checkSupports(t, []supportCase{
		{"mailbox-services", "hub_transport", "2013", "CU23", Supported, ""},
		{"mailbox-services", "hub_transport", "SE", "RTM", Supported, ""},
		{"mailbox-services", "hub_transport", "2010", "SP3", Unknown, ""},
		{"mailbox-services", "client_access", "2013", "CU23", Unknown, ""}, // 2013 has the role
		{"mailbox-services", "client_access", "2016", "CU23", Supported, ""},
		{"mailbox-services", "unified_messaging", "2013", "RTM", Supported, ""},
		{"mailbox-services", "unified_messaging", "2016", "CU23", Supported, ""},
		{"mailbox-services", "unified_messaging", "2019", "CU15", Unknown, ""}, // removed
	})
	c := Default()
	// A role whose services run on the Mailbox role is one the version lacks.
	for _, r := range c.Subject("mailbox-services").Rows() {
		for _, v := range r.Versions {
			for _, role := range r.ValueIDs() {
				if _, ok := c.FirstSupported("server-roles", role, v); ok {
					t.Errorf("mailbox-services: Exchange %s still has the %s role", v.ID, role)
				}
			}
		}
	}
	checkRejected(t, map[string]string{
		"mailbox-services,2013,,,hub,,supported,MS-DISCONT,":                  `unknown role value "hub"`,
		"mailbox-services,2019,,,client_access,,supported,MS-DISCONT,":        "overlaps the mailbox-services row of line",
		"mailbox-services,2013,,,mailbox,,supported,NO-SUCH-SOURCE,":          `unknown source "NO-SUCH-SOURCE"`,
		"mailbox-services,2016..2013,,,edge_transport,,supported,MS-DISCONT,": "is not a range of versions",
	})
}

// dag-versions: the other versions whose servers may share a DAG.
func TestDAGVersionsRows(t *testing.T) {
	checkSupports(t, []supportCase{
		{"dag-versions", "SE", "2019", "CU14", Supported, ""},
		{"dag-versions", "2019", "SE", "RTM", Supported, ""},
		{"dag-versions", "2016", "2019", "CU15", Unknown, ""},
		{"dag-versions", "2019", "2016", "CU23", Unknown, ""},
	})
	c := Default()
	// Sharing a DAG goes both ways.
	for _, r := range c.Subject("dag-versions").Rows() {
		for _, v := range r.Versions {
			for _, o := range r.ValueIDs() {
				if got, _ := c.SupportsAny("dag-versions", v.ID, "", c.Version(o)); got != Supported {
					t.Errorf("dag-versions: %s shares a DAG with %s, not the other way (%s)", v.ID, o, got)
				}
			}
		}
	}
	checkRejected(t, map[string]string{
		"dag-versions,2019,,,2099,,supported,MS-SE-INPLACE,":   `unknown exchange value "2099"`,
		"dag-versions,2019,CU14,,SE,,supported,MS-SE-INPLACE,": "overlaps the dag-versions row of line",
		"dag-versions,2016,,,2019,,supported,NO-SUCH-SOURCE,":  `unknown source "NO-SUCH-SOURCE"`,
		"dag-versions,2016,,,,,supported,MS-SE-INPLACE,":       "a exchange value is missing",
	})
}
