package baseline

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Writing a baseline again replaces the entries of the files the run
// covered, keeps the others as they were, and counts what changed.
func TestUpdate(t *testing.T) {
	t.Chdir(t.TempDir())
	old := New([]lint.Finding{
		finding("r", "a/x.exchange.hcl", 1, "server.A.version"),
		finding("r", "a/x.exchange.hcl", 2, "server.B.version"),
		finding("r", "b/y.exchange.hcl", 1, "server.C.version"),
		finding("r", "c/z.exchange.hcl", 1, "server.D.version"),
	}, "base.json")
	covered := func(p string) bool { return filepath.Dir(p) == "a" }
	next, ch := Update(old, []lint.Finding{
		finding("r", "a/x.exchange.hcl", 5, "server.A.version"), // kept, its line moved
		finding("r", "a/x.exchange.hcl", 6, "server.E.version"), // new; B was fixed
	}, "base.json", covered)
	var got []string
	for _, e := range next.Findings {
		got = append(got, e.File+" "+e.Address)
	}
	want := []string{"a/x.exchange.hcl server.A.version", "a/x.exchange.hcl server.E.version",
		"b/y.exchange.hcl server.C.version", "c/z.exchange.hcl server.D.version"}
	if len(got) != len(want) {
		t.Fatalf("entries %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("entries %v, want %v", got, want)
		}
	}
	if ch != (Changes{Added: 1, Removed: 1, Kept: 3, Untouched: 2}) {
		t.Errorf("changes %+v", ch)
	}
	if next.Same(old) {
		t.Error("a changed baseline is not the same")
	}
	again, ch := Update(next, []lint.Finding{
		finding("r", "a/x.exchange.hcl", 5, "server.A.version"),
		finding("r", "a/x.exchange.hcl", 6, "server.E.version"),
	}, "base.json", covered)
	if !again.Same(next) || ch != (Changes{Kept: 4, Untouched: 2}) {
		t.Errorf("nothing changed: %+v", ch)
	}
	// No old baseline: everything is added.
	if _, ch := Update(nil, []lint.Finding{finding("r", "a/x.exchange.hcl", 5, "server.A.version")}, "base.json", covered); ch != (Changes{Added: 1}) {
		t.Errorf("first write: %+v", ch)
	}
}

// Stale entries are counted only among the files the run covered.
func TestStaleIn(t *testing.T) {
	t.Chdir(t.TempDir())
	b := New([]lint.Finding{
		finding("r", "a/x.exchange.hcl", 1, "server.A.version"),
		finding("r", "b/y.exchange.hcl", 1, "server.C.version"),
	}, "base.json")
	bf := b.NewFilter()
	bf.Keep(nil)
	if n := bf.StaleIn(func(p string) bool { return filepath.Dir(p) == "a" }); n != 1 {
		t.Errorf("stale %d, want 1", n)
	}
}

// Match, run for several files at once, and Commit in order do what Keep
// does: each entry hides one finding.
func TestMatchCommit(t *testing.T) {
	t.Chdir(t.TempDir())
	var all []lint.Finding
	for _, file := range []string{"a.exchange.hcl", "b.exchange.hcl"} {
		all = append(all, finding("r", file, 1, "server.A.version"), finding("r", file, 2, "server.A.version"))
	}
	b := New(all[:3], "base.json") // b's second entry is not recorded
	bf := b.NewFilter()
	type result struct {
		kept []lint.Finding
		used []string
	}
	results := make([]result, 2)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i].kept, results[i].used = bf.Match(all[2*i : 2*i+2])
		}()
	}
	wg.Wait()
	for _, r := range results {
		bf.Commit(r.used)
	}
	if len(results[0].kept) != 0 || len(results[1].kept) != 1 || bf.Baselined != 3 || bf.Stale() != 0 {
		t.Errorf("kept %d and %d, baselined %d, stale %d", len(results[0].kept), len(results[1].kept), bf.Baselined, bf.Stale())
	}
}

// An entry that still matches a finding is kept as it was recorded: a
// message that changed while the finding did not (a date counted from
// today) neither rewrites the baseline nor counts as a change.
func TestUpdateKeepsRecordedEntries(t *testing.T) {
	t.Chdir(t.TempDir())
	say := func(f lint.Finding, msg string) lint.Finding { f.Message = msg; return f }
	a := finding("r", "a/x.exchange.hcl", 1, "server.A.version")
	old := New([]lint.Finding{say(a, "ends on 2027-01-12 (in 37 days)")}, "base.json")
	all := func(string) bool { return true }
	next, ch := Update(old, []lint.Finding{say(a, "ends on 2027-01-12 (in 36 days)")}, "base.json", all)
	if !next.Same(old) || ch != (Changes{Kept: 1}) || next.Findings[0].Message != "ends on 2027-01-12 (in 37 days)" {
		t.Errorf("changes %+v, entries %+v", ch, next.Findings)
	}

	// Of several entries of one rule at one address, one equal to a
	// finding's pairs with it, the others in order; more findings are
	// added with their messages, and entries left over are removed.
	old = New([]lint.Finding{say(a, "m1"), say(a, "m2"), say(a, "m3")}, "base.json")
	next, ch = Update(old, []lint.Finding{say(a, "m3"), say(a, "n1"), say(a, "n2"), say(a, "n3")}, "base.json", all)
	if got := messages(next); got != "m1 m2 m3 n3" || ch != (Changes{Added: 1, Kept: 3}) {
		t.Errorf("more findings: %s, %+v", got, ch)
	}
	next, ch = Update(old, []lint.Finding{say(a, "m3"), say(a, "n1")}, "base.json", all)
	if got := messages(next); got != "m1 m3" || ch != (Changes{Removed: 1, Kept: 2}) {
		t.Errorf("fewer findings: %s, %+v", got, ch)
	}
	// A finding whose severity changed is another finding: its entry is
	// written anew.
	worse := say(a, "now worse")
	worse.Severity = lint.Warning
	next, ch = Update(New([]lint.Finding{a}, "base.json"), []lint.Finding{worse}, "base.json", all)
	if got := messages(next); got != "now worse" || ch != (Changes{Added: 1, Removed: 1}) {
		t.Errorf("severity: %s, %+v", got, ch)
	}
}

func messages(b *Baseline) string {
	var ms []string
	for _, e := range b.Findings {
		ms = append(ms, e.Message)
	}
	return strings.Join(ms, " ")
}

// Writing a baseline again records whether each finding is planned now: an
// entry whose finding became planned, or stopped being so, is replaced.
// The migration of a baseline written before exlint recorded it is
// writing it again.
func TestUpdatePlanned(t *testing.T) {
	t.Chdir(t.TempDir())
	f := finding("r", "a/x.exchange.hcl", 1, "server.A.version")
	f.State = lint.State{Name: lint.CurrentState}
	p := f
	p.Planned = true
	all := func(string) bool { return true }
	old := New([]lint.Finding{f}, "base.json")
	next, ch := Update(old, []lint.Finding{p}, "base.json", all)
	if len(next.Findings) != 1 || !next.Findings[0].Planned || ch != (Changes{Added: 1, Removed: 1}) {
		t.Errorf("became planned: %+v, %+v", next.Findings, ch)
	}
	again, ch := Update(next, []lint.Finding{p}, "base.json", all)
	if !again.Same(next) || ch != (Changes{Kept: 1}) {
		t.Errorf("still planned: %+v", ch)
	}
	back, ch := Update(next, []lint.Finding{f}, "base.json", all)
	if len(back.Findings) != 1 || back.Findings[0].Planned || ch != (Changes{Added: 1, Removed: 1}) {
		t.Errorf("no longer planned: %+v, %+v", back.Findings, ch)
	}
}
