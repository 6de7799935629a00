// Command exlint checks Microsoft Exchange topologies written in HCL against
// Microsoft's support rules.
//
// Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
// 2 usage or configuration error; 3 internal error.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// gcPercent is the garbage collector's target for exlint, in place of Go's
// default of 100. A run is short and allocates mostly garbage (hcl's tokens
// and syntax trees, dropped once a file is decoded), so collecting half as
// often saves about a fifth of the time for about half again the peak
// memory: docs/performance.md has the measurements.
const gcPercent = 200

// tuneGC sets gcPercent unless GOGC is set: a user who sets Go's own
// variable gets what it says.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
