package catalog

import (
	"strings"
	"testing"
)

// The wizard's options table (MS-HCW-OPTIONS) as the catalogue holds it.
func TestWizardItems(t *testing.T) {
	c := Default()
	full := "classic_full;modern_full"
	for _, tc := range []struct{ id, topologies, needs string }{
		{"connectors", full, ""},
		{"oauth", full, ""},
		{"organization_relationship", full, ""},
		{"federation_trust", full, ""},
		{"free_busy", full, "organization_relationship|oauth"},
		{"mailtips", full, "organization_relationship|oauth"},
		{"owa_redirection", full, "organization_relationship"},
		{"photos", full, "organization_relationship"},
		{"message_tracking", "classic_full", "organization_relationship"},
		{"multi_mailbox_search", "classic_full", "organization_relationship"},
		{"secure_mail", full, ""},
		{"centralized_transport", full, ""},
		{"online_archive", "", ""},
	} {
		w := c.WizardItem(tc.id)
		if w == nil {
			t.Errorf("%s: missing", tc.id)
			continue
		}
		var needs []string
		for _, n := range w.Needs {
			needs = append(needs, n.ID)
		}
		if strings.Join(w.Topologies, ";") != tc.topologies || strings.Join(needs, "|") != tc.needs {
			t.Errorf("%s: set up by %v, needs %v", tc.id, w.Topologies, needs)
		}
		for _, m := range []string{"classic_minimal", "express", "modern_minimal"} {
			if w.SetUpBy(m) {
				t.Errorf("%s: %s sets up nothing of it", tc.id, m)
			}
		}
	}
	if len(c.WizardItems()) != 13 || c.WizardItem("nosuch") != nil {
		t.Errorf("%d items", len(c.WizardItems()))
	}
}

func TestWizardLoadErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"x,thing,X,classic_full,,MS-HCW-OPTIONS,", `kind "thing": want component or feature`},
		{",feature,X,classic_full,,MS-HCW-OPTIONS,", "an item needs an ID and a name"},
		{"oauth,component,X,classic_full,,MS-HCW-OPTIONS,", `item "oauth" is listed twice`},
		{"x,component,X,,,MS-HCW-OPTIONS,", "a component has the options that set it up"},
		{"x,component,X,classic_full,oauth,MS-HCW-OPTIONS,", "a component has the options that set it up, and needs nothing"},
		{"x,feature,X,,,MS-HCW-OPTIONS,", "a feature the catalogue does not judge needs nothing, and a note"},
		{"x,feature,X,,oauth,MS-HCW-OPTIONS,why", "a feature the catalogue does not judge needs nothing"},
		{"x,feature,X,classic_full,nosuch,MS-HCW-OPTIONS,", `needs "nosuch": not a component`},
		{"x,feature,X,classic_full,free_busy,MS-HCW-OPTIONS,", `needs "free_busy": not a component`},
		{"x,feature,X,classic_full,,NO-SUCH,", `unknown source "NO-SUCH"`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"hybridwizard.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "hybridwizard.csv:") {
			t.Errorf("%s: error %v, want hybridwizard.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
