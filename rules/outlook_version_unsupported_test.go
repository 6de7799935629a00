package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// clients declares the Outlook versions in use.
func outlookClients(versions ...string) string {
	q := make([]string, len(versions))
	for i, v := range versions {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "clients {\n  outlook = [" + strings.Join(q, ", ") + "]\n}\n"
}

// outlookLevels is every Outlook version a topology can state: each product
// line without a service pack (unknown) and at each of its service packs.
func outlookLevels() []string {
	var out []string
	for _, o := range catalog.Default().Outlooks {
		out = append(out, o.ID)
		for sp := 1; sp <= o.LastSP; sp++ {
			out = append(out, fmt.Sprintf("%s SP%d", o.ID, sp))
		}
	}
	return out
}

// Every Outlook version against every Exchange version hosting mailboxes
// (MS-MATRIX-2025 for SE, 2019 and 2016; the 2021 lists for 2013 and 2010;
// MS-OFFICE2016-ADMIN for 2007): the minimum passes, the service pack or
// product below fails; Exchange 2010 supports up to Outlook 2016 (newer
// fails); Outlook 2016 does not connect to Exchange 2007; what only the 2021
// matrix listed for 2019 and 2016 (Outlook 2013 SP1, 2010 SP2) is a warning;
// a newer product line the 2013 list does not name is a warning. A version
// without a service pack has an unknown one: it is judged at its last.
func TestOutlookVersionTable(t *testing.T) {
	old := []string{"2003", "2003 SP1", "2003 SP2", "2003 SP3", "2007", "2007 SP1", "2007 SP2", "2007 SP3", "2010", "2010 SP1", "2010 SP2"}
	errors := map[string][]string{
		"SE":   append(append([]string(nil), old...), "2013", "2013 SP1"),
		"2019": old,
		"2016": {"2003", "2003 SP1", "2003 SP2", "2003 SP3", "2007", "2007 SP1", "2007 SP2", "2007 SP3", "2010 SP1"},
		"2013": {"2003", "2003 SP1", "2003 SP2", "2003 SP3", "2007 SP1", "2007 SP2"},
		"2010": {"2003 SP1", "2019", "2021", "2024", "365"},
		"2007": {"2016", "2019", "2021", "2024", "365"}, // and nothing else known
		"2003": nil,
	}
	warnings := map[string][]string{
		"2019": {"2013", "2013 SP1"},
		"2016": {"2010", "2010 SP2", "2013", "2013 SP1"},
		"2013": {"2021", "2024"},
	}
	levels := map[string]string{"2019": "CU15", "SE": "RTM", "2016": "CU23", "2013": "CU23", "2010": "SP3 RU32", "2007": "SP3 RU23", "2003": "SP2"}
	role := map[string]string{"2003": `roles = ["back_end"]`}
	for version, level := range levels {
		r := role[version]
		if r == "" {
			r = `roles = ["mailbox"]`
		}
		for _, ol := range outlookLevels() {
			fs := check(t, outlookVersionUnsupported{}, today, org(srv("EX", version, level, r), outlookClients(ol)))
			var sev lint.Severity
			var want string
			switch {
			case slices.Contains(errors[version], ol):
				sev, want = lint.Error, " is not supported with the mailboxes on EX (Exchange Server"
			case slices.Contains(warnings[version], ol):
				sev, want = lint.Warning, " may not be supported with the mailboxes on EX (Exchange Server"
			}
			if sev == 0 {
				if len(fs) != 0 {
					t.Errorf("Outlook %s with Exchange %s: want no finding:\n%s", ol, version, summary(fs))
				}
				continue
			}
			name := "Outlook " + ol
			if ol == "365" {
				name = "Microsoft 365 Apps"
			}
			if len(fs) != 1 || fs[0].Severity != sev || fs[0].Address != "clients.outlook[0]" ||
				!strings.HasPrefix(fs[0].Message, name+want) {
				t.Errorf("Outlook %s with Exchange %s: want one %s at clients.outlook[0]:\n%s", ol, version, sev, summary(fs))
			}
		}
	}
}

// The requirements the messages quote (the notes of the catalogue's rows).
// The messages name the hosts and the fix: Outlook versions in support on
// the evaluation date that every version hosting mailboxes here supports,
// else moving the mailboxes. What each version's list says, and where
// Microsoft's sources disagree, is the rule page's.
func TestOutlookVersionMessages(t *testing.T) {
	mbx := `roles = ["mailbox"]`
	const (
		newer = "move these clients to Microsoft 365 Apps or Outlook 2024"
		// No version in support can join a 2007 or 2010 organization:
		// Exchange Online is the way.
		elsewhere = "move these mailboxes to Exchange Online"
		disagree  = " (sources disagree: see the rule page)"
		ex16      = "EX16 (Exchange Server 2016 CU23 (15.1.2507.6))"
		ex10      = "EX10 (Exchange Server 2010 SP3 RU32 (14.3.513.0))"
	)
	cases := []struct {
		name, asOf, src string
		want            []string // the messages, in order
	}{
		{"Exchange 2016: SP1 below SP2 and a product below are errors, 2010 (judged at SP2) a warning", today,
			org(srv("EX16", "2016", "CU23", mbx), outlookClients("2010 SP1", "2010", "2007 SP3")),
			[]string{
				"Outlook 2010 SP1 is not supported with the mailboxes on " + ex16 + ": " + newer,
				"Outlook 2010 may not be supported with the mailboxes on " + ex16 + disagree + ": " + newer,
				"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": " + newer,
			}},
		{"two versions: both named", today,
			org(srv("EX16", "2016", "CU23", mbx), srv("EX19A", "2019", "CU15", mbx), srv("EX19B", "2019", "CU14", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on EX19A and EX19B (Exchange Server 2019) and " + ex16 + ": " + newer}},
		{"SE: Microsoft's current list, Outlook 2013 and older are errors", today,
			org(srv("EXSE", "SE", "RTM", mbx), outlookClients("2013", "2016")),
			[]string{"Outlook 2013 is not supported with the mailboxes on EXSE (Exchange Server Subscription Edition RTM (15.2.2562.17)): " + newer}},
		{"Exchange 2019: Outlook 2013 SP1, which only the 2021 matrix listed, is a warning", today,
			org(srv("EX19", "2019", "CU15", mbx), outlookClients("2013 SP1")),
			[]string{"Outlook 2013 SP1 may not be supported with the mailboxes on EX19 (Exchange Server 2019 CU15 (15.2.1748.10))" + disagree + ": " + newer}},
		// Exchange 2013's list does not name Outlook 2024: only Microsoft 365 Apps.
		{"Exchange 2013: Outlook 2010 needs SP1", today,
			org(srv("EX13", "2013", "CU23", mbx), outlookClients("2010", "2010 SP1", "2007 SP2")),
			[]string{"Outlook 2007 SP2 is not supported with the mailboxes on EX13 (Exchange Server 2013 CU23 (15.0.1497.2)): move these clients to Microsoft 365 Apps"}},
		{"a server without the mailbox role does not count", today,
			org(srv("EX19", "2019", "CU15", `roles = ["edge_transport"]`), srv("EX16", "2016", "CU23", mbx), outlookClients("2016")), nil},
		{"a server whose roles are unknown does not count", today,
			org(srv("EX19", "2019", "CU15"), outlookClients("2003")), nil},
		{"a server of unknown level still hosts mailboxes of its version", today,
			org(srv("EX19", "2019", "CU99", mbx), outlookClients("2010 SP2")),
			[]string{"Outlook 2010 SP2 is not supported with the mailboxes on EX19 (Exchange Server 2019): " + newer}},
		// No Outlook in support works with Exchange 2010: the mailboxes move.
		{"Exchange 2010: up to Outlook 2016; newer is an error, at the item", today,
			org(srv("EX10", "2010", "SP3 RU32", mbx), outlookClients("2016", "365", "2019")),
			[]string{
				"Microsoft 365 Apps is not supported with the mailboxes on " + ex10 + ", which support Outlook 2016 at most: " + elsewhere,
				"Outlook 2019 is not supported with the mailboxes on " + ex10 + ", which support Outlook 2016 at most: " + elsewhere,
			}},
		// Outlook 2016, the one both support, ends on 2025-10-14: named 366
		// days before (outlookLasts), not 365.
		{"Exchange 2010 with 2016, 366 days before Outlook 2016's end: a client too old moves to Outlook 2016", "2024-10-13",
			org(srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": move these clients to Outlook 2016"}},
		{"Exchange 2010 with 2016, 365 days before Outlook 2016's end: the mailboxes move", "2024-10-14",
			org(srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": move these mailboxes to Exchange 2019 (once Exchange 2010 is gone) or Exchange Online"}},
		// Outlook 2021 ends on 2026-10-13: named 366 days before, not 365.
		{"Exchange 2016, 366 days before Outlook 2021's end", "2025-10-12",
			org(srv("EX16", "2016", "CU23", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": move these clients to Microsoft 365 Apps, Outlook 2024 or Outlook 2021"}},
		{"Exchange 2016, 365 days before Outlook 2021's end", "2025-10-13",
			org(srv("EX16", "2016", "CU23", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": " + newer}},
		{"Exchange 2010 with 2016: no Outlook both support is in support", today,
			org(srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2007 SP3")),
			[]string{"Outlook 2007 SP3 is not supported with the mailboxes on " + ex16 + ": move these mailboxes to Exchange SE (once Exchange 2010 is gone) or Exchange Online"}},
		{"Exchange 2010 with 2016: the 2010 error for a client newer than 2010's list", today,
			org(srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2021")),
			[]string{"Outlook 2021 is not supported with the mailboxes on " + ex10 + ", which support Outlook 2016 at most: " + elsewhere}},
		{"Exchange 2013: Outlook 2021 is not named by its list, a warning; 2016 names it", today,
			org(srv("EX16", "2016", "CU23", mbx), srv("EX13", "2013", "CU23", mbx), outlookClients("2019", "2021")),
			[]string{"Outlook 2021 may not be supported with the mailboxes on EX13 (Exchange Server 2013 CU23 (15.0.1497.2)): " +
				"exlint's list for Exchange 2013 does not name it (it may predate it); check Microsoft's current list before relying on it"}},
		{"Exchange 2019, 2016 and SE: Outlook 2024, 2021 and Microsoft 365 Apps are named", today,
			org(srv("EX19", "2019", "CU15", mbx), srv("EX16", "2016", "CU23", mbx), srv("EXSE", "SE", "RTM", mbx), outlookClients("2021", "2024", "365")), nil},
		{"Exchange 2007: Outlook 2016 and later do not connect; nothing else is known", today,
			org(srv("EX07", "2007", "SP3 RU23", mbx), outlookClients("2016", "2013", "2019")),
			[]string{
				"Outlook 2016 is not supported with the mailboxes on EX07 (Exchange Server 2007 SP3 RU23 (8.3.517.0)): " + elsewhere,
				"Outlook 2019 is not supported with the mailboxes on EX07 (Exchange Server 2007 SP3 RU23 (8.3.517.0)): " + elsewhere,
			}},
		{"no clients block", today, org(srv("EX19", "2019", "CU15", mbx)), nil},
	}
	for _, tc := range cases {
		fs := check(t, outlookVersionUnsupported{}, tc.asOf, tc.src)
		if len(fs) != len(tc.want) {
			t.Errorf("%s: want %d findings:\n%s", tc.name, len(tc.want), summary(fs))
			continue
		}
		for i, f := range fs {
			if f.Message != tc.want[i] {
				t.Errorf("%s:\ngot  %s\nwant %s", tc.name, f.Message, tc.want[i])
			}
		}
	}
}
