package main

import (
	"os/exec"
	"strings"
	"testing"
)

// exlint reads files and writes its report; nothing in it can reach the
// network, start other programs or load code. (The net package is linked by
// the flag library for IP-typed flags and by text/template for URL escaping;
// no code dials.)
func TestNoNetworkOrExec(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "net/http", "crypto/tls", "os/exec", "plugin", "net/rpc", "net/smtp":
			t.Errorf("exlint links %s", pkg)
		}
	}
}

// No environment variable but NO_COLOR and TERM changes what exlint prints.
func TestEnvironmentDoesNotChangeVerdicts(t *testing.T) {
	args := []string{"check", "examples", "--as-of", asOf, "--color", "never"}
	plain, _, code := exlint(t, noEnv, args...)
	odd := map[string]string{"LANG": "tr_TR.UTF-8", "LC_ALL": "C", "TZ": "Pacific/Kiritimati", "GOGC": "off",
		"EXLINT_AS_OF": "1999-01-01", "EXLINT_FORMAT": "json", "HOME": "/nonexistent",
		"GODEBUG": "gctrace=0", "GOMEMLIMIT": "1GiB"}
	for k, v := range odd {
		t.Setenv(k, v)
	}
	got, _, gotCode := exlint(t, func(k string) string { return odd[k] }, args...)
	if got != plain || gotCode != code {
		t.Error("the environment changed the output")
	}
}
