package runner_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// nested writes topologies in directories nested in each other, so that
// one topology's files sort between another's: a/a.., a/b/.., a/z...
func nested(t *testing.T, depth int) string {
	t.Helper()
	root := t.TempDir()
	dir := root
	for d := 0; d < depth; d++ {
		dir = filepath.Join(dir, "b")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		up := filepath.Dir(dir)
		// 2016 beside 2007 breaks coexistence: findings in both files.
		os.WriteFile(filepath.Join(up, "a.exchange.hcl"), []byte(`organization "Org" {
  forest_functional_level = "2008R2"
}
server "OLD" {
  version = "2007"
  update  = "SP3 RU10"
  roles   = ["mailbox"]
}
`), 0o644)
		os.WriteFile(filepath.Join(up, "z.exchange.hcl"), []byte(`server "NEW" {
  version = "2016"
  update  = "CU23"
  roles   = ["mailbox"]
}
`), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "m.exchange.hcl"), []byte("organization \"Inner\" {}\nsever \"S\" {}\n"), 0o644)
	return root
}

func streamOpts(workers int) runner.Options {
	return runner.Options{Rules: rules.All(), Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"),
		Limits: schema.DefaultLimits, Workers: workers}
}

// Stream hands out every checked file once, in order, each with its own
// findings in order, even where topologies' files interleave; what it
// emits, joined, is Run's result, whatever the number of workers.
func TestStreamOrder(t *testing.T) {
	root := nested(t, 6)
	// A plan whose files sort between those of another topology.
	plan := filepath.Join(root, "b", "plan")
	os.Mkdir(plan, 0o755)
	for _, f := range topogen.Generate(topogen.Options{Servers: 12, Stages: 5}) {
		os.WriteFile(filepath.Join(plan, f.Name), f.Src, 0o644)
	}
	want, err := runner.Run([]string{root}, streamOpts(1))
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) == 0 || want.Topologies != 8 {
		t.Fatalf("the test needs findings in 8 topologies: %d findings, %d topologies", len(want.Findings), want.Topologies)
	}
	if planned := lint.Count(want.Findings).Planned(); planned == 0 {
		t.Fatal("the plan has no planned findings")
	}
	for _, workers := range []int{1, 2, 3, 8} {
		var names []string
		var got []lint.Finding
		res, err := runner.Stream([]string{root}, streamOpts(workers), func(ff runner.FileFindings) error {
			names = append(names, ff.Name)
			for _, f := range ff.Findings {
				if f.Range.Filename != ff.Name {
					t.Errorf("finding in %s handed out with %s", f.Range.Filename, ff.Name)
				}
				if ff.Sources[f.Range.Filename] == nil {
					t.Errorf("no source lines for %s", f.Range.Filename)
				}
			}
			got = append(got, ff.Findings...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(names, want.Checked) {
			t.Errorf("%d workers: files handed out\n%v\nwant\n%v", workers, names, want.Checked)
		}
		if !reflect.DeepEqual(got, want.Findings) {
			t.Errorf("%d workers: findings differ from Run's", workers)
		}
		if res.Findings != nil || res.Topologies != want.Topologies || !reflect.DeepEqual(res.Unchecked, want.Unchecked) {
			t.Errorf("%d workers: result %+v", workers, res)
		}
	}
}

// An error from emit stops the run and is returned; nothing is emitted after
// it and no worker is left behind (the race detector and the test's end
// would show one).
func TestStreamEmitError(t *testing.T) {
	root := nested(t, 10)
	stop := errors.New("disk full")
	calls := 0
	_, err := runner.Stream([]string{root}, streamOpts(2), func(ff runner.FileFindings) error {
		calls++
		if calls == 3 {
			return stop
		}
		if calls > 3 {
			t.Errorf("emit called after its error, with %s", ff.Name)
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("error %v, want %v", err, stop)
	}
}

// A file that cannot be read fails the run at that file; the files before
// it have been emitted.
func TestStreamReadError(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads unreadable files")
	}
	root := nested(t, 3)
	bad := filepath.Join(root, "b", "b", "a.exchange.hcl")
	if err := os.Chmod(bad, 0); err != nil {
		t.Fatal(err)
	}
	var names []string
	_, err := runner.Stream([]string{root}, streamOpts(2), func(ff runner.FileFindings) error {
		names = append(names, ff.Name)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "a.exchange.hcl") {
		t.Fatalf("error %v", err)
	}
	for _, n := range names {
		if n >= bad {
			t.Errorf("%s emitted after the unreadable %s", n, bad)
		}
	}
}

// Options.Prepare runs for each file Stream emits, on the workers, with
// what emit receives; emit gets its result with the file.
func TestStreamPrepare(t *testing.T) {
	root := nested(t, 4)
	for _, workers := range []int{1, 3} {
		opts := streamOpts(workers)
		opts.Prepare = func(ff runner.FileFindings) any {
			return fmt.Sprintf("%s:%d", ff.Name, len(ff.Findings))
		}
		var emitted int
		_, err := runner.Stream([]string{root}, opts, func(ff runner.FileFindings) error {
			emitted++
			if want := fmt.Sprintf("%s:%d", ff.Name, len(ff.Findings)); ff.Prepared != want {
				t.Errorf("%d workers: %s prepared as %v, want %s", workers, ff.Name, ff.Prepared, want)
			}
			return nil
		})
		if err != nil || emitted == 0 {
			t.Fatalf("%d workers: %v, %d files", workers, err, emitted)
		}
	}
}

// A directory without an organization block under a directory whose
// topology has one is told that each directory is its own topology; one
// with nothing above it is not.
func TestNoOrganizationHint(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	sub := filepath.Join(root, "contoso", "branch", "servers")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(root, "contoso", "org.exchange.hcl"), []byte("organization \"Contoso\" {}\n"), 0o644)
	os.WriteFile(filepath.Join(sub, "site.exchange.hcl"), []byte("site \"Branch\" {}\n"), 0o644)
	lone := filepath.Join(root, "lone")
	os.Mkdir(lone, 0o755)
	os.WriteFile(filepath.Join(lone, "site.exchange.hcl"), []byte("site \"Alone\" {}\n"), 0o644)
	t.Chdir(root)
	res, err := runner.Run([]string{"contoso", "lone"}, streamOpts(2))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Range.Filename+": "+f.Message)
	}
	want := []string{
		`contoso/branch/servers/site.exchange.hcl: the topology in contoso/branch/servers has no organization block; add organization "Name" { } to one of its files; ` +
			`note: each directory is its own topology, and organization "Contoso" (contoso/org.exchange.hcl:1:14) is that of contoso, not this one: move these files there or add one here`,
		`lone/site.exchange.hcl: the topology in lone has no organization block; add organization "Name" { } to one of its files`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

// Progress counts the topologies as Stream reaches them, one by one up to
// the total, on the emitting goroutine: before the first file of each
// topology is emitted, whatever the number of workers.
func TestStreamProgress(t *testing.T) {
	root := nested(t, 4)
	for _, workers := range []int{1, 3} {
		var calls []string
		emitted := 0
		opts := streamOpts(workers)
		opts.Progress = func(done, total int) {
			calls = append(calls, fmt.Sprintf("%d/%d after %d files", done, total, emitted))
		}
		res, err := runner.Stream([]string{root}, opts, func(runner.FileFindings) error {
			emitted++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The topologies' files interleave: a/a, a/b/a, …, a/b/b/b/b/m, …
		// a/b/z, a/z. Each topology is reached at its first file.
		want := []string{"1/5 after 0 files", "2/5 after 1 files", "3/5 after 2 files", "4/5 after 3 files", "5/5 after 4 files"}
		if res.Topologies != 5 || !reflect.DeepEqual(calls, want) {
			t.Errorf("%d workers: %d topologies, progress %q", workers, res.Topologies, calls)
		}
	}
}
