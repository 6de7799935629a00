package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Every combination of enabled TLS versions, on a server that uses TLS 1.2
// and runs without TLS 1.0 and 1.1: TLS 1.2 absent is an error at tls, each
// of TLS 1.0 and 1.1 present a warning at its item; TLS 1.3 is not judged.
func TestTLSProtocolsCombinations(t *testing.T) {
	versions := []string{"1.0", "1.1", "1.2", "1.3"}
	for mask := 0; mask < 16; mask++ {
		var on []string
		for i, v := range versions {
			if mask&(1<<i) != 0 {
				on = append(on, v)
			}
		}
		list := tlsList(on)
		fs := check(t, tlsProtocols{}, today, org(srv("EX01", "SE", "RTM", fmt.Sprintf("tls = [%s]", list))))
		var want []string
		if mask&4 == 0 {
			want = append(want, "error server.EX01.tls EX01 has TLS 1.2 turned off (tls = ["+list+"]): SMTP over TLS and Exchange Online need TLS 1.2, and TLS 1.3 serves HTTPS only; turn TLS 1.2 on (Schannel and .NET) on EX01")
		}
		for i, v := range on {
			if v == "1.0" || v == "1.1" {
				want = append(want, fmt.Sprintf("warning server.EX01.tls[%d] EX01 has TLS %s on: Microsoft recommends turning TLS 1.0 and 1.1 off where possible, and Exchange Online no longer accepts them; turn TLS 1.0 and 1.1 off (Schannel and .NET) on EX01", i, v))
			}
		}
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s %s %s", f.Severity, f.Address, f.Message))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("tls = [%s]:\ngot\n%s\nwant\n%s", list, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// The fix names the update a server needs first: TLS 1.2 from 2016 CU8,
// 2013 CU19, 2010 SP3 RU19; running without TLS 1.0 and 1.1 from 2016 CU9,
// 2013 CU20, 2010 SP3 RU20 (the catalogue's tls and tls-only rows). Exactly
// at the level, the plain fix; one level below, the update first.
func TestTLSProtocolsLevels(t *testing.T) {
	for _, tc := range []struct{ version, tls12, only string }{
		{"2016", "CU8", "CU9"}, {"2013", "CU19", "CU20"}, {"2010", "SP3 RU19", "SP3 RU20"},
	} {
		for _, lvl := range []struct {
			level       string
			need12, off bool
		}{
			{hostLevelBefore(t, tc.version, tc.tls12), true, true},
			{tc.tls12, false, true},
			{hostLevelBefore(t, tc.version, tc.only), false, true},
			{tc.only, false, false},
			{hostLastLevel(t, tc.version), false, false},
		} {
			what := tc.version + " " + lvl.level
			fs := check(t, tlsProtocols{}, today, org(srv("EX01", tc.version, lvl.level, `tls = ["1.0"]`)))
			if len(fs) != 2 {
				t.Fatalf("%s: want two findings, got\n%s", what, summary(fs))
			}
			want12 := "turn TLS 1.2 on (Schannel and .NET) on EX01"
			if lvl.need12 {
				want12 = fmt.Sprintf("install the latest update on EX01 (Exchange Server %s uses TLS 1.2 from %s), then turn TLS 1.2 on", tc.version, tc.tls12)
			}
			wantOff := "turn TLS 1.0 and 1.1 off (Schannel and .NET) on EX01"
			if lvl.off {
				wantOff = fmt.Sprintf("install the latest update on EX01 (Exchange Server %s runs without them from %s), then turn them off", tc.version, tc.only)
			}
			if !strings.HasSuffix(fs[0].Message, want12) || !strings.HasSuffix(fs[1].Message, wantOff) {
				t.Errorf("%s: want %q and %q, got\n%s", what, want12, wantOff, summary(fs))
			}
		}
	}
	// A level exlint does not know: the plain fixes.
	fs := check(t, tlsProtocols{}, today, org(srv("EX01", "2016", hostUnknownLevel, `tls = ["1.0"]`)))
	if len(fs) != 2 || !strings.HasSuffix(fs[0].Message, "turn TLS 1.2 on (Schannel and .NET) on EX01") ||
		!strings.HasSuffix(fs[1].Message, "turn TLS 1.0 and 1.1 off (Schannel and .NET) on EX01") {
		t.Errorf("unknown level: got\n%s", summary(fs))
	}
}

// Exchange 2007 and older cannot use TLS 1.2: not judged; nor is a server
// without tls.
func TestTLSProtocolsNotJudged(t *testing.T) {
	for _, src := range []string{
		org(srv("EX01", "2007", "SP3", `tls = ["1.0"]`)),
		org(srv("EX01", "2003", "SP2", `tls = ["1.0"]`)),
		org(srv("EX01", "SE", "RTM")),
	} {
		if fs := check(t, tlsProtocols{}, today, src); len(fs) > 0 {
			t.Errorf("want nothing, got\n%s", summary(fs))
		}
	}
}

// On the hybrid path, hybrid-tls12 reports TLS 1.2 turned off at the same
// address: tls-protocols gives way, unless hybrid-tls12 is turned off. Its
// TLS 1.0 warning stays.
func TestTLSProtocolsYieldsToHybridTLS12(t *testing.T) {
	src := org(srv("EX01", "SE", "RTM", `tls = ["1.0"]`), "hybrid {\n  servers = [\"EX01\"]\n}\n")
	rules := []lint.Rule{tlsProtocols{}, hybridTLS12{}}
	fs := checkWith(t, rules, today, src, "")
	if byRule(fs, "hybrid-tls12") != "server.EX01.tls" || byRule(fs, "tls-protocols") != `server.EX01.tls["1.0"]` {
		t.Errorf("both on: got\n%s", summary(fs))
	}
	fs = checkWith(t, rules, today, src, disabled("hybrid-tls12"))
	if byRule(fs, "tls-protocols") != `server.EX01.tls server.EX01.tls["1.0"]` {
		t.Errorf("hybrid-tls12 off: got\n%s", summary(fs))
	}
}

// What a server's update cannot do, at the boundaries: TLS 1.2 on before the
// release that brings it (one below fails, the release passes), and TLS 1.0
// and 1.1 off before the release that runs without them.
func TestTLSProtocolsBeyondTheUpdate(t *testing.T) {
	for _, tc := range []struct{ version, tls12, only string }{
		{"2016", "CU8", "CU9"}, {"2013", "CU19", "CU20"}, {"2010", "SP3 RU19", "SP3 RU20"},
	} {
		before12 := hostLevelBefore(t, tc.version, tc.tls12)
		beforeOnly := hostLevelBefore(t, tc.version, tc.only)
		for _, c := range []struct {
			level, tls, want string
		}{
			{before12, `["1.0", "1.2"]`, "has TLS 1.2 on, but Exchange Server " + tc.version + " " + before12},
			{tc.tls12, `["1.0", "1.2"]`, ""},
			{beforeOnly, `["1.2"]`, "has TLS 1.0 and 1.1 off, but Exchange Server " + tc.version + " " + beforeOnly},
			{tc.only, `["1.2"]`, ""},
		} {
			fs := check(t, tlsProtocols{}, today, org(srv("EX01", tc.version, c.level, "tls = "+c.tls)))
			got := ""
			for _, f := range fs {
				if f.Severity == lint.Error && f.Address == "server.EX01.tls" && !strings.Contains(f.Message, "turned off") {
					got = f.Message
				}
			}
			if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
				t.Errorf("%s %s with tls = %s: got %q, want %q", tc.version, c.level, c.tls, got, c.want)
			}
		}
	}
}
