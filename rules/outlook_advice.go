package rules

import (
	"fmt"
	"slices"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// What the Outlook rules share: the catalogue's lists of the Outlook
// versions each Exchange version supports (subject outlook), the servers
// that host mailboxes, and the Outlook versions a fix may name
// (outlookTargets), so that outlook-version-unsupported and
// outlook-end-of-support never send users to an Outlook the other rejects.

const outlookMatrix = "outlook"

// outlookList is what the catalogue says of Outlook for one Exchange version.
type outlookList struct {
	version *catalog.Version
	levels  []catalog.OutlookLevel // every Outlook level, oldest first
	verdict []catalog.Verdict
	rows    []*catalog.Support
}

// outlookListOf is newOutlookList, built once per catalogue and version.
func outlookListOf(cat *catalog.Catalog, v *catalog.Version) outlookList {
	type key struct{ v *catalog.Version }
	return cat.Derived(key{v}, func() any { return newOutlookList(cat, v) }).(outlookList)
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

// outlookMailboxes returns the servers that host mailboxes, by version (the
// mailbox role declared: a server whose roles are not stated is not assumed
// to host any), and the lists of those versions that the catalogue has,
// newest version first.
func outlookMailboxes(p *lint.Pass) ([]outlookList, map[*catalog.Version][]facts.Server) {
	mailbox := map[*catalog.Version][]facts.Server{}
	for _, s := range p.Facts.Servers() {
		if s.HasRole("mailbox") {
			mailbox[s.Exchange] = append(mailbox[s.Exchange], s)
		}
	}
	var lists []outlookList
	vs := p.Catalog.Versions()
	for i := len(vs) - 1; i >= 0; i-- {
		if len(mailbox[vs[i]]) == 0 || len(p.Catalog.VersionRows(outlookMatrix, vs[i])) == 0 {
			continue
		}
		lists = append(lists, outlookListOf(p.Catalog, vs[i]))
	}
	return lists, mailbox
}

// outlookTargets names the Outlook product lines the fix may name, newest
// first ("Microsoft 365 Apps or Outlook 2024"): from product line from on,
// in support for more than the warning window after the evaluation date
// (outlookLasts), and supported, at their last service pack, by the list of
// every version that hosts mailboxes here. The lists, and what Microsoft's
// sources say, are the rule page's.
func outlookTargets(p *lint.Pass, from *catalog.Outlook, lists []outlookList) string {
	var out []string
	for i := len(p.Catalog.Outlooks) - 1; i >= 0; i-- {
		o := p.Catalog.Outlooks[i]
		if o.Rank < from.Rank || !outlookLasts(p.Catalog, o, p.AsOf) {
			continue
		}
		ok := true
		for _, l := range lists {
			if j := l.judge(catalog.OutlookLevel{Outlook: o}); j < 0 || l.verdict[j] != catalog.Supported {
				ok = false
			}
		}
		if ok {
			out = append(out, o.Name)
		}
	}
	return words.Or(out)
}

// outlookUsersFix is where users of an Outlook to be replaced go: an
// Outlook every version hosting mailboxes supports (outlookTargets); when
// none is, the mailboxes of the versions that support no Outlook that lasts
// move first (where moveTo sends the oldest of them), then the users go to
// what the other versions, and the version those mailboxes move to, support.
func outlookUsersFix(p *lint.Pass, lists []outlookList, mailbox map[*catalog.Version][]facts.Server) string {
	first := p.Catalog.Outlooks[0]
	if to := outlookTargets(p, first, lists); to != "" {
		return "move these users to " + to
	}
	var blocking []*catalog.Version
	var rest []outlookList
	for _, l := range lists {
		if outlookTargets(p, first, []outlookList{l}) == "" {
			blocking = append(blocking, l.version)
		} else {
			rest = append(rest, l)
		}
	}
	if len(blocking) == 0 {
		// Each version supports some Outlook that lasts, none all of them.
		return "no Outlook that stays in support works with every Exchange version hosting mailboxes here: move the mailboxes to one version first"
	}
	oldest := blocking[len(blocking)-1]
	var ids []string
	var ss []facts.Server
	for i := len(blocking) - 1; i >= 0; i-- {
		ids = append(ids, blocking[i].ID)
		ss = append(ss, mailbox[blocking[i]]...)
	}
	fix := fmt.Sprintf("no Outlook that stays in support works with Exchange %s (%s): move those mailboxes to %s first",
		words.And(ids), names(ss), moveTo(p, oldest, p.AsOf))
	if next, _ := successor(p, oldest, p.AsOf); next != nil && len(p.Catalog.VersionRows(outlookMatrix, next)) > 0 {
		rest = append(rest, outlookListOf(p.Catalog, next))
	}
	if len(rest) > 0 {
		if then := outlookTargets(p, first, rest); then != "" {
			fix += ", then these users to " + then
		}
	}
	return fix
}
