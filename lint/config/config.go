package config

import (
	"errors"
	"fmt"
	"github.com/exlint/exlint/lint"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	goversion "github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// FileName is the name of exlint's configuration file.
const FileName = ".exlint.hcl"

// Env names the environment variable that names a configuration file.
const Env = "EXLINT_CONFIG"

// Config is exlint's configuration: what .exlint.hcl says, on top of the
// defaults. The zero Config (or a nil *Config) is the defaults.
type Config struct {
	// Path is the file read ("" when there is none); Found says how it was
	// found: "--config", "EXLINT_CONFIG", or "found upwards from DIR".
	Path, Found string
	// Root is, for a configuration found by the upward search, the
	// directory that search stops at (SearchRoot): the files the
	// configuration names are read only inside it (ReadFile). It is "" for
	// a configuration named with --config or EXLINT_CONFIG, the user's
	// choice, whose files may be anywhere.
	Root string
	// Base is the directory exclude patterns are relative to: the
	// configuration file's directory (the working directory without one).
	Base string

	RequiredVersion Setting[string]
	AsOf            Setting[catalog.Date]
	FailOn          Setting[lint.Severity]
	// FailOnPlanned makes planned findings (problems of a plan's current
	// state that a later stage resolves) fail a check like the others.
	FailOnPlanned Setting[bool]
	Exclude       Setting[[]string]
	// MaxFileSize caps the size of a topology file, in bytes (default
	// schema.DefaultLimits.MaxFileSize).
	MaxFileSize Setting[int64]
	// Baseline is the baseline file exlint check filters findings with
	// when no flag names one, as written: relative to Base (BaselinePath).
	Baseline Setting[string]
	// Catalog names release files (Microsoft's ExchangeBuildNumbers.csv, or
	// exlint's releases.csv shape) whose rows the catalogue adds to its own,
	// as written: relative to Base (CatalogPaths).
	Catalog Setting[[]string]
	// MaxFindingsPerFile and MaxFindings cap the findings reported, per file
	// and per run (defaults DefaultMaxFindingsPerFile, DefaultMaxFindings).
	MaxFindingsPerFile Setting[int]
	MaxFindings        Setting[int]
	// Rules holds the rule blocks, by rule ID.
	Rules map[string]*RuleConfig

	// exclude is the compiled exclude patterns, for Excluded.
	exclude *excludeIndex
}

// RuleConfig is one rule block: rule "ID" { enabled, severity, ignorable }.
type RuleConfig struct {
	At        hcl.Range // the block's header
	Enabled   Setting[bool]
	Severity  Setting[lint.Severity]
	Ignorable Setting[bool]
}

// Setting is one configuration value and where it came from.
type Setting[T any] struct {
	Value T
	// Set is true when the file (or a flag) gives the value.
	Set bool
	// At is where the file gives it; From names a flag that gave it instead.
	At   hcl.Range
	From string
}

// Origin says where a value came from: "default", a flag, or file:line:col.
func (s Setting[T]) Origin() string {
	switch {
	case s.From != "":
		return s.From
	case s.Set:
		return fmt.Sprintf("%s:%d:%d", s.At.Filename, s.At.Start.Line, s.At.Start.Column)
	}
	return "default"
}

// Override sets the value from a flag, which wins over the file.
func (s *Setting[T]) Override(v T, flag string) {
	*s = Setting[T]{Value: v, Set: true, From: flag}
}

// Problem is an error in a configuration file.
type Problem struct {
	Range   hcl.Range
	Message string
}

func (p Problem) String() string {
	if p.Range.Filename == "" {
		return p.Message
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.Range.Filename, max(p.Range.Start.Line, 1), max(p.Range.Start.Column, 1), p.Message)
}

// Error is a configuration that cannot be used: every problem found in
// it, each with its place.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	var lines []string
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return "configuration error:\n" + strings.Join(lines, "\n")
}

// SearchRoot returns the directory the upward search from dir stops at,
// absolute: the repository root (the nearest directory at or above dir
// holding .git, a directory or, in a worktree or submodule, a file), or dir
// itself outside a repository.
func SearchRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir, nil
		}
		d = parent
	}
}

// Find looks for .exlint.hcl from dir upwards, up to the repository
// root (SearchRoot). Outside a repository only dir itself is searched: a
// stray file in a parent directory or the home directory never changes what
// exlint reports. It returns "" when there is none.
//
// A .exlint.hcl that is a symbolic link is followed only to a file inside
// the repository (inside dir, outside one): a link committed to lead
// elsewhere (/etc/passwd, /dev/zero) is an error, and nothing is read
// through it.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	root, err := SearchRoot(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		info, err := os.Lstat(p)
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if err := linkInside(p, root); err != nil {
				return "", err
			}
			info, err = os.Stat(p)
		}
		if err == nil && !info.IsDir() {
			return p, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if d == root || filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// ReadFile reads a file the configuration names (a release file of its
// catalog, its baseline): a regular file of at most limit bytes. The files
// of a configuration found by the upward search (Root set), which comes
// with the repository and so maybe with a pull request, are read only
// inside the repository: a path that leads out of it by ../, by being
// absolute or through a symbolic link is an *OutsideError, whether or not
// what it leads to exists, and nothing outside is opened or looked at, so
// that such a configuration cannot make exlint read, or tell anything of, a
// file of the machine that runs it.
func (c *Config) ReadFile(path string, limit int64) ([]byte, error) {
	if c == nil || c.Root == "" {
		return fsutil.ReadRegular(path, limit)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, &OutsideError{Path: path, Root: c.Root}
	}
	src, err := fsutil.ReadRegularIn(c.Root, rel, limit)
	if fsutil.Escapes(err) {
		return nil, &OutsideError{Path: path, Root: c.Root, Link: true}
	}
	return src, err
}

// OutsideError is a file a configuration found in a repository names
// outside it.
type OutsideError struct {
	Path, Root string
	// Link: the path is inside, but a symbolic link on it leads out.
	Link bool
}

func (e *OutsideError) Error() string {
	how := "is outside"
	if e.Link {
		how = "leads through a symbolic link out of"
	}
	return fmt.Sprintf("%s %s the repository %s: a configuration found in the repository reads only files inside it, so that a pull request cannot make exlint read a file of the machine that runs it", e.Path, how, e.Root)
}

// linkInside checks that the symbolic link at p leads to a file inside
// the directory root.
func linkInside(p, root string) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("%s is a symbolic link that cannot be followed: %w", p, err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(realRoot, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return fmt.Errorf("%s is a symbolic link to %s, outside %s: exlint does not read a configuration found through a link that leaves the repository (name it with --config to use it)", p, target, root)
	}
	return nil
}

// MaxSize is the largest configuration file exlint reads; a real one is a
// few kilobytes.
const MaxSize = 1 << 20

// Load reads and checks the configuration file at path, which must be a
// regular file of at most MaxSize bytes (a FIFO or /dev/zero named with
// --config is refused, not read without end). known lists the rules a rule
// block may name. Its error is a *Error for a file with problems, or the
// error reading it.
func Load(path string, known []lint.RuleInfo) (*Config, error) {
	src, err := fsutil.ReadRegular(path, MaxSize)
	if err != nil {
		return nil, err
	}
	cfg, probs := Parse(path, src, known)
	if len(probs) > 0 {
		return nil, &Error{Problems: probs}
	}
	cfg.Path = path
	return cfg, nil
}

var configAttributes = []string{"required_version", "as_of", "fail_on", "fail_on_planned", "exclude", "max_file_size", "max_findings_per_file", "max_findings", "baseline", "catalog"}
var ruleAttributes = []string{"enabled", "severity", "ignorable"}

// ParseConfig decodes a configuration file's text. Every problem is
// reported with its range: unknown attributes and blocks, unknown rules (with
// a suggestion), wrong types and bad values.
func Parse(filename string, src []byte, known []lint.RuleInfo) (*Config, []Problem) {
	cfg := &Config{Base: filepath.Dir(filename), Rules: map[string]*RuleConfig{}, exclude: &excludeIndex{}}
	var probs []Problem
	add := func(rng hcl.Range, format string, args ...any) {
		probs = append(probs, Problem{Range: rng, Message: fmt.Sprintf(format, args...)})
	}
	if len(src) > MaxSize {
		add(hcl.Range{Filename: filename}, "the configuration file is %d bytes; exlint reads configuration files of up to %d bytes", len(src), MaxSize)
		return cfg, probs
	}
	// The same guards as for topologies: a syntax error, or nesting deep
	// enough to exhaust the parser's stack, is reported, not crashed on.
	file, syntax := schema.ParseNative(filename, src, schema.DefaultLimits)
	for _, p := range syntax {
		add(p.Range, "%s", p.Message)
	}
	if file == nil || len(probs) > 0 {
		return cfg, probs
	}
	body := file.Body.(*hclsyntax.Body)
	ruleByID := map[string]lint.RuleInfo{}
	var ids []string
	for _, r := range known {
		ruleByID[r.ID] = r
		ids = append(ids, r.ID)
	}
	// One Suggester for every unknown rule: its budget bounds the work of
	// a file of thousands of them.
	ruleIDs := schema.NewSuggester(ids)

	for _, a := range sortedAttrs(body.Attributes) {
		v, ok := configValue(a, add)
		if !ok {
			continue
		}
		switch a.Name {
		case "required_version":
			s, ok := stringValue(a, v, add)
			if !ok {
				continue
			}
			if _, err := goversion.NewConstraint(s); err != nil {
				add(a.Expr.Range(), "required_version %q is not a version constraint; write one such as \">= 1.2, < 2.0\"", s)
				continue
			}
			cfg.RequiredVersion = Setting[string]{Value: s, Set: true, At: a.SrcRange}
		case "as_of":
			s, ok := stringValue(a, v, add)
			if !ok {
				continue
			}
			d, err := catalog.ParseDate(s)
			if err != nil || d.MonthOnly() {
				add(a.Expr.Range(), "as_of %q is not a date: %s", s, DateProblem(s))
				continue
			}
			cfg.AsOf = Setting[catalog.Date]{Value: d, Set: true, At: a.SrcRange}
		case "fail_on":
			s, ok := stringValue(a, v, add)
			if !ok {
				continue
			}
			sev, err := lint.ParseSeverity(s)
			if err != nil {
				add(a.Expr.Range(), "fail_on: %v", err)
				continue
			}
			cfg.FailOn = Setting[lint.Severity]{Value: sev, Set: true, At: a.SrcRange}
		case "fail_on_planned":
			if bv, ok := boolValue(a, v, add); ok {
				cfg.FailOnPlanned = Setting[bool]{Value: bv, Set: true, At: a.SrcRange}
			}
		case "max_file_size":
			var text string
			switch {
			case v.Type() == cty.Number && v.AsBigFloat().IsInt():
				// Converted only when it fits: 1e100000000 written out in full
				// takes hours.
				n, acc := v.AsBigFloat().Int64()
				if acc != big.Exact {
					add(a.Expr.Range(), "max_file_size: %s is not a size between 1KiB and 1GiB: write bytes (\"8388608\") or a size such as \"8MiB\"", schema.NumberText(v.AsBigFloat()))
					continue
				}
				text = strconv.FormatInt(n, 10)
			case v.Type() == cty.String:
				text = v.AsString()
			default:
				add(a.Expr.Range(), "max_file_size must be a number of bytes or a size such as \"8MiB\"")
				continue
			}
			n, err := ParseSize(text)
			if err != nil {
				add(a.Expr.Range(), "max_file_size: %v", err)
				continue
			}
			cfg.MaxFileSize = Setting[int64]{Value: n, Set: true, At: a.SrcRange}
		case "baseline":
			s, ok := stringValue(a, v, add)
			if !ok {
				continue
			}
			if strings.TrimSpace(s) == "" {
				add(a.Expr.Range(), "baseline: name the baseline file, relative to the directory of %s, such as \"exlint-baseline.json\"", filepath.Base(filename))
				continue
			}
			cfg.Baseline = Setting[string]{Value: s, Set: true, At: a.SrcRange}
		case "catalog":
			if files, ok := catalogFiles(a, v, filepath.Base(filename), add); ok {
				cfg.Catalog = Setting[[]string]{Value: files, Set: true, At: a.SrcRange}
			}
		case "max_findings_per_file", "max_findings":
			n, err := findingsLimit(v)
			if err != nil {
				add(a.Expr.Range(), "%s %v", a.Name, err)
				continue
			}
			set := Setting[int]{Value: n, Set: true, At: a.SrcRange}
			if a.Name == "max_findings" {
				cfg.MaxFindings = set
			} else {
				cfg.MaxFindingsPerFile = set
			}
		case "exclude":
			if pats, ok := excludePatterns(a, v, filepath.Base(filename), add); ok {
				cfg.Exclude = Setting[[]string]{Value: pats, Set: true, At: a.SrcRange}
			}
		default:
			msg := fmt.Sprintf("unknown attribute %q", a.Name)
			if s := schema.Suggest(a.Name, configAttributes); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			add(a.NameRange, "%s. The configuration takes %s, and rule blocks", msg, strings.Join(configAttributes, ", "))
		}
	}

	for _, b := range body.Blocks {
		if b.Type != "rule" {
			msg := fmt.Sprintf("unknown block %q", b.Type)
			if s := schema.Suggest(b.Type, []string{"rule"}); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			add(b.TypeRange, "%s. The configuration holds rule \"ID\" { ... } blocks", msg)
			continue
		}
		if len(b.Labels) != 1 {
			add(b.TypeRange, "a rule block takes one label, the rule ID: rule \"exchange-end-of-support\" { ... }")
			continue
		}
		id := b.Labels[0]
		info, ok := ruleByID[id]
		if !ok {
			msg := fmt.Sprintf("unknown rule %q", id)
			if s := ruleIDs.Suggest(id); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			add(b.LabelRanges[0], "%s ('exlint rules' lists them)", msg)
			continue
		}
		if info.Structural {
			add(b.LabelRanges[0], "%s is a structural rule: it is always an error and cannot be configured", id)
			continue
		}
		if prev, dup := cfg.Rules[id]; dup {
			add(b.LabelRanges[0], "rule %q is configured twice; the first block is at %d:%d", id, prev.At.Start.Line, prev.At.Start.Column)
			continue
		}
		rc := &RuleConfig{At: b.DefRange()}
		cfg.Rules[id] = rc
		for _, nb := range b.Body.Blocks {
			add(nb.TypeRange, "unexpected %q block inside rule %q; a rule block holds only attributes (%s)", nb.Type, id, strings.Join(ruleAttributes, ", "))
		}
		for _, a := range sortedAttrs(b.Body.Attributes) {
			v, ok := configValue(a, add)
			if !ok {
				continue
			}
			switch a.Name {
			case "enabled":
				if bv, ok := boolValue(a, v, add); ok {
					rc.Enabled = Setting[bool]{Value: bv, Set: true, At: a.SrcRange}
				}
			case "ignorable":
				if id == lint.SuppressionRule {
					add(a.NameRange, "ignorable does not apply to %s: its findings are about suppressions and are never suppressed", id)
					continue
				}
				if bv, ok := boolValue(a, v, add); ok {
					rc.Ignorable = Setting[bool]{Value: bv, Set: true, At: a.SrcRange}
				}
			case "severity":
				s, ok := stringValue(a, v, add)
				if !ok {
					continue
				}
				sev, err := lint.ParseSeverity(s)
				if err != nil {
					add(a.Expr.Range(), "severity: %v", err)
					continue
				}
				rc.Severity = Setting[lint.Severity]{Value: sev, Set: true, At: a.SrcRange}
			default:
				msg := fmt.Sprintf("unknown attribute %q in rule %q", a.Name, id)
				if s := schema.Suggest(a.Name, ruleAttributes); s != "" {
					msg += fmt.Sprintf("; did you mean %q? A", s)
				} else {
					msg += ". A"
				}
				add(a.NameRange, "%s rule block takes %s", msg, strings.Join(ruleAttributes, ", "))
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Range.Start.Byte < probs[j].Range.Start.Byte })
	if len(probs) > maxProblems {
		// The first ones, and one more problem that counts the others, as
		// syntax errors are reported.
		more := Problem{Range: probs[maxProblems].Range, Message: fmt.Sprintf("and %d more problems from here on; exlint reports the first %d of a configuration file: fix them and check again",
			len(probs)-maxProblems, maxProblems)}
		probs = append(probs[:maxProblems:maxProblems], more)
	}
	return cfg, probs
}

// maxProblems is how many problems of a configuration file are reported;
// one more says how many follow. A file of thousands of wrong rule blocks
// has thousands of problems, and the first ones are what to fix. (Syntax
// errors are capped as in topology files.)
const maxProblems = 100

func subject(d *hcl.Diagnostic, filename string) hcl.Range {
	if d.Subject != nil {
		return *d.Subject
	}
	return hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos}
}

func sortedAttrs(attrs hclsyntax.Attributes) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

// configValue evaluates an attribute without variables or functions: the
// configuration holds literal values only.
func configValue(a *hclsyntax.Attribute, add func(hcl.Range, string, ...any)) (cty.Value, bool) {
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		add(a.Expr.Range(), "%s must be a literal value (no variables or functions)", a.Name)
		return cty.NilVal, false
	}
	if v.IsNull() {
		add(a.Expr.Range(), "%s is null; give it a value or remove it", a.Name)
		return cty.NilVal, false
	}
	return v, true
}

func stringValue(a *hclsyntax.Attribute, v cty.Value, add func(hcl.Range, string, ...any)) (string, bool) {
	if v.Type() != cty.String {
		add(a.Expr.Range(), "%s must be a string, in quotes", a.Name)
		return "", false
	}
	return v.AsString(), true
}

func boolValue(a *hclsyntax.Attribute, v cty.Value, add func(hcl.Range, string, ...any)) (bool, bool) {
	if v.Type() != cty.Bool {
		hint := ""
		if v.Type() == cty.String && (v.AsString() == "true" || v.AsString() == "false") {
			hint = fmt.Sprintf(": write %s = %s, without quotes", a.Name, v.AsString())
		}
		add(a.Expr.Range(), "%s must be true or false%s", a.Name, hint)
		return false, false
	}
	return v.True(), true
}

// Size bounds of max_file_size: at least 1 KiB, at most 1 GiB (exlint
// holds a file in memory while it reads it).
const (
	MinFileSize = 1 << 10
	MaxFileSize = 1 << 30
)

// ParseSize reads a size: a number of bytes ("8388608"), or a number with a
// binary unit ("512KiB", "8MiB", "1GiB"), within the bounds of max_file_size.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > MaxFileSize/mult {
		return 0, fmt.Errorf("%q is not a size between 1KiB and 1GiB: write bytes (\"8388608\") or a size such as \"8MiB\"", s)
	}
	if n*mult < MinFileSize {
		return 0, fmt.Errorf("%q is below 1KiB", s)
	}
	return n * mult, nil
}

// Default caps on the findings reported. A real topology file has tens of
// findings; a hostile one could have millions, and every one is text in
// every format. GitHub code scanning rejects a SARIF run of more than
// 25,000 results.
const (
	DefaultMaxFindingsPerFile = 1000
	DefaultMaxFindings        = 20000
	// MaxFindingsLimit is the largest value either setting takes.
	MaxFindingsLimit = 10_000_000
)

// findingsLimit reads max_findings_per_file or max_findings: a whole number
// from 1 to MaxFindingsLimit.
func findingsLimit(v cty.Value) (int, error) {
	if v.Type() == cty.Number {
		if n, acc := v.AsBigFloat().Int64(); acc == big.Exact && n >= 1 && n <= MaxFindingsLimit {
			return int(n), nil
		}
	}
	return 0, fmt.Errorf("must be a whole number from 1 to %d", MaxFindingsLimit)
}

// ParseFindingsLimit reads the value of --max-findings-per-file or
// --max-findings.
func ParseFindingsLimit(s string) (int, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 1 || n > MaxFindingsLimit {
		return 0, fmt.Errorf("%q: give a whole number from 1 to %d", s, MaxFindingsLimit)
	}
	return int(n), nil
}

// FindingLimits returns the caps in effect: findings per file, and per run.
func (c *Config) FindingLimits() (perFile, perRun int) {
	perFile, perRun = DefaultMaxFindingsPerFile, DefaultMaxFindings
	if c != nil && c.MaxFindingsPerFile.Set {
		perFile = c.MaxFindingsPerFile.Value
	}
	if c != nil && c.MaxFindings.Set {
		perRun = c.MaxFindings.Value
	}
	return perFile, perRun
}

// Limits returns the input limits in effect: schema's defaults, with the
// configured file size.
func (c *Config) Limits() schema.Limits {
	lim := schema.DefaultLimits
	if c != nil && c.MaxFileSize.Set {
		lim.MaxFileSize = c.MaxFileSize.Value
	}
	return lim
}

// CheckVersion checks the build's version against required_version. A
// development build ("dev", "(devel)", or a v0.0.0 pseudo-version, built
// from a clone without a release tag) is not checked: it has no release
// number to compare. checked reports whether the comparison was made.
func (c *Config) CheckVersion(build string) (checked bool, err error) {
	if c == nil || !c.RequiredVersion.Set {
		return false, nil
	}
	if IsDevVersion(build) {
		return false, nil
	}
	v, err := goversion.NewVersion(build)
	if err != nil {
		return false, fmt.Errorf("exlint's version %q cannot be compared with required_version", build)
	}
	cons, _ := goversion.NewConstraint(c.RequiredVersion.Value)
	if !cons.Check(v.Core()) && !cons.Check(v) {
		return true, &Error{Problems: []Problem{{Range: c.RequiredVersion.At,
			Message: fmt.Sprintf("this configuration needs exlint %s, and this is exlint %s: install a version that satisfies it", c.RequiredVersion.Value, build)}}}
	}
	return true, nil
}

// IsDevVersion reports whether a version string is a development build's.
func IsDevVersion(v string) bool {
	return v == "" || v == "dev" || v == "(devel)" || strings.HasPrefix(v, "v0.0.0-")
}

// RuleEnabled reports whether a rule runs.
func (c *Config) RuleEnabled(id string) bool {
	if c == nil {
		return true
	}
	if rc := c.Rules[id]; rc != nil && rc.Enabled.Set {
		return rc.Enabled.Value
	}
	return true
}

// SeverityOf returns the severity the configuration gives a rule's
// findings, and whether it gives one.
func (c *Config) SeverityOf(id string) (lint.Severity, bool) {
	if c == nil {
		return 0, false
	}
	if rc := c.Rules[id]; rc != nil && rc.Severity.Set {
		return rc.Severity.Value, true
	}
	return 0, false
}

// Ignorable reports whether inline suppressions may hide a rule's findings
// (and where the configuration says they may not). Structural rules are
// never ignorable.
func (c *Config) Ignorable(info lint.RuleInfo) (bool, Setting[bool]) {
	if info.Structural {
		return false, Setting[bool]{}
	}
	if c != nil {
		if rc := c.Rules[info.ID]; rc != nil && rc.Ignorable.Set {
			return rc.Ignorable.Value, rc.Ignorable
		}
	}
	return true, Setting[bool]{}
}

// BaselinePath is the baseline file the configuration names, as a path from
// the working directory ("" when it names none): relative paths are
// relative to the configuration file's directory, as exclude patterns are.
func (c *Config) BaselinePath() string {
	if c == nil || !c.Baseline.Set {
		return ""
	}
	p := filepath.FromSlash(c.Baseline.Value)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Base, p)
}

// CatalogPaths are the release files the configuration (or --catalog)
// names, as paths from the working directory: relative paths in the file
// are relative to its directory, as baseline is; a flag's are as given.
func (c *Config) CatalogPaths() []string {
	if c == nil || !c.Catalog.Set {
		return nil
	}
	var out []string
	for _, f := range c.Catalog.Value {
		p := filepath.FromSlash(f)
		if c.Catalog.From == "" && !filepath.IsAbs(p) {
			p = filepath.Join(c.Base, p)
		}
		out = append(out, p)
	}
	return out
}

// catalogFiles reads the catalog setting: a file name, or a list of them.
func catalogFiles(a *hclsyntax.Attribute, v cty.Value, config string, add func(hcl.Range, string, ...any)) ([]string, bool) {
	var vals []cty.Value
	switch {
	case v.Type() == cty.String:
		vals = []cty.Value{v}
	case v.Type().IsTupleType() || v.Type().IsListType():
		vals = v.AsValueSlice()
	default:
		add(a.Expr.Range(), "catalog must be a file name or a list of them, such as [\"ExchangeBuildNumbers.csv\"]")
		return nil, false
	}
	if len(vals) == 0 {
		add(a.Expr.Range(), "catalog is an empty list: name Microsoft's ExchangeBuildNumbers.csv, relative to the directory of %s, or remove the setting", config)
		return nil, false
	}
	var files []string
	for _, ev := range vals {
		if ev.IsNull() || ev.Type() != cty.String {
			add(a.Expr.Range(), "catalog must be a list of file names, in quotes")
			return nil, false
		}
		if strings.TrimSpace(ev.AsString()) == "" {
			add(a.Expr.Range(), "catalog: a file name is empty; name a file relative to the directory of %s, such as \"ExchangeBuildNumbers.csv\"", config)
			return nil, false
		}
		files = append(files, ev.AsString())
	}
	return files, true
}

// apply gives findings the severity the configuration sets for their rule
// and drops those of disabled rules. Structural findings are left alone.
func (c *Config) Apply(fs []lint.Finding, structural map[string]bool) []lint.Finding {
	if c == nil || len(c.Rules) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if structural[f.Rule] {
			out = append(out, f)
			continue
		}
		if !c.RuleEnabled(f.Rule) {
			continue
		}
		if sev, ok := c.SeverityOf(f.Rule); ok {
			f.Severity = sev
		}
		out = append(out, f)
	}
	return out
}
