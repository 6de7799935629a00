//go:build !unix

package main

// reexec cannot replace a process here; exlint goes on with Go's default
// collector.
func reexec(string, []string, []string) {}
