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
