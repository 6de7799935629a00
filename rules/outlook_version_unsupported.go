package rules

import (
	"fmt"

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
// so that only its product line is judged (outlookList, in outlook_advice.go).

// outlookFailure is one Exchange version's verdict on one Outlook item.
type outlookFailure struct {
	ss     []facts.Server
	target catalog.OutlookLevel // too old: the lowest level that would do
	max    *catalog.Outlook     // too new: the newest product line supported
}

func (outlookVersionUnsupported) Check(p *lint.Pass) {
	c := p.Topology.Clients
	if c != nil && c.Outlook == nil {
		p.Unknown(&c.Block, "outlook")
	}
	if c == nil || c.Outlook == nil {
		return
	}
	for _, s := range p.Facts.Servers() {
		if s.Roles == nil {
			p.Unknown(&s.Block, "roles") // whether it hosts mailboxes
		}
	}
	// The servers that host mailboxes, and the lists of their versions: a
	// fix names only an Outlook every one of them supports (outlookTargets).
	lists, mailbox := outlookMailboxes(p)
	if len(mailbox) == 0 {
		return
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
				f := outlookFailure{ss: ss}
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
					unnamed = append(unnamed, outlookFailure{ss: ss})
				}
			}
		}
		related := func(fs []outlookFailure) lint.Related { return relatedLevel(fs[0].ss[0]) }
		switch {
		case len(old) > 0:
			p.Report(item, outlookTooOld(p, o, old, "is not", lists), related(old))
		case len(tooNew) > 0:
			p.Report(item, outlookTooNew(p, o, tooNew, lists), related(tooNew))
		case len(unverified) > 0:
			p.ReportAs(lint.Warning, item, outlookTooOld(p, o, unverified, "may not be", lists), related(unverified))
		case len(unnamed) > 0:
			p.ReportAs(lint.Warning, item, outlookUnnamed(o, unnamed), related(unnamed))
		}
	}
}

// outlookHosts names the servers of each failing version.
func outlookHosts(fs []outlookFailure) []string {
	var hosts []string
	for _, f := range fs {
		hosts = append(hosts, groupName(f.ss, f.ss[0].Exchange.Name))
	}
	return hosts
}

// mailboxesElsewhere is the fix when no Outlook in support works with the
// mailboxes' version: where the oldest of those versions' work can go on the
// evaluation date (moveTo: a version in support, or Exchange Online).
func mailboxesElsewhere(p *lint.Pass, fs []outlookFailure) string {
	var oldest *catalog.Version
	for _, f := range fs {
		if v := f.ss[0].Exchange; oldest == nil || v.Rank < oldest.Rank {
			oldest = v
		}
	}
	return "move these mailboxes to " + moveTo(p, oldest, p.AsOf)
}

func outlookTooOld(p *lint.Pass, o catalog.OutlookLevel, fs []outlookFailure, is string, lists []outlookList) string {
	var target catalog.OutlookLevel
	for _, f := range fs {
		if target.Outlook == nil || f.target.Compare(target) > 0 {
			target = f.target
		}
	}
	note := ""
	if is != "is not" {
		note = " (sources disagree: see the rule page)"
	}
	fix := mailboxesElsewhere(p, fs)
	if to := outlookTargets(p, target.Outlook, lists); to != "" {
		fix = "move these clients to " + to
	}
	return fmt.Sprintf("%s %s supported with the mailboxes on %s%s: %s", o, is, words.And(outlookHosts(fs)), note, fix)
}

func outlookTooNew(p *lint.Pass, o catalog.OutlookLevel, fs []outlookFailure, lists []outlookList) string {
	// The newest product line every failing version supports; none is known
	// for a version whose list names only what it does not support (2007).
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
	what, fix := "", mailboxesElsewhere(p, fs)
	if max != nil {
		what = fmt.Sprintf(", which support %s at most", max.Name)
		if to := outlookTargets(p, p.Catalog.Outlooks[0], lists); to != "" {
			fix = fmt.Sprintf("keep these clients on %s, or %s", to, fix)
		}
	}
	return fmt.Sprintf("%s is not supported with the mailboxes on %s%s: %s", o, words.And(outlookHosts(fs)), what, fix)
}

func outlookUnnamed(o catalog.OutlookLevel, fs []outlookFailure) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ss[0].Exchange.ID)
	}
	return fmt.Sprintf("%s may not be supported with the mailboxes on %s: exlint's list for Exchange %s does not name it (it may predate it); "+
		"check Microsoft's current list before relying on it", o, words.And(outlookHosts(fs)), words.And(ids))
}
