//go:build !linux

// Command runbench measures commands' time and peak memory on Linux only:
// the peak resident set size it reports is Linux's (main.go).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "runbench: Linux only")
	os.Exit(2)
}
