// Command gentables writes the support tables of the rule pages from the
// catalogue (package catalogdoc): every table between
// "<!-- exlint-table: SUBJECT LAYOUT -->" and "<!-- exlint-table-end -->"
// in the Markdown files of the directory it is given (docs/rules by default).
// Run it with go generate ./docs.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/exlint/exlint/internal/catalogdoc"
	"github.com/exlint/exlint/schema/catalog"
)

func main() {
	dir := flag.String("dir", "docs/rules", "directory of the rule pages")
	flag.Parse()
	pages, err := filepath.Glob(filepath.Join(*dir, "*.md"))
	if err != nil || len(pages) == 0 {
		fmt.Fprintf(os.Stderr, "gentables: no pages in %s (%v)\n", *dir, err)
		os.Exit(1)
	}
	for _, path := range pages {
		raw, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gentables:", err)
			os.Exit(1)
		}
		page, err := catalogdoc.Rewrite(catalog.Default(), string(raw))
		if err != nil {
			fmt.Fprintf(os.Stderr, "gentables: %s: %v\n", path, err)
			os.Exit(1)
		}
		if page == string(raw) {
			continue
		}
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gentables:", err)
			os.Exit(1)
		}
		fmt.Println("gentables: wrote", path)
	}
}
