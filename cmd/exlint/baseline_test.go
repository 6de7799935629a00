package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// A baseline hides today's findings; edits elsewhere do not bring them back;
// a new finding is reported; every format and the exit code agree.
func TestBaselineCLI(t *testing.T) {
	repo := configRepo(t, "")
	p := filepath.Join(repo, "topo", "tailspin.exchange.hcl")
	out, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--color", "never", "--write-baseline", "exlint-baseline.json", "topo")
	if code != 0 || !strings.Contains(stderr, "wrote the baseline exlint-baseline.json: 2 added, 0 removed, 0 kept") ||
		!strings.HasSuffix(out, "no problems found (2 in the baseline)\n") {
		t.Fatalf("write: exit %d, stderr %s\n%s", code, stderr, out)
	}
	b, _ := os.ReadFile(filepath.Join(repo, "exlint-baseline.json"))
	if !strings.Contains(string(b), `"file": "topo/tailspin.exchange.hcl"`) || !strings.Contains(string(b), `"address": "server.TS-EX.version"`) ||
		strings.Contains(string(b), `"line"`) {
		t.Errorf("baseline:\n%s", b)
	}

	// Lines move: still nothing new.
	src, _ := os.ReadFile(p)
	os.WriteFile(p, append([]byte("# a new comment\n\n\n"), src...), 0o644)
	for _, f := range []string{"text", "json", "compact", "sarif", "junit", "checkstyle", "github"} {
		out, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--baseline", "exlint-baseline.json", "--format", f, "--fail-on", "info", "topo")
		if code != 0 || (f != "sarif" && strings.Contains(out, "exchange-end-of-support]")) || strings.Contains(out, `"ruleId"`) || strings.Contains(out, "<failure") || strings.Contains(out, "<error ") {
			t.Errorf("%s after moving lines: exit %d\n%s", f, code, out)
		}
	}
	// From another directory, the same baseline works.
	if _, _, code := exlintIn(t, filepath.Join(repo, "topo"), noEnv, "check", "--as-of", asOf, "--baseline", "../exlint-baseline.json", "--fail-on", "info", "."); code != 0 {
		t.Errorf("from topo/: exit %d", code)
	}

	// A new finding is reported, the old ones are not.
	src, _ = os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(src), "mailboxes = 180", "mailboxes = 2400", 1)+"\nserver \"TS-EX2\" {\n  site    = \"Office\"\n  version = \"2010\"\n  update  = \"SP3 RU32\"\n}\n"), 0o644)
	out, _, code = exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--color", "never", "--baseline", "exlint-baseline.json", "topo")
	if code != 1 || !strings.Contains(out, "TS-EX2 runs Exchange Server 2010") || strings.Contains(out, "TS-EX runs") ||
		!strings.Contains(out, "1 baseline entry no longer matches") || !strings.Contains(out, "(1 in the baseline)") {
		t.Errorf("new findings: exit %d\n%s", code, out)
	}
	js, _, _ := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--format", "json", "--baseline", "exlint-baseline.json", "topo")
	if !strings.Contains(js, `"baselined_count": 1`) {
		t.Errorf("json:\n%s", js)
	}
}

func TestBaselineErrors(t *testing.T) {
	repo := configRepo(t, "")
	os.WriteFile(filepath.Join(repo, "bad.json"), []byte("[]"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "missing.json"}, "--baseline missing.json: no such file or directory"},
		{[]string{"--baseline", "bad.json"}, "bad.json is not an exlint baseline"},
		{[]string{"--baseline", "a.json", "--write-baseline", "b.json"}, "give one of them"},
		{[]string{"--write-baseline", "no/dir/b.json"}, "--write-baseline no/dir/b.json: the directory no/dir does not exist"},
	} {
		_, stderr, code := exlintIn(t, repo, noEnv, append([]string{"check", "topo"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %s", tc.args, code, stderr)
		}
	}
	// --baseline and --write-baseline naming the same file: refresh it.
	if _, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "topo", "--baseline", "b.json", "--write-baseline", "b.json"); code != 0 {
		t.Errorf("refresh: exit %d", code)
	}
}

// A baseline is never lost: a refresh after which a topology could not be
// checked writes nothing; a run over some files keeps the entries of the
// others; what changed is said; a file that is not a baseline is not
// written over.
func TestBaselineNeverLost(t *testing.T) {
	repo := configRepo(t, "")
	src, _ := os.ReadFile(filepath.Join(repo, "topo", "tailspin.exchange.hcl"))
	for _, d := range []string{"east", "west"} {
		os.MkdirAll(filepath.Join(repo, d), 0o755)
		os.WriteFile(filepath.Join(repo, d, "tailspin.exchange.hcl"), src, 0o644)
	}
	check := func(args ...string) (string, string, int) {
		return exlintIn(t, repo, noEnv, append([]string{"check", "--as-of", asOf, "--color", "never"}, args...)...)
	}
	if _, stderr, code := check("--write-baseline", "b.json", "."); code != 0 ||
		!strings.Contains(stderr, "wrote the baseline b.json: 6 added, 0 removed, 0 kept") {
		t.Errorf("first write: exit %d, %s", code, stderr)
	}
	want, _ := os.ReadFile(filepath.Join(repo, "b.json"))

	// A syntax error in one topology: the refresh writes nothing.
	west := filepath.Join(repo, "west", "tailspin.exchange.hcl")
	os.WriteFile(west, append(append([]byte(nil), src...), "server \"X\" {\n"...), 0o644)
	out, stderr, code := check("--baseline", "b.json", "--write-baseline", "b.json", ".")
	if got, _ := os.ReadFile(filepath.Join(repo, "b.json")); string(got) != string(want) {
		t.Errorf("the baseline changed after a run that could not check west:\n%s", got)
	}
	if code != 1 || !strings.Contains(stderr, "did not write the baseline b.json: the rules did not run on 1 topology (west)") ||
		!strings.Contains(out, "(4 in the baseline)") || strings.Contains(out, "no longer match") {
		t.Errorf("refresh with a syntax error: exit %d, %s\n%s", code, stderr, out)
	}
	os.WriteFile(west, src, 0o644)

	// A pre-commit run given one file: the entries of the other topologies stay.
	east := filepath.Join(repo, "east", "tailspin.exchange.hcl")
	os.WriteFile(east, []byte(strings.Replace(string(src), "mailboxes = 180", "mailboxes = 100", 1)), 0o644)
	out, stderr, code = check("--write-baseline", "b.json", "--whole-topology", "east/tailspin.exchange.hcl")
	if code != 0 || !strings.Contains(stderr, "wrote the baseline b.json: 0 added, 1 removed, 5 kept (4 of them in files this run did not check)") ||
		strings.Contains(out, "no longer match") {
		t.Errorf("pre-commit refresh: exit %d, %s\n%s", code, stderr, out)
	}
	b, _ := os.ReadFile(filepath.Join(repo, "b.json"))
	if strings.Count(string(b), `"rule"`) != 5 || !strings.Contains(string(b), `"file": "west/tailspin.exchange.hcl"`) ||
		!strings.Contains(string(b), `"file": "topo/tailspin.exchange.hcl"`) {
		t.Errorf("after a run over east only:\n%s", b)
	}
	// Checking one file against the whole baseline calls no other entry stale.
	if out, _, code := check("--baseline", "b.json", "east"); code != 0 || strings.Contains(out, "no longer match") {
		t.Errorf("east against the whole baseline: exit %d\n%s", code, out)
	}
	// Nothing changed: nothing written.
	os.Chtimes(filepath.Join(repo, "b.json"), time.Unix(0, 0), time.Unix(0, 0))
	if _, stderr, _ := check("--write-baseline", "b.json", "."); !strings.Contains(stderr, "the baseline b.json is up to date: 5 kept") {
		t.Errorf("unchanged: %s", stderr)
	}
	if fi, _ := os.Stat(filepath.Join(repo, "b.json")); fi.ModTime().Unix() != 0 {
		t.Error("an unchanged baseline was written again")
	}
	// A topology removed from a directory searched: its entries go.
	os.RemoveAll(filepath.Join(repo, "west"))
	if _, stderr, _ := check("--write-baseline", "b.json", "."); !strings.Contains(stderr, "0 added, 2 removed, 3 kept") {
		t.Errorf("west removed: %s", stderr)
	}
	// A file that is not a baseline is not written over.
	os.WriteFile(filepath.Join(repo, "notes.json"), []byte("my notes"), 0o644)
	if _, stderr, code := check("--write-baseline", "notes.json", "."); code != 2 || !strings.Contains(stderr, "the file is left as it is") {
		t.Errorf("notes.json: exit %d, %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(repo, "notes.json")); string(got) != "my notes" {
		t.Errorf("notes.json was written over: %s", got)
	}
}

// A finding's message may count days from the evaluation date ("(in 37
// days)", "117 days before 2026-12-06"): refreshing the baseline a day
// later, with the same findings, leaves the file as it was, byte for byte,
// and says it is up to date. A finding that came since is added with its
// message of today; the entries kept keep theirs.
func TestBaselineSameFindingsNextDay(t *testing.T) {
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, "t"), 0o755)
	topo := filepath.Join(repo, "t", "t.exchange.hcl")
	os.WriteFile(topo, []byte("organization \"T\" {}\nserver \"EX\" {\n  version = \"2019\"\n  update  = \"CU15\"\n  os      = \"2016\"\n}\n"), 0o644)
	bl := filepath.Join(repo, "bl.json")
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", "2026-12-06", "--write-baseline", "bl.json", "t"); code != 0 ||
		!regexp.MustCompile(`wrote the baseline bl\.json: \d+ added, 0 removed, 0 kept`).MatchString(stderr) {
		t.Fatalf("first write: exit %d, %s", code, stderr)
	}
	first, _ := os.ReadFile(bl)
	if !strings.Contains(string(first), "(in 37 days)") {
		t.Fatalf("the reproducer's finding changed; its message no longer counts days:\n%s", first)
	}
	n := strings.Count(string(first), `"rule"`)
	os.Chtimes(bl, time.Unix(0, 0), time.Unix(0, 0))
	_, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", "2026-12-07", "--baseline", "bl.json", "--write-baseline", "bl.json", "t")
	if want := fmt.Sprintf("exlint: the baseline bl.json is up to date: %d kept\n", n); code != 0 || stderr != want {
		t.Errorf("the next day: exit %d, stderr %q, want %q", code, stderr, want)
	}
	if got, _ := os.ReadFile(bl); string(got) != string(first) {
		t.Errorf("the baseline changed:\n%s\nwas\n%s", got, first)
	}
	if fi, _ := os.Stat(bl); fi.ModTime().Unix() != 0 {
		t.Error("an unchanged baseline was written again")
	}

	// A second server: its findings are added, the recorded ones stay as
	// they were.
	os.WriteFile(topo, []byte(string(mustRead(t, topo))+"server \"EX2\" {\n  version = \"2019\"\n  update  = \"CU15\"\n  os      = \"2016\"\n}\n"), 0o644)
	_, stderr, _ = exlintIn(t, repo, noEnv, "check", "--as-of", "2026-12-08", "--write-baseline", "bl.json", "t")
	if !regexp.MustCompile(fmt.Sprintf(`wrote the baseline bl\.json: [1-9]\d* added, 0 removed, %d kept\n`, n)).MatchString(stderr) {
		t.Errorf("a new server: %s", stderr)
	}
	got := string(mustRead(t, bl))
	if !strings.Contains(got, "EX runs on Windows Server 2016, whose extended support ends on 2027-01-12 (in 37 days)") ||
		!strings.Contains(got, "EX2 runs on Windows Server 2016, whose extended support ends on 2027-01-12 (in 35 days)") {
		t.Errorf("after a new server:\n%s", got)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A baseline hides only what it recorded: list items are addressed by value,
// so inserting Outlook 2013 before accepted versions reports 2013 and
// nothing else; a baseline written with positions ("clients.outlook[0]")
// still reads, and its entries hide only the finding they recorded; SARIF
// fingerprints follow the item, not its position.
func TestBaselineFollowsListItems(t *testing.T) {
	repo := configRepo(t, "")
	p := filepath.Join(repo, "topo", "tailspin.exchange.hcl")
	src, _ := os.ReadFile(p)
	os.WriteFile(p, append(src, "clients {\n  outlook = [\"2016\", \"2019\", \"365\"]\n}\n"...), 0o644)
	check := func(args ...string) (string, int) {
		out, _, code := exlintIn(t, repo, noEnv, append([]string{"check", "--as-of", asOf, "--format", "compact", "--fail-on", "info"}, args...)...)
		return out, code
	}
	if _, code := check("--write-baseline", "b.json", "topo"); code != 0 {
		t.Fatalf("write: exit %d", code)
	}
	b, _ := os.ReadFile(filepath.Join(repo, "b.json"))
	if !strings.Contains(string(b), `"address": "clients.outlook[\"2019\"]"`) {
		t.Errorf("baseline:\n%s", b)
	}
	check("--format", "sarif=before.sarif", "topo")
	inserted, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(inserted), `["2016"`, `["2013", "2016"`, 1)), 0o644)
	out, code := check("--baseline", "b.json", "topo")
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "Outlook 2013") {
		t.Errorf("after inserting 2013, want only Outlook 2013 reported: exit %d\n%s", code, out)
	}
	check("--format", "sarif=after.sarif", "topo")
	before, after := fingerprints(t, filepath.Join(repo, "before.sarif")), fingerprints(t, filepath.Join(repo, "after.sarif"))
	for _, fp := range before {
		if !slices.Contains(after, fp) {
			t.Errorf("a fingerprint changed when an item was inserted before it: %s", fp)
		}
	}
	if len(after) != len(before)+1 {
		t.Errorf("fingerprints: %d before, %d after", len(before), len(after))
	}

	// A baseline written by an exlint that addressed items by position.
	os.WriteFile(p, inserted, 0o644)
	positions := strings.NewReplacer(`outlook[\"2016\"]`, `outlook[0]`, `outlook[\"2019\"]`, `outlook[1]`, `outlook[\"365\"]`, `outlook[2]`)
	os.WriteFile(filepath.Join(repo, "old.json"), []byte(positions.Replace(string(b))), 0o644)
	if out, code := check("--baseline", "old.json", "topo"); code != 0 {
		t.Errorf("an old baseline on the list it recorded: exit %d\n%s", code, out)
	}
	os.WriteFile(p, []byte(strings.Replace(string(inserted), `["2016"`, `["2013", "2016"`, 1)), 0o644)
	// Its positions now name other items: its entries hide none of them
	// (each recorded one message at one position), where matching by
	// position alone hid Outlook 2013 behind 2016's entry.
	out, _ = check("--baseline", "old.json", "topo")
	if strings.Count(out, "\n") != 5 || !strings.Contains(out, "Outlook 2013") || !strings.Contains(out, "Outlook 2016") || strings.Contains(out, "TS-EX runs") {
		t.Errorf("an old baseline after an insertion: want the five Outlook findings\n%s", out)
	}
}

func fingerprints(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range log.Runs[0].Results {
		out = append(out, r.PartialFingerprints["exlintFingerprint/v1"])
	}
	return out
}

// A baseline named in .exlint.hcl applies to a plain exlint check, from any
// directory under it; --baseline wins.
func TestBaselineInConfiguration(t *testing.T) {
	repo := configRepo(t, "baseline = \"ci/exlint-baseline.json\"\n")
	os.Mkdir(filepath.Join(repo, "ci"), 0o755)
	if _, stderr, code := exlintIn(t, filepath.Join(repo, "topo"), noEnv, "check", "--as-of", asOf); code != 2 ||
		!strings.Contains(stderr, `baseline "ci/exlint-baseline.json" (../.exlint.hcl:1:1): ../ci/exlint-baseline.json: no such file or directory; write it with exlint check --write-baseline ../ci/exlint-baseline.json`) {
		t.Errorf("no baseline yet: exit %d, %s", code, stderr)
	}
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--write-baseline", "ci/exlint-baseline.json", "."); code != 0 {
		t.Fatalf("write: exit %d, %s", code, stderr)
	}
	out, _, code := exlintIn(t, filepath.Join(repo, "topo"), noEnv, "check", "--as-of", asOf, "--color", "never")
	if code != 0 || !strings.HasSuffix(out, "no problems found (2 in the baseline)\n") {
		t.Errorf("from topo/: exit %d\n%s", code, out)
	}
	os.WriteFile(filepath.Join(repo, "other.json"), []byte(`{"version": 1, "findings": []}`), 0o644)
	if out, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--baseline", "other.json", "topo"); code != 1 || strings.Contains(out, "in the baseline") {
		t.Errorf("--baseline wins: exit %d\n%s", code, out)
	}
	if out, _, _ := exlintIn(t, filepath.Join(repo, "topo"), noEnv, "config"); !regexp.MustCompile(`(?m)^baseline +\= "ci/exlint-baseline.json" # ../.exlint.hcl:1:1; the file ../ci/exlint-baseline.json$`).MatchString(out) {
		t.Errorf("exlint config:\n%s", out)
	}
	repo = configRepo(t, "baseline = \"\"\n")
	if _, stderr, code := exlintIn(t, repo, noEnv, "check"); code != 2 || !strings.Contains(stderr, "baseline: name the baseline file") {
		t.Errorf("empty baseline: exit %d, %s", code, stderr)
	}
}
