package runner_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/runner"
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
	// The same with --coverage: every rule also says what stayed unknown.
	fs, size := files(1000)
	b.Run("servers=1000/coverage", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			top, probs := schema.Decode(".", fs, schema.DefaultLimits)
			if _, _, _, err := lint.CheckStateCoverage(nil, &schema.State{Topology: top}, probs, all, cat, asOf); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheckPlan checks one plan of N stages in memory as exlint check
// does (runner.CheckFiles: parse once, decode every state, every rule on
// each, the configuration and suppressions, findings followed across
// states): it should cost about N+1 times stages=0, a topology without
// stages. legacy is the finding-heavy kind, a few findings per server in
// every state, which the states' findings are matched across.
func BenchmarkCheckPlan(b *testing.B) {
	opts := runner.Options{Rules: rules.All(), Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits}
	for _, tc := range []struct {
		servers int
		legacy  bool
	}{{100, false}, {1000, false}, {100, true}} {
		for _, n := range []int{0, 1, 5, 20} {
			var fs []*schema.File
			var size int64
			for _, f := range topogen.Generate(topogen.Options{Servers: tc.servers, Stages: n, Legacy: tc.legacy}) {
				fs = append(fs, &schema.File{Name: f.Name, Src: f.Src})
				size += int64(len(f.Src))
			}
			b.Run(fmt.Sprintf("servers=%d/legacy=%v/stages=%d", tc.servers, tc.legacy, n), func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := runner.CheckFiles(".", fs, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
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

// corpus writes topologies × 50-server topologies under a temporary
// directory, as tools/topogen does, and returns it.
func corpus(b *testing.B, topologies int) string {
	dir := b.TempDir()
	for i := 1; i <= topologies; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("t%04d", i))
		if err := os.Mkdir(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		for _, f := range topogen.Generate(topogen.Options{Servers: 50, Name: fmt.Sprintf("Org%04d", i)}) {
			if err := os.WriteFile(filepath.Join(sub, f.Name), f.Src, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir
}

// BenchmarkRunCorpus is runner.Run, as exlint check calls it, over a corpus
// of 20 topologies of 50 servers on disk; BenchmarkParseCorpus reads and
// parses the same files one after another with hclsyntax.ParseConfig alone,
// the baseline of docs/performance.md.
func BenchmarkRunCorpus(b *testing.B) {
	dir := corpus(b, 20)
	opts := runner.Options{Rules: rules.All(), Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := runner.Run([]string{dir}, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	dir := corpus(b, 20)
	b.ReportAllocs()
	for b.Loop() {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			hclsyntax.ParseConfig(src, p, hcl.InitialPos)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
