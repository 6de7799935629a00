package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// hybrid-directory-sync-required and migration-minimal-hybrid judge directory
// synchronization by the same hybrid mode: for every migration method, hybrid
// topology and state of directory synchronization, each rule says what the
// mode asks, and no two findings contradict each other (one asking to turn
// synchronization off while the other asks for it) or repeat the current
// setting as advice.
func TestHybridModeDirectorySyncCombinations(t *testing.T) {
	methods := []string{"", "express", "minimal_hybrid", "hybrid", "cutover"}
	hybrids := []struct{ name, block, topology string }{
		{"no hybrid block", "", "-"},
		{"hybrid without topology", "hybrid {}\n", ""},
		{"classic_full", hybridBlockOfTopology("classic_full"), "classic_full"},
		{"modern_full", hybridBlockOfTopology("modern_full"), "modern_full"},
		{"classic_minimal", hybridBlockOfTopology("classic_minimal"), "classic_minimal"},
		{"modern_minimal", hybridBlockOfTopology("modern_minimal"), "modern_minimal"},
		{"express", hybridBlockOfTopology("express"), "express"},
	}
	syncs := []struct {
		name, block string
		enabled     string // "true", "false", "" unknown, "-" no block
		writeback   string
	}{
		{"none", "", "-", ""},
		{"off", "directory_sync {\n  enabled = false\n}\n", "false", ""},
		{"on", "directory_sync {\n  enabled = true\n  exchange_hybrid_writeback = true\n}\n", "true", "true"},
		{"on, writeback unknown", "directory_sync {\n  enabled = true\n}\n", "true", ""},
		{"on, no writeback", "directory_sync {\n  enabled = true\n  exchange_hybrid_writeback = false\n}\n", "true", "false"},
		{"enabled unknown", "directory_sync {\n  tool = \"entra_connect\"\n}\n", "", ""},
	}
	ex16 := srv("EX16", "2016", "CU23", `roles = ["mailbox"]`)
	for _, m := range methods {
		for _, h := range hybrids {
			for _, s := range syncs {
				name := fmt.Sprintf("method %q, %s, sync %s", m, h.name, s.name)
				mig := ""
				if m != "" {
					mig = migrationBlock(m, 100, "")
				}
				src := org(ex16, mig, h.block, s.block)
				// The mode, as the helper's contract states it.
				mode := ""
				switch {
				case h.topology != "-" && h.topology != "":
					mode = h.topology
				case m == "express" || m == "minimal_hybrid":
					mode = "express"
				case h.topology == "":
					mode = "classic_full"
				}
				minimal := mode == "classic_minimal" || mode == "modern_minimal"

				// hybrid-directory-sync-required: with a hybrid block, every mode
				// but express needs synchronization (a warning for the minimal
				// modes, whose sources disagree).
				var wantReq string // address of the expected finding, "" for none
				if h.topology != "-" && mode != "express" {
					switch {
					case s.enabled == "-":
						wantReq = "hybrid"
						if h.topology != "" {
							wantReq = "hybrid.topology"
						}
					case s.enabled == "false":
						wantReq = "directory_sync.enabled"
					case s.writeback == "false":
						wantReq = "directory_sync.exchange_hybrid_writeback"
					}
				}
				req := check(t, hybridDirectorySyncRequired{}, today, src)
				switch {
				case wantReq == "" && len(req) != 0:
					t.Errorf("%s: hybrid-directory-sync-required: want no finding:\n%s", name, summary(req))
				case wantReq != "":
					sev := lint.Error
					if minimal {
						sev = lint.Warning
					}
					if len(req) != 1 || req[0].Address != wantReq || req[0].Severity != sev {
						t.Errorf("%s: hybrid-directory-sync-required: want one %s at %s:\n%s", name, sev, wantReq, summary(req))
					} else if minimal && !strings.Contains(req[0].Message, "sources disagree") {
						t.Errorf("%s: a minimal-mode warning must say the sources disagree: %s", name, req[0].Message)
					}
				}

				// migration-minimal-hybrid: only the express mode plans to turn
				// synchronization off after one run.
				var syncFindings []lint.Finding
				for _, f := range check(t, migrationMinimalHybrid{}, today, src) {
					if f.Address == "directory_sync.enabled" {
						syncFindings = append(syncFindings, f)
					}
				}
				wantOff := mode == "express" && s.enabled == "true"
				switch {
				case !wantOff && len(syncFindings) != 0:
					t.Errorf("%s: migration-minimal-hybrid: want no finding about directory sync:\n%s", name, summary(syncFindings))
				case wantOff && (len(syncFindings) != 1 || syncFindings[0].Severity != lint.Warning):
					t.Errorf("%s: migration-minimal-hybrid: want one warning at directory_sync.enabled:\n%s", name, summary(syncFindings))
				}

				// No contradiction, no advice that repeats the current setting.
				if len(syncFindings) > 0 && len(req) > 0 {
					t.Errorf("%s: contradictory findings:\n%s%s", name, summary(syncFindings), summary(req))
				}
				for _, f := range syncFindings {
					if h.topology != "-" && h.topology != "" && strings.Contains(f.Message, fmt.Sprintf("hybrid.topology = %q", h.topology)) {
						t.Errorf("%s: the advice repeats the current topology: %s", name, f.Message)
					}
				}
			}
		}
	}
}

// The other hybrid rules whose verdicts depend on the topology read it as the
// shared hybrid mode too: an express or minimal_hybrid migration with a
// hybrid block that states no topology is an express hybrid (no hybrid mail,
// so no TCP 25 and no transport certificate; no rich coexistence, so no
// dedicated hybrid app), as hybrid-directory-sync-required and
// migration-minimal-hybrid read it. Without such a method, the unstated
// topology keeps the general prerequisites.
func TestHybridModeOtherRules(t *testing.T) {
	ex := srv("EX", "SE", "RTM", `roles = ["mailbox"]`)
	ports := "hybrid {\n  servers = [\"EX\"]\n  inbound_ports = [443]\n  outbound_ports = [443, 80]\n}\n"
	smtpCert := "certificate \"SMTP\" {\n  issuer = \"self_signed\"\n  servers = [\"EX\"]\n  services = [\"smtp\"]\n}\n"
	certHybrid := "hybrid {\n  servers = [\"EX\"]\n}\n"
	noApp := "hybrid {\n  servers = [\"EX\"]\n  dedicated_app = false\n}\n"
	cases := []struct {
		name   string
		rule   lint.Rule
		src    string
		wantN  int
		method string
	}{
		{"hybrid-ports, no method: TCP 25 both ways", hybridPorts{}, org(ex, ports), 2, ""},
		{"hybrid-ports, express method", hybridPorts{}, org(ex, ports), 0, "express"},
		{"hybrid-ports, minimal_hybrid method", hybridPorts{}, org(ex, ports), 0, "minimal_hybrid"},
		{"hybrid-ports, hybrid method", hybridPorts{}, org(ex, ports), 2, "hybrid"},
		{"hybrid-certificate, no method: a public transport certificate", hybridCertificate{}, org(ex, smtpCert, certHybrid), 1, ""},
		{"hybrid-certificate, express method", hybridCertificate{}, org(ex, smtpCert, certHybrid), 0, "express"},
		{"hybrid-dedicated-app, no method", hybridDedicatedApp{}, org(ex, noApp), 1, ""},
		{"hybrid-dedicated-app, express method", hybridDedicatedApp{}, org(ex, noApp), 0, "express"},
	}
	for _, tc := range cases {
		src := tc.src
		if tc.method != "" {
			src += migrationBlock(tc.method, 100, "")
		}
		if fs := check(t, tc.rule, today, src); len(fs) != tc.wantN {
			t.Errorf("%s: want %d findings:\n%s", tc.name, tc.wantN, summary(fs))
		}
	}
}
