package schema

import (
	"os"
	"strings"
	"testing"
)

// docs/language.md documents every block, every attribute, and every value
// a keyword attribute accepts. A new attribute or keyword cannot ship
// undocumented.
func TestLanguageDocumented(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	for _, b := range blockSpecs() {
		head := "\n### `" + b.name + "`\n"
		i := strings.Index(doc, head)
		if i < 0 {
			t.Errorf("docs/language.md has no section %q", strings.TrimSpace(head))
			continue
		}
		section := doc[i+len(head):]
		if j := strings.Index(section, "\n### "); j >= 0 {
			section = section[:j]
		}
		for _, a := range b.attrs {
			if !strings.Contains(section, "| `"+a.name+"` |") {
				t.Errorf("section %s does not document attribute %q", b.name, a.name)
			}
			if a.enum == nil {
				continue
			}
			// Values of shared lists may be documented once, under "## Values".
			where := section
			if a.enum.check != nil || isCatalogSet(a.enumName) {
				where = doc
			}
			for _, v := range a.enum.values() {
				if !strings.Contains(where, "`\""+v+"\"`") {
					t.Errorf("docs/language.md does not list %q for %s.%s", v, b.name, a.name)
				}
			}
		}
	}
}

func isCatalogSet(name string) bool {
	switch name {
	case "exchange_version", "windows", "ffl", "dotnet":
		return true
	}
	return false
}
