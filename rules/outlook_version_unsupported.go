package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// outlookVersionUnsupported reports Outlook versions in use that an Exchange
// version hosting mailboxes does not support.
type outlookVersionUnsupported struct{}

func init() { register(outlookVersionUnsupported{}) }

func (outlookVersionUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "outlook-version-unsupported",
		Severity: lint.Error,
		Summary:  "an Outlook version below the minimum of an Exchange version that hosts mailboxes",
		Sources:  sources("MS-MATRIX", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-SYSREQ-2010", "TECHREP-2010", "MS-ROADMAP-2024"),
	}
}

// outlookMinimum is the oldest Outlook an Exchange version supports: a
// product line, and for some lines a service pack.
type outlookMinimum struct {
	version string
	product string         // the oldest Outlook product line supported
	sp      map[string]int // per product line, the lowest service pack supported
	text    string         // the requirement, for messages
	// unverified: the reference gives no verified list (SE): a finding is a warning.
	unverified bool
}

// outlookMinimums: exchange-domain.md §1.4 (Outlook for Windows). Exchange
// 2007 and 2003 are UNVERIFIED there and not checked.
var outlookMinimums = []outlookMinimum{
	// MS-SYSREQ (2019, 2022 text) and MS-MATRIX: Outlook 2013, 2016, 2019, 2021, Microsoft 365 Apps;
	// Outlook 2010 "Not supported". Matrix footnote 1 on Outlook 2013 and 2016: "Requires the latest
	// Office service pack and the latest public update" (Outlook 2013: SP1).
	{version: "2019", product: "2013", sp: map[string]int{"2013": 1},
		text: "Exchange 2019 supports Outlook 2013 SP1 or later, each with its latest public update; Outlook 2010 and older are not supported"},
	// UNVERIFIED: the reference expects Exchange 2019's list for SE (MS-ROADMAP-2024: SE has the
	// system requirements of 2019 CU15); no Microsoft list was read.
	{version: "SE", product: "2013", sp: map[string]int{"2013": 1}, unverified: true,
		text: "no list of supported Outlook versions for Exchange Server SE was verified; exlint applies Exchange 2019's (Outlook 2013 SP1 or later), " +
			"since SE has the system requirements of Exchange 2019 CU15"},
	// MS-SYSREQ (2016): "Outlook 2010 SP2 (with updates)"; MS-MATRIX footnote 1: the latest service pack
	// and public update for Outlook 2010 (SP2) and 2013 (SP1).
	{version: "2016", product: "2010", sp: map[string]int{"2010": 2, "2013": 1},
		text: "Exchange 2016 supports Outlook 2010 SP2 or later, each with its latest service pack and public update"},
	// MS-MATRIX footnotes 2 and 3 (Outlook 2010 SP1, Outlook 2007 SP3, each with the latest public
	// update); MS-SYSREQ-2013: "Outlook clients earlier than Outlook 2007 are not supported".
	{version: "2013", product: "2007", sp: map[string]int{"2007": 3, "2010": 1},
		text: "Exchange 2013 supports Outlook 2007 SP3, Outlook 2010 SP1 and later, each with the latest public update"},
	// MS-SYSREQ-2010 and TECHREP-2010: Outlook 2003 SP2 or later (SP3 recommended); MS-MATRIX lists
	// Outlook 2007 to 2016 for Exchange 2010 SP3.
	{version: "2010", product: "2003", sp: map[string]int{"2003": 2},
		text: "Exchange 2010 supports Outlook 2003 SP2 or later (SP3 recommended)"},
}

// below reports whether an Outlook level is below the minimum, and the
// lowest level of its line (or of the oldest line) that the minimum allows.
// A level written without a service pack has an unknown one: only its
// product line is judged.
func (m outlookMinimum) below(cat *catalog.Catalog, o catalog.OutlookLevel) (bool, catalog.OutlookLevel) {
	min := cat.OutlookByID(m.product)
	if o.Outlook.Rank < min.Rank {
		return true, catalog.OutlookLevel{Outlook: min, SP: m.sp[min.ID]}
	}
	if floor, ok := m.sp[o.Outlook.ID]; ok && o.SP > 0 && o.SP < floor {
		return true, catalog.OutlookLevel{Outlook: o.Outlook, SP: floor}
	}
	return false, catalog.OutlookLevel{}
}

func (outlookVersionUnsupported) Check(p *lint.Pass) {
	c := p.Topology.Clients
	if c == nil || c.Outlook == nil {
		return
	}
	// Servers that host mailboxes, by version: the mailbox role declared.
	// A server whose roles are not stated is not assumed to host any.
	mailbox := map[string][]server{}
	for _, s := range servers(p) {
		if s.hasRole("mailbox") {
			mailbox[s.version.ID] = append(mailbox[s.version.ID], s)
		}
	}
	if len(mailbox) == 0 {
		return
	}
	for _, item := range c.Outlook.Items {
		o, err := p.Catalog.ParseOutlook(item.Value)
		if err != nil {
			continue // a schema finding
		}
		type failure struct {
			m      outlookMinimum
			ss     []server
			target catalog.OutlookLevel
		}
		var verified, unverified []failure
		for _, m := range outlookMinimums {
			ss := mailbox[m.version]
			if len(ss) == 0 {
				continue
			}
			bad, t := m.below(p.Catalog, o)
			if !bad {
				continue
			}
			if m.unverified {
				unverified = append(unverified, failure{m, ss, t})
			} else {
				verified = append(verified, failure{m, ss, t})
			}
		}
		failures := verified
		if len(failures) == 0 {
			failures = unverified
		}
		if len(failures) == 0 {
			continue
		}
		var hosts, whys []string
		var target catalog.OutlookLevel
		for _, f := range failures {
			if target.Outlook == nil || f.target.Compare(target) > 0 {
				target = f.target
			}
			hosts = append(hosts, adGroupName(f.ss, f.ss[0].version.Name))
			whys = append(whys, f.m.text)
		}
		is := "is not"
		if len(verified) == 0 {
			is = "may not be"
		}
		msg := fmt.Sprintf("%s %s supported with the mailboxes on %s: %s; move these clients to %s or later",
			o, is, adJoinAnd(hosts), strings.Join(whys, "; "), target)
		related := adRelatedServer(failures[0].ss[0])
		if len(verified) > 0 {
			p.Report(item, msg, related)
		} else {
			p.ReportAs(lint.Warning, item, msg, related)
		}
	}
}
