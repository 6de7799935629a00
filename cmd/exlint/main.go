// Command exlint checks Microsoft Exchange topologies written in HCL against
// Microsoft's support rules.
//
// Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
// 2 usage or configuration error; 3 internal error.
package main

import (
	"os"
	"runtime/debug"
	"strings"
)

func main() {
	removeTemporaryOnSignal()
	tuneGC(os.Getenv)
	reexecGC = func() { stopTheWorldGC(os.Args, os.Getenv) }
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// gcPercent is the garbage collector's target for exlint, in place of Go's
// default of 100: with the stop-the-world collector below, 110 collects a
// tenth less often for 2% more peak memory, which keeps a corpus check
// within both of its budgets (docs/performance.md).
const gcPercent = 110

// tuneGC sets gcPercent unless GOGC is set: a user who sets Go's own
// variable gets what it says.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// reexecGC, when set, runs exlint again with the collector of gcSetting;
// it returns only when it does not. main sets it; tests, which call run,
// leave it nil.
var reexecGC func()

// reexecBytes is the size of the topology files from which exlint check
// runs itself again with the collector of gcSetting. Starting again costs
// about 2 ms; below this size a check takes a few tens of milliseconds,
// collects garbage a few times, and gains nothing from it.
const reexecBytes = 256 << 10

// gcSetting is the GODEBUG setting exlint runs with: the garbage collector
// marks with the program stopped instead of beside it. A check allocates
// mostly short-lived garbage (hcl's tokens and syntax trees) over a live
// heap of a megabyte or two: stopped, a collection takes a fraction of a
// millisecond on every core, with no write barriers, no marking charged to
// the allocating workers and no garbage allocated during marking kept for
// another cycle. On a corpus of 200 topologies that is 10% less time than
// Go's concurrent collector at the same GOGC and a third less peak memory,
// without the spikes (docs/performance.md has the measurements).
const gcSetting = "gcstoptheworld=1"

// execEnv is set in the environment of the process stopTheWorldGC starts,
// so that it never starts another.
const execEnv = "EXLINT_REEXEC"

// stopTheWorldGC runs exlint again with gcSetting added to GODEBUG, which Go
// reads only when a program starts (and does not accept in a //go:debug
// line). It does nothing when GODEBUG already says how to collect
// (gcstoptheworld=...: the user's choice wins), when this process is
// already the one it started, or where it cannot replace the process
// (outside Linux, or an executable it cannot find); then exlint runs with Go's
// concurrent collector, slower, never with another result.
func stopTheWorldGC(args []string, getenv func(string) string) {
	env, ok := gcEnv(getenv)
	if !ok {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	reexec(exe, args, env) // returns only if it failed
}

// gcEnv returns the environment to run exlint again with, and whether to.
func gcEnv(getenv func(string) string) ([]string, bool) {
	if getenv(execEnv) != "" {
		return nil, false
	}
	godebug := getenv("GODEBUG")
	for _, kv := range strings.Split(godebug, ",") {
		if strings.HasPrefix(strings.TrimSpace(kv), "gcstoptheworld=") {
			return nil, false
		}
	}
	if godebug != "" {
		godebug += ","
	}
	env := []string{"GODEBUG=" + godebug + gcSetting, execEnv + "=1"}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GODEBUG=") && !strings.HasPrefix(kv, execEnv+"=") {
			env = append(env, kv)
		}
	}
	return env, true
}
