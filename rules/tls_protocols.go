package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exlint/exlint/lint"
)

// tlsProtocols reports Exchange servers with TLS 1.2 turned off (an error)
// and with TLS 1.0 or 1.1 left on (a warning). TLS 1.3 is tls13-unsupported's;
// TLS 1.2 on the hybrid path is hybrid-tls12's, which this rule yields to.
type tlsProtocols struct{}

func init() { register(tlsProtocols{}) }

func (tlsProtocols) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "tls-protocols",
		Severity: lint.Error,
		Summary:  "an Exchange server with TLS 1.2 turned off (error), or with TLS 1.0 or 1.1 left on (warning)",
		Sources:  sources("CSS-HC-SEC", "MS-TLS12", "MS-EXO-LEGACY-TLS", "RISUAL-2018", "JW-CU15"),
		// On the hybrid path, hybrid-tls12 reports TLS 1.2 turned off at the
		// same tls attribute, and says why Exchange Online needs it.
		Yields: []string{"hybrid-tls12"},
	}
}

// HealthChecker colours TLS 1.2 disabled red and TLS 1.0 or 1.1 enabled as
// something to remove (CSS-HC-SEC). Which releases can use TLS 1.2 (subject
// tls), and from which they run with TLS 1.0 and 1.1 off (tls-only), are the
// catalogue's. Exchange 2007 and older cannot use TLS 1.2 at all: there is
// nothing to turn on or off, and their end of support is another rule's.
func (tlsProtocols) Check(p *lint.Pass) {
	cat := p.Catalog
	for _, s := range p.Facts.Servers() {
		if s.TLS == nil {
			if _, usable := cat.FirstSupported(tlsSupport, "1.2", s.Exchange); usable && p.Coverage() {
				p.Unknown(&s.Block, "tls")
			}
			continue
		}
		min12, usable := cat.FirstSupported(tlsSupport, "1.2", s.Exchange)
		if !usable {
			continue
		}
		if !s.TLS.Has("1.2") {
			fix := "turn TLS 1.2 on (Schannel and .NET) on " + s.Name()
			if below, known := s.Below(min12); known && below {
				fix = fmt.Sprintf("install the latest update on %s (%s uses TLS 1.2 from %s), then turn TLS 1.2 on", s.Name(), s.Exchange.Name, levelLabel(cat, min12))
			}
			p.Report(s.TLS, fmt.Sprintf("%s has TLS 1.2 turned off (tls = [%s]): SMTP over TLS and Exchange Online need TLS 1.2, and TLS 1.3 serves HTTPS only; %s",
				s.Name(), tlsList(s.TLS.Values()), fix))
		}
		only, known := cat.FirstSupported(tlsOnly, "1.2", s.Exchange)
		// What the design turns on or off that the server's update cannot
		// do: TLS 1.2 before the release that brings it, or TLS 1.0 and
		// 1.1 off before the release that runs without them.
		old10 := s.TLS.Has("1.0") || s.TLS.Has("1.1")
		if below, ok := s.Below(min12); ok && below && s.TLS.Has("1.2") {
			p.Report(s.TLS, fmt.Sprintf("%s has TLS 1.2 on, but %s uses it only from %s: install the latest update on %s",
				s.Name(), s.LevelName(), levelLabel(cat, min12), s.Name()))
		} else if below, ok := s.Below(only); known && only != nil && ok && below && !old10 && s.TLS.Has("1.2") {
			p.Report(s.TLS, fmt.Sprintf("%s has TLS 1.0 and 1.1 off, but %s runs without them only from %s: install the latest update on %s, or keep them on until then",
				s.Name(), s.LevelName(), levelLabel(cat, only), s.Name()))
		}
		for _, it := range s.TLS.Items {
			if it.Value != "1.0" && it.Value != "1.1" {
				continue
			}
			fix := fmt.Sprintf("turn TLS 1.0 and 1.1 off (Schannel and .NET) on %s", s.Name())
			if known && only != nil {
				if below, ok := s.Below(only); ok && below {
					fix = fmt.Sprintf("install the latest update on %s (%s runs without them from %s), then turn them off", s.Name(), s.Exchange.Name, levelLabel(cat, only))
				}
			}
			p.ReportAs(lint.Warning, it, fmt.Sprintf("%s has TLS %s on: Microsoft recommends turning TLS 1.0 and 1.1 off where possible, and Exchange Online no longer accepts them; %s",
				s.Name(), it.Value, fix))
		}
	}
}

// tlsList writes TLS versions as the list's items: "1.0", "1.3".
func tlsList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}
