package schema

import (
	"fmt"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
)

func generated(servers, stages int) []*File {
	var fs []*File
	for _, f := range topogen.Generate(topogen.Options{Servers: servers, Stages: stages}) {
		fs = append(fs, &File{Name: f.Name, Src: f.Src})
	}
	return fs
}

// BenchmarkDecodePlan reads a plan of N stages: it should cost about N+1
// times BenchmarkDecodePlan/stages=0, which is Decode (each state is one
// decode of the topology; parsing happens once).
func BenchmarkDecodePlan(b *testing.B) {
	for _, servers := range []int{100, 1000} {
		for _, n := range []int{0, 1, 5, 20} {
			fs := generated(servers, n)
			b.Run(fmt.Sprintf("servers=%d/stages=%d", servers, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					plan, probs := DecodePlan(".", fs, DefaultLimits)
					if len(probs) > 0 || len(plan.States) != n+1 {
						b.Fatal(probs)
					}
				}
			})
		}
	}
}
