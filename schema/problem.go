package schema

import (
	"github.com/hashicorp/hcl/v2"
)

// Kind classifies a structural problem. Each kind is reported under a rule ID
// of the same name; all are errors and none can be suppressed.
type Kind string

// The structural problem kinds.
const (
	// KindSyntax: the file is not HCL (or JSON) exlint can read.
	KindSyntax Kind = "syntax"
	// KindSchema: an unknown block or attribute, a wrong type, a keyword outside
	// its list, a non-literal value, or a missing required attribute.
	KindSchema Kind = "schema"
	// KindDuplicate: two blocks with the same type and label.
	KindDuplicate Kind = "duplicate"
	// KindReference: a name that matches no block.
	KindReference Kind = "reference"
)

// Kinds lists every kind, in the order `exlint rules` shows them.
var Kinds = []Kind{KindSyntax, KindSchema, KindDuplicate, KindReference}

// Related is a second place a problem concerns, such as the first definition
// of a duplicate.
type Related struct {
	Range   hcl.Range
	Message string
}

// Problem is a structural problem found while reading a topology.
type Problem struct {
	Kind    Kind
	Range   hcl.Range
	Address string // the block or attribute concerned, when there is one
	Message string
	Related []Related
	// Stage names the stage whose block holds the problem, for a problem
	// written in one, and StageDate is its date as written when it is one
	// (the engine reports the problem at that stage's state). Both are ""
	// outside stages, and in a stage whose name names no state (empty,
	// "current", not a plain word, or the second of two stages so named).
	Stage, StageDate string
	// noOrganization marks the problem of a topology without an
	// organization block (MissingOrganization).
	noOrganization bool
}

// MissingOrganization reports whether the problem is that the topology has
// no organization block, which a caller that knows the file system can
// explain further (a parent directory's topology has one).
func (p Problem) MissingOrganization() bool { return p.noOrganization }

// problems collects structural problems while a topology is read.
type problems []Problem

func (p *problems) add(kind Kind, rng hcl.Range, addr, msg string, related ...Related) {
	*p = append(*p, Problem{Kind: kind, Range: rng, Address: addr, Message: msg, Related: related})
}
