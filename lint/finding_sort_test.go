package lint

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// SortFindings orders by file, line, column, rule and message, and keeps
// the order of findings equal in all of them (they differ in what else they
// say: severity, state): the same as a stable sort.
func TestSortFindings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		var fs []Finding
		for i := 0; i < 1+rng.IntN(300); i++ {
			fs = append(fs, Finding{
				Rule:    fmt.Sprint("r", rng.IntN(3)),
				Message: fmt.Sprint("m", rng.IntN(2)),
				Address: fmt.Sprint(i), // the original place, to see stability
				Range:   hcl.Range{Filename: fmt.Sprint("f", rng.IntN(2)), Start: hcl.Pos{Line: rng.IntN(5), Column: rng.IntN(3)}},
			})
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Finding) int { return compareFindings(&a, &b) })
		SortFindings(fs)
		if !slices.EqualFunc(fs, want, func(a, b Finding) bool { return a.Address == b.Address }) {
			t.Fatalf("round %d: the order differs from a stable sort's", round)
		}
	}
}
