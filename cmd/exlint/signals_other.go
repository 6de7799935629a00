//go:build !unix

package main

// closedPipeIsAWriteError does nothing where there is no SIGPIPE: a write
// to a closed pipe already fails as any write does.
func closedPipeIsAWriteError() {}
