package rules

import (
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// The hybrid mode: which option of the Hybrid Configuration Wizard the
// topology plans (MS-HCW-OPTIONS: Classic Minimal, Express and Full; Modern
// Minimal and Full). Rules that depend on it judge by this one notion, so
// that they cannot contradict each other.

// hybridMode returns the planned hybrid mode, one of the hybrid_topology
// keywords, and the node that decided it:
//
//   - a stated hybrid.topology wins;
//   - else a migration method of "express" or "minimal_hybrid" means
//     "express": Microsoft's minimal hybrid page calls minimal hybrid "also
//     known as express migration" (MS-MINHYB);
//   - else a hybrid block means "classic_full", the wizard's default option
//     and the one Microsoft's hybrid prerequisites describe (MS-HYB-PREREQ).
//
// Without a hybrid block or such a method, it returns "" and nil: no hybrid
// is planned.
func hybridMode(p *lint.Pass) (mode string, at schema.Node) {
	h := p.Topology.Hybrid
	if h != nil {
		if t, ok := h.Topology.Get(); ok {
			return t, h.Topology
		}
	}
	if m := migrationMethod(p); m == "express" || m == "minimal_hybrid" {
		return "express", p.Topology.Migration.Method
	}
	if h != nil {
		return "classic_full", h
	}
	return "", nil
}

// isMinimalMode reports whether a hybrid mode is one of the two Minimal
// options (classic_minimal, modern_minimal). Microsoft's sources treat them
// alike as to directory synchronization: the hybrid prerequisites require it
// for hybrid, the minimal hybrid page calls minimal hybrid an express
// migration that synchronizes once, and the wizard's options table says "No"
// (Classic Minimal) and "No; set up separately" (Modern Minimal) for running
// Entra Connect in express configuration.
func isMinimalMode(mode string) bool { return mode == "classic_minimal" || mode == "modern_minimal" }

// hybridModeKey is the hybrid mode as the tables of hybrid-ports and
// hybrid-certificate key it: "" for a hybrid block that states no topology
// and that no express migration method qualifies (they read it with
// Microsoft's general prerequisites, as a classic full hybrid), else
// hybridMode.
func hybridModeKey(p *lint.Pass) string {
	mode, _ := hybridMode(p)
	if h := p.Topology.Hybrid; h != nil && h.Topology == nil && mode == "classic_full" {
		return ""
	}
	return mode
}
