package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/schema/catalog"
)

// Helpers shared by the rules of the "Server roles and host" section: the
// servers' roles, Windows versions, .NET versions and the levels that gate
// them.

// hostRelease returns the release of v named name. The names come from the
// rules' own tables, which the tests cover row by row, so a missing one is a
// defect of the table, not of the topology.
func hostRelease(cat *catalog.Catalog, v *catalog.Version, name string) *catalog.Release {
	r := cat.Release(v, name)
	if r == nil {
		panic(fmt.Sprintf("rules: Exchange %s has no release %q", v.ID, name))
	}
	return r
}

// hostBelow reports whether the server's release is below r (a release of
// its own version), and whether that is known.
func hostBelow(s server, r *catalog.Release) (below, known bool) {
	if s.release == nil || r == nil {
		return false, false
	}
	return s.release.Build.Compare(r.Build) < 0, true
}

// hostReleaseLabel names a release with its build for messages: "CU3
// (15.1.544.27)"; Exchange 2013 CU4 is also its SP1: "SP1 = CU4 (15.0.847.32)".
func hostReleaseLabel(r *catalog.Release) string {
	name := r.Name
	if r.Version.ID == "2013" && r.Name == "CU4" {
		name = "SP1 = CU4"
	}
	return fmt.Sprintf("%s (%s)", name, r.Build)
}

// hostLevelName is a level name for lists: "CU3", "SP1 = CU4".
func hostLevelName(r *catalog.Release) string {
	if r.Version.ID == "2013" && r.Name == "CU4" {
		return "SP1 = CU4"
	}
	return r.Name
}

// hostWindowsName is the full name of a Windows Server version ID ("2012R2" ->
// "Windows Server 2012 R2"), or the ID itself when the catalogue lacks it.
func hostWindowsName(cat *catalog.Catalog, id string) string {
	if w := cat.WindowsByID(id); w != nil {
		return w.Name
	}
	return id
}

// hostWindowsRank orders Windows Server versions (oldest first); -1 when unknown.
func hostWindowsRank(cat *catalog.Catalog, id string) int {
	for i, w := range cat.Windows {
		if w.ID == id {
			return i
		}
	}
	return -1
}

// hostDotNetName is the full name of a .NET Framework version ID ("4.8" ->
// ".NET Framework 4.8").
func hostDotNetName(cat *catalog.Catalog, id string) string {
	if d := cat.DotNetByID(id); d != nil {
		return d.Name
	}
	return ".NET Framework " + id
}

// hostRoleNames are the roles as Microsoft names them.
var hostRoleNames = map[string]string{
	"mailbox":           "Mailbox",
	"client_access":     "Client Access",
	"hub_transport":     "Hub Transport",
	"unified_messaging": "Unified Messaging",
	"edge_transport":    "Edge Transport",
	"front_end":         "front-end",
	"back_end":          "back-end",
}

func hostRoleName(id string) string {
	if n, ok := hostRoleNames[id]; ok {
		return n
	}
	return id
}

// hostAnd joins items: "a", "a and b", "a, b and c".
func hostAnd(items []string) string {
	return hostJoin(items, "and")
}

// hostOr joins items: "a", "a or b", "a, b or c".
func hostOr(items []string) string {
	return hostJoin(items, "or")
}

func hostJoin(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}
