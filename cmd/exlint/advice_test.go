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
	"unicode/utf8"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/schema/catalog"
)

// adviceDates are the evaluation dates the advice test runs on: the goldens'
// date, and one after Windows Server 2016's and 2019's extended support have
// ended, so that what a fix names must follow the date.
var adviceDates = []string{asOf, "2029-06-01"}

// No message advises a platform past its end of support on the evaluation
// date: of every example and of generated topologies (current and legacy
// estates, and a plan), no fix names a Windows Server, Exchange, Outlook or
// .NET Framework version whose support has ended (catalog lifecycle data).
func TestMessagesAdviseSupportedPlatforms(t *testing.T) {
	dirs := []string{"examples"}
	gen := t.TempDir()
	for _, o := range []topogen.Options{
		{Servers: 24, Name: "Current"},
		{Servers: 24, Name: "Legacy", Legacy: true},
		{Servers: 12, Name: "Plan", Stages: 3},
	} {
		dir := filepath.Join(gen, o.Name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range topogen.Generate(o) {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dirs = append(dirs, dir)
	}
	cat := catalog.Default()
	for _, date := range adviceDates {
		on := catalog.MustDate(date)
		js, stderr, _ := exlint(t, noEnv, append([]string{"check", "--format", "json", "--as-of", date}, dirs...)...)
		if stderr != "" {
			t.Fatalf("stderr: %s", stderr)
		}
		var report struct {
			Findings []struct{ Rule, Message string }
		}
		if err := json.Unmarshal([]byte(js), &report); err != nil {
			t.Fatal(err)
		}
		if len(report.Findings) < 100 {
			t.Fatalf("only %d findings on %s", len(report.Findings), date)
		}
		seen := map[string]bool{}
		for _, f := range report.Findings {
			for _, p := range advisedPlatforms(f.Message) {
				if supported, known := p.inSupport(cat, on); known && !supported && !seen[f.Message+p.String()] {
					seen[f.Message+p.String()] = true
					t.Errorf("on %s, %s advises %s, past its end of support:\n  %s", date, f.Rule, p, f.Message)
				}
			}
		}
	}
}

// No fix names a Windows Server or Outlook version within the catalogue's
// warning window of its end (end-of-support-warning-days): the policy of
// rules/horizon.go, which every rule that advises one follows, so that no
// fix sends anyone to a version windows-end-of-support warns about. Outlook
// 2024 (no Microsoft date known) and Microsoft 365 Apps count as lasting.
func TestMessagesAdviseLastingPlatforms(t *testing.T) {
	cat := catalog.Default()
	window := cat.Days("end-of-support-warning-days")
	for _, date := range append([]string{"2026-01-12", "2026-10-01"}, adviceDates...) {
		on := catalog.MustDate(date)
		js, stderr, _ := exlint(t, noEnv, "check", "--format", "json", "--as-of", date, "examples")
		if stderr != "" {
			t.Fatalf("stderr: %s", stderr)
		}
		var report struct {
			Findings []struct{ Rule, Message string }
		}
		if err := json.Unmarshal([]byte(js), &report); err != nil {
			t.Fatal(err)
		}
		for _, f := range report.Findings {
			for _, p := range advisedPlatforms(f.Message) {
				var end catalog.Date
				switch p.kind {
				case "Windows Server":
					if w := cat.WindowsByID(p.id); w != nil {
						end = w.ExtendedEnd
					}
				case "Outlook":
					if o := cat.OutlookByID(p.id); o != nil && !o.Modern {
						end = o.ExtendedEnd
					}
				}
				if !end.IsZero() && on.DaysUntil(end) <= window {
					t.Errorf("on %s, %s advises %s, within %d days of its end (%s):\n  %s", date, f.Rule, p, window, end, f.Message)
				}
			}
		}
	}
}

// platform is a platform a message names: kind and the catalogue's ID.
type platform struct{ kind, id string }

func (p platform) String() string { return p.kind + " " + p.id }

// inSupport asks the catalogue whether p is supported on day on, and whether
// the catalogue knows p.
func (p platform) inSupport(cat *catalog.Catalog, on catalog.Date) (supported, known bool) {
	switch p.kind {
	case "Windows Server":
		return cat.WindowsInSupport(p.id, on)
	case "Exchange":
		if v := cat.Version(p.id); v != nil {
			return v.InSupport(on), true
		}
	case "Outlook":
		if o := cat.OutlookByID(p.id); o != nil {
			return o.InSupport(on), true
		}
	case ".NET Framework":
		if d := cat.DotNetByID(p.id); d != nil {
			return d.InSupport(on), true
		}
	}
	return false, false
}

var (
	// A clause of a message: messages join clauses with ": ", "; " and
	// ". ", and alternatives with ", or "; " once " begins what must
	// happen first (servers retired), which advises nothing.
	clauseBreak = regexp.MustCompile(`: |; |\. |, or |, then | \(| once `)
	// An imperative that advises what follows: the fix of a message.
	adviceVerb = regexp.MustCompile(`^(?:or |then |and )?(?:install|move|replace|run|use|add|upgrade|update|keep|migrate|put|go|introduce|deploy|choose|plan|set up|reinstall|route|switch)\b`)
	// A clause that takes something away advises nothing.
	removal = regexp.MustCompile(`^(?:or |then |and )?(?:remove|retire|take|turn off|disable|move off)\b`)
	// Forest functional levels are named after Windows Server versions but
	// are no platform.
	forestLevel = regexp.MustCompile(`forest functional level(?: is| to)? (?:Windows Server \d{4}(?: R2)?|Windows 2000)`)
	mentions    = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"Windows Server", regexp.MustCompile(`Windows Server (\d{4}(?: R2)?)((?:(?:, | or | and | to )(?:Windows Server )?\d{4}(?: R2)?)*)`)},
		{"Exchange", regexp.MustCompile(`Exchange (?:Server )?(5\.5|\d{4}|SE|Subscription Edition)((?:(?:, | or | and | to )(?:Exchange (?:Server )?)?(?:\d{4}|SE))*)`)},
		{"Outlook", regexp.MustCompile(`Outlook (\d{4})((?:(?:, | or | and | to )(?:Outlook )?\d{4})*)`)},
		{".NET Framework", regexp.MustCompile(`\.NET Framework (\d\.\d(?:\.\d)?(?: SP1)?)((?:(?:, | or | and | to )\d\.\d(?:\.\d)?)*)`)},
	}
	listItem = regexp.MustCompile(`\d{4}(?: R2)?|\d\.\d(?:\.\d)?|SE`)
)

// advisedPlatforms returns the platforms the fix clauses of a message name.
func advisedPlatforms(msg string) []platform {
	var out []platform
	for _, clause := range clauseBreak.Split(msg, -1) {
		if !adviceVerb.MatchString(clause) || removal.MatchString(clause) {
			continue
		}
		clause = forestLevel.ReplaceAllString(clause, "")
		for _, m := range mentions {
			for _, sm := range m.re.FindAllStringSubmatch(clause, -1) {
				ids := []string{sm[1]}
				ids = append(ids, listItem.FindAllString(sm[2], -1)...)
				for _, id := range ids {
					out = append(out, platform{m.kind, platformID(m.kind, id)})
				}
			}
		}
	}
	return out
}

// platformID turns a name's version into the catalogue's ID: "2012 R2" is
// "2012R2", "Subscription Edition" is "SE", Microsoft 365 Apps aside.
func platformID(kind, v string) string {
	switch {
	case kind == "Windows Server":
		return strings.ReplaceAll(v, " ", "")
	case v == "Subscription Edition":
		return "SE"
	}
	return v
}

// The test's reading of messages: what it takes for advice, and what not.
func TestAdvisedPlatforms(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"DC01 runs Windows Server 2012 R2, which EX10 does not support: replace DC01 with a domain controller on Windows Server 2016 to 2022", "[Windows Server 2016 Windows Server 2022]"},
		{"EX01 runs Exchange Server 2010: move its work to Exchange Server SE or Exchange Online and retire EX01", "[Exchange SE]"},
		{"WG-EX19 cannot be the hybrid server: run hybrid on an Exchange 2016 server instead", "[Exchange 2016]"},
		{"Exchange 2019 cannot coexist with Exchange 2010: remove every Exchange 2010 server first", "[]"},
		{"the forest functional level is Windows 2000: raise the forest functional level to Windows Server 2012 or higher", "[]"},
		{"Outlook 2013 is not supported with EX16: move these clients to Outlook 2016 or Microsoft 365 Apps", "[Outlook 2016]"},
		{"EX13 has .NET Framework 4.8: install .NET Framework 4.7.1 or 4.7.2, or update EX13 to CU23", "[.NET Framework 4.7.1 .NET Framework 4.7.2]"},
	} {
		if got := fmt.Sprint(advisedPlatforms(tc.msg)); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.msg, got, tc.want)
		}
	}
}

// Messages say what is wrong and the fix in about 200 characters; the why
// and the sources are on the rule's page. Over every finding of the
// examples, the median message is at most 200 characters, nine in ten at
// most 260, and none is past 350.
func TestMessageLength(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "check", "--as-of", asOf, "--format", "json", "--no-progress", "examples")
	var rep struct {
		Findings []struct {
			Rule, Message string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 100 {
		t.Fatalf("%d findings over the examples: too few to judge", len(rep.Findings))
	}
	lengths := make([]int, len(rep.Findings))
	for i, f := range rep.Findings {
		lengths[i] = utf8.RuneCountInString(f.Message)
		if lengths[i] > 350 {
			t.Errorf("%s: a message of %d characters: %s", f.Rule, lengths[i], f.Message)
		}
	}
	slices.Sort(lengths)
	if median := lengths[len(lengths)/2]; median > 200 {
		t.Errorf("the median message has %d characters, over 200", median)
	}
	if p90 := lengths[len(lengths)*9/10]; p90 > 260 {
		t.Errorf("one message in ten has over %d characters, over 260", p90)
	}
}
