package rules

import (
	"fmt"
	"strings"
	"testing"
)

// Every topology value against every state of directory synchronization.
func TestHybridDirectorySyncRequired(t *testing.T) {
	states := []struct {
		name, block string
		at          string // where a finding points, "" for hybrid.topology (or hybrid)
	}{
		{"none", "", ""},
		{"off", "directory_sync {\n  enabled = false\n}\n", "directory_sync.enabled"},
		{"on", "directory_sync {\n  enabled = true\n  exchange_hybrid_writeback = true\n}\n", "-"},
		{"on, writeback unknown", "directory_sync {\n  enabled = true\n}\n", "-"},
		{"on, no writeback", "directory_sync {\n  enabled = true\n  exchange_hybrid_writeback = false\n}\n", "directory_sync.exchange_hybrid_writeback"},
		{"enabled unknown", "directory_sync {\n  tool = \"entra_connect\"\n}\n", "-"},
		{"enabled unknown, no writeback", "directory_sync {\n  exchange_hybrid_writeback = false\n}\n", "directory_sync.exchange_hybrid_writeback"},
		{"off, no writeback", "directory_sync {\n  enabled = false\n  exchange_hybrid_writeback = false\n}\n", "directory_sync.enabled"},
	}
	topologies := []struct {
		topology string
		severity string // "" when exempt
	}{
		{"classic_full", "error"},
		{"modern_full", "error"},
		{"modern_minimal", "warning"}, // the two Minimal options alike
		{"classic_minimal", "warning"},
		{"express", ""},
		{"", "error"}, // not stated (and no express method): classic_full
	}
	for _, tp := range topologies {
		for _, st := range states {
			hybrid := "hybrid {}\n"
			top := "hybrid"
			if tp.topology != "" {
				hybrid = fmt.Sprintf("hybrid {\n  topology = %q\n}\n", tp.topology)
				top = "hybrid.topology"
			}
			fs := check(t, hybridDirectorySyncRequired{}, today, org(st.block, hybrid))
			name := fmt.Sprintf("%q with directory sync %s", tp.topology, st.name)
			if tp.severity == "" || st.at == "-" {
				if len(fs) != 0 {
					t.Errorf("%s: want no finding:\n%s", name, summary(fs))
				}
				continue
			}
			want := st.at
			if want == "" {
				want = top
			}
			if len(fs) != 1 || fs[0].Address != want || fs[0].Severity.String() != tp.severity {
				t.Errorf("%s: want one %s at %s:\n%s", name, tp.severity, want, summary(fs))
				continue
			}
			msg := fs[0].Message
			for _, w := range []string{"Exchange hybrid deployment"} {
				if !strings.Contains(msg, w) {
					t.Errorf("%s: message lacks %q: %s", name, w, msg)
				}
			}
			if tp.topology == "" && st.at == "" && !strings.Contains(msg, `topology = "express"`) {
				t.Errorf("%s: the message should say how to declare express: %s", name, msg)
			}
			if tp.severity == "warning" && !strings.Contains(msg, "sources disagree") {
				t.Errorf("%s: a warning must say the sources disagree: %s", name, msg)
			}
		}
	}
}

// Without a hybrid block there is nothing to check.
func TestHybridDirectorySyncNoHybrid(t *testing.T) {
	if fs := check(t, hybridDirectorySyncRequired{}, today, org()); len(fs) != 0 {
		t.Errorf("no hybrid: %s", summary(fs))
	}
}
