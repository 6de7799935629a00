package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Test rules: one reports every server's version, one every server block,
// one every role of a server.
var suppressRules = []lint.Rule{
	ruleFunc{lint.RuleInfo{ID: "ver-rule", Severity: lint.Error}, func(p *lint.Pass) {
		for _, s := range p.Topology.Servers {
			p.Report(s.Version, "version of "+s.Name())
		}
	}},
	ruleFunc{lint.RuleInfo{ID: "block-rule", Severity: lint.Warning}, func(p *lint.Pass) {
		for _, s := range p.Topology.Servers {
			p.Report(s, "server "+s.Name())
		}
	}},
	ruleFunc{lint.RuleInfo{ID: "role-rule", Severity: lint.Info}, func(p *lint.Pass) {
		for _, s := range p.Topology.Servers {
			if s.Roles != nil {
				for _, r := range s.Roles.Items {
					p.Report(r, "role "+r.Value)
				}
			}
		}
	}},
}

const srv = `server "%s" {
  version = "SE"
  update  = "RTM"
}
`

// runFiles checks a topology made of files and returns its findings as
// "file:line rule[: message]" (messages for the suppression rule only) and
// the number suppressed.
func runFiles(t *testing.T, files map[string]string, cfg *config.Config, args ...string) ([]string, int) {
	t.Helper()
	dir := t.TempDir()
	writeTopology(t, dir, files)
	t.Chdir(dir)
	if len(args) == 0 {
		args = []string{"."}
	}
	res, err := Run(args, Options{Rules: suppressRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"),
		Limits: schema.DefaultLimits, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		s := fmt.Sprintf("%s:%d %s", f.Range.Filename, f.Range.Start.Line, f.Rule)
		if f.Rule == lint.SuppressionRule || f.Rule == "schema" {
			s += ": " + f.Message
		}
		out = append(out, s)
	}
	return out, res.Suppressed
}

// writeTopology writes files, and an organization block in a file of its
// own (every topology needs one).
func writeTopology(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	files["org.exchange.hcl"] = "organization \"O\" {}\n"
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func check(t *testing.T, got []string, suppressed int, wantSuppressed int, want ...string) {
	t.Helper()
	if suppressed != wantSuppressed {
		t.Errorf("suppressed %d, want %d", suppressed, wantSuppressed)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

func TestSuppressionPlacement(t *testing.T) {
	cases := []struct {
		name       string
		src        string
		suppressed int
		want       []string
	}{
		{"trailing comment covers its line", `server "A" {
  version = "SE" # exlint-ignore: ver-rule -- lab server
  update  = "RTM"
}
` + fmt.Sprintf(srv, "B"), 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:5 block-rule", "t.exchange.hcl:6 ver-rule"}},

		{"line above", `server "A" {
  # exlint-ignore: ver-rule -- lab server
  version = "SE"
  update  = "RTM"
}
`, 1, []string{"t.exchange.hcl:1 block-rule"}},

		{"above a block header covers the block", `# exlint-ignore: ver-rule, block-rule -- retired in March
server "A" {
  version = "SE"
  update  = "RTM"
}
` + fmt.Sprintf(srv, "B"), 2, []string{"t.exchange.hcl:6 block-rule", "t.exchange.hcl:7 ver-rule"}},

		{"stacked comments", `server "A" {
  // exlint-ignore: ver-rule -- one
  # a note between
  /* exlint-ignore: role-rule -- two */
  version = "SE"
  update  = "RTM"
}
`, 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:4 suppression: this suppression of role-rule suppresses nothing"}},

		{"a blank line ends it", `server "A" {
  # exlint-ignore: ver-rule -- lab

  version = "SE"
  update  = "RTM"
}
`, 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: this suppression is not directly above", "t.exchange.hcl:4 ver-rule"}},

		{"a multi-line attribute is one item", `server "A" {
  version = "SE"
  update  = "RTM"
  # exlint-ignore: role-rule -- both roles on purpose
  roles = [
    "mailbox",
    "edge_transport",
  ]
}
`, 2, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 ver-rule"}},

		{"file level", `# exlint-ignore-file: block-rule -- a lab topology
` + fmt.Sprintf(srv, "A") + fmt.Sprintf(srv, "B"), 2, []string{"t.exchange.hcl:3 ver-rule", "t.exchange.hcl:7 ver-rule"}},

		{"file level after the first block", fmt.Sprintf(srv, "A") + `# exlint-ignore-file: block-rule -- too late
` + fmt.Sprintf(srv, "B"), 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 ver-rule",
			"t.exchange.hcl:5 suppression: exlint-ignore-file must come before the first block", "t.exchange.hcl:6 block-rule", "t.exchange.hcl:7 ver-rule"}},

		{"in a string or heredoc it is not a comment", `server "A" {
  version = "SE"
  update  = <<EOT
# exlint-ignore: ver-rule -- no
EOT
}
server "B" {
  version = "SE"
  update  = "RTM # exlint-ignore: ver-rule -- no"
}
`, 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 ver-rule", "t.exchange.hcl:7 block-rule", "t.exchange.hcl:8 ver-rule"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, n := runFiles(t, map[string]string{"t.exchange.hcl": tc.src}, nil)
			check(t, got, n, tc.suppressed, tc.want...)
		})
	}
}

// What the suppression rule reports about suppressions themselves.
func TestSuppressionProblems(t *testing.T) {
	cases := []struct {
		name       string
		comment    string
		suppressed int
		want       []string
	}{
		{"no reason", "# exlint-ignore: ver-rule", 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: this suppression gives no reason: add one after --"}},
		{"empty reason", "# exlint-ignore: ver-rule --  ", 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: this suppression gives no reason"}},
		{"unused", "# exlint-ignore: role-rule -- x", 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: this suppression of role-rule suppresses nothing", "t.exchange.hcl:3 ver-rule"}},
		{"unknown rule", "# exlint-ignore: ver-rul -- x", 0, []string{"t.exchange.hcl:1 block-rule", `t.exchange.hcl:2 suppression: "ver-rul" is not a rule; did you mean "ver-rule"?`, "t.exchange.hcl:3 ver-rule"}},
		{"all", "# exlint-ignore: all -- x", 0, []string{"t.exchange.hcl:1 block-rule", `t.exchange.hcl:2 suppression: exlint has no "all"`, "t.exchange.hcl:3 ver-rule"}},
		{"structural", "# exlint-ignore: ver-rule, schema -- x", 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: schema findings are structural"}},
		{"itself", "# exlint-ignore: ver-rule, suppression -- x", 1, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: suppression findings cannot be suppressed inline"}},
		{"malformed", "# exlint-ignore ver-rule -- x", 0, []string{"t.exchange.hcl:1 block-rule", `t.exchange.hcl:2 suppression: "exlint-ignore ver-rule -- x" is not a suppression exlint understands`, "t.exchange.hcl:3 ver-rule"}},
		{"another verb", "# exlint-ignore-next-line: ver-rule -- x", 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: \"exlint-ignore-next-line", "t.exchange.hcl:3 ver-rule"}},
		{"no rule", "# exlint-ignore: -- x", 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:2 suppression: this suppression names no rule", "t.exchange.hcl:3 ver-rule"}},
		{"not a directive", "# see exlint-ignore docs", 0, []string{"t.exchange.hcl:1 block-rule", "t.exchange.hcl:3 ver-rule"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "server \"A\" {\n  " + tc.comment + "\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"
			got, n := runFiles(t, map[string]string{"t.exchange.hcl": src}, nil)
			check(t, got, n, tc.suppressed, tc.want...)
		})
	}
}

// Structural findings are never suppressed, and while they stop the rules,
// no suppression is called unused.
func TestSuppressionAndStructuralFindings(t *testing.T) {
	src := "# exlint-ignore-file: schema, ver-rule -- x\nserver \"A\" {\n  version = \"SE\"\n  update  = \"RTM\"\n  colour = \"blue\"\n}\n"
	got, n := runFiles(t, map[string]string{"t.exchange.hcl": src}, nil)
	check(t, got, n, 0, "t.exchange.hcl:1 suppression: schema findings are structural", `t.exchange.hcl:5 schema: unknown attribute "colour"`)
}

// The configuration: ignorable = false makes a rule unsuppressible; a
// disabled rule's suppressions are not unused; a disabled suppression rule
// reports nothing; its severity can be changed.
func TestSuppressionAndConfig(t *testing.T) {
	src := "server \"A\" {\n  # exlint-ignore: ver-rule, role-rule -- x\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"
	cfg, probs := config.Parse(".exlint.hcl", []byte(`rule "ver-rule" {
  ignorable = false
}`), append(testRules, lint.RuleInfo{ID: "ver-rule"}, lint.RuleInfo{ID: "role-rule"}))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, n := runFiles(t, map[string]string{"t.exchange.hcl": src}, cfg)
	check(t, got, n, 0, "t.exchange.hcl:1 block-rule",
		"t.exchange.hcl:2 suppression: this suppression of role-rule suppresses nothing",
		"t.exchange.hcl:2 suppression: ver-rule cannot be suppressed: the configuration says ignorable = false (.exlint.hcl:2:3)",
		"t.exchange.hcl:3 ver-rule")

	off, _ := config.Parse(".exlint.hcl", []byte("rule \"role-rule\" {\n  enabled = false\n}\nrule \"suppression\" {\n  severity = \"error\"\n}\n"),
		append(testRules, lint.RuleInfo{ID: "role-rule"}))
	res := mustRun(t, map[string]string{"t.exchange.hcl": src}, off)
	if len(res.Findings) != 1 || res.Findings[0].Rule != "block-rule" || res.Suppressed != 1 {
		t.Errorf("a disabled rule's suppression is not unused: %v", res.Findings)
	}
	bad := "server \"A\" {\n  # exlint-ignore: nothing-here -- x\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"
	res = mustRun(t, map[string]string{"t.exchange.hcl": bad}, off)
	if len(res.Findings) != 3 || res.Findings[1].Rule != lint.SuppressionRule || res.Findings[1].Severity != lint.Error {
		t.Errorf("severity override of the suppression rule: %v", res.Findings)
	}
	quiet, _ := config.Parse(".exlint.hcl", []byte("rule \"suppression\" {\n  enabled = false\n}\n"), testRules)
	res = mustRun(t, map[string]string{"t.exchange.hcl": bad}, quiet)
	for _, f := range res.Findings {
		if f.Rule == lint.SuppressionRule {
			t.Errorf("a disabled suppression rule reports: %v", f)
		}
	}
}

func mustRun(t *testing.T, files map[string]string, cfg *config.Config) *Result {
	t.Helper()
	dir := t.TempDir()
	writeTopology(t, dir, files)
	t.Chdir(dir)
	res, err := Run([]string{"."}, Options{Rules: suppressRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"),
		Limits: schema.DefaultLimits, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// JSON files carry a file-level suppression in a top-level "//" key.
func TestSuppressionJSON(t *testing.T) {
	top := `{
  "//": "exlint-ignore-file: block-rule -- generated by the inventory export",
  "server": {"A": {"version": "SE", "update": "RTM"}}
}`
	got, n := runFiles(t, map[string]string{"t.exchange.hcl.json": top}, nil)
	check(t, got, n, 1, "t.exchange.hcl.json:3 ver-rule")

	nested := `{
  "server": {"A": {"//": "exlint-ignore-file: ver-rule -- x", "version": "SE", "update": "RTM"}}
}`
	got, n = runFiles(t, map[string]string{"t.exchange.hcl.json": nested}, nil)
	check(t, got, n, 0, "t.exchange.hcl.json:2 block-rule", `t.exchange.hcl.json:2 suppression: in a JSON file, only a "//" key at the top level`, "t.exchange.hcl.json:2 ver-rule")

	line := "\xEF\xBB\xBF" + `{"//": "exlint-ignore: ver-rule -- x", "server": {"A": {"version": "SE", "update": "RTM"}}}`
	got, n = runFiles(t, map[string]string{"t.exchange.hcl.json": line}, nil)
	check(t, got, n, 0, "t.exchange.hcl.json:1 suppression: JSON files have no comments", "t.exchange.hcl.json:1 block-rule", "t.exchange.hcl.json:1 ver-rule")
	res := mustRun(t, map[string]string{"t.exchange.hcl.json": line}, nil)
	for _, f := range res.Findings {
		// Positions count from after the byte order mark, as hcl's do.
		if f.Rule == lint.SuppressionRule && (f.Range.Start.Column != 8 || f.Range.Start.Byte != 7) {
			t.Errorf("position of the JSON suppression: %+v", f.Range)
		}
	}
}

// A file argument reports its own suppressions only.
func TestSuppressionCountsNamedFilesOnly(t *testing.T) {
	a := "# exlint-ignore-file: block-rule -- x\n" + fmt.Sprintf(srv, "A")
	b := "# exlint-ignore-file: block-rule, ver-rule -- x\n" + fmt.Sprintf(srv, "B")
	got, n := runFiles(t, map[string]string{"a.exchange.hcl": a, "b.exchange.hcl": b}, nil, "a.exchange.hcl")
	check(t, got, n, 1, "a.exchange.hcl:3 ver-rule")
}

// In a plan, whether a suppression is used is known only when every state
// was checked: a stage whose state is not (it removes a server a connector
// still names) leaves its suppressions unjudged. And problems at one place
// count as many as one state holds there.
func TestSuppressionInPlans(t *testing.T) {
	stage := `stage "s1" {
  date = "2027-01"
  remove "server" "EX1" {}
  add "server" "EX2" {
    version = "SE" # exlint-ignore: ver-rule -- being replaced
    update  = "RTM"
  }
}
`
	connector := "connector \"send\" \"Out\" {\n  servers = [\"EX1\"]\n  address_spaces = [\"*\"]\n}\n"
	got, n := runFiles(t, map[string]string{"t.exchange.hcl": fmt.Sprintf(srv, "EX1") + connector + stage}, nil)
	for _, g := range got {
		if strings.Contains(g, "suppresses nothing") {
			t.Errorf("a suppression in a state not checked is reported unused: %s", g)
		}
	}
	if n != 0 {
		t.Errorf("suppressed %d, want 0", n)
	}
}
