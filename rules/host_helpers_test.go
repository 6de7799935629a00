package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Helpers for the tests of the "Server roles and host" rules.

// hostUnknownLevel is an update name no version has: the server's level is
// unknown (exchange-build-unknown reports it).
const hostUnknownLevel = "CU99"

// hostLevelsOf returns the names of every servicing level of a version, oldest
// first.
func hostLevelsOf(t *testing.T, version string) []string {
	t.Helper()
	v := catalog.Default().Version(version)
	if v == nil {
		t.Fatalf("no version %s", version)
	}
	var out []string
	for _, l := range v.Levels() {
		out = append(out, l.Name)
	}
	return out
}

// hostLevelBefore returns the servicing level just below the named one (by
// build): "CU2" for 2016 "CU3", "SP3 RU4" for 2010 "SP3 RU5".
func hostLevelBefore(t *testing.T, version, name string) string {
	t.Helper()
	cat := catalog.Default()
	v := cat.Version(version)
	r := cat.Release(v, name)
	if r == nil {
		t.Fatalf("Exchange %s has no %s", version, name)
	}
	prev := ""
	for _, l := range v.Levels() {
		if l.Build.Compare(r.Build) < 0 {
			prev = l.Name
		}
	}
	if prev == "" {
		t.Fatalf("Exchange %s %s is the first level", version, name)
	}
	return prev
}

// hostLastLevel returns the newest servicing level of a version.
func hostLastLevel(t *testing.T, version string) string {
	ls := hostLevelsOf(t, version)
	return ls[len(ls)-1]
}

// hostLevelIndex returns the position of a level among the version's levels.
func hostLevelIndex(t *testing.T, version, name string) int {
	t.Helper()
	for i, l := range hostLevelsOf(t, version) {
		if l == name {
			return i
		}
	}
	t.Fatalf("Exchange %s has no level %s", version, name)
	return -1
}

// hostInRange reports whether level lies between from and to (inclusive; to ""
// means the version's last level).
func hostInRange(t *testing.T, version, level, from, to string) bool {
	i := hostLevelIndex(t, version, level)
	if to == "" {
		to = hostLastLevel(t, version)
	}
	return i >= hostLevelIndex(t, version, from) && i <= hostLevelIndex(t, version, to)
}

// hostExpectOne checks that fs holds exactly one finding, at address, with the
// severity, whose message contains every one of parts.
func hostExpectOne(t *testing.T, what string, fs []lint.Finding, sev lint.Severity, address string, parts ...string) {
	t.Helper()
	if len(fs) != 1 {
		t.Errorf("%s: want one finding, got %d:\n%s", what, len(fs), summary(fs))
		return
	}
	f := fs[0]
	if f.Severity != sev || f.Address != address {
		t.Errorf("%s: want %s at %s, got %s at %s: %s", what, sev, address, f.Severity, f.Address, f.Message)
	}
	for _, p := range parts {
		if !strings.Contains(f.Message, p) {
			t.Errorf("%s: message lacks %q: %s", what, p, f.Message)
		}
	}
	if strings.HasSuffix(f.Message, ".") {
		t.Errorf("%s: message ends with a period: %s", what, f.Message)
	}
}

// hostExpectNone checks that fs is empty.
func hostExpectNone(t *testing.T, what string, fs []lint.Finding) {
	t.Helper()
	if len(fs) != 0 {
		t.Errorf("%s: want no finding:\n%s", what, summary(fs))
	}
}
