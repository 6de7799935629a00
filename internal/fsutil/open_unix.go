//go:build unix

package fsutil

import "syscall"

// openNonBlocking opens a FIFO without waiting for a writer.
const openNonBlocking = syscall.O_NONBLOCK
