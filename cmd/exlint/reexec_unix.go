//go:build unix

package main

import "syscall"

// reexec replaces this process with exe, keeping its process ID, standard
// streams and arguments. It returns only when that fails.
func reexec(exe string, args, env []string) {
	syscall.Exec(exe, args, env)
}
