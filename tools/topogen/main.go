// Command topogen writes generated Exchange topologies to disk, for timing
// exlint as a whole process (docs/performance.md):
//
//	go run ./tools/topogen -servers 50 -out /tmp/t50
//	go run ./tools/topogen -servers 50 -topologies 200 -out /tmp/corpus
//	go run ./tools/topogen -servers 50 -stages 10 -out /tmp/plan10
//	go run ./tools/topogen -servers 50 -topologies 200 -legacy -out /tmp/legacy
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/exlint/exlint/internal/topogen"
)

func main() {
	servers := flag.Int("servers", 50, "Exchange servers per topology")
	count := flag.Int("topologies", 1, "topologies to write; more than one go to subdirectories t0001, t0002...")
	stages := flag.Int("stages", 0, "stages per topology, which makes each a plan")
	out := flag.String("out", "", "directory to write (created)")
	legacy := flag.Bool("legacy", false, "Mailbox servers of mixed out-of-support versions on old updates: a few findings per server")
	flag.Parse()
	if *out == "" || *servers < 1 || *count < 1 || *stages < 0 {
		flag.Usage()
		os.Exit(2)
	}
	for i := 1; i <= *count; i++ {
		dir := *out
		if *count > 1 {
			dir = filepath.Join(*out, fmt.Sprintf("t%04d", i))
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, f := range topogen.Generate(topogen.Options{Servers: *servers, Stages: *stages, Name: fmt.Sprintf("Org%04d", i), Legacy: *legacy}) {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Src, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
}
