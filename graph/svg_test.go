package graph

import (
	"testing"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/schema"
)

// The layout keeps every box inside its cluster's and apart from its
// siblings', whatever the topology: the hostile one and a large generated
// one, grouped and expanded.
func TestSVGLayout(t *testing.T) {
	var files []*schema.File
	for _, f := range topogen.Generate(topogen.Options{Servers: 60}) {
		files = append(files, &schema.File{Name: f.Name, Src: f.Src})
	}
	plan, probs := schema.DecodePlan(".", files, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	diagrams := []*Diagram{
		Build(plan.Current, nil, Options{Title: "grouped"}),
		Build(plan.Current, nil, Options{Title: "expanded", Expand: true}),
		hostileDiagram("EX01"),
		hostileDiagram(hostileNames[len(hostileNames)-2]),
	}
	for _, d := range diagrams {
		l := newSVGLayout(d)
		var check func(it *svgItem)
		check = func(it *svgItem) {
			for i, a := range it.items {
				if it != l.root && (a.x < it.x || a.y < it.y || a.x+a.w > it.x+it.w+0.01 || a.y+a.h > it.y+it.h+0.01) {
					t.Errorf("%s: %s is not inside %s", d.Title, a.id(), it.id())
				}
				for _, b := range it.items[i+1:] {
					if a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h {
						t.Errorf("%s: %s and %s overlap", d.Title, a.id(), b.id())
					}
				}
				check(a)
			}
		}
		check(l.root)
		if l.w <= 0 || l.h <= 0 || l.w > 20000 || l.h > 20000 {
			t.Errorf("%s: %v × %v", d.Title, l.w, l.h)
		}
	}
}

// Text is measured wider for wider characters, bold wider than regular.
func TestTextWidth(t *testing.T) {
	if !(textWidth("iiii", 10, false) < textWidth("MMMM", 10, false)) || !(textWidth("EX01", 10, false) < textWidth("EX01", 10, true)) ||
		textWidth("東京", 10, false) != 20 || textWidth("", 10, false) != 0 {
		t.Error("textWidth")
	}
}
