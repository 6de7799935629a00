package runner_test

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// render checks paths and returns the text and JSON reports, with what
// stayed unknown (--coverage).
func render(t *testing.T, paths []string, workers int) []byte {
	t.Helper()
	res, err := runner.Run(paths, runner.Options{Rules: rules.All(), Catalog: catalog.Default(),
		AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits, Workers: workers, Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	lint.ByRule(res.Unknowns)
	rep := &report.Report{AsOf: "2026-11-21", Findings: res.Findings, Sources: res.Sources,
		Topologies: res.Topologies, Files: res.Files, Unchecked: res.Unchecked, Skipped: res.Skipped,
		Coverage: true, Unknowns: res.Unknowns}
	var b bytes.Buffer
	if err := report.Text(&b, rep, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := report.JSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The same input gives the same bytes whatever the number of workers,
// GOMAXPROCS, or the order of the paths on the command line.
func TestDeterministicOutput(t *testing.T) {
	root := t.TempDir()
	// Three of them are plans, whose findings are followed across states.
	for i, n := range []int{3, 12, 40, 7, 25, 60} {
		dir := filepath.Join(root, "customer-"+string(rune('a'+i)))
		os.MkdirAll(dir, 0o755)
		for _, f := range topogen.Generate(topogen.Options{Servers: n, ServersPerFile: 5, Stages: []int{0, 4, 0, 2, 12, 0}[i], Legacy: i == 4}) {
			os.WriteFile(filepath.Join(dir, f.Name), f.Src, 0o644)
		}
	}
	// a broken topology and the examples, for structural findings and notes
	broken := filepath.Join(root, "broken")
	os.MkdirAll(broken, 0o755)
	os.WriteFile(filepath.Join(broken, "a.exchange.hcl"), []byte("organization \"X\" {}\nsever \"S\" {}\n"), 0o644)
	examples, _ := filepath.Abs("../../examples")

	want := render(t, []string{root, examples}, 1)
	if !bytes.Contains(want, []byte("(planned: resolved by stage step-")) || !bytes.Contains(want, []byte(`"states": [`)) {
		t.Fatal("the plans' findings do not name their states")
	}
	if !bytes.Contains(want, []byte("what stayed unknown: ")) || !bytes.Contains(want, []byte(`"attribute": "server.`)) {
		t.Fatal("nothing stayed unknown")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for _, workers := range []int{0, 2, 8} {
			if got := render(t, []string{root, examples}, workers); !bytes.Equal(got, want) {
				t.Fatalf("GOMAXPROCS=%d workers=%d: output differs", procs, workers)
			}
		}
	}
	if got := render(t, []string{examples, root}, 0); !bytes.Equal(got, want) {
		t.Error("the order of the paths changed the output")
	}
}

// Decoding does not depend on the order files are given in.
func TestDecodeFileOrder(t *testing.T) {
	gen := topogen.Generate(topogen.Options{Servers: 30, ServersPerFile: 4})
	var files []*schema.File
	for _, f := range gen {
		files = append(files, &schema.File{Name: f.Name, Src: f.Src})
	}
	files = append(files, &schema.File{Name: "zz-bad.exchange.hcl", Src: []byte("server \"EX0001\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n")})
	check := func(fs []*schema.File) []lint.Finding {
		top, probs := schema.Decode(".", fs, schema.DefaultLimits)
		out, _, err := lint.Check(top, probs, rules.All(), catalog.Default(), catalog.MustDate("2026-11-21"))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := check(files)
	if len(want) == 0 {
		t.Fatal("the duplicate server should give a finding")
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 10; i++ {
		shuffled := append([]*schema.File(nil), files...)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		got := check(shuffled)
		if len(got) != len(want) {
			t.Fatalf("shuffle %d: %d findings, want %d", i, len(got), len(want))
		}
		for j := range got {
			if got[j].Message != want[j].Message || got[j].Range != want[j].Range {
				t.Fatalf("shuffle %d: finding %d differs", i, j)
			}
		}
	}
}
