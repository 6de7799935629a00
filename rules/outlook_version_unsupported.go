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
		Sources:  sources("MS-MATRIX-2025", "MS-MATRIX-2021", "MS-MATRIX", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-SYSREQ-2010", "TECHREP-2010", "MS-OFFICE2016-ADMIN"),
	}
}

// The lists are the catalogue's (subject outlook): per Exchange version, the
// Outlook levels supported, not supported, or in doubt (what only the 2021
// matrix listed for Exchange 2019 and 2016). A product newer than a list
// names has no row: a warning that the list may predate it (Exchange 2013's);
// a version whose list names nothing supported (2007) is not warned about. A level written without a service
// pack has an unknown one: it is judged at the product's last service pack,
// so that only its product line is judged.
const outlookMatrix = "outlook"

// outlookSnapshots says where the lists come from, for the warnings about
// clients they do not name.
const outlookSnapshots = "exlint's lists come from 2021-2022 snapshots of Microsoft's supportability matrix and system requirements"

// outlookList is what the catalogue says of Outlook for one Exchange version.
type outlookList struct {
	version *catalog.Version
	levels  []catalog.OutlookLevel // every Outlook level, oldest first
	verdict []catalog.Verdict
	rows    []*catalog.Support
}

func newOutlookList(cat *catalog.Catalog, v *catalog.Version) outlookList {
	l := outlookList{version: v}
	for _, o := range cat.Outlooks {
		for sp := 0; sp <= o.LastSP; sp++ {
			lv := catalog.OutlookLevel{Outlook: o, SP: sp}
			verdict, row := cat.SupportsAny(outlookMatrix, lv.Key(), "", v)
			l.levels, l.verdict, l.rows = append(l.levels, lv), append(l.verdict, verdict), append(l.rows, row)
		}
	}
	return l
}

// judge returns the position of o in the list: at its product's last
// service pack when it names none.
func (l outlookList) judge(o catalog.OutlookLevel) int {
	if o.SP == 0 {
		o.SP = o.Outlook.LastSP
	}
	for i, lv := range l.levels {
		if lv.Compare(o) == 0 {
			return i
		}
	}
	return -1
}

// lowestAbove is the lowest supported level above position i, if any.
func (l outlookList) lowestAbove(i int) (catalog.OutlookLevel, bool) {
	for j := i + 1; j < len(l.levels); j++ {
		if l.verdict[j] == catalog.Supported {
			return l.levels[j], true
		}
	}
	return catalog.OutlookLevel{}, false
}

// newest is the newest product line the version supports when it names newer
// ones it does not support (Exchange 2010: "through Outlook 2016"), else nil.
func (l outlookList) newest() *catalog.Outlook {
	last := -1
	for i, v := range l.verdict {
		if v == catalog.Supported {
			last = i
		}
	}
	for j := last + 1; last >= 0 && j < len(l.levels); j++ {
		if l.verdict[j] == catalog.Unsupported {
			return l.levels[last].Outlook
		}
	}
	return nil
}

// names reports whether the version's list names any Outlook it supports:
// only then is a product it does not name newer than the list.
func (l outlookList) names() bool {
	return slices.Contains(l.verdict, catalog.Supported)
}

// named is the text of what the version's list names: "Exchange 2016's list
// names Outlook 2010 SP2, ..., not Outlook 2021".
func (l outlookList) named(o catalog.OutlookLevel) string {
	var ns []string
	seen := map[*catalog.Outlook]bool{}
	for i, lv := range l.levels {
		if l.verdict[i] == catalog.Supported && !seen[lv.Outlook] {
			seen[lv.Outlook] = true
			ns = append(ns, lv.String())
		}
	}
	return fmt.Sprintf("Exchange %s's list names %s, not %s", l.version.ID, words.And(ns), o.Outlook.Name)
}

// outlookFailure is one Exchange version's verdict on one Outlook item.
type outlookFailure struct {
	ss     []facts.Server
	text   string               // the requirement, for messages
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
	mailbox := map[*catalog.Version][]facts.Server{}
	for _, s := range p.Facts.Servers() {
		if s.HasRole("mailbox") {
			mailbox[s.Exchange] = append(mailbox[s.Exchange], s)
		}
	}
	if len(mailbox) == 0 {
		return
	}
	// The lists of the versions hosting mailboxes, newest version first, and
	// the newest Outlook every one of them supports, if one has a newest
	// (Exchange 2010): a fix must not go beyond it.
	var lists []outlookList
	var newest *catalog.Outlook
	vs := p.Catalog.Versions()
	for i := len(vs) - 1; i >= 0; i-- {
		if len(mailbox[vs[i]]) == 0 || len(p.Catalog.VersionRows(outlookMatrix, vs[i])) == 0 {
			continue
		}
		l := newOutlookList(p.Catalog, vs[i])
		lists = append(lists, l)
		if o := l.newest(); o != nil && (newest == nil || o.Rank < newest.Rank) {
			newest = o
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
		for _, l := range lists {
			ss := mailbox[l.version]
			i := l.judge(o)
			switch l.verdict[i] {
			case catalog.Unsupported, catalog.Disputed:
				f := outlookFailure{ss: ss, text: l.rows[i].Note}
				target, older := l.lowestAbove(i)
				switch {
				case !older:
					f.max = l.newest()
					tooNew = append(tooNew, f)
				case l.verdict[i] == catalog.Disputed:
					f.target = target
					unverified = append(unverified, f)
				default:
					f.target = target
					old = append(old, f)
				}
			case catalog.Unknown:
				if l.names() {
					unnamed = append(unnamed, outlookFailure{ss: ss, named: l.named(o)})
				}
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
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.text })
	to := fmt.Sprintf("%s or later", target)
	switch {
	case newest != nil && newest == target.Outlook:
		to = target.String()
	case newest != nil:
		to = fmt.Sprintf("%s up to %s", target, newest.Name)
	}
	return fmt.Sprintf("%s %s supported with the mailboxes on %s: %s; move these clients to %s",
		o, is, words.And(hosts), strings.Join(whys, "; "), to)
}

func outlookTooNew(o catalog.OutlookLevel, fs []outlookFailure) string {
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.text })
	// The newest product line every failing version supports; none is known
	// for a version whose list names only what it does not support (2007).
	keep := "an earlier Outlook"
	var max *catalog.Outlook
	for _, f := range fs {
		if f.max == nil {
			max = nil
			break
		}
		if max == nil || f.max.Rank < max.Rank {
			max = f.max
		}
	}
	if max != nil {
		keep = max.Name + " or earlier"
	}
	return fmt.Sprintf("%s is not supported with the mailboxes on %s: %s; keep these clients on %s until their mailboxes move to a newer Exchange version or to Exchange Online",
		o, words.And(hosts), strings.Join(whys, "; "), keep)
}

func outlookUnnamed(o catalog.OutlookLevel, fs []outlookFailure) string {
	hosts, whys := outlookHosts(fs, func(f outlookFailure) string { return f.named })
	return fmt.Sprintf("%s may not be supported with the mailboxes on %s: %s; %s, which may predate it: "+
		"check Microsoft's current list before relying on %s with these mailboxes",
		o, words.And(hosts), strings.Join(whys, "; "), outlookSnapshots, o.Outlook.Name)
}
