package rules

import (
	"os"
	"strings"
	"testing"
)

// The plans docs/language.md shows (the worked example and the journeys)
// are valid journeys: they read without errors, and no rule about the steps
// between states (plan-*) reports anything.
func TestDocumentedJourneys(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	section := doc[strings.Index(doc, "\n## Plans\n"):]
	section = section[:strings.Index(section[1:], "\n## ")+1]
	var plans []string
	for _, part := range strings.Split(section, "```hcl\n")[1:] {
		if src := part[:strings.Index(part, "```")]; strings.Contains(src, "stage \"") {
			plans = append(plans, src)
		}
	}
	if len(plans) < 3 {
		t.Fatalf("the Plans section shows %d plans, want the worked example and two journeys", len(plans))
	}
	for _, src := range plans {
		fs, err := runExample(src, docsAsOf)
		if err != nil {
			t.Fatal(err)
		}
		if s := structural(fs); len(s) > 0 {
			t.Errorf("a plan of docs/language.md does not read: %v\n%s", s, src)
		}
		for _, f := range fs {
			if strings.HasPrefix(f.Rule, "plan-") {
				t.Errorf("a plan of docs/language.md gets %s at line %d: %s", f.Rule, f.Range.Start.Line, f.Message)
			}
		}
	}
}
