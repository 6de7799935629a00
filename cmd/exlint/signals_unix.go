//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// closedPipeIsAWriteError makes a write to a pipe whose reader has gone
// (exlint check | head -1) fail with EPIPE, as a write to a full disk
// fails, instead of ending exlint at once: Go ends a program that writes to
// a broken pipe on standard output or error unless it asks for SIGPIPE
// (os/signal). The command then ends through its own error path: exit
// code 2, its temporary files removed, nothing more written.
func closedPipeIsAWriteError() {
	// The signal itself needs nothing done: the write's error says it.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
}
