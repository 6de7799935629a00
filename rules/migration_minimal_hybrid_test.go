package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

func hybridBlockOfTopology(topology string) string {
	return "hybrid {\n  topology = \"" + topology + "\"\n}\n"
}

// Minimal hybrid needs an Exchange 2010 or later server (not an Edge
// Transport server), whether the migration method or the hybrid topology
// declares it.
func TestMigrationMinimalHybridServer(t *testing.T) {
	declarations := []struct {
		name, src, at string
	}{
		{"method express", migrationBlock("express", 100, ""), "migration.method"},
		{"method minimal_hybrid", migrationBlock("minimal_hybrid", 100, ""), "migration.method"},
		{"topology express", hybridBlockOfTopology("express"), "hybrid.topology"},
		{"topology classic_minimal", hybridBlockOfTopology("classic_minimal"), "hybrid.topology"},
		{"topology modern_minimal", hybridBlockOfTopology("modern_minimal"), "hybrid.topology"},
		{"method over topology", migrationBlock("express", 100, "") + hybridBlockOfTopology("classic_minimal"), "migration.method"},
	}
	for _, v := range versionOrder {
		for _, d := range declarations {
			fs := check(t, migrationMinimalHybrid{}, today, org(srv("SRC", v, someLevel[v]), d.src))
			want := v == "5.5" || v == "2000" || v == "2003" || v == "2007"
			if !want {
				if len(fs) != 0 {
					t.Errorf("%s with %s: want no finding:\n%s", d.name, v, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Severity != lint.Warning || fs[0].Address != d.at {
				t.Errorf("%s with %s: want one warning at %s:\n%s", d.name, v, d.at, summary(fs))
				continue
			}
			for _, w := range []string{"needs an Exchange 2010 or later server, but", "has only " + catalog.Default().Version(v).Name + " (SRC)"} {
				if !strings.Contains(fs[0].Message, w) {
					t.Errorf("%s with %s: message lacks %q: %s", d.name, v, w, fs[0].Message)
				}
			}
			fix := "cutover or a staged migration"
			if v == "5.5" || v == "2000" {
				fix = "IMAP migration"
			}
			if !strings.Contains(fs[0].Message, fix) {
				t.Errorf("%s with %s: message lacks %q: %s", d.name, v, fix, fs[0].Message)
			}
		}
	}
	// Other methods and topologies are not minimal hybrid.
	for _, src := range []string{migrationBlock("hybrid", 100, ""), migrationBlock("cutover", 100, ""), hybridBlockOfTopology("classic_full"),
		hybridBlockOfTopology("modern_full"), "hybrid {}\n", migrationBlock("", 100, "")} {
		if fs := check(t, migrationMinimalHybrid{}, today, org(srv("EX07", "2007", "SP3 RU23"), src)); len(fs) != 0 {
			t.Errorf("%q: want no finding:\n%s", src, summary(fs))
		}
	}
}

func TestMigrationMinimalHybridServerKinds(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23")
	cases := []struct {
		name string
		src  string
		want string // "" for no finding
	}{
		{"2013 Edge only", org(ex07, srv("EDGE13", "2013", "CU23", `roles = ["edge_transport"]`)), "has only Exchange Server 2007 (EX07)"},
		{"2013 Client Access", org(ex07, srv("CAS13", "2013", "CU23", `roles = ["client_access"]`)), ""},
		{"2010 beside 2003", org(srv("EX03", "2003", "SP2"), srv("EX10", "2010", "SP3 RU32")), ""},
		{"no server", org(), "the topology has no Exchange server"},
		{"Edge only", org(srv("EDGE16", "2016", "CU23", `roles = ["edge_transport"]`)), "the topology has only Edge Transport servers"},
		// Exchange 2000 beside 2003: each group's path (the IMAP advice
		// migration-method-advice gives way to this finding for).
		{"2000 beside 2003", org(srv("EX2K", "2000", "SP3"), srv("EX03", "2003", "SP2")), "plan a cutover or staged migration for the 2003/2007 mailboxes and an IMAP migration for the 2000/5.5 ones instead"},
	}
	for _, tc := range cases {
		fs := check(t, migrationMinimalHybrid{}, today, tc.src+migrationBlock("express", 100, ""))
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one finding containing %q:\n%s", tc.name, tc.want, summary(fs))
		}
	}
}

// Express migration synchronizes once: "Do not plan to continue to run
// directory synchronization". Minimal hybrid counts as express unless the
// hybrid topology says Minimal or Full. (An Exchange 2016 organization can
// have an Exchange SE hybrid server: the fix may name a Minimal or Full
// hybrid.)
func TestMigrationMinimalHybridDirectorySync(t *testing.T) {
	ex13 := srv("EX16", "2016", "CU23")
	cases := []struct {
		name string
		decl string
		sync string
		want bool
	}{
		{"express, sync enabled", migrationBlock("express", 100, ""), dirSync("true"), true},
		{"express, sync off", migrationBlock("express", 100, ""), dirSync("false"), false},
		{"express, sync unknown", migrationBlock("express", 100, ""), dirSync(""), false},
		{"express, no sync", migrationBlock("express", 100, ""), "", false},
		{"minimal hybrid, sync enabled", migrationBlock("minimal_hybrid", 100, ""), dirSync("true"), true},
		{"minimal hybrid, topology express", migrationBlock("minimal_hybrid", 100, "") + hybridBlockOfTopology("express"), dirSync("true"), true},
		{"minimal hybrid, topology classic_minimal", migrationBlock("minimal_hybrid", 100, "") + hybridBlockOfTopology("classic_minimal"), dirSync("true"), false},
		{"minimal hybrid, topology modern_minimal", migrationBlock("minimal_hybrid", 100, "") + hybridBlockOfTopology("modern_minimal"), dirSync("true"), false},
		{"minimal hybrid, topology classic_full", migrationBlock("minimal_hybrid", 100, "") + hybridBlockOfTopology("classic_full"), dirSync("true"), false},
		// A stated topology wins over the method: Minimal keeps synchronization
		// (and the advice would repeat the topology already chosen).
		{"express, topology classic_minimal", migrationBlock("express", 100, "") + hybridBlockOfTopology("classic_minimal"), dirSync("true"), false},
		{"express, topology modern_minimal", migrationBlock("express", 100, "") + hybridBlockOfTopology("modern_minimal"), dirSync("true"), false},
		{"minimal hybrid, hybrid block without topology", migrationBlock("minimal_hybrid", 100, "") + "hybrid {}\n", dirSync("true"), true},
		{"topology express", hybridBlockOfTopology("express"), dirSync("true"), true},
		{"hybrid method, topology express", migrationBlock("hybrid", 100, "") + hybridBlockOfTopology("express"), dirSync("true"), true},
		{"topology classic_minimal", hybridBlockOfTopology("classic_minimal"), dirSync("true"), false},
		{"topology modern_minimal", hybridBlockOfTopology("modern_minimal"), dirSync("true"), false},
		{"full hybrid", migrationBlock("hybrid", 100, "") + hybridBlockOfTopology("classic_full"), dirSync("true"), false},
		{"cutover", migrationBlock("cutover", 100, ""), dirSync("true"), false},
	}
	for _, tc := range cases {
		fs := check(t, migrationMinimalHybrid{}, today, org(ex13, tc.decl, tc.sync))
		if !tc.want {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Warning || fs[0].Address != "directory_sync.enabled" {
			t.Errorf("%s: want one warning at directory_sync.enabled:\n%s", tc.name, summary(fs))
			continue
		}
		for _, w := range []string{"directory synchronization stays enabled", "an express migration (minimal hybrid)", "once",
			"enabled = false", `hybrid.topology = "classic_minimal"`} {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, fs[0].Message)
			}
		}
		if len(fs[0].Related) != 1 {
			t.Errorf("%s: want the declaration as related location", tc.name)
		}
	}
	// Both problems: two findings.
	fs := check(t, migrationMinimalHybrid{}, today, org(srv("EX07", "2007", "SP3 RU23"), migrationBlock("express", 100, ""), dirSync("true")))
	if len(fs) != 2 {
		t.Errorf("express from 2007 with ongoing sync: want two findings:\n%s", summary(fs))
	}
}

// A Minimal or Full hybrid, which keeps directory synchronization, is
// advised only where a version in support can be the hybrid server
// (hybridOutOfReach, the query of the hybrid rules): not beside Exchange
// 2007 (whose hybrid server must be Exchange 2013), nor, after Exchange
// 2016's last day (2025-10-14), beside Exchange 2010.
func TestMigrationMinimalHybridWithoutHybrid(t *testing.T) {
	const keep = `plan enabled = false after that synchronization, or, to keep it, choose hybrid.topology = "classic_minimal" or a full hybrid`
	for _, tc := range []struct {
		name, asOf, servers, fix string
	}{
		// The audit's case.
		{"2007 in December 2026", "2026-12-06", srv("EX", "2007", "SP3 RU23"),
			"plan enabled = false after that synchronization; no version in support can be a hybrid server beside Exchange 2007, so no hybrid can keep it"},
		{"2010 on Exchange 2016's last day", "2025-10-14", srv("EX", "2010", "SP3 RU32"), keep},
		{"2010 the day after", "2025-10-15", srv("EX", "2010", "SP3 RU32"),
			"plan enabled = false after that synchronization; no version in support can be a hybrid server beside Exchange 2010, so no hybrid can keep it"},
		{"2016 in December 2026", "2026-12-06", srv("EX", "2016", "CU23"), keep},
	} {
		fs := check(t, migrationMinimalHybrid{}, tc.asOf, org(tc.servers, dirSync("true"), migrationBlock("express", 90, "")))
		want := "directory synchronization stays enabled, but an express migration (minimal hybrid) synchronizes users once and then turns it off: " + tc.fix
		if byRule(fs, "migration-minimal-hybrid") == "" || fs[0].Address != "directory_sync.enabled" || fs[0].Message != want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), want)
		}
	}
}
