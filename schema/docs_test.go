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

// The Meaning column of every attribute table in docs/language.md is the
// attribute's description in the spec (its `doc` tag, which the JSON Schema
// also carries), code spans aside, and the Type column is its kind: the two
// cannot drift apart.
func TestLanguageTablesMatchSpec(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	check := func(block string, attrs []*attrSpec, kinds bool) {
		rows := attrRows(doc, block)
		for _, a := range attrs {
			if a.doc == "" {
				t.Errorf("%s.%s has no doc tag", block, a.name)
				continue
			}
			row, ok := rows[a.name]
			if !ok {
				t.Errorf("docs/language.md has no row for %s.%s", block, a.name)
				continue
			}
			if got := strings.ReplaceAll(row[len(row)-1], "`", ""); got != a.doc {
				t.Errorf("%s.%s: docs/language.md says\n\t%s\nbut its doc tag says\n\t%s", block, a.name, got, a.doc)
			}
			want := a.kind.String()
			if a.required {
				want += ", **required**"
			}
			if kinds && row[0] != want {
				t.Errorf("%s.%s: docs/language.md gives the type %q, the spec %q", block, a.name, row[0], want)
			}
		}
	}
	for _, b := range blockSpecs() {
		check(b.name, b.attrs, true)
	}
	// A stage's date is required by the plan (a stage without one is a
	// plan problem), not by the decoder: only its meaning is compared.
	check(stageType, stageSpec().attrs, false)
}

// attrRows returns the cells after the first of each row of the attribute
// table in the section of a block, by attribute name.
func attrRows(doc, block string) map[string][]string {
	head := "\n### `" + block + "`\n"
	i := strings.Index(doc, head)
	if i < 0 {
		return nil
	}
	section := doc[i+len(head):]
	if j := strings.Index(section, "\n### "); j >= 0 {
		section = section[:j]
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") || !strings.HasSuffix(line, " |") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |"), " | ")
		rows[strings.Trim(cells[0], "`")] = cells[1:]
	}
	return rows
}

func isCatalogSet(name string) bool {
	switch name {
	case "exchange_version", "windows", "ffl", "dotnet":
		return true
	}
	return false
}

// "Names and references" names every block that may appear only once.
func TestLanguageNamesSingletons(t *testing.T) {
	raw, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	i := strings.Index(doc, "\n## Names and references\n")
	if i < 0 {
		t.Fatal(`docs/language.md has no "## Names and references"`)
	}
	section := doc[i+len("\n## Names and references\n\n"):]
	section = section[:strings.Index(section, "\n\n")+1] // its first paragraph
	for _, b := range blockSpecs() {
		if b.singleton && !strings.Contains(section, "`"+b.name+"`") {
			t.Errorf("the paragraph on blocks that appear at most once does not name %q:\n%s", b.name, section)
		}
	}
}
