package rules

import (
	"fmt"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// TLS 1.3: only Exchange 2019 CU15 or later and SE, on Windows Server 2022 or
// later (HealthChecker's Invoke-AnalyzerSecuritySettings.ps1, JW-CU15).
func TestTLS13(t *testing.T) {
	// each Exchange build: whether it supports TLS 1.3, and whether that is known
	type exch struct {
		version, level string
		exOK, exKnown  bool
	}
	exchanges := []exch{
		{"2010", "SP3 RU32", false, true}, {"2013", "CU23", false, true}, {"2016", "CU23", false, true},
		{"2019", "CU13", false, true}, {"2019", "CU14", false, true}, {"2019", "CU14 Feb26SU", false, true},
		{"2019", "15.2.1748.9", false, true}, // one below CU15's build: a CU14 update
		{"2019", "CU15", true, true}, {"2019", "15.2.1748.10", true, true}, {"2019", "CU15 Apr25HU", true, true},
		{"2019", hostUnknownLevel, false, false},
		{"SE", "RTM", true, true}, {"SE", "RTM Aug26SU", true, true}, {"SE", hostUnknownLevel, true, true},
	}
	var oses []string
	for _, w := range catalog.Default().Windows {
		oses = append(oses, w.ID)
	}
	oses = append(oses, "") // unknown
	for _, e := range exchanges {
		exOK, exKnown := e.exOK, e.exKnown
		for _, os := range oses {
			osOK, osKnown := false, os != ""
			if osKnown {
				below, _ := catalog.Default().WindowsBelow(os, "2022")
				osOK = !below
			}
			extra := []string{`tls = ["1.2", "1.3"]`}
			if os != "" {
				extra = append(extra, fmt.Sprintf("os = %q", os))
			}
			what := fmt.Sprintf("Exchange %s %s on %q", e.version, e.level, os)
			fs := check(t, tls13Unsupported{}, today, org(srv("EX", e.version, e.level, extra...)))
			if (exKnown && !exOK) || (osKnown && !osOK) {
				parts := []string{"EX enables TLS 1.3, but ", ": disable TLS 1.3 on EX and keep TLS 1.2 on"}
				if osKnown && !osOK {
					parts = append(parts, catalog.Default().WindowsByID(os).Name+" is older than Windows Server 2022")
				}
				if exKnown && !exOK && e.version == "2019" {
					parts = append(parts, "is below CU15 (15.2.1748.10)")
				}
				if exKnown && !exOK && e.version != "2019" {
					parts = append(parts, "has no TLS 1.3 support")
				}
				hostExpectOne(t, what, fs, lint.Error, "server.EX.tls[1]", parts...)
			} else {
				hostExpectNone(t, what, fs)
			}
			// TLS 1.3 not enabled: nothing
			noTLS13 := []string{`tls = ["1.2"]`}
			if os != "" {
				noTLS13 = append(noTLS13, fmt.Sprintf("os = %q", os))
			}
			hostExpectNone(t, what+" without TLS 1.3", check(t, tls13Unsupported{}, today, org(srv("EX", e.version, e.level, noTLS13...))))
		}
	}
}
