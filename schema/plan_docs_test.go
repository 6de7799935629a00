package schema

import (
	"os"
	"strings"
	"testing"
)

// docs/language.md documents plans: the stage block, its attributes and
// operations, with an example in each syntax.
func TestPlansDocumented(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	i := strings.Index(doc, "\n## Plans\n")
	if i < 0 {
		t.Fatal("docs/language.md has no Plans section")
	}
	section := doc[i:]
	if j := strings.Index(section[1:], "\n## "); j >= 0 {
		section = section[:j+1]
	}
	for _, s := range []string{"`stage", "`date`", "`description`", "`add`", "`change`", "`remove`", "= null",
		"```hcl", "```json", "`current`"} {
		if !strings.Contains(section, s) {
			t.Errorf("the Plans section does not mention %s", s)
		}
	}
	for _, a := range stageSpec().attrs {
		if !strings.Contains(section, "| `"+a.name+"` |") {
			t.Errorf("the Plans section does not document stage attribute %q", a.name)
		}
	}
}

// The examples in the Plans section decode without problems, and the two
// syntaxes give the same states.
func TestPlansDocumentedExamplesDecode(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	section := doc[strings.Index(doc, "\n## Plans\n"):]
	blocks := func(fence string) []string {
		var out []string
		for _, part := range strings.Split(section, "```"+fence+"\n")[1:] {
			out = append(out, part[:strings.Index(part, "```")])
		}
		return out
	}
	native, js := blocks("hcl"), blocks("json")
	if len(native) == 0 || len(js) == 0 {
		t.Fatal("no examples")
	}
	// The worked example is the first block of each syntax; the journeys
	// after it are checked by the rules' tests.
	pn, probs := decodePlanFiles(map[string]string{"plan.exchange.hcl": native[0]})
	pj, jprobs := decodePlanFiles(map[string]string{"plan.exchange.hcl.json": js[0]})
	if len(probs) != 0 || len(jprobs) != 0 || len(pn.Problems) != 0 || len(pj.Problems) != 0 {
		t.Fatalf("the worked example has problems:\n%+v\n%+v\n%+v\n%+v", probs, pn.Problems, jprobs, pj.Problems)
	}
	if len(pn.States) < 3 {
		t.Errorf("the worked example has %d states", len(pn.States))
	}
	// Attributes may be listed in another order in JSON.
	norm := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "stage ") {
				lines[i] = "stage"
			}
		}
		return strings.Join(lines, "\n")
	}
	if a, b := norm(summary(pn)), norm(summary(pj)); a != b {
		t.Errorf("the two syntaxes differ:\n%s\n%s", a, b)
	}
}
