package config

import (
	"errors"
	"github.com/exlint/exlint/lint"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testRules = []lint.RuleInfo{
	{ID: "exchange-end-of-support", Severity: lint.Error},
	{ID: "migration-cutover-size", Severity: lint.Error},
	{ID: "syntax", Severity: lint.Error, Structural: true},
	{ID: lint.SuppressionRule, Severity: lint.Warning},
}

func TestParseConfig(t *testing.T) {
	src := `required_version = ">= 1.2, < 2.0"
as_of            = "2027-01-31"
fail_on          = "warning"
fail_on_planned  = true
exclude          = ["archive/**", "./drafts/*.exchange.hcl"]

rule "migration-cutover-size" {
  severity  = "info"
  ignorable = false
}

rule "exchange-end-of-support" {
  enabled = false
}
`
	cfg, probs := Parse("dir/.exlint.hcl", []byte(src), testRules)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.RequiredVersion.Value != ">= 1.2, < 2.0" || cfg.AsOf.Value.String() != "2027-01-31" || cfg.FailOn.Value != lint.Warning || !cfg.FailOnPlanned.Value ||
		strings.Join(cfg.Exclude.Value, ",") != "archive/**,drafts/*.exchange.hcl" || cfg.Base != "dir" {
		t.Errorf("decoded: %+v", cfg)
	}
	if cfg.FailOn.Origin() != "dir/.exlint.hcl:3:1" || cfg.FailOnPlanned.Origin() != "dir/.exlint.hcl:4:1" || cfg.Exclude.Origin() != "dir/.exlint.hcl:5:1" {
		t.Errorf("origins: %s %s %s", cfg.FailOn.Origin(), cfg.FailOnPlanned.Origin(), cfg.Exclude.Origin())
	}
	if cfg.RuleEnabled("exchange-end-of-support") || !cfg.RuleEnabled("migration-cutover-size") {
		t.Error("enabled")
	}
	if sev, ok := cfg.SeverityOf("migration-cutover-size"); !ok || sev != lint.Info {
		t.Error("severity override")
	}
	if ign, at := cfg.Ignorable(testRules[1]); ign || at.Origin() != "dir/.exlint.hcl:9:3" {
		t.Errorf("ignorable: %v %s", ign, at.Origin())
	}
	if ign, _ := cfg.Ignorable(testRules[2]); ign {
		t.Error("structural rules are never ignorable")
	}
	var nilCfg *Config
	if !nilCfg.RuleEnabled("x") {
		t.Error("a nil configuration enables everything")
	}
}

// Every mistake is reported with its place, and a suggestion where one fits.
func TestParseConfigErrors(t *testing.T) {
	cases := []struct {
		src, want string
	}{
		{`fail_onn = "warning"`, `.exlint.hcl:1:1: unknown attribute "fail_onn"; did you mean "fail_on"?`},
		{"rule \"migration-cutover-sise\" {}", `.exlint.hcl:1:6: unknown rule "migration-cutover-sise"; did you mean "migration-cutover-size"?`},
		{"rule \"migration-cutover-size\" {\n  severty = \"info\"\n}", `.exlint.hcl:2:3: unknown attribute "severty" in rule "migration-cutover-size"; did you mean "severity"?`},
		{"rule \"migration-cutover-size\" {\n  enabled = \"false\"\n}", `.exlint.hcl:2:13: enabled must be true or false: write enabled = false, without quotes`},
		{"rule \"migration-cutover-size\" {\n  severity = \"fatal\"\n}", `.exlint.hcl:2:14: severity: unknown severity "fatal"`},
		{"rule \"syntax\" {\n  enabled = false\n}", `.exlint.hcl:1:6: syntax is a structural rule`},
		{"rule \"suppression\" {\n  ignorable = false\n}", `.exlint.hcl:2:3: ignorable does not apply to suppression`},
		{"rule \"migration-cutover-size\" {}\nrule \"migration-cutover-size\" {}", `.exlint.hcl:2:6: rule "migration-cutover-size" is configured twice; the first block is at 1:1`},
		{"rules \"x\" {}", `.exlint.hcl:1:1: unknown block "rules"; did you mean "rule"?`},
		{"rule {}", `.exlint.hcl:1:1: a rule block takes one label`},
		{`as_of = "2027-02-30"`, `.exlint.hcl:1:9: as_of "2027-02-30" is not a date`},
		{`as_of = local.x`, `.exlint.hcl:1:9: as_of must be a literal value`},
		{`required_version = "newest"`, `.exlint.hcl:1:20: required_version "newest" is not a version constraint`},
		{`exclude = "archive"`, `.exlint.hcl:1:11: exclude must be a list of path patterns`},
		{`exclude = ["/abs/**"]`, `.exlint.hcl:1:11: exclude pattern "/abs/**": write a path relative`},
		{`exclude = ["a/[b"]`, `.exlint.hcl:1:11: exclude pattern "a/[b" is not a valid glob`},
		{`fail_on = 1`, `.exlint.hcl:1:11: fail_on must be a string`},
		{`fail_on_planned = "true"`, `.exlint.hcl:1:19: fail_on_planned must be true or false: write fail_on_planned = true, without quotes`},
		{`fail_on_plan = true`, `.exlint.hcl:1:1: unknown attribute "fail_on_plan"; did you mean "fail_on_planned"?`},
		{"fail_on = \"error\"\nfail_on = \"info\"", `.exlint.hcl:2:1: attribute redefined`},
		{"rule \"x\" {", `.exlint.hcl:1:10: unclosed configuration block`},
		{strings.Repeat("[", 200), `expressions nest more than`},
		{`max_file_size = "8MB"`, `.exlint.hcl:1:17: max_file_size: "8MB" is not a size between 1KiB and 1GiB`},
		{`max_file_size = 0`, `.exlint.hcl:1:17: max_file_size: "0" is not a size`},
		{`max_file_size = "2GiB"`, `.exlint.hcl:1:17: max_file_size: "2GiB" is not a size between 1KiB and 1GiB`},
		{`max_file_size = 1023`, `.exlint.hcl:1:17: max_file_size: "1023" is below 1KiB`},
		{`max_file_size = 1.5`, `.exlint.hcl:1:17: max_file_size must be a number of bytes or a size such as "8MiB"`},
		{`max_file_size = 1e100000000`, `.exlint.hcl:1:17: max_file_size: 1e+100000000 is not a size between 1KiB and 1GiB`},
		{`max_file_size = true`, `.exlint.hcl:1:17: max_file_size must be a number of bytes`},
		{`catalog = 1`, `.exlint.hcl:1:11: catalog must be a file name or a list of them`},
		{`catalog = []`, `.exlint.hcl:1:11: catalog is an empty list`},
		{`catalog = ["a.csv", 2]`, `.exlint.hcl:1:11: catalog must be a list of file names`},
		{`catalog = ["  "]`, `.exlint.hcl:1:11: catalog: a file name is empty`},
		{`catalogue = "a.csv"`, `unknown attribute "catalogue"; did you mean "catalog"?`},
	}
	for _, tc := range cases {
		_, probs := Parse(".exlint.hcl", []byte(tc.src), testRules)
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		if !strings.Contains(strings.Join(got, "\n"), tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Discovery goes up to the repository root and no further; outside a
// repository only the directory itself counts.
// A configuration's problems are capped as syntax errors are: the first
// maxProblems by place, then one that counts the others.
func TestParseConfigErrorsCapped(t *testing.T) {
	src := "bogus = 1\n" + strings.Repeat("rule \"x\" {}\n", 1000) + "late = 2\n"
	_, probs := Parse(".exlint.hcl", []byte(src), testRules)
	if len(probs) != maxProblems+1 {
		t.Fatalf("%d problems, want %d", len(probs), maxProblems+1)
	}
	if !strings.Contains(probs[0].Message, `unknown attribute "bogus"`) || probs[0].Range.Start.Line != 1 ||
		!strings.Contains(probs[maxProblems-1].Message, `unknown rule "x"`) || probs[maxProblems-1].Range.Start.Line != maxProblems {
		t.Errorf("not the first problems by place: %v ... %v", probs[0], probs[maxProblems-1])
	}
	last := probs[maxProblems]
	if want := "and 902 more problems from here on; exlint reports the first 100 of a configuration file: fix them and check again"; last.Message != want ||
		last.Range.Start.Line != maxProblems+1 {
		t.Errorf("last problem %v, want %q at line %d", last, want, maxProblems+1)
	}
	// Up to the cap, every problem.
	if _, probs := Parse(".exlint.hcl", []byte(strings.Repeat("rule \"x\" {}\n", maxProblems)), testRules); len(probs) != maxProblems {
		t.Errorf("%d problems, want %d", len(probs), maxProblems)
	}
}

func TestFindConfig(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	deep := filepath.Join(repo, "a", "b")
	os.MkdirAll(deep, 0o755)
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	writeFile(t, filepath.Join(top, FileName), "# above the repository: never read\n")

	if p, err := Find(deep); err != nil || p != "" {
		t.Errorf("a file above the repository root was found: %q %v", p, err)
	}
	writeFile(t, filepath.Join(repo, FileName), "")
	if p, _ := Find(deep); p != filepath.Join(repo, FileName) {
		t.Errorf("root config: %q", p)
	}
	writeFile(t, filepath.Join(repo, "a", FileName), "")
	if p, _ := Find(deep); p != filepath.Join(repo, "a", FileName) {
		t.Errorf("nearest config: %q", p)
	}
	// A worktree's .git is a file: it marks the root too.
	wt := filepath.Join(top, "wt")
	os.MkdirAll(filepath.Join(wt, "x"), 0o755)
	writeFile(t, filepath.Join(wt, ".git"), "gitdir: elsewhere\n")
	if p, _ := Find(filepath.Join(wt, "x")); p != "" {
		t.Errorf("worktree: %q", p)
	}
	// Outside a repository: the directory itself only.
	plain := filepath.Join(top, "plain", "sub")
	os.MkdirAll(plain, 0o755)
	writeFile(t, filepath.Join(top, "plain", FileName), "")
	if p, _ := Find(plain); p != "" {
		t.Errorf("outside a repository, parents are not searched: %q", p)
	}
	if p, _ := Find(filepath.Join(top, "plain")); p != filepath.Join(top, "plain", FileName) {
		t.Errorf("outside a repository, the directory itself counts: %q", p)
	}
}

func TestExcluded(t *testing.T) {
	base := t.TempDir()
	cfg := &Config{Base: base, Exclude: Setting[[]string]{Value: []string{"archive/**", "drafts", "**/*.draft.exchange.hcl"}, Set: true}}
	cases := map[string]string{
		"archive":                           "archive/**",
		"archive/old/x.exchange.hcl":        "archive/**",
		"drafts/y.exchange.hcl":             "drafts",
		"live/a.draft.exchange.hcl":         "**/*.draft.exchange.hcl",
		"live/a.exchange.hcl":               "",
		"archived/x.exchange.hcl":           "",
		"../outside/archive/x.exchange.hcl": "",
	}
	for p, want := range cases {
		if got := cfg.Excluded(filepath.Join(base, filepath.FromSlash(p))); got != want {
			t.Errorf("Excluded(%s) = %q, want %q", p, got, want)
		}
	}
	// Relative paths are taken from the working directory.
	t.Chdir(base)
	if got := cfg.Excluded("archive/x.exchange.hcl"); got != "archive/**" {
		t.Errorf("relative path: %q", got)
	}
}

func TestCheckVersion(t *testing.T) {
	cfg := &Config{RequiredVersion: Setting[string]{Value: ">= 1.2, < 2.0", Set: true}}
	for v, ok := range map[string]bool{"v1.2.0": true, "1.9.9": true, "v2.0.0": false, "v1.1.9": false, "v1.3.0-rc.1": true} {
		checked, err := cfg.CheckVersion(v)
		if !checked || (err == nil) != ok {
			t.Errorf("%s: checked %v, err %v", v, checked, err)
		}
	}
	for _, dev := range []string{"dev", "(devel)", "v0.0.0-20261121000000-abcdef123456"} {
		if checked, err := cfg.CheckVersion(dev); checked || err != nil {
			t.Errorf("%s: a development build is not checked (%v %v)", dev, checked, err)
		}
	}
	if _, err := cfg.CheckVersion("v2.1.0"); err == nil || !strings.Contains(err.Error(), "needs exlint >= 1.2, < 2.0, and this is exlint v2.1.0") {
		t.Errorf("message: %v", err)
	}
}

// max_file_size: bytes, or a size with a binary unit, from 1KiB to 1GiB.
func TestMaxFileSize(t *testing.T) {
	for src, want := range map[string]int64{
		`max_file_size = 8388608`:   8 << 20,
		`max_file_size = "8MiB"`:    8 << 20,
		`max_file_size = "512KiB"`:  512 << 10,
		`max_file_size = "1GiB"`:    1 << 30,
		`max_file_size = 1024`:      1024,
		`max_file_size = " 2 MiB "`: 2 << 20,
	} {
		cfg, probs := Parse(".exlint.hcl", []byte(src), testRules)
		if len(probs) > 0 || cfg.Limits().MaxFileSize != want {
			t.Errorf("%s: %v %v", src, cfg.Limits().MaxFileSize, probs)
		}
	}
	var none *Config
	if none.Limits().MaxFileSize != 4<<20 {
		t.Error("the default is 4MiB")
	}
}

// catalog names one release file or a list of them, relative to the
// configuration's directory; --catalog names them from the working
// directory.
func TestCatalogSetting(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`catalog = "ExchangeBuildNumbers.csv"`, filepath.Join("dir", "ExchangeBuildNumbers.csv")},
		{`catalog = ["a.csv", "sub/b.csv", "/abs/c.csv"]`, strings.Join([]string{filepath.Join("dir", "a.csv"), filepath.Join("dir", "sub", "b.csv"), filepath.FromSlash("/abs/c.csv")}, ",")},
	} {
		cfg, probs := Parse("dir/.exlint.hcl", []byte(tc.src), testRules)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", tc.src, probs)
		}
		if got := strings.Join(cfg.CatalogPaths(), ","); got != tc.want || cfg.Catalog.Origin() != "dir/.exlint.hcl:1:1" {
			t.Errorf("%s: paths %s (origin %s), want %s", tc.src, got, cfg.Catalog.Origin(), tc.want)
		}
	}
	cfg, _ := Parse("dir/.exlint.hcl", []byte(`catalog = "a.csv"`), testRules)
	cfg.Catalog.Override([]string{"b.csv"}, "--catalog")
	if got := strings.Join(cfg.CatalogPaths(), ","); got != "b.csv" {
		t.Errorf("--catalog: %s", got)
	}
	var none *Config
	if none.CatalogPaths() != nil {
		t.Error("no configuration names no file")
	}
}

// The files a configuration found in a repository names are read inside
// it only; a configuration named by the user reads them anywhere.
func TestReadFileInsideRoot(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	writeFile(t, filepath.Join(top, "outside.csv"), "x")
	writeFile(t, filepath.Join(repo, "in.csv"), "y")
	if root, err := SearchRoot(filepath.Join(repo, ".git")); err != nil || root != repo {
		t.Errorf("SearchRoot: %q %v", root, err)
	}
	if root, _ := SearchRoot(top); root != top {
		t.Errorf("outside a repository, the directory itself: %q", root)
	}
	found := &Config{Root: repo}
	var out *OutsideError
	for _, p := range []string{filepath.Join(top, "outside.csv"), filepath.Join(repo, "..", "outside.csv")} {
		if _, err := found.ReadFile(p, 10); !errors.As(err, &out) || out.Link {
			t.Errorf("%s: %v", p, err)
		}
	}
	if b, err := found.ReadFile(filepath.Join(repo, "in.csv"), 10); err != nil || string(b) != "y" {
		t.Errorf("inside: %q %v", b, err)
	}
	if err := os.Symlink(filepath.Join(top, "outside.csv"), filepath.Join(repo, "lnk.csv")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := found.ReadFile(filepath.Join(repo, "lnk.csv"), 10); !errors.As(err, &out) || !out.Link {
		t.Errorf("a link out: %v", err)
	}
	named := &Config{}
	if b, err := named.ReadFile(filepath.Join(repo, "lnk.csv"), 10); err != nil || string(b) != "x" {
		t.Errorf("named: %q %v", b, err)
	}
}
