package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the reporters' real output")

// hostile is a message no format may let out of its place: it closes XML
// elements and CDATA sections, holds workflow-command syntax, percent signs,
// quotes, a newline, a terminal escape, an Azure DevOps logging command, a
// Markdown table cell end and a bidirectional override.
const hostile = "server \"EX</failure>]]>\" runs 50% of '::error::' \n::warning file=x::pwned \x1b[31mred ##vso[task.setvariable variable=x]1 | cell \u202eevil"

// fixture is a report over two files: a plain one with a non-ASCII line
// (a combining mark, so that grapheme, code point and byte columns differ)
// and one with a hostile name.
func fixture() *Report {
	plain := "topo/a.exchange.hcl"
	evil := "topo/we\"ird%::,</failure>.exchange.hcl"
	src := "server \"EX01\" {\n  version = \"2016\"\n  site = \"Zu\u0308rich\" # x\n}\n"
	return &Report{
		AsOf: "2026-11-21",
		Findings: []lint.Finding{
			{Rule: "exchange-end-of-support", Severity: lint.Error, Message: "EX01 runs Exchange Server 2016", Address: "server.EX01.version",
				Range: rng(plain, 2, 13, 28, 2, 19, 34)},
			// `  site = "Zu\u0308rich" # x`: the finding is the comment. It starts
			// at HCL column 19 (graphemes), code point column 20, byte 20 of the
			// line.
			{Rule: "some-rule", Severity: lint.Info, Message: "a note after a combining mark", Address: "server.EX01.site",
				Range: rng(plain, 3, 19, 55, 3, 22, 58)},
			{Rule: "duplicate", Severity: lint.Error, Message: "server \"EX01\" is defined twice", Address: "server.EX01",
				Range:   rng(evil, 1, 8, 7, 1, 14, 13),
				Related: []lint.Related{{Range: rng(plain, 1, 8, 7, 1, 14, 13), Message: "first defined here"}}},
			{Rule: "migration-cutover-size", Severity: lint.Warning, Message: hostile, Address: `server."EX</failure>".update`,
				Range: rng(evil, 2, 3, 18, 2, 9, 24)},
		},
		Sources: map[string]*lint.Excerpt{
			plain: lint.ExcerptOf([]byte(src)),
			evil:  lint.ExcerptOf([]byte("server \"EX01\" {\n  update = \"CU1\"\n}\n")),
		},
		Topologies: 1, Files: 3,
		Checked:    []string{plain, evil, "topo/clean.exchange.hcl"},
		Suppressed: 2, Baselined: 1,
		Rules: []lint.RuleInfo{
			{ID: "exchange-end-of-support", Severity: lint.Error, Summary: "a server past its end of support"},
			{ID: "migration-cutover-size", Severity: lint.Error, Summary: "a cutover migration of more than 2,000 mailboxes"},
			{ID: "some-rule", Severity: lint.Info, Summary: "a rule with <html> & `code` in its summary"},
			{ID: "duplicate", Severity: lint.Error, Summary: "two blocks with the same type and name", Structural: true},
		},
		Tool: Tool{Name: "exlint", Version: "1.2.3", InformationURI: "https://github.com/exlint/exlint"},
	}
}

func render(t *testing.T, format string, r *Report, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(format, &b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./lint/report -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./lint/report -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// Every format's output of the fixture and of the plan fixture, byte for
// byte, and the same bytes on a second run. The fixture's goldens, a report
// without stages, did not change when plans came.
func TestFormatsGolden(t *testing.T) {
	ext := map[string]string{"text": "txt", "json": "json", "compact": "compact.txt", "sarif": "sarif",
		"junit": "junit.xml", "checkstyle": "checkstyle.xml", "github": "github.txt"}
	for name, report := range map[string]func() *Report{"fixture": fixture, "plan": planFixture} {
		for _, format := range Formats {
			t.Run(name+"/"+format, func(t *testing.T) {
				var summary bytes.Buffer
				got := render(t, format, report(), Options{StepSummary: &summary})
				if again := render(t, format, report(), Options{StepSummary: &bytes.Buffer{}}); again != got {
					t.Error("two runs over the same report differ")
				}
				goldenFile(t, name+"."+ext[format], got)
				if format == "github" {
					goldenFile(t, name+".github-summary.md", summary.String())
				}
			})
		}
	}
	if err := Write("xml", &bytes.Buffer{}, fixture(), Options{}); err == nil {
		t.Error("an unknown format must be an error")
	}
}

// The line-oriented formats keep one finding per line whatever it holds.
func TestLineFormatsEscape(t *testing.T) {
	r := fixture()
	for _, format := range []string{"text", "compact", "github"} {
		out := render(t, format, r, Options{})
		for _, bad := range []string{"\x1b", "\u202e", "##vso[", "\n::warning file=x", "evil\n"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: output holds %q:\n%s", format, bad, out)
			}
		}
	}
	compact := strings.Split(strings.TrimSuffix(render(t, "compact", r, Options{}), "\n"), "\n")
	if len(compact) != len(r.Findings) {
		t.Fatalf("compact: %d lines for %d findings", len(compact), len(r.Findings))
	}
	if want := `topo/we"ird%::,</failure>.exchange.hcl:2:3: warning: server "EX</failure>]]>" runs 50% of '::error::' \n::warning file=x::pwned \x1b[31mred ##` + "\u200b" + `vso[task.setvariable variable=x]1 | cell \u202eevil [migration-cutover-size]`; compact[3] != want {
		t.Errorf("compact line:\n got %s\nwant %s", compact[3], want)
	}
}

// GitHub workflow commands: every finding is one command whose properties
// and message decode back to the original.
func TestGitHubCommands(t *testing.T) {
	out := render(t, "github", fixture(), Options{})
	cmd := regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	var msgs []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "::") {
			continue
		}
		m := cmd.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a workflow command: %q", line)
		}
		props := map[string]string{}
		for _, kv := range strings.Split(m[2], ",") {
			k, v, _ := strings.Cut(kv, "=")
			props[k] = unescape.Replace(v)
		}
		if props["file"] == "" || props["line"] == "" || props["col"] == "" || props["endLine"] == "" || props["endColumn"] == "" || !strings.HasPrefix(props["title"], "exlint: ") {
			t.Errorf("missing property in %q: %v", line, props)
		}
		msgs = append(msgs, unescape.Replace(m[3]))
		if strings.Contains(props["file"], "we\"ird") && props["file"] != "topo/we\"ird%::,</failure>.exchange.hcl" {
			t.Errorf("file property decodes to %q", props["file"])
		}
	}
	// The message keeps its line break (escaped as %0A in the command) and
	// loses its terminal and log escapes.
	want := "server \"EX</failure>]]>\" runs 50% of '::error::' \n::warning file=x::pwned \\x1b[31mred ##\u200bvso[task.setvariable variable=x]1 | cell \\u202eevil ("
	if len(msgs) != 4 || !strings.HasPrefix(msgs[3], want) {
		t.Errorf("messages: %q", msgs)
	}
	if !strings.HasPrefix(strings.SplitN(out, "\n", 2)[0], "::error file=topo/a.exchange.hcl,line=2,col=13,endLine=2,endColumn=19,title=exlint%3A exchange-end-of-support::") {
		t.Errorf("first command: %s", out)
	}
}

// GitHub shows 10 annotations of each kind per step: the rest are printed as
// lines, and the step summary says so and lists every finding, errors
// first.
func TestGitHubAnnotationCaps(t *testing.T) {
	r := &Report{Topologies: 1, Files: 1}
	for i := range 3 {
		r.Findings = append(r.Findings, lint.Finding{Rule: "r", Severity: lint.Warning, Message: fmt.Sprintf("warning %d | x", i), Range: rng("f.exchange.hcl", i+1, 1, 0, i+1, 2, 1)})
	}
	for i := range 25 {
		r.Findings = append(r.Findings, lint.Finding{Rule: "r", Severity: lint.Error, Message: fmt.Sprintf("error %d", i), Range: rng("f.exchange.hcl", 10+i, 1, 0, 10+i, 2, 1)})
	}
	var summary bytes.Buffer
	out := render(t, "github", r, Options{StepSummary: &summary})
	if n := strings.Count("\n"+out, "\n::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if n := strings.Count("\n"+out, "\n::warning "); n != 3 {
		t.Errorf("%d warning annotations, want 3", n)
	}
	if !strings.Contains(out, "exlint: 15 more finding(s)") || !strings.Contains(out, "f.exchange.hcl:34:1: error: error 24 [r]") {
		t.Errorf("overflow lines missing:\n%s", out)
	}
	s := summary.String()
	rows := regexp.MustCompile(`(?m)^\| (error|warning) \|`).FindAllStringSubmatch(s, -1)
	if !strings.Contains(s, "15 finding(s) did not fit") || len(rows) != 28 || rows[24][1] != "error" || rows[25][1] != "warning" {
		t.Errorf("step summary:\n%s", s)
	}
	// Without findings, the summary only counts.
	summary.Reset()
	render(t, "github", &Report{Topologies: 1, Files: 1}, Options{StepSummary: &summary})
	if summary.String() != "### exlint\n\nchecked 1 topology \\(1 file\\): no problems found\n\n" {
		t.Errorf("empty summary: %q", summary.String())
	}
}

// The Markdown summary cannot be broken out of a table cell.
func TestMarkdownEscaping(t *testing.T) {
	got := escape.Markdown(hostile)
	for _, bad := range []string{"\n", "</failure>", "<", "\x1b", "\u202e"} {
		if strings.Contains(got, bad) {
			t.Errorf("markdownText leaves %q: %s", bad, got)
		}
	}
	if regexp.MustCompile(`(^|[^\\])\|`).MatchString(got) {
		t.Errorf("markdownText leaves an unescaped |: %s", got)
	}
}

// The XML formats parse, and carry every message intact.
func TestXMLFormatsRoundTrip(t *testing.T) {
	r := fixture()
	var cs struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(render(t, "checkstyle", r, Options{})), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs.Files) != 3 || cs.Files[2].Name != "topo/we\"ird%::,</failure>.exchange.hcl" || cs.Files[1].Name != "topo/clean.exchange.hcl" || len(cs.Files[1].Errors) != 0 {
		t.Fatalf("checkstyle files: %+v", cs.Files)
	}
	e := cs.Files[2].Errors[1]
	if e.Message != xmlText(hostile) || e.Source != "migration-cutover-size" || e.Severity != "warning" || e.Line != 2 || e.Column != 3 {
		t.Errorf("checkstyle error: %+v", e)
	}

	var ju struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Type    string `xml:"type,attr"`
					Data    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(render(t, "junit", r, Options{})), &ju); err != nil {
		t.Fatal(err)
	}
	if ju.Tests != 5 || ju.Failures != 4 || len(ju.Suites) != 3 {
		t.Fatalf("junit: %d tests, %d failures, %d suites", ju.Tests, ju.Failures, len(ju.Suites))
	}
	c := ju.Suites[2].Cases[1]
	if c.Name != `migration-cutover-size: server."EX</failure>".update` || c.Failure == nil || c.Failure.Message != xmlText(hostile) ||
		c.Failure.Type != "warning" || !strings.Contains(c.Failure.Data, "]]>") {
		t.Errorf("junit case: %+v", c)
	}
}

func sarifDoc(t *testing.T, r *Report) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(render(t, "sarif", r, Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// The SARIF output is valid against the OASIS SARIF 2.1.0 schema.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	leftOut := fixture()
	leftOut.LeftOut, leftOut.MaxFindingsPerFile, leftOut.MaxFindings = []LeftOut{{File: "a.exchange.hcl", Count: 3}}, 1, 10
	nothingUnknown := fixture()
	nothingUnknown.Coverage = true
	for name, r := range map[string]*Report{"fixture": fixture(), "empty": {AsOf: "2026-11-21"}, "findings left out": leftOut, "plan": planFixture(),
		"coverage": coverageFixture(), "nothing unknown": nothingUnknown} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(render(t, "sarif", r, Options{})))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func sarifResults(doc map[string]any) []map[string]any {
	var out []map[string]any
	for _, r := range doc["runs"].([]any)[0].(map[string]any)["results"].([]any) {
		out = append(out, r.(map[string]any))
	}
	return out
}

func region(res map[string]any) map[string]any {
	loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	return loc["region"].(map[string]any)
}

func uri(res map[string]any) string {
	loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	return loc["artifactLocation"].(map[string]any)["uri"].(string)
}

// SARIF: tool, rules with help URIs and default levels, columnKind, and
// columns counted in code points from byte offsets.
func TestSARIFContent(t *testing.T) {
	doc := sarifDoc(t, fixture())
	run := doc["runs"].([]any)[0].(map[string]any)
	if doc["version"] != "2.1.0" || run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("version %v, columnKind %v", doc["version"], run["columnKind"])
	}
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "exlint" || driver["version"] != "1.2.3" {
		t.Errorf("driver: %v", driver)
	}
	rules := driver["rules"].([]any)
	if len(rules) != 4 {
		t.Fatalf("%d rules, want every rule of the report", len(rules))
	}
	some := rules[2].(map[string]any)
	if some["id"] != "some-rule" || some["helpUri"] != lint.DocsBaseURL+"some-rule.md" ||
		some["defaultConfiguration"].(map[string]any)["level"] != "note" {
		t.Errorf("rule: %v", some)
	}
	res := sarifResults(doc)
	// The line `  site = "Zu\u0308rich" # x`: the comment starts at HCL column
	// 19 (graphemes), code point column 20.
	reg := region(res[1])
	if reg["startLine"].(float64) != 3 || reg["startColumn"].(float64) != 20 || reg["endColumn"].(float64) != 23 {
		t.Errorf("non-ASCII columns: %v", reg)
	}
	if res[1]["level"] != "note" || res[1]["ruleId"] != "some-rule" || res[1]["ruleIndex"].(float64) != 2 {
		t.Errorf("result: %v", res[1])
	}
	if uri(res[3]) != "topo/we%22ird%25::,%3C/failure%3E.exchange.hcl" {
		t.Errorf("uri not percent-encoded: %s", uri(res[3]))
	}
	if res[3]["message"].(map[string]any)["text"] != hostile {
		t.Error("the message must be carried intact")
	}
}

// Fingerprints depend on the rule, the file and the address, not on lines:
// a finding that moves keeps its fingerprint; another address changes it.
func TestSARIFFingerprintsStable(t *testing.T) {
	fp := func(r *Report) []string { return fingerprints(t, r) }
	a := fixture()
	b := fixture()
	for i := range b.Findings {
		b.Findings[i].Range.Start.Line += 7
		b.Findings[i].Range.End.Line += 7
		b.Findings[i].Range.Start.Byte += 40
		b.Findings[i].Range.End.Byte += 40
	}
	fa, fb := fp(a), fp(b)
	if strings.Join(fa, ",") != strings.Join(fb, ",") {
		t.Errorf("fingerprints changed with line moves: %v %v", fa, fb)
	}
	seen := map[string]bool{}
	for _, f := range fa {
		if seen[f] {
			t.Errorf("two findings share fingerprint %s", f)
		}
		seen[f] = true
	}
	c := fixture()
	c.Findings[0].Address = "server.EX02.version"
	if fp(c)[0] == fa[0] {
		t.Error("another address must give another fingerprint")
	}
	// Two findings of one rule at one address stay distinct.
	d := fixture()
	d.Findings = append(d.Findings, d.Findings[0])
	if f := fp(d); f[0] == f[4] {
		t.Error("repeated findings must get distinct fingerprints")
	}
}

// fingerprints are the SARIF results' exlint fingerprints, in order.
func fingerprints(t *testing.T, r *Report) []string {
	var out []string
	for _, res := range sarifResults(sarifDoc(t, r)) {
		out = append(out, res["partialFingerprints"].(map[string]any)[FingerprintKey].(string))
	}
	return out
}

// URIs are relative to the base directory with "/" separators; a file
// outside it gets a file:// URI.
func TestSARIFURIs(t *testing.T) {
	base := filepath.FromSlash("/work/repo")
	cases := map[string]string{
		"topo/a.exchange.hcl":                             "topo/a.exchange.hcl",
		"./topo/a.exchange.hcl":                           "topo/a.exchange.hcl",
		filepath.FromSlash("/work/repo/x/b.exchange.hcl"): "x/b.exchange.hcl",
		filepath.FromSlash("/elsewhere/c d.exchange.hcl"): "file:///elsewhere/c%20d.exchange.hcl",
		"../up.exchange.hcl":                              "file:///work/up.exchange.hcl",
		// A first directory that reads as a scheme stays relative.
		"https:x/a.exchange.hcl": "./https:x/a.exchange.hcl",
		"c:/a.exchange.hcl":      "./c:/a.exchange.hcl",
		"a/b:c.exchange.hcl":     "a/b:c.exchange.hcl",
	}
	for in, want := range cases {
		if got := fileURI(base, in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// The counts of suppressed and baselined findings reach the summaries.
func TestHiddenCounts(t *testing.T) {
	out := render(t, "text", fixture(), Options{})
	if !strings.HasSuffix(out, "2 errors, 1 warning, 1 info (2 suppressed, 1 in the baseline)\n") {
		t.Errorf("text summary: %s", out)
	}
	var doc struct {
		Summary struct {
			Suppressed int `json:"suppressed_count"`
			Baselined  int `json:"baselined_count"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", fixture(), Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Suppressed != 2 || doc.Summary.Baselined != 1 {
		t.Errorf("json summary: %+v", doc.Summary)
	}
}
