package schema

import (
	"testing"

	"github.com/exlint/exlint/schema/catalog"
)

// Every directory synchronization tool the catalogue judges is one a
// topology can name.
func TestSyncToolsAreKeywords(t *testing.T) {
	for _, tool := range catalog.Default().SyncTools() {
		if err := keywordSets["dirsync_tool"].accepts(tool.ID); err != nil {
			t.Errorf("data/dirsync.csv names %q, which directory_sync tool does not accept", tool.ID)
		}
	}
}

// Every feature and option of the catalogue's wizard table is one a
// topology can name.
func TestWizardItemsAreKeywords(t *testing.T) {
	for _, w := range catalog.Default().WizardItems() {
		if err := keywordSets["hybrid_feature"].accepts(w.ID); w.Feature && err != nil {
			t.Errorf("data/hybridwizard.csv names the feature %q, which hybrid features does not accept", w.ID)
		}
		for _, m := range w.Topologies {
			if err := keywordSets["hybrid_topology"].accepts(m); err != nil {
				t.Errorf("data/hybridwizard.csv names the option %q, which hybrid topology does not accept", m)
			}
		}
	}
	for _, f := range keywordSets["hybrid_feature"].values() {
		if w := catalog.Default().WizardItem(f); w == nil || !w.Feature {
			t.Errorf("the hybrid feature %q has no row in data/hybridwizard.csv", f)
		}
	}
}
