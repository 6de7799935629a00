package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// today is the evaluation date of tests that do not test dates.
const today = "2026-11-21"

// check decodes src as one topology file, runs rule r on it and returns its
// findings. The topology must be structurally valid.
func check(t *testing.T, r lint.Rule, asOf, src string) []lint.Finding {
	t.Helper()
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("test topology has structural problems: %+v\n%s", probs, src)
	}
	fs, ran, err := lint.Check(top, nil, []lint.Rule{r}, catalog.Default(), catalog.MustDate(asOf))
	if err != nil || !ran {
		t.Fatalf("check: %v (ran %v)", err, ran)
	}
	// A rule test names the list item it expects by position ("roles[1]"):
	// which item the rule points at is what it tests. How an item's address
	// reads (by value, `roles["mailbox"]`) is schema's, tested there.
	for i := range fs {
		if fs[i].PositionAddress != "" {
			fs[i].Address = fs[i].PositionAddress
		}
	}
	return fs
}

// checkWith runs rules over src as exlint check does, with configuration
// and overlap between rules (lint.ResolveOverlap) applied: cfg is the text
// of an .exlint.hcl, or "".
func checkWith(t *testing.T, rules []lint.Rule, asOf, src, cfg string) []lint.Finding {
	t.Helper()
	var cfgv *config.Config
	if cfg != "" {
		var known []lint.RuleInfo
		for _, r := range All() {
			known = append(known, r.Info())
		}
		var probs []config.Problem
		cfgv, probs = config.Parse(".exlint.hcl", []byte(cfg), known)
		if len(probs) > 0 {
			t.Fatalf("configuration: %v", probs)
		}
	}
	fs, err := runner.CheckFiles(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}},
		runner.Options{Rules: rules, Catalog: catalog.Default(), AsOf: catalog.MustDate(asOf), Limits: schema.DefaultLimits, Config: cfgv})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// disabled is the configuration that turns a rule off.
func disabled(rule string) string {
	return fmt.Sprintf("rule %q {\n  enabled = false\n}\n", rule)
}

// byRule returns the addresses of the findings of one rule.
func byRule(fs []lint.Finding, rule string) string {
	var out []string
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f.Address)
		}
	}
	return strings.Join(out, " ")
}

// org starts a topology.
func org(blocks ...string) string {
	return "organization \"T\" {}\n" + strings.Join(blocks, "\n")
}

// srv declares a server; level is an update name, or a build when it starts
// with a digit. Extra lines go into the block as they are.
func srv(name, version, level string, extra ...string) string {
	attr := "update"
	if level != "" && level[0] >= '0' && level[0] <= '9' {
		attr = "build"
	}
	return fmt.Sprintf("server %q {\n  version = %q\n  %s = %q\n  %s\n}\n", name, version, attr, level, strings.Join(extra, "\n  "))
}

// summary renders findings compactly for failure messages.
func summary(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %d:%d %s %s: %s\n", f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Rule, f.Message)
	}
	return b.String()
}

// at returns "line:col" of a finding.
func at(f lint.Finding) string {
	return fmt.Sprintf("%d:%d", f.Range.Start.Line, f.Range.Start.Column)
}

// ruleFunc runs a function as a rule, to test helpers.
type ruleFunc func(p *lint.Pass)

func (ruleFunc) Info() lint.RuleInfo  { return lint.RuleInfo{ID: "test"} }
func (f ruleFunc) Check(p *lint.Pass) { f(p) }

// hclBlock writes a block of the given header with attribute lines.
func hclBlock(header string, attrs ...string) string {
	return header + " {\n  " + strings.Join(attrs, "\n  ") + "\n}\n"
}

// wantFinding is one expected finding: severity, address and a part of the message.
type wantFinding struct {
	sev  lint.Severity
	addr string
	msg  string
}

// expectFindings compares findings with wants, in order.
func expectFindings(t *testing.T, name string, fs []lint.Finding, ws []wantFinding) {
	t.Helper()
	if len(fs) != len(ws) {
		t.Errorf("%s: want %d findings, got:\n%s", name, len(ws), summary(fs))
		return
	}
	for i, w := range ws {
		if fs[i].Severity != w.sev || fs[i].Address != w.addr || !strings.Contains(fs[i].Message, w.msg) {
			t.Errorf("%s: finding %d: want %s at %s with %q, got:\n%s", name, i, w.sev, w.addr, w.msg, summary(fs))
		}
	}
}

// A server kept shut down (the last one, for Active Directory, with the
// Management Tools) runs nothing: the rules about the support and updates
// of what runs do not judge it, and judge the same server running.
func TestShutDownServerNotJudged(t *testing.T) {
	for _, tc := range []struct {
		r              lint.Rule
		version, level string
	}{
		{exchangeEndOfSupport{}, "2016", "CU23"},
		{exchangeUpdateNotCurrent{}, "2016", "CU20"},
		{exchangeSecurityUpdateMissing{}, "SE", "RTM"},
		{windowsEndOfSupport{}, "2016", "CU23"},
		{serverOSUnsupported{}, "2016", "CU20"},
		{dotnetUnsupported{}, "2016", "CU20"},
	} {
		running := org(srv("EX", tc.version, tc.level, `os = "2008R2"`, `dotnet = "4.7.2"`))
		shut := org(srv("EX", tc.version, tc.level, `os = "2008R2"`, `dotnet = "4.7.2"`, "shut_down = true"))
		if fs := check(t, tc.r, "2026-11-21", running); len(fs) == 0 {
			t.Errorf("%s: the running server gives no finding", tc.r.Info().ID)
		}
		if fs := check(t, tc.r, "2026-11-21", shut); len(fs) != 0 {
			t.Errorf("%s: the server shut down is judged:\n%s", tc.r.Info().ID, summary(fs))
		}
	}
	if fs := check(t, dotnetNotRecommended{}, today, hostDotNetServer("2013", "CU22", "4.7.1")); len(fs) == 0 {
		t.Error("dotnet-not-recommended: the running server gives no finding")
	}
	if fs := check(t, dotnetNotRecommended{}, today, hostDotNetServer("2013", "CU22", "4.7.1", "shut_down = true")); len(fs) != 0 {
		t.Errorf("dotnet-not-recommended: the server shut down is judged:\n%s", summary(fs))
	}
	// Nor does a server kept shut down carry hybrid mail.
	hybrid := "hybrid {\n  servers = [\"EX\"]\n}\n"
	if fs := check(t, exoBlocksVulnerableServers{}, today, org(srv("EX", "2016", "CU23"), hybrid)); len(fs) == 0 {
		t.Error("exo-blocks-vulnerable-servers: the running server gives no finding")
	}
	if fs := check(t, exoBlocksVulnerableServers{}, today, org(srv("EX", "2016", "CU23", "shut_down = true"), hybrid)); len(fs) != 0 {
		t.Errorf("exo-blocks-vulnerable-servers: the server shut down is judged:\n%s", summary(fs))
	}
	// Support that ends soon: the day before the end.
	running := org(srv("EX19", "2019", "CU15"))
	shut := org(srv("EX19", "2019", "CU15", "shut_down = true"))
	if fs := check(t, exchangeEndOfSupportSoon{}, "2025-10-01", running); len(fs) == 0 {
		t.Error("exchange-end-of-support-soon: the running server gives no finding")
	}
	if fs := check(t, exchangeEndOfSupportSoon{}, "2025-10-01", shut); len(fs) != 0 {
		t.Errorf("exchange-end-of-support-soon: the server shut down is judged:\n%s", summary(fs))
	}
}
