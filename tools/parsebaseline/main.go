// Command parsebaseline parses every topology file under its arguments, one
// after another, with hclsyntax.ParseConfig (or hcl's JSON parser) and
// nothing else: the baseline exlint's whole run is compared with in
// docs/performance.md.
//
//	go run ./tools/parsebaseline /tmp/corpus
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

func main() {
	files, errors := 0, 0
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
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
			files++
			if diags.HasErrors() {
				errors++
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	fmt.Printf("parsed %d files, %d with errors\n", files, errors)
}
