package rules

import (
	"testing"

	"github.com/exlint/exlint/schema/catalog"
)

// Every role of the catalogue's mailbox-services rows has its words for the
// fix.
func TestMailboxServicesFix(t *testing.T) {
	for _, r := range catalog.Default().Subject(mailboxServices).Rows() {
		for _, role := range r.ValueIDs() {
			if mailboxServicesFix[role] == "" {
				t.Errorf("mailbox-services names %s, which mailboxServicesFix lacks", role)
			}
		}
	}
}
