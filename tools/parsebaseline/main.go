// Command parsebaseline parses every topology file under its arguments, one
// after another, with hclsyntax.ParseConfig (or hcl's JSON parser) and
// nothing else: the baseline exlint's whole run is compared with in
// docs/performance.md.
//
//	go run ./tools/parsebaseline /tmp/corpus
//
// With -workers N the files are parsed by N goroutines of the one process
// instead: what parsing alone costs when it shares a process, and its
// garbage collector, with other parsing, as exlint's workers do.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

func main() {
	workers := flag.Int("workers", 1, "how many goroutines parse the files")
	flag.Parse()
	var files, errors atomic.Int64
	parse := func(p string) error {
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var diags hcl.Diagnostics
		switch {
		case strings.HasSuffix(p, ".exchange.hcl"):
			_, diags = hclsyntax.ParseConfig(src, p, hcl.InitialPos)
		case strings.HasSuffix(p, ".exchange.hcl.json"):
			_, diags = hcljson.Parse(src, p)
		default:
			return nil
		}
		files.Add(1)
		if diags.HasErrors() {
			errors.Add(1)
		}
		return nil
	}
	// One worker parses on the walking goroutine, one file after another:
	// the baseline. More take the paths from a channel.
	handle := parse
	paths := make(chan string)
	failed := make(chan error, *workers)
	var wg sync.WaitGroup
	if *workers > 1 {
		for range *workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range paths {
					if err := parse(p); err != nil {
						failed <- err
						return
					}
				}
			}()
		}
		handle = func(p string) error {
			select {
			case paths <- p:
				return nil
			case err := <-failed:
				return err
			}
		}
	}
	var err error
	for _, root := range flag.Args() {
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return handle(p)
		})
		if err != nil {
			break
		}
	}
	close(paths)
	wg.Wait()
	if err == nil {
		select {
		case err = <-failed:
		default:
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("parsed %d files, %d with errors\n", files.Load(), errors.Load())
}
