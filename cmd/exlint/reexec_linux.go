package main

import "syscall"

// reexec replaces this process with exe (found through /proc/self/exe,
// which no argument or variable can redirect), keeping its process ID,
// standard streams and arguments. It returns only when that fails.
func reexec(exe string, args, env []string) {
	syscall.Exec(exe, args, env)
}
