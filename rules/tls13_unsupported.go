package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// tls13Unsupported reports TLS 1.3 enabled on a server whose Exchange build
// or Windows version does not support it.
type tls13Unsupported struct{}

func init() { register(tls13Unsupported{}) }

func (tls13Unsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "tls13-unsupported",
		Severity: lint.Error,
		Summary:  "TLS 1.3 enabled where the Exchange build or Windows version does not support it",
		Sources:  sources("CSS-HC-SEC", "JW-CU15"),
	}
}

// Exchange supports TLS 1.3 from Exchange 2019 CU15 and in Exchange Server SE,
// on Windows Server 2022 or later (the catalogue's rows of subject tls, value
// 1.3); HealthChecker reports TLS 1.3 enabled anywhere else as an error
// (CSS-HC-SEC, JW-CU15). TLS 1.3 covers HTTPS only: SMTP keeps TLS 1.2.
func (tls13Unsupported) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		item := s.TLS.Find("1.3")
		if item == nil {
			if s.TLS == nil {
				p.Unknown(&s.Block, "tls")
			}
			continue
		}
		// Exchange: from the first release the catalogue's rows support TLS
		// 1.3 on (2019 CU15, every SE release); unknown for a 2019 server
		// whose level is unknown.
		exOK, exKnown := false, true
		cu15, some := p.Catalog.FirstSupported(tlsSupport, "1.3", s.Exchange)
		switch {
		case some && cu15 == nil:
			exOK = true
		case some:
			below, known := s.Below(cu15)
			exOK, exKnown = known && !below, known
		}
		// Windows: a version some row supports TLS 1.3 on (Windows Server 2022
		// or later); unknown without os.
		osOK, osKnown := false, false
		var osName string
		if id, ok := s.OS.Get(); ok {
			osKnown = true
			osName = p.Catalog.WindowsName(id)
			osOK = tls13Windows(p.Catalog, id)
		}
		if !osKnown && (!exKnown || exOK) {
			p.Unknown(&s.Block, "os") // TLS 1.3 also needs a Windows Server version that has it
		}
		if (exKnown && !exOK) || (osKnown && !osOK) {
			var why []string
			if exKnown && !exOK {
				if cu15 != nil {
					why = append(why, fmt.Sprintf("%s is below %s", s.LevelName(), levelRef(p.Catalog, cu15)))
				} else {
					why = append(why, s.Exchange.Name+" has no TLS 1.3 support")
				}
			}
			if osKnown && !osOK {
				why = append(why, osName+" is older than "+p.Catalog.WindowsName(tls13FirstWindows(p.Catalog)))
			}
			// Where Exchange supports TLS 1.3 (HTTPS only) is the rule page's.
			p.Report(item, fmt.Sprintf("%s enables TLS 1.3, but %s: disable TLS 1.3 on %s and keep TLS 1.2 on",
				s.Name(), words.And(why), s.Name()))
		}
	}
}

// tls13FirstWindows is the oldest Windows Server version some Exchange
// release supports TLS 1.3 on (Windows Server 2022).
func tls13FirstWindows(cat *catalog.Catalog) string {
	for _, w := range cat.Windows {
		if tls13Windows(cat, w.ID) {
			return w.ID
		}
	}
	return ""
}

// tls13Windows reports whether some Exchange release supports TLS 1.3 on
// Windows Server id.
func tls13Windows(cat *catalog.Catalog, id string) bool {
	for _, r := range cat.Subject(tlsSupport).Rows() {
		if r.Verdict == catalog.Supported && r.HasValue("1.3") && r.WindowsIDs() != nil && r.OnWindows(id) {
			return true
		}
	}
	return false
}
