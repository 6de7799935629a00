package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/exlint/exlint/internal/fsutil"
)

// removeTemporaryOnSignal makes an interrupt, SIGTERM or SIGHUP remove the
// temporary files exlint is writing (outputs, a baseline, files fmt
// rewrites) before it ends: the files they would replace stay as they were,
// and nothing is left beside them. The exit status is then 128 plus the
// signal's number (130 for an interrupt, 143 for SIGTERM), what a shell
// reports for a process a signal ended.
func removeTemporaryOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-sigs
		fsutil.RemoveTemporary()
		code := 130
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
}
