package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureCatalog is a release file in Microsoft's ExchangeBuildNumbers.csv
// shape holding one real row and one fictitious future release (SE RTM
// Jan27SU, 15.2.2562.90, 2027-01-12), marked as a test fixture in its KB and
// Blog columns. The fictitious release exists only here.
var fixtureCatalog = filepath.Join("testdata", "catalog", "ExchangeBuildNumbers.csv")

// futureRepo is a repository holding the clean example with both servers on
// the fixture's future release, the fixture, and a configuration (when
// given) in the repository root.
func futureRepo(t *testing.T, config string) string {
	t.Helper()
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	topo := filepath.Join(repo, "topo")
	os.MkdirAll(filepath.Join(topo, "sub"), 0o755)
	ex := filepath.Join(repoRoot, "examples", "se-classic-hybrid")
	entries, err := os.ReadDir(ex)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(ex, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "servers.exchange.hcl" {
			s := strings.ReplaceAll(string(src), `"RTM Aug26SU"`, `"RTM Jan27SU"`)
			src = []byte(strings.ReplaceAll(s, `"15.2.2562.46"`, `"15.2.2562.90"`))
		}
		os.WriteFile(filepath.Join(topo, e.Name()), src, 0o644)
	}
	fixture, err := os.ReadFile(filepath.Join(repoRoot, "cmd", "exlint", fixtureCatalog))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(repo, "ExchangeBuildNumbers.csv"), fixture, 0o644)
	if config != "" {
		os.WriteFile(filepath.Join(repo, ".exlint.hcl"), []byte(config), 0o644)
	}
	return repo
}

// With Microsoft's file holding a release newer than the embedded horizon,
// a server on it resolves: no exchange-build-unknown, from --catalog or from
// the configuration's catalog setting (found from a subdirectory). Without
// it, the build is newer than exlint knows.
func TestCatalogResolvesNewerBuilds(t *testing.T) {
	const on = "2027-01-20"
	repo := futureRepo(t, "")
	out, _, _ := exlintIn(t, repo, noEnv, "check", "--as-of", on, "--format", "compact", "topo")
	if !strings.Contains(out, "[exchange-build-unknown]") {
		t.Fatalf("without --catalog, the fictitious build is unknown:\n%s", out)
	}
	out, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", on, "--catalog", "ExchangeBuildNumbers.csv", "--format", "compact", "topo")
	if code != 0 || strings.Contains(out, "exchange-build-unknown") || strings.Contains(out, "exchange-update-not-current") || stderr != "" {
		t.Errorf("check --catalog: exit %d\n%s%s", code, out, stderr)
	}
	repo = futureRepo(t, `catalog = ["ExchangeBuildNumbers.csv"]`+"\n")
	out, stderr, code = exlintIn(t, filepath.Join(repo, "topo", "sub"), noEnv, "check", "--as-of", on, "--format", "compact", "..")
	if code != 0 || strings.Contains(out, "exchange-build-unknown") || stderr != "" {
		t.Errorf("the catalog setting, from a subdirectory: exit %d\n%s%s", code, out, stderr)
	}
	out, _, _ = exlintIn(t, filepath.Join(repo, "topo"), noEnv, "config", "--changed")
	if !strings.Contains(out, `catalog = ["ExchangeBuildNumbers.csv"] # ../.exlint.hcl:1:1; the files `+filepath.Join("..", "ExchangeBuildNumbers.csv")+"\n") {
		t.Errorf("exlint config --changed:\n%s", out)
	}
	// No output is written over the release file the configuration names.
	before, _ := os.ReadFile(filepath.Join(repo, "ExchangeBuildNumbers.csv"))
	for _, args := range [][]string{{"check", "--format", "json=ExchangeBuildNumbers.csv", "topo"}, {"report", "topo", "-o", "ExchangeBuildNumbers.csv"}} {
		_, stderr, code := exlintIn(t, repo, noEnv, append(args, "--as-of", on)...)
		if code != 2 || !strings.Contains(stderr, "names ExchangeBuildNumbers.csv, a release file of the configuration's catalog") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(repo, "ExchangeBuildNumbers.csv")); string(after) != string(before) {
		t.Error("the release file was written over")
	}
	// graph resolves builds too: the servers are not coloured by the warning.
	out, stderr, code = exlintIn(t, repo, noEnv, "graph", "--as-of", on, "topo")
	if code != 0 || !strings.Contains(out, `"findings: no findings`) || stderr != "" {
		t.Errorf("graph with the catalog setting: exit %d\n%s%s", code, out, stderr)
	}
	// A year past the embedded horizon, the catalogue is stale; the
	// fixture's release moves the horizon to 2027-01-12.
	for _, tc := range []struct {
		on      string
		catalog bool
		stale   bool
	}{{"2027-08-11", false, true}, {"2027-04-12", false, true}, {"2027-04-12", true, false}, {"2027-04-13", true, true}} {
		args := []string{"check", "--as-of", tc.on, "--format", "compact", "topo"}
		if tc.catalog {
			args = append(args, "--catalog", "ExchangeBuildNumbers.csv")
		}
		out, _, _ := exlintIn(t, futureRepo(t, ""), noEnv, args...)
		if strings.Contains(out, "[catalog-stale]") != tc.stale {
			t.Errorf("%v: stale %v, want %v\n%s", args, !tc.stale, tc.stale, out)
		}
	}
	// The setting's files are relative to the configuration: a missing one
	// names the setting and where Microsoft publishes the file.
	repo = futureRepo(t, `catalog = "vendor/ExchangeBuildNumbers.csv"`+"\n")
	_, stderr, code = exlintIn(t, filepath.Join(repo, "topo"), noEnv, "check", "--as-of", on, ".")
	if code != 2 || !strings.Contains(stderr, `catalog "vendor/ExchangeBuildNumbers.csv" (../.exlint.hcl:1:1): `+filepath.Join("..", "vendor", "ExchangeBuildNumbers.csv")+": no such file") ||
		!strings.Contains(stderr, gebnURL) {
		t.Errorf("a missing catalog file: exit %d\n%s", code, stderr)
	}
	// --catalog replaces the setting's files.
	if _, stderr, code = exlintIn(t, repo, noEnv, "check", "--as-of", on, "--catalog", "ExchangeBuildNumbers.csv", "topo"); code != 0 {
		t.Errorf("--catalog over a setting naming a missing file: exit %d\n%s", code, stderr)
	}
}

// A row that contradicts the embedded catalogue is a usage error naming
// both rows.
func TestCatalogContradiction(t *testing.T) {
	repo := futureRepo(t, "")
	os.WriteFile(filepath.Join(repo, "bad.csv"), []byte("Product Name,Build Number,Date,KB,Blog\nExchange SE RTM Aug26SU,15.2.2562.47,8/11/2026,,\n"), 0o644)
	for _, args := range [][]string{{"check", "topo"}, {"graph", "topo"}, {"catalog"}} {
		args = append(args, "--catalog", "ExchangeBuildNumbers.csv", "--catalog", "bad.csv")
		_, stderr, code := exlintIn(t, repo, noEnv, args...)
		if code != 2 || !strings.Contains(stderr, "release rows that contradict exlint's catalogue or each other") ||
			!strings.Contains(stderr, "bad.csv:2: Exchange Server Subscription Edition RTM Aug26SU is build 15.2.2562.47 here, and 15.2.2562.46 in exlint's catalogue (releases.csv:444, MS-GEBN)") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	os.WriteFile(filepath.Join(repo, "bad.csv"), []byte("version,name\n"), 0o644)
	_, stderr, code := exlintIn(t, repo, noEnv, "check", "--catalog", "bad.csv", "topo")
	if code != 2 || !strings.Contains(stderr, "release files exlint cannot read:\nbad.csv:1: the header is neither") {
		t.Errorf("a file of neither shape: exit %d\n%s", code, stderr)
	}
}

// exlint catalog lists versions, levels with their newest update, the
// horizon and its age, and the rows added, with their file and line; its
// CSV reads back to the same catalogue; its JSON holds every release.
func TestCatalogCommand(t *testing.T) {
	repo := futureRepo(t, "")
	out, stderr, code := exlintIn(t, repo, noEnv, "catalog", "--as-of", "2026-11-21")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "ADDED") || strings.Contains(out, " \n") {
		t.Errorf("no row added, no trailing space:\n%s", out)
	}
	out = squeeze(out)
	for _, want := range []string{
		"horizon: 2026-08-11, the date of the newest release; 102 days before 2026-11-21\n",
		"add newer releases with --catalog ExchangeBuildNumbers.csv (" + gebnURL + ")",
		"SE Exchange Server Subscription Edition 15.2.2562 to below 15.3 2025-07-01 - none (Modern Lifecycle Policy) MS-ROADMAP-2024;CSS-HC\n",
		"2019 CU15 15.2.1748.10 2025-02-10 CSS-HC CU15 Aug26SU 15.2.1748.49 2026-08-11 MS-GEBN\n",
		"2000 SP2 6.0.5762 2001-11-29 MS-BUILDS - -\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("exlint catalog lacks %q:\n%s", want, out)
		}
	}

	out, _, code = exlintIn(t, repo, noEnv, "catalog", "--as-of", "2027-01-20", "--catalog", "ExchangeBuildNumbers.csv")
	out = squeeze(out)
	for _, want := range []string{
		"exlint's Exchange catalogue: 432 releases embedded (schema/catalog/data/releases.csv), 1 added from release files\n",
		"release file ExchangeBuildNumbers.csv (--catalog, Microsoft's ExchangeBuildNumbers.csv shape): 2 rows, 1 added\n",
		"horizon: 2027-01-12, the date of the newest release; 8 days before 2027-01-20\n",
		"SE RTM 15.2.2562.17 2025-07-01 CSS-HC RTM Jan27SU 15.2.2562.90 2027-01-12 ExchangeBuildNumbers.csv:3 (--catalog)\n",
		"+ SE RTM Jan27SU 15.2.2562.90 2027-01-12 su ExchangeBuildNumbers.csv:3 (--catalog)\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exlint catalog --catalog (exit %d) lacks %q:\n%s", code, want, out)
		}
	}

	// CSV: releases.csv's shape, read back by --catalog to the same output.
	csv1, _, code := exlintIn(t, repo, noEnv, "catalog", "--catalog", "ExchangeBuildNumbers.csv", "--format", "csv")
	if code != 0 || !strings.HasPrefix(csv1, "version,name,build,date,kind,source\n5.5,RTM,5.5.1960,1998-02-03,rtm,MS-BUILDS\n") ||
		!strings.Contains(csv1, "\nSE,RTM Jan27SU,15.2.2562.90,2027-01-12,su,ExchangeBuildNumbers.csv:3\n") ||
		strings.Count(csv1, "\n") != 1+432+1 {
		t.Fatalf("CSV (exit %d):\n%.400s", code, csv1)
	}
	os.WriteFile(filepath.Join(repo, "round.csv"), []byte(csv1), 0o644)
	csv2, stderr, code := exlintIn(t, repo, noEnv, "catalog", "--catalog", "round.csv", "--format", "csv")
	if code != 0 || csv2 != csv1 {
		t.Errorf("the CSV read back (exit %d, %s) gives another CSV", code, stderr)
	}

	// JSON: every release, the added one with its file and line.
	js, _, code := exlintIn(t, repo, noEnv, "catalog", "--catalog", "ExchangeBuildNumbers.csv", "--format", "json", "--as-of", "2027-01-20")
	var doc struct {
		Horizon string `json:"horizon"`
		AgeDays int    `json:"age_days"`
		Files   []struct {
			File        string
			Rows, Added int
			Shape, Via  string
		} `json:"files"`
		Versions []struct {
			ID        string `json:"id"`
			Lifecycle string `json:"lifecycle"`
			Levels    []struct{ Name, Newest string }
			Releases  []struct {
				Name, Build, Date, Kind, Level string
				Sources                        []string
				Added                          *struct {
					File string
					Line int
					Via  string
				}
			}
		} `json:"versions"`
		Sources []struct{ Key, Title, URL string } `json:"sources"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%.300s", code, err, js)
	}
	se := doc.Versions[len(doc.Versions)-1]
	last := se.Releases[len(se.Releases)-1]
	if doc.Horizon != "2027-01-12" || doc.AgeDays != 8 || len(doc.Files) != 1 || doc.Files[0].Added != 1 || doc.Files[0].Shape != "microsoft" ||
		se.ID != "SE" || se.Lifecycle != "modern" || se.Levels[0].Newest != "RTM Jan27SU" ||
		last.Name != "RTM Jan27SU" || last.Level != "RTM" || last.Added == nil || last.Added.Line != 3 || last.Added.Via != "--catalog" || last.Sources != nil ||
		len(doc.Sources) < 5 {
		t.Errorf("JSON: %+v\nlast release %+v", doc.Files, last)
	}
	if code, _ := exlintCode(t, repo, "catalog", "--format", "yaml"); code != 2 {
		t.Errorf("--format yaml: exit %d", code)
	}
}

func exlintCode(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	_, stderr, code := exlintIn(t, dir, noEnv, args...)
	return code, stderr
}

// exlint version gives the embedded catalogue's horizon and its age, and
// how to update it once it is more than 90 days old.
func TestVersionHorizon(t *testing.T) {
	for _, tc := range []struct{ on, want string }{
		{"2026-11-09", "catalogue: Exchange releases up to 2026-08-11, 90 days before 2026-11-09 (exlint catalog lists them)\n"},
		{"2026-11-10", "catalogue: Exchange releases up to 2026-08-11, 91 days before 2026-11-10 (exlint catalog lists them)\n" +
			"more than 90 days: add Microsoft's ExchangeBuildNumbers.csv with --catalog (" + gebnURL + "), or update exlint\n"},
		{"2026-08-10", "catalogue: Exchange releases up to 2026-08-11, 1 day after 2026-08-10 (exlint catalog lists them)\n"},
	} {
		out, _, code := exlint(t, noEnv, "version", "--as-of", tc.on)
		if _, rest, _ := strings.Cut(out, "\n"); code != 0 || rest != tc.want {
			t.Errorf("version --as-of %s: exit %d\n%s", tc.on, code, out)
		}
	}
	if _, stderr, code := exlint(t, noEnv, "version", "--as-of", "2026-13-01"); code != 2 || !strings.Contains(stderr, "month") {
		t.Errorf("a bad --as-of: exit %d %s", code, stderr)
	}
}
