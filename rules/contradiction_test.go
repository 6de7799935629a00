package rules

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Messages never contradict each other within one run: no fix names a
// version of hybrid server that hybrid-server-version rejects in the same
// organization. The case of the issue: one rule advising "add a second 2016
// server" while another says 2016 cannot be the hybrid server (an
// organization with Exchange 2007 needs an Exchange 2013 hybrid server; one
// with Exchange 2010 accepts 2010 to 2016 only).
func TestNoContradictionOnHybridServerVersion(t *testing.T) {
	mbx := `roles = ["mailbox", "client_access"]`
	cases := []struct {
		name, src string
		rejected  string // the version hybrid-server-version rejects
	}{
		{"2016 hybrid beside 2007", org(srv("EX07", "2007", "SP3 RU23"), srv("EX16", "2016", "CU23", mbx), hybridWith("EX16")), "2016"},
		{"2019 hybrid beside 2010", org(srv("EX10", "2010", "SP3 RU32"), srv("EX19", "2019", "CU15", mbx), hybridWith("EX19")), "2019"},
		{"2016 hybrid beside SE", org(srv("EXSE", "SE", "RTM", `roles = ["mailbox"]`), srv("EX16", "2016", "CU23", mbx), hybridWith("EX16")), "2016"},
		{"2010 hybrid beside 2016", org(srv("EX16", "2016", "CU23", `roles = ["mailbox"]`), srv("EX10", "2010", "SP3 RU32", mbx), hybridWith("EX10")), "2010"},
	}
	for _, asOf := range []string{"2023-04-11", "2025-10-14", today} {
		for _, tc := range cases {
			fs := checkWith(t, All(), asOf, tc.src, "")
			if byRule(fs, "hybrid-server-version") == "" {
				t.Errorf("%s on %s: want hybrid-server-version to reject %s:\n%s", tc.name, asOf, tc.rejected, summary(fs))
				continue
			}
			v := catalog.Default().Version(tc.rejected)
			advice := regexp.MustCompile(`(?:a second|run hybrid on an|add an|with an) (?:` + regexp.QuoteMeta(v.Name) + `|` + regexp.QuoteMeta(v.ShortName()) + `)\b`)
			for _, f := range fs {
				if advice.MatchString(f.Message) {
					t.Errorf("%s on %s: %s advises the %s hybrid server hybrid-server-version rejects: %s", tc.name, asOf, f.Rule, v.ShortName(), f.Message)
				}
			}
			// And the single-server advice names a version that is accepted,
			// or says that none in support is.
			for _, f := range fs {
				if f.Rule == "hybrid-single-server" && !strings.Contains(f.Message, "add a second") &&
					!strings.Contains(f.Message, "no version in support can be a second hybrid server") {
					t.Errorf("%s on %s: %s", tc.name, asOf, f.Message)
				}
			}
		}
	}
}

// dotnet-not-recommended never recommends a .NET Framework that
// dotnet-unsupported reports for the same server: HealthChecker recommends
// 4.8.1 on Windows Server 2016 and older for Exchange 2019 CU14 and later and
// SE, where the supportability matrix does not support it.
func TestNoContradictionOnDotNet(t *testing.T) {
	cat := catalog.Default()
	recommends := regexp.MustCompile(`recommends \.NET Framework (\S+?)[: ,]`)
	checked := 0
	for _, version := range []string{"2013", "2016", "2019", "SE"} {
		for _, level := range hostLevelsOf(t, version) {
			for _, w := range append([]*catalog.Windows{nil}, cat.Windows...) {
				var extra []string
				os := "unknown"
				if w != nil {
					os = w.ID
					extra = append(extra, fmt.Sprintf("os = %q", w.ID))
				}
				for _, d := range cat.DotNets {
					for _, asOf := range []string{"2022-01-01", today} {
						fs := check(t, dotnetNotRecommended{}, asOf, hostDotNetServer(version, level, d.ID, extra...))
						if len(fs) == 0 {
							continue
						}
						m := recommends.FindStringSubmatch(fs[0].Message)
						if m == nil {
							t.Fatalf("no recommendation in %q", fs[0].Message)
						}
						checked++
						if got := check(t, dotnetUnsupported{}, asOf, hostDotNetServer(version, level, m[1], extra...)); len(got) != 0 {
							t.Errorf("Exchange %s %s on %s (%s): dotnet-not-recommended advises .NET Framework %s, which dotnet-unsupported reports:\n%s",
								version, level, os, asOf, m[1], summary(got))
						}
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d recommendations checked", checked)
	}
}

// The .NET Framework the Hybrid Configuration Wizard needs is advised for a
// hybrid server only where the server's Exchange supports it: Exchange 2010
// runs on .NET Framework 3.5 SP1, and dotnet-unsupported reports 4.6.2 there.
func TestNoContradictionOnWizardDotNet(t *testing.T) {
	src := org(srv("EX10", "2010", "SP3 RU32", `dotnet = "3.5 SP1"`), hybridWith("EX10"))
	fs := checkWith(t, All(), today, src, "")
	for _, f := range fs {
		if f.Rule == "hybrid-wizard-unsupported" && strings.Contains(f.Message, "on a hybrid server") {
			t.Errorf("the wizard's .NET advised on an Exchange 2010 server: %s", f.Message)
		}
	}
	if fs := check(t, dotnetUnsupported{}, today, org(srv("EX10", "2010", "SP3 RU32", `dotnet = "4.6.2"`))); len(fs) != 1 || fs[0].Severity != lint.Error {
		t.Errorf("dotnet-unsupported should report .NET Framework 4.6.2 on Exchange 2010:\n%s", summary(fs))
	}
}

// windows-end-of-support never sends a server's work to another Exchange
// version than exchange-end-of-support (or, before the end,
// exchange-end-of-support-soon) does for the same server, nor drops what
// must go first: Exchange SE's setup refuses an organization with Exchange
// 2013 or older, so their work goes to Exchange Online, and a 2016 server's
// goes to SE once the organization's 2013 servers are gone.
func TestNoContradictionOnExchangeSuccessor(t *testing.T) {
	exchangeFix := regexp.MustCompile(`work to (?:Exchange Online|(.+?)(?: \((once [^)]*)\))? or Exchange Online)(?: and retire it| before then)`)
	windowsFix := regexp.MustCompile(`work to Exchange Online (?:and retire|or to (.+?) on (?:Windows Server [^,(]*(?:, [^,(]*)*|a Windows Server version in support)(?: \((once [^)]*)\))?, and retire)`)
	targets := [][2]string{{"2007", "SP3 RU23"}, {"2010", "SP3 RU32"}, {"2013", "CU23"}, {"2016", "CU23"}, {"2019", "CU14"}, {"2019", "CU15"}}
	others := []string{"", srv("OLD13", "2013", "CU23"), srv("OLD16", "2016", "CU23"), srv("OLD10", "2010", "SP3 RU32")}
	compared := 0
	for _, tg := range targets {
		for _, other := range others {
			src := org(srv("EX", tg[0], tg[1], `os = "2012"`), other)
			for _, asOf := range []string{"2022-12-01", "2023-06-01", "2024-12-01", "2025-08-01", "2026-12-06"} {
				ex := append(check(t, exchangeEndOfSupport{}, asOf, src), check(t, exchangeEndOfSupportSoon{}, asOf, src)...)
				win := check(t, windowsEndOfSupport{}, asOf, src)
				var exMsg, winMsg string
				for _, f := range ex {
					if f.Address == "server.EX.version" {
						exMsg = f.Message
					}
				}
				for _, f := range win {
					if f.Address == "server.EX.os" {
						winMsg = f.Message
					}
				}
				if exMsg == "" || winMsg == "" || !strings.Contains(winMsg, "Exchange Online") {
					continue
				}
				what := fmt.Sprintf("Exchange %s %s beside %q on %s", tg[0], tg[1], strings.SplitN(other, "\n", 2)[0], asOf)
				em, wm := exchangeFix.FindStringSubmatch(exMsg), windowsFix.FindStringSubmatch(winMsg)
				if em == nil || wm == nil {
					t.Errorf("%s: cannot read the fixes:\n  %s\n  %s", what, exMsg, winMsg)
					continue
				}
				compared++
				if em[1] != wm[1] || em[2] != wm[2] {
					t.Errorf("%s: the rules disagree on where the work goes:\n  %s\n  %s", what, exMsg, winMsg)
				}
			}
		}
	}
	if compared < 80 {
		t.Errorf("only %d pairs of fixes compared", compared)
	}
}

// domain-controller-os-unsupported and windows-end-of-support never name
// different Windows Server versions for the same domain controller: when
// both report it, they give the same replacement (dcAdvice), which never
// names a version within a year of its end.
func TestNoContradictionOnDomainControllerReplacement(t *testing.T) {
	cat := catalog.Default()
	exchange := [][]string{
		{"2010", "SP3 RU4"}, {"2010", "SP3 RU32"}, {"2013", "CU3"}, {"2013", "CU23"}, {"2016", "CU2"}, {"2016", "CU10"},
		{"2016", "CU23"}, {"2016", "CU99"}, {"2019", "CU11"}, {"2019", "CU13"}, {"2019", "CU15"}, {"SE", "RTM"},
	}
	named := regexp.MustCompile(`^replace it with a domain controller on Windows Server (.+?)(?: once .*)?$`)
	compared := 0
	for _, w := range cat.Windows {
		for i, a := range exchange {
			for _, b := range append([][]string{nil}, exchange[i+1:]...) {
				servers := srv("A", a[0], a[1])
				if b != nil {
					servers += srv("B", b[0], b[1])
				}
				src := org(adDC("DC1", `os = "`+w.ID+`"`), servers)
				for _, asOf := range []string{"2022-10-09", "2023-10-11", "2026-01-11", "2026-01-12", "2026-12-06", "2028-06-01"} {
					dcFix := fixOf(t, check(t, domainControllerOSUnsupported{}, asOf, src), "DC1")
					eosFix := fixOf(t, check(t, windowsEndOfSupport{}, asOf, src), "DC1")
					if dcFix == "" || eosFix == "" {
						continue
					}
					compared++
					if dcFix != eosFix {
						t.Errorf("DC on %s beside %v and %v on %s: the rules disagree:\n  %s\n  %s", w.Name, a, b, asOf, dcFix, eosFix)
					}
					m := named.FindStringSubmatch(eosFix)
					if m == nil {
						t.Errorf("DC on %s beside %v and %v on %s: names no version: %s", w.Name, a, b, asOf, eosFix)
						continue
					}
					for _, id := range strings.FieldsFunc(strings.ReplaceAll(m[1], " or ", ","), func(r rune) bool { return r == ',' }) {
						c := cat.WindowsByID(strings.ReplaceAll(strings.TrimSpace(id), " ", ""))
						if c == nil || c == cat.WindowsByID(w.ID) || catalog.MustDate(asOf).DaysUntil(c.ExtendedEnd) <= cat.Days(soonDays) {
							t.Errorf("DC on %s beside %v and %v on %s: names %q, its own or within a year of its end: %s", w.Name, a, b, asOf, id, eosFix)
						}
					}
				}
			}
		}
	}
	if compared < 200 {
		t.Errorf("only %d pairs of fixes compared", compared)
	}
}

// No rule advises a hybrid server of a version that cannot be in one
// organization with a version present (coexistence-unsupported would then
// report it) without saying which versions must be gone first: beside the
// last Exchange 2013 server, "run hybrid on an Exchange SE server instead
// (once Exchange 2013 is gone)", not a plain "run hybrid on SE".
func TestNoContradictionOnHybridServerCoexistence(t *testing.T) {
	cat := catalog.Default()
	var alts []string
	for _, v := range cat.Versions() {
		alts = append(alts, regexp.QuoteMeta(v.ShortName()))
	}
	advice := regexp.MustCompile(`(?:a second|run hybrid on an|add an) (` + strings.Join(alts, "|") + `)\b[^(;:]*?(?: \(once Exchange (.+?) (?:is|are) gone\))?(?:$|[;:,])`)
	// joins reports whether a server of version v can be added to the
	// servers at some level: coexistence-unsupported reports nothing of it
	// (whatever it says of the servers already there).
	joins := func(servers []string, v *catalog.Version) bool {
	levels:
		for _, l := range v.Levels() {
			for _, f := range check(t, coexistenceUnsupported{}, today, org(append(servers, srv("NEW", v.ID, l.Name))...)) {
				if strings.Contains(f.Message, "NEW") {
					continue levels
				}
			}
			return true
		}
		return false
	}
	versions := []string{"2010", "2013", "2016", "2019", "SE"}
	mbx := `roles = ["mailbox", "client_access"]`
	checked := 0
	for _, hv := range versions {
		for _, ov := range versions {
			servers := map[string]string{"HYB": hv, "OTHER": ov}
			src := org(srv("HYB", hv, someLevel[hv], mbx), srv("OTHER", ov, someLevel[ov], `roles = ["mailbox"]`), hybridWith("HYB"))
			for _, asOf := range []string{"2023-04-11", "2025-10-14", "2025-10-15", today} {
				for _, f := range checkWith(t, All(), asOf, src, "") {
					m := advice.FindStringSubmatch(f.Message)
					if m == nil {
						continue
					}
					var v *catalog.Version
					for _, c := range cat.Versions() {
						if c.ShortName() == m[1] {
							v = c
						}
					}
					gone := map[string]bool{}
					for _, id := range regexp.MustCompile(`, | and `).Split(m[2], -1) {
						gone[id] = id != ""
					}
					var kept []string
					for _, name := range []string{"HYB", "OTHER"} {
						if !gone[servers[name]] {
							kept = append(kept, srv(name, servers[name], someLevel[servers[name]]))
						}
					}
					checked++
					if !joins(kept, v) {
						t.Errorf("Exchange %s hybrid beside %s on %s: %s advises %s, which cannot join what stays:\n  %s", hv, ov, asOf, f.Rule, v.ShortName(), f.Message)
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d pieces of advice checked", checked)
	}
}

// The same attribute gets the same Windows Server versions from every rule
// that names some, and only versions that stay in support for more than the
// warning window after the evaluation date (windowsLasts), which
// windows-end-of-support would otherwise warn about: adfs-requirements and
// windows-end-of-support for an AD FS farm; directory-sync-prerequisites
// and windows-end-of-support for the directory synchronization server
// (the hosts of the tool, of the tool that succeeds a retired one, or of the
// current name of a renamed one; without a tool, hosts every tool runs on);
// server-os-unsupported for an Exchange server.
func TestNoContradictionOnWindowsHorizon(t *testing.T) {
	cat := catalog.Default()
	dates := []string{"2023-10-10", "2026-01-11", "2026-01-12", today, "2026-12-06", "2030-10-13", "2030-10-14", "2033-11-13", "2033-11-14"}
	windowsNamed := regexp.MustCompile(`Windows Server (\d{4}(?: R2)?)((?:(?:, | or )(?:Windows Server )?\d{4}(?: R2)?)*)`)
	// named returns the Windows Server versions a fix names.
	named := func(fix string) []*catalog.Windows {
		var out []*catalog.Windows
		for _, m := range windowsNamed.FindAllStringSubmatch(fix, -1) {
			for _, id := range append([]string{m[1]}, regexp.MustCompile(`\d{4}(?: R2)?`).FindAllString(m[2], -1)...) {
				out = append(out, cat.WindowsByID(strings.ReplaceAll(id, " ", "")))
			}
		}
		return out
	}
	fixAt := func(fs []lint.Finding, address string) string {
		for _, f := range fs {
			if f.Address == address {
				return f.Message[strings.LastIndex(f.Message, ": ")+2:]
			}
		}
		return ""
	}
	lasting := func(what, asOf, fix string, accept func(*catalog.Windows) bool) {
		t.Helper()
		for _, w := range named(fix) {
			if w == nil || !windowsLasts(cat, w, catalog.MustDate(asOf)) || accept != nil && !accept(w) {
				t.Errorf("%s on %s: names a version that does not last or does not fit: %s", what, asOf, fix)
			}
		}
	}
	entra := cat.SyncTool("entra_connect")
	compared := 0
	for _, asOf := range dates {
		for _, os := range []string{"2003", "2008", "2012"} {
			src := org(idDirSync(`enabled = true`, `sign_in = "federation"`, `tool = "entra_connect"`, `host_os = "2022"`), idADFS("FS", `os = "`+os+`"`))
			a := fixAt(check(t, adfsRequirements{}, asOf, src), "adfs.FS.os")
			b := fixAt(check(t, windowsEndOfSupport{}, asOf, src), "adfs.FS.os")
			if a == "" || a != b {
				t.Errorf("AD FS on %s, %s: adfs-requirements and windows-end-of-support differ:\n  %s\n  %s", os, asOf, a, b)
			}
			lasting("AD FS on "+os, asOf, a, nil)
			compared++
		}
		for _, os := range []string{"2008R2", "2012", "2012R2"} {
			// Azure AD Connect is judged as Microsoft Entra Connect from the
			// day its builds stop (renamedJudged); before, neither rule
			// judges it as a tool.
			for _, tool := range []string{"entra_connect", "cloud_sync", "aad_connect"} {
				judged := cat.SyncTool(tool).Current()
				if tool == "aad_connect" && catalog.MustDate(asOf).Before(cat.Day(entraSyncCutoff)) {
					continue
				}
				src := org(idDirSync(`enabled = true`, `tool = "`+tool+`"`, `host_os = "`+os+`"`))
				a := fixAt(check(t, directorySyncPrerequisites{}, asOf, src), "directory_sync.host_os")
				b := fixAt(check(t, windowsEndOfSupport{}, asOf, src), "directory_sync.host_os")
				if a == "" || b == "" || fmt.Sprint(named(a)) != fmt.Sprint(named(b)) {
					t.Errorf("%s on %s, %s: directory-sync-prerequisites and windows-end-of-support name different versions:\n  %s\n  %s", tool, os, asOf, a, b)
				}
				lasting(tool+" on "+os, asOf, b, windowsIn(judged.HostIDs()))
				compared++
			}
			// Without a tool, only versions every supported tool runs on,
			// unless the fix names the tool.
			fix := fixAt(check(t, windowsEndOfSupport{}, asOf, org(idDirSync(`host_os = "`+os+`"`))), "directory_sync.host_os")
			if strings.HasPrefix(fix, "move directory synchronization to a server on ") {
				lasting("no tool on "+os, asOf, fix, func(w *catalog.Windows) bool {
					return windowsIn(entra.HostIDs())(w) && windowsIn(cat.SyncTool("cloud_sync").HostIDs())(w)
				})
			} else if strings.HasPrefix(fix, "move directory synchronization to Microsoft Entra Cloud Sync on ") {
				lasting("no tool on "+os, asOf, fix, windowsIn(cat.SyncTool("cloud_sync").HostIDs()))
			} else if fix != "" && fix != "plan its successor" {
				t.Errorf("no tool on %s, %s: the fix names versions without the tool that runs there: %s", os, asOf, fix)
			}
			for _, tool := range []string{"dirsync", "aad_sync"} {
				src := org(idDirSync(`enabled = true`, `tool = "`+tool+`"`, `host_os = "`+os+`"`))
				fs := check(t, windowsEndOfSupport{}, asOf, src)
				fix := fixAt(fs, "directory_sync.host_os")
				if len(fs) != 1 || !strings.Contains(fs[0].Message, "Microsoft Entra Connect") {
					t.Errorf("%s on %s, %s: the fix does not name the tool to upgrade to: %s", tool, os, asOf, fix)
				}
				lasting(tool+" on "+os, asOf, fix, windowsIn(entra.HostIDs()))
			}
		}
		for version, rows := range hostOSFacts {
			for _, w := range cat.Windows {
				if _, listed := rows[w.ID]; listed {
					continue
				}
				for _, beside := range []string{"", "2010"} {
					servers := []string{srv("EX", version, hostLastLevel(t, version), `os = "`+w.ID+`"`)}
					if beside != "" && beside != version {
						servers = append(servers, srv("OLD", beside, hostLastLevel(t, beside)))
					}
					fs := check(t, serverOSUnsupported{}, asOf, org(servers...))
					for _, f := range fs {
						if f.Address != "server.EX.os" {
							continue
						}
						// A newer Exchange version "which runs on" the server's own
						// Windows names no Windows to move to.
						fix := f.Message[strings.Index(f.Message, "support: ")+len("support: "):]
						fix = regexp.MustCompile(`which runs? on `+regexp.QuoteMeta(w.Name)).ReplaceAllString(fix, "")
						lasting(fmt.Sprintf("Exchange %s on %s beside %q", version, w.ID, beside), asOf, fix, nil)
						compared++
					}
				}
			}
		}
	}
	if compared < 50 {
		t.Errorf("only %d pairs compared", compared)
	}
}

// outlook-end-of-support and outlook-version-unsupported never send users
// to an Outlook the other rejects: every Outlook either names as the one to
// move to ("move these users to", "move these clients to") is supported by
// every Exchange version hosting mailboxes there (outlook-version-unsupported
// reports nothing of it) and stays in support for more than the warning
// window after the evaluation date (outlook-end-of-support would soon report
// it).
func TestNoContradictionOnOutlook(t *testing.T) {
	cat := catalog.Default()
	mbx := `roles = ["mailbox"]`
	estates := [][]string{
		{srv("EX10", "2010", "SP3 RU32", mbx)},
		{srv("EX07", "2007", "SP3 RU23", mbx)},
		{srv("EX13", "2013", "CU23", mbx)},
		{srv("EX16", "2016", "CU23", mbx)},
		{srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx)},
		{srv("EX07", "2007", "SP3 RU23", mbx), srv("EX13", "2013", "CU23", mbx)},
		{srv("EX13", "2013", "CU23", mbx), srv("EX19", "2019", "CU15", mbx)},
		{srv("EX19", "2019", "CU15", mbx), srv("EXSE", "SE", "RTM", mbx)},
	}
	advised := regexp.MustCompile(`move these (?:users|clients) to ((?:Microsoft 365 Apps|Outlook \d{4})(?:(?:, | or )(?:Microsoft 365 Apps|Outlook \d{4}))*)`)
	byName := map[string]*catalog.Outlook{}
	for _, o := range cat.Outlooks {
		byName[o.Name] = o
	}
	checked := 0
	for _, servers := range estates {
		for _, item := range []string{"2007 SP3", "2010 SP2", "2013 SP1", "2016", "2019", "2021"} {
			for _, asOf := range []string{"2024-10-13", "2024-10-14", "2025-10-12", "2025-10-13", "2026-10-01", "2026-12-06"} {
				fs := checkWith(t, []lint.Rule{outlookEndOfSupport{}, outlookVersionUnsupported{}}, asOf, org(append(servers, outlookClients(item))...), "")
				for _, f := range fs {
					m := advised.FindStringSubmatch(f.Message)
					if m == nil {
						continue
					}
					for _, name := range regexp.MustCompile(`Microsoft 365 Apps|Outlook \d{4}`).FindAllString(m[1], -1) {
						o := byName[name]
						checked++
						if o == nil || !outlookLasts(cat, o, catalog.MustDate(asOf)) {
							t.Errorf("%v with %s on %s: %s advises %s, which does not last: %s", servers, item, asOf, f.Rule, name, f.Message)
							continue
						}
						if other := check(t, outlookVersionUnsupported{}, asOf, org(append(servers, outlookClients(o.ID))...)); len(other) > 0 {
							t.Errorf("%v with %s on %s: %s advises %s, which outlook-version-unsupported rejects:\n  %s\n%s", servers, item, asOf, f.Rule, name, f.Message, summary(other))
						}
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d advised Outlook versions checked", checked)
	}
}

// The migration rules advise a hybrid, express or minimal hybrid migration
// only where the hybrid rules accept a hybrid server in support: where
// hybrid-single-server says that no version in support can be a (second)
// hybrid server of the organization, no migration rule's fix names hybrid.
func TestNoContradictionOnHybridMigration(t *testing.T) {
	mbx := `roles = ["mailbox", "client_access"]`
	orgs := [][]string{{"2007"}, {"2010"}, {"2013"}, {"2016"}, {"2019"}, {"SE"}, {"2003", "2010"}, {"2007", "2013"}, {"2010", "2016"}, {"2016", "2019"}}
	plans := []string{
		migrationBlock("cutover", 2400, ""),
		migrationBlock("cutover", 400, "") + dirSync("true"),
		migrationBlock("staged", 900, ""),
		migrationBlock("staged", 100, ""),
		migrationBlock("staged", -1, ""),
		migrationBlock("express", 90, "") + dirSync("true"),
		migrationBlock("imap", 2400, ""),
		migrationBlock("imap", 90, ""),
	}
	var rules []lint.Rule
	for _, r := range All() {
		if strings.HasPrefix(r.Info().ID, "migration-") {
			rules = append(rules, r)
		}
	}
	advisesHybrid := regexp.MustCompile(`(?:plan|choose)[^;]*(?:hybrid migration|express|hybrid\.topology|full hybrid)`)
	checked := 0
	for _, versions := range orgs {
		var servers []string
		for i, v := range versions {
			servers = append(servers, srv(fmt.Sprintf("EX%d", i), v, someLevel[v], mbx))
		}
		for _, asOf := range []string{"2025-10-14", "2025-10-15", today, "2026-12-06"} {
			single := check(t, hybridSingleServer{}, asOf, org(append(servers, hybridWith("EX0"))...))
			ruledOut := len(single) == 1 && strings.Contains(single[0].Message, "no version in support can be a second hybrid server")
			for _, plan := range plans {
				for _, f := range checkWith(t, rules, asOf, org(append(servers, plan)...), "") {
					fix := f.Message[strings.Index(f.Message, ": ")+2:]
					if ruledOut && advisesHybrid.MatchString(fix) {
						t.Errorf("%v on %s: hybrid-single-server rules hybrid out, and %s advises it:\n  %s\n  %s", versions, asOf, f.Rule, f.Message, single[0].Message)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d findings checked", checked)
	}
}

// No rule advises installing an update that cannot join the organization
// (coexistence-unsupported would then report the server) without saying
// what must go first: beside Exchange 2013, which 2019 CU15 and later
// refuse, a 2019 server is told CU14 with its latest update ("(CU15 once
// Exchange 2013 is gone)"), or to remove the 2013 servers first, never "the
// latest CU" (CU15). Each release a fix says to install is installed, and
// coexistence-unsupported must have nothing to say of it.
func TestNoContradictionOnUpdateTarget(t *testing.T) {
	install := regexp.MustCompile(`\b(?:install|or) (CU\d+(?: [A-Z][a-z]{2}\d{2}(?:SU|HU)(?:v\d)?)?)\b`)
	hybrid := hybridBlock(`servers = ["EX19"]`, `modern_auth = true`, `dedicated_app = true`)
	tenants := tenant("t1.onmicrosoft.com", "E3") + tenant("t2.onmicrosoft.com", "E3") +
		hybridBlock(`servers = ["EX19"]`, `tenants = ["t1.onmicrosoft.com", "t2.onmicrosoft.com"]`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	// "The latest CU" of Exchange 2019 is CU15, which 2013 cannot be beside.
	latest := regexp.MustCompile(`the latest CU on EX19|EX19 to the latest CU`)
	checked, named := 0, 0
	for _, level := range []string{"CU6", "CU10", "CU13", "CU14", "CU14 Apr25HU"} {
		for _, os := range []string{"", "2019", "2022", "2025"} {
			extra := []string{`roles = ["mailbox"]`}
			if os != "" {
				extra = append(extra, fmt.Sprintf("os = %q", os))
			}
			for _, h := range []string{"", hybrid, tenants} {
				src := org(ex13, srv("EX19", "2019", level, extra...), h)
				for _, asOf := range []string{"2025-03-01", "2025-10-14", "2026-12-06"} {
					for _, f := range checkWith(t, All(), asOf, src, "") {
						if latest.MatchString(f.Message) {
							t.Errorf("2019 %s on %q beside 2013 on %s: %s advises the latest CU: %s", level, os, asOf, f.Rule, f.Message)
						}
						i := strings.Index(f.Message, "install ")
						if i < 0 || !strings.Contains(f.Message[i:], "EX19") {
							continue
						}
						fix := f.Message[i:]
						for _, m := range install.FindAllStringSubmatchIndex(fix, -1) {
							if strings.HasSuffix(f.Message[:i+m[0]], "then ") {
								continue // after what must go first
							}
							named++
							name := fix[m[2]:m[3]]
							if fs := check(t, coexistenceUnsupported{}, asOf, org(ex13, srv("EX19", "2019", name, extra...), h)); len(fs) != 0 {
								t.Errorf("2019 %s on %q beside 2013 on %s: %s advises %s, which coexistence-unsupported rejects: %s\n%s",
									level, os, asOf, f.Rule, name, f.Message, summary(fs))
							}
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 50 || named < 50 {
		t.Errorf("only %d fixes, %d releases checked", checked, named)
	}
}
