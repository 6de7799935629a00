// Command catalogimport brings the release rows of exlint's catalogue
// (schema/catalog/data/releases.csv) up to date from Microsoft's
// ExchangeBuildNumbers.csv (microsoft/Get-ExchangeBuildNumber, source key
// MS-GEBN):
//
//	go run ./tools/catalogimport ExchangeBuildNumbers.csv          # list what it would add
//	go run ./tools/catalogimport -write ExchangeBuildNumbers.csv   # add it to releases.csv
//
// Every row of Microsoft's file is checked against the catalogue, as
// --catalog checks it: a row the catalogue has (with the same build or an
// alternate one, the same date or an alternate one) changes nothing, a row
// that contradicts one is an error naming both rows, and a row the
// catalogue lacks is added to releases.csv with the source MS-GEBN, among
// its version's rows in build order. The other rows, their sources and the
// comments are kept as they are. Microsoft's file covers Exchange 2007 and
// later; what it does not cover (5.5 to 2003, and the rows of other
// sources) cannot be rebuilt from it. Rows that cite MS-GEBN and that the
// file lacks are listed on standard error.
//
// After -write, update MS-GEBN's commit and date in sources.csv and in the
// comment at the top of releases.csv, then run go test ./... (the rule
// pages' outputs may change: go test ./rules -update, and the goldens: go
// test ./cmd/exlint -update).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/schema/catalog"
)

// importSource is the source key of the rows added.
const importSource = "MS-GEBN"

func main() {
	dir := flag.String("data", filepath.Join("schema", "catalog", "data"), "the catalogue's data directory")
	write := flag.Bool("write", false, "write the new releases.csv (default: list the rows that would be added)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./tools/catalogimport [-data DIR] [-write] ExchangeBuildNumbers.csv\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	name := flag.Arg(0)
	src, err := fsutil.ReadRegular(name, catalog.MaxRowsFileSize)
	if err != nil {
		fail(err)
	}
	res, err := importRows(os.DirFS(*dir), name, src)
	if err != nil {
		fail(err)
	}
	for _, m := range res.missing {
		fmt.Fprintf(os.Stderr, "catalogimport: note: %s cites %s, and %s does not list it\n", m, importSource, name)
	}
	for _, r := range res.added {
		fmt.Println(r)
	}
	fmt.Fprintf(os.Stderr, "catalogimport: %d rows read, %d new\n", res.read, len(res.added))
	if *write && len(res.added) > 0 {
		if err := fsutil.WriteFileAtomic(filepath.Join(*dir, "releases.csv"), res.releases, 0o644); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "catalogimport: %s written; update %s's commit and date in sources.csv and releases.csv's comment\n",
			filepath.Join(*dir, "releases.csv"), importSource)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "catalogimport:", err)
	os.Exit(1)
}

// result is what an import gives: the new releases.csv, the rows added to
// it (as releases.csv rows), how many rows Microsoft's file has, and the
// rows citing MS-GEBN that it lacks.
type result struct {
	releases []byte
	added    []string
	read     int
	missing  []string
}

// importRows merges the rows of Microsoft's file (src, named name) into the
// catalogue of data and returns releases.csv with the rows it lacked.
func importRows(data fs.FS, name string, src []byte) (*result, error) {
	base, err := catalog.Load(data, nil)
	if err != nil {
		return nil, err
	}
	rows, shape, err := base.ReadRows(name, src, "catalogimport")
	if err != nil {
		return nil, err
	}
	if shape != catalog.ShapeMicrosoft {
		return nil, fmt.Errorf("%s is not Microsoft's ExchangeBuildNumbers.csv (its header is exlint's)", name)
	}
	merged, err := catalog.Load(data, rows)
	if err != nil {
		return nil, err
	}
	old, err := fs.ReadFile(data, "releases.csv")
	if err != nil {
		return nil, err
	}
	res := &result{read: len(rows)}
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.Version+" "+r.Name] = true
	}
	for _, v := range merged.Versions() {
		for _, r := range v.Releases() {
			if r.Origin() == nil && cites(r, importSource) && !listed[v.ID+" "+r.Name] {
				res.missing = append(res.missing, fmt.Sprintf("%s %s (%s)", v.ID, r.Name, r.Where()))
			}
		}
	}
	res.releases, res.added, err = insertRows(old, merged)
	return res, err
}

func cites(r *catalog.Release, key string) bool {
	return slices.ContainsFunc(r.Sources, func(s *catalog.Source) bool { return s.Key == key })
}

// insertRows writes each release added from outside the tables into releases.csv's text: before the
// next release of its version by build that releases.csv has, else after
// the last one it has (after the rows of the versions before it, for a
// version without rows), keeping every other line as it is.
func insertRows(old []byte, c *catalog.Catalog) ([]byte, []string, error) {
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		return nil, nil, errors.New("releases.csv does not end with a line break")
	}
	lines := strings.SplitAfter(string(old), "\n")
	// Rows go before line n (1-based; len(lines)+1 for the end), or after it.
	before, after := map[int][]string{}, map[int][]string{}
	var out []string
	last := 0 // the last line of the versions so far
	for _, v := range c.Versions() {
		rs := v.Releases() // by build
		for i, r := range rs {
			if r.Line() > 0 {
				last = r.Line()
				continue
			}
			row := fmt.Sprintf("%s,%s,%s,%s,%s,%s\n", v.ID, r.Name, r.Build, r.Date, r.Kind, importSource)
			out = append(out, strings.TrimSuffix(row, "\n"))
			if j := slices.IndexFunc(rs[i+1:], func(n *catalog.Release) bool { return n.Line() > 0 }); j >= 0 {
				before[rs[i+1+j].Line()] = append(before[rs[i+1+j].Line()], row)
			} else if last > 0 {
				after[last] = append(after[last], row)
			} else {
				before[len(lines)+1] = append(before[len(lines)+1], row)
			}
		}
	}
	var b strings.Builder
	for i, l := range lines {
		for _, row := range before[i+1] {
			b.WriteString(row)
		}
		b.WriteString(l)
		for _, row := range after[i+1] {
			b.WriteString(row)
		}
	}
	for _, row := range before[len(lines)+1] {
		b.WriteString(row)
	}
	return []byte(b.String()), out, nil
}
