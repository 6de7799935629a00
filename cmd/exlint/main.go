// Command exlint checks Microsoft Exchange topologies written in HCL against
// Microsoft's support rules.
//
// Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
// 2 usage or configuration error; 3 internal error.
//
// exlint runs with Go's runtime defaults and starts no process: GOGC and
// GOMEMLIMIT are the user's to set (docs/performance.md).
package main

import "os"

func main() {
	removeTemporaryOnSignal()
	closedPipeIsAWriteError()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
