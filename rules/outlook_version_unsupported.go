package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
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

// outlookMinimum is what an Exchange version supports of Outlook: the oldest
// product line (and for some lines a service pack), for some versions the
// newest, and the product lines its list names.
type outlookMinimum struct {
	version string
	product string         // the oldest Outlook product line supported
	sp      map[string]int // per product line, the lowest service pack supported
	text    string         // the requirement, for messages
	// unverified: the reference gives no verified list (SE): a finding is a warning.
	unverified bool
	// newest is the newest Outlook product line supported, when Microsoft
	// states one (Exchange 2010: "through Outlook 2016"): newer is an error.
	newest string
	// named lists the product lines the version's list names, when the list
	// is closed at its snapshot's date: a newer product line it does not name
	// (Outlook 2021 for Exchange 2016) is a warning. Nil: not checked.
	named []string
}

// outlookSnapshots says where the lists come from, for the warnings about
// clients they do not name.
const outlookSnapshots = "exlint's lists come from 2021-2022 snapshots of Microsoft's supportability matrix and system requirements"

// outlookMinimums: exchange-domain.md §1.4 (Outlook for Windows). Exchange
// 2007 and 2003 are UNVERIFIED there and not checked.
var outlookMinimums = []outlookMinimum{
	// MS-SYSREQ (2019, 2022 text) and MS-MATRIX: Outlook 2013, 2016, 2019, 2021 (added by 2022),
	// Microsoft 365 Apps; Outlook 2010 "Not supported". Matrix footnote 1 on Outlook 2013 and 2016:
	// "Requires the latest Office service pack and the latest public update" (Outlook 2013: SP1).
	// Outlook 2024 came later: not named.
	{version: "2019", product: "2013", sp: map[string]int{"2013": 1}, named: []string{"2013", "2016", "2019", "2021", "365"},
		text: "Exchange 2019 supports Outlook 2013 SP1 or later, each with its latest public update; Outlook 2010 and older are not supported"},
	// UNVERIFIED: the reference expects Exchange 2019's list for SE (MS-ROADMAP-2024: SE has the
	// system requirements of 2019 CU15), plus Outlook 2021, LTSC 2024 and Microsoft 365 Apps; no
	// Microsoft list was read. No newer product line is questioned.
	{version: "SE", product: "2013", sp: map[string]int{"2013": 1}, unverified: true,
		text: "no list of supported Outlook versions for Exchange Server SE was verified; exlint applies Exchange 2019's (Outlook 2013 SP1 or later), " +
			"since SE has the system requirements of Exchange 2019 CU15"},
	// MS-SYSREQ (2016, 2021 and 2022 text): "Outlook 2010 SP2 (with updates)", 2013, 2016, 2019, Microsoft 365
	// Apps; MS-MATRIX footnote 1: the latest service pack and public update for Outlook 2010 (SP2) and 2013 (SP1).
	{version: "2016", product: "2010", sp: map[string]int{"2010": 2, "2013": 1}, named: []string{"2010", "2013", "2016", "2019", "365"},
		text: "Exchange 2016 supports Outlook 2010 SP2 or later, each with its latest service pack and public update"},
	// MS-MATRIX footnotes 2 and 3 (Outlook 2010 SP1, Outlook 2007 SP3, each with the latest public
	// update), with Outlook 2013, 2016, 2019 and Microsoft 365 Apps; MS-SYSREQ-2013: "Outlook clients
	// earlier than Outlook 2007 are not supported".
	{version: "2013", product: "2007", sp: map[string]int{"2007": 3, "2010": 1}, named: []string{"2007", "2010", "2013", "2016", "2019", "365"},
		text: "Exchange 2013 supports Outlook 2007 SP3, Outlook 2010 SP1 and later, each with the latest public update"},
	// MS-SYSREQ-2010 and TECHREP-2010: Outlook 2003 SP2 or later (SP3 recommended); MS-MATRIX lists
	// Outlook 2007 to 2016 for Exchange 2010 SP3: Outlook 2003 SP2 "through Outlook 2016".
	{version: "2010", product: "2003", sp: map[string]int{"2003": 2}, newest: "2016",
		text: "Exchange 2010 supports Outlook 2003 SP2 (SP3 recommended) through Outlook 2016"},
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

// above reports whether an Outlook level is newer than the newest product
// line the version supports, and that line.
func (m outlookMinimum) above(cat *catalog.Catalog, o catalog.OutlookLevel) (bool, *catalog.Outlook) {
	if m.newest == "" {
		return false, nil
	}
	max := cat.OutlookByID(m.newest)
	return o.Outlook.Rank > max.Rank, max
}

// unnamed reports whether the version's list does not name an Outlook
// product line at or above its minimum, and the text of what it names.
func (m outlookMinimum) unnamed(cat *catalog.Catalog, o catalog.OutlookLevel) (bool, string) {
	if m.named == nil || slices.Contains(m.named, o.Outlook.ID) {
		return false, ""
	}
	var ns []string
	for _, id := range m.named {
		n := cat.OutlookByID(id).Name
		if sp := m.sp[id]; sp > 0 {
			n = fmt.Sprintf("%s SP%d", n, sp)
		}
		ns = append(ns, n)
	}
	return true, fmt.Sprintf("Exchange %s's list names %s, not %s", m.version, words.And(ns), o.Outlook.Name)
}

// outlookFailure is one Exchange version's verdict on one Outlook item.
type outlookFailure struct {
	m      outlookMinimum
	ss     []facts.Server
	target catalog.OutlookLevel // too old: the lowest level that would do
	max    *catalog.Outlook     // too new: the newest product line supported
	named  string               // not named: what the list names
}

func (outlookVersionUnsupported) Check(p *lint.Pass) {
	c := p.Topology.Clients
	if c == nil || c.Outlook == nil {
		return
	}
	// Servers that host mailboxes, by version: the mailbox role declared.
	// A server whose roles are not stated is not assumed to host any.
	mailbox := map[string][]facts.Server{}
	for _, s := range p.Facts.Servers() {
		if s.HasRole("mailbox") {
			mailbox[s.Exchange.ID] = append(mailbox[s.Exchange.ID], s)
		}
	}
	if len(mailbox) == 0 {
		return
	}
	// The newest Outlook every version hosting mailboxes supports, if one
	// of them has a newest (Exchange 2010): a fix must not go beyond it.
	var newest *catalog.Outlook
	for _, m := range outlookMinimums {
		if _, ok := mailbox[m.version]; ok && m.newest != "" {
			if o := p.Catalog.OutlookByID(m.newest); newest == nil || o.Rank < newest.Rank {
				newest = o
			}
		}
	}
	for _, item := range c.Outlook.Items {
		o, err := p.Catalog.ParseOutlook(item.Value)
		if err != nil {
			continue // a schema finding
		}
		// An item is too old for some versions, too new for others (Exchange
		// 2010), or newer than some versions' lists: never two of these, since
		// every minimum is below Outlook 2016 and every list names Outlook 2019.
		var old, unverified, tooNew, unnamed []outlookFailure
		for _, m := range outlookMinimums {
			ss := mailbox[m.version]
			if len(ss) == 0 {
				continue
			}
			if bad, t := m.below(p.Catalog, o); bad {
				if m.unverified {
					unverified = append(unverified, outlookFailure{m: m, ss: ss, target: t})
				} else {
					old = append(old, outlookFailure{m: m, ss: ss, target: t})
				}
				continue
			}
			if bad, max := m.above(p.Catalog, o); bad {
				tooNew = append(tooNew, outlookFailure{m: m, ss: ss, max: max})
				continue
			}
			if bad, named := m.unnamed(p.Catalog, o); bad {
				unnamed = append(unnamed, outlookFailure{m: m, ss: ss, named: named})
			}
		}
		related := func(fs []outlookFailure) lint.Related { return relatedLevel(fs[0].ss[0]) }
		switch {
		case len(old) > 0:
			p.Report(item, outlookTooOld(o, old, "is not", newest), related(old))
		case len(tooNew) > 0:
			p.Report(item, outlookTooNew(o, tooNew), related(tooNew))
		case len(unverified) > 0:
			p.ReportAs(lint.Warning, item, outlookTooOld(o, unverified, "may not be", newest), related(unverified))
		case len(unnamed) > 0:
			p.ReportAs(lint.Warning, item, outlookUnnamed(o, unnamed), related(unnamed))
		}
	}
}

// outlookHosts names the servers of each failing version and what each
// version requires.
func outlookHosts(fs []outlookFailure, why func(outlookFailure) string) (hosts, whys []string) {
	for _, f := range fs {
		hosts = append(hosts, groupName(f.ss, f.ss[0].Exchange.Name))
		whys = append(whys, why(f))
	}
	return hosts, whys
}

func outlookTooOld(o catalog.OutlookLevel, fs []outlookFailure, is string, newest *catalog.Outlook) string {
	var target catalog.OutlookLevel
	for _, f := range fs {
		if target.Outlook == nil || f.target.Compare(target) > 0 {
			target = f.target
		}
	}
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.m.text })
	to := fmt.Sprintf("%s or later", target)
	if newest != nil {
		to = fmt.Sprintf("%s up to %s", target, newest.Name)
	}
	return fmt.Sprintf("%s %s supported with the mailboxes on %s: %s; move these clients to %s",
		o, is, words.And(hosts), strings.Join(whys, "; "), to)
}

func outlookTooNew(o catalog.OutlookLevel, fs []outlookFailure) string {
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.m.text })
	return fmt.Sprintf("%s is not supported with the mailboxes on %s: %s; keep these clients on %s or earlier until their mailboxes move to a newer Exchange version or to Exchange Online",
		o, words.And(hosts), strings.Join(whys, "; "), fs[0].max.Name)
}

func outlookUnnamed(o catalog.OutlookLevel, fs []outlookFailure) string {
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.named })
	return fmt.Sprintf("%s may not be supported with the mailboxes on %s: %s; %s, which may predate it: "+
		"check Microsoft's current list before relying on %s with these mailboxes",
		o, words.And(hosts), strings.Join(whys, "; "), outlookSnapshots, o.Outlook.Name)
}
