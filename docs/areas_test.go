package docs

import (
	"reflect"
	"testing"
)

// The sections of the index, with their rules; a note after a section's
// name is not part of it. (cmd/exlint's tests check that every rule is in
// exactly one area.)
func TestAreas(t *testing.T) {
	got := parseAreas("# Rules\n\n| Rule | Default | Reports |\n|---|---|---|\n" +
		"| **Lifecycle and currency** | | |\n" +
		"| [`exchange-end-of-support`](exchange-end-of-support.md) | error | a server |\n" +
		"| [`catalog-stale`](catalog-stale.md) | info | a `catalog` |\n" +
		"| **Suppressions** (cannot itself be suppressed inline) | | |\n" +
		"| [`suppression`](suppression.md) | warning | an inline suppression |\n")
	want := []Area{{"Lifecycle and currency", []string{"exchange-end-of-support", "catalog-stale"}}, {"Suppressions", []string{"suppression"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseAreas: %+v", got)
	}
	as := Areas()
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	wantNames := []string{"Lifecycle and currency", "Coexistence", "Server roles and host", "Active Directory", "High availability",
		"Hybrid", "Mail flow and connectors", "Namespaces and certificates", "Identity", "Migration", "Clients", "Plans",
		"Suppressions", "Structure"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("the index's areas: %q", names)
	}
	if i, ok := AreaOf("hybrid-ports"); !ok || as[i].Name != "Hybrid" {
		t.Errorf("AreaOf(hybrid-ports) = %d, %v", i, ok)
	}
	if _, ok := AreaOf("no-such-rule"); ok {
		t.Error("AreaOf finds a rule the index lacks")
	}
}
