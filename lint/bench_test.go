package lint_test

import (
	"fmt"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

func files(n int) ([]*schema.File, int64) {
	var fs []*schema.File
	var size int64
	for _, f := range topogen.Generate(topogen.Options{Servers: n}) {
		fs = append(fs, &schema.File{Name: f.Name, Src: f.Src})
		size += int64(len(f.Src))
	}
	return fs, size
}

// BenchmarkCheck measures reading and checking one topology in memory:
// parse, decode, resolve, every rule. Time should grow linearly with servers.
func BenchmarkCheck(b *testing.B) {
	cat := catalog.Default()
	asOf := catalog.MustDate("2026-11-21")
	all := rules.All()
	for _, n := range []int{10, 100, 1000} {
		fs, size := files(n)
		b.Run(fmt.Sprintf("servers=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				top, probs := schema.Decode(".", fs, schema.DefaultLimits)
				if _, _, err := lint.Check(top, probs, all, cat, asOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode is the reading part alone, for comparison.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		fs, size := files(n)
		b.Run(fmt.Sprintf("servers=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				schema.Decode(".", fs, schema.DefaultLimits)
			}
		})
	}
}
