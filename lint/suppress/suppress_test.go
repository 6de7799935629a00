package suppress

import (
	"sort"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Suppressions are read only from files that hold the marker.
func TestScanOnlyWithMarker(t *testing.T) {
	f := &schema.File{Name: "x.exchange.hcl", Src: []byte("# exlint ignore\nserver \"A\" {}\n")}
	if ds := scanDirectives(f); ds != nil {
		t.Errorf("directives without the marker: %v", ds)
	}
	// A file that does not lex has none (its syntax error is reported).
	f = &schema.File{Name: "x.exchange.hcl", Src: []byte("# exlint-ignore: a -- b\nserver \"A\" { x = \"\xff\" }\n")}
	_ = scanDirectives(f)
	ids := []string{}
	for _, r := range lint.MetaRules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	if strings.Join(ids, ",") != lint.SuppressionRule {
		t.Errorf("meta rules: %v", ids)
	}
}
