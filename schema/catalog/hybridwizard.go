package catalog

import "strings"

// WizardItem is something the Hybrid Configuration Wizard sets up with some
// of its options (data/hybridwizard.csv): a component of the hybrid
// configuration (its connectors, OAuth, the organization relationship, the
// federation trust) or a cross-premises feature (a hybrid.features keyword).
type WizardItem struct {
	ID      string // "free_busy", "oauth"
	Name    string // "free/busy sharing"
	Feature bool   // a feature; else a component
	// Topologies are the options that set it up (hybrid_topology keywords),
	// in file order; empty for a feature the catalogue does not judge.
	Topologies []string
	// Needs are the components a feature relies on: any one of them will do.
	Needs   []*WizardItem
	Sources []*Source
	Note    string // what a message adds about it
}

// SetUpBy reports whether the option topology (a hybrid_topology keyword)
// sets the item up.
func (w *WizardItem) SetUpBy(topology string) bool {
	for _, t := range w.Topologies {
		if t == topology {
			return true
		}
	}
	return false
}

// WizardItem returns the component or feature with this ID, or nil when the
// catalogue does not know it.
func (c *Catalog) WizardItem(id string) *WizardItem {
	for _, w := range c.wizard {
		if w.ID == id {
			return w
		}
	}
	return nil
}

// WizardItems are the components and features, in the order of
// data/hybridwizard.csv.
func (c *Catalog) WizardItems() []*WizardItem { return c.wizard }

func loadWizard(c *Catalog) error {
	t, err := c.readTable("hybridwizard.csv")
	if err != nil {
		return err
	}
	needs := map[*WizardItem]string{}
	for i := range t.rows {
		w := &WizardItem{ID: t.get(i, "item"), Name: t.get(i, "name"), Note: t.get(i, "note")}
		switch t.get(i, "kind") {
		case "feature":
			w.Feature = true
		case "component":
		default:
			return t.errorf(i, "kind %q: want component or feature", t.get(i, "kind"))
		}
		if w.ID == "" || w.Name == "" {
			return t.errorf(i, "an item needs an ID and a name")
		}
		if c.WizardItem(w.ID) != nil {
			return t.errorf(i, "item %q is listed twice", w.ID)
		}
		if ts := t.get(i, "topologies"); ts != "" {
			w.Topologies = strings.Split(ts, ";")
		}
		n := t.get(i, "needs")
		switch {
		case !w.Feature && (n != "" || len(w.Topologies) == 0):
			return t.errorf(i, "a component has the options that set it up, and needs nothing")
		case w.Feature && len(w.Topologies) == 0 && (n != "" || w.Note == ""):
			return t.errorf(i, "a feature the catalogue does not judge needs nothing, and a note that says why")
		}
		if w.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		needs[w] = n
		c.wizard = append(c.wizard, w)
	}
	for i, w := range c.wizard {
		if needs[w] == "" {
			continue
		}
		for _, id := range strings.Split(needs[w], "|") {
			n := c.WizardItem(id)
			if n == nil || n.Feature {
				return t.errorf(i, "needs %q: not a component of this file", id)
			}
			w.Needs = append(w.Needs, n)
		}
	}
	return nil
}
