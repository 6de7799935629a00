//go:build !linux

package main

// reexec does not start exlint again outside Linux, where finding the
// running executable may depend on its arguments; exlint goes on with Go's
// concurrent collector.
func reexec(string, []string, []string) {}
