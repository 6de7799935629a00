//go:build !unix

package fsutil

// openNonBlocking is zero where opening a FIFO does not block (Windows has
// none in the file system).
const openNonBlocking = 0
