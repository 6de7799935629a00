package docs

import (
	"strings"
	"sync"
)

// Area is a section of the rule index (docs/rules/README.md): the part of a
// design its rules judge, such as "Lifecycle and currency" or "Hybrid".
// The index is where each rule's area is written, once; exlint report
// groups findings by it.
type Area struct {
	// Name is the section's heading as the index writes it.
	Name  string
	Rules []string
}

var areas = sync.OnceValue(func() []Area {
	raw, err := Rules.ReadFile("rules/README.md")
	if err != nil {
		panic("exlint: the rule index is not embedded: " + err.Error())
	}
	return parseAreas(string(raw))
})

// Areas returns the sections of the rule index in its order, each with its
// rules in the index's order.
func Areas() []Area { return areas() }

// AreaOf returns the index of the area of a rule in Areas, and false for a
// name the index does not list.
func AreaOf(rule string) (int, bool) {
	for i, a := range Areas() {
		for _, r := range a.Rules {
			if r == rule {
				return i, true
			}
		}
	}
	return 0, false
}

// parseAreas reads the index's table: a row whose first cell is bold text
// starts a section ("| **Hybrid** | | |"; what follows the bold text, a
// note in parentheses, is not part of the name), and a row whose first cell
// is a link around a rule's ID in backticks is one of its rules.
func parseAreas(index string) []Area {
	var out []Area
	for _, line := range strings.Split(index, "\n") {
		cell, ok := strings.CutPrefix(line, "| ")
		if !ok {
			continue
		}
		cell, _, _ = strings.Cut(cell, " |")
		switch {
		case strings.HasPrefix(cell, "**"):
			name, _, _ := strings.Cut(cell[2:], "**")
			out = append(out, Area{Name: name})
		case strings.HasPrefix(cell, "[`") && len(out) > 0:
			id, _, _ := strings.Cut(cell[2:], "`")
			out[len(out)-1].Rules = append(out[len(out)-1].Rules, id)
		}
	}
	return out
}
