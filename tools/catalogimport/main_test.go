package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exlint/exlint/schema/catalog"
)

// dataDir is the repository's copy of the catalogue's tables.
var dataDir = filepath.Join("..", "..", "schema", "catalog", "data")

// tables returns the data directory with releases.csv replaced.
func tables(t *testing.T, releases string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dataDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	m["releases.csv"] = &fstest.MapFile{Data: []byte(releases)}
	return m
}

// microsoftCSV writes the catalogue's releases of Exchange 2007 and later
// (the versions Microsoft's ExchangeBuildNumbers.csv covers) the way
// Microsoft's file writes them: "Exchange 2007 SP1 RTM" for a service pack,
// Exchange 2013 CU4 as "SP1", M/D/YYYY dates, some with leading zeros, some
// builds zero-padded ("15.01.1779.002"), a note in parentheses, CRLF line
// ends. Releases dated only by their month are left out: Microsoft's file
// gives days.
func microsoftCSV(c *catalog.Catalog) []byte {
	var b strings.Builder
	b.WriteString("Product Name,Build Number,Date,KB,Blog\r\n")
	n := 0
	for _, v := range c.Versions() {
		if v.Rank < c.Version("2007").Rank {
			continue
		}
		for _, r := range v.Releases() {
			if r.Date.MonthOnly() {
				continue
			}
			n++
			name := r.Name
			if r.Level == nil {
				// a preview: no level
			} else if alias := c.LevelAlias(r.Level); alias != "" {
				name = alias + strings.TrimPrefix(name, r.Level.Name)
			}
			if r.Kind == catalog.ServicePack {
				name += " RTM"
			}
			if n%7 == 0 {
				name += " (note)"
			}
			build := r.Build.String()
			if n%3 == 0 {
				major, minor, bn, rev := r.Build.Parts()
				build = fmt.Sprintf("%d.%02d.%04d.%03d", major, minor, bn, rev)
			}
			date := fmt.Sprintf("%d/%d/%d", r.Date.Month, r.Date.Day, r.Date.Year)
			if n%2 == 0 {
				date = fmt.Sprintf("%02d/%02d/%d", r.Date.Month, r.Date.Day, r.Date.Year)
			}
			fmt.Fprintf(&b, "Exchange %s %s,%s,%s,,\r\n", v.ID, name, build, date)
		}
	}
	return []byte(b.String())
}

// The generator rebuilds today's data: with the rows whose only source is
// MS-GEBN removed from releases.csv, importing today's releases written as
// Microsoft's file writes them gives back today's releases.csv, byte for
// byte; on today's releases.csv, it adds nothing.
func TestReproducesToday(t *testing.T) {
	today, err := os.ReadFile(filepath.Join(dataDir, "releases.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var reduced strings.Builder
	removed := 0
	for _, line := range strings.SplitAfter(string(today), "\n") {
		if !strings.HasPrefix(line, "#") && strings.HasSuffix(line, ","+importSource+"\n") {
			removed++
			continue
		}
		reduced.WriteString(line)
	}
	if removed < 10 {
		t.Fatalf("only %d rows cite %s alone", removed, importSource)
	}
	ms := microsoftCSV(catalog.Default())
	res, err := importRows(tables(t, reduced.String()), "ExchangeBuildNumbers.csv", ms)
	if err != nil {
		t.Fatal(err)
	}
	if string(res.releases) != string(today) {
		t.Errorf("the rebuilt releases.csv differs from today's:\n%s", firstDifference(string(res.releases), string(today)))
	}
	if len(res.added) != removed || len(res.missing) != 0 {
		t.Errorf("%d rows added, want %d; missing %v", len(res.added), removed, res.missing)
	}
	res, err = importRows(tables(t, string(today)), "ExchangeBuildNumbers.csv", ms)
	if err != nil || string(res.releases) != string(today) || len(res.added) != 0 {
		t.Errorf("today's data changed: %v, added %v", err, res.added)
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

// A new release goes among its version's rows in build order, with the
// source MS-GEBN; a row that contradicts the catalogue is an error naming
// both rows; rows citing MS-GEBN that the file lacks are listed.
func TestImportNewAndContradicting(t *testing.T) {
	today, err := os.ReadFile(filepath.Join(dataDir, "releases.csv"))
	if err != nil {
		t.Fatal(err)
	}
	data := tables(t, string(today))
	// TEST FIXTURE: fictitious releases, after the catalogue's horizon.
	src := "Product Name,Build Number,Date,KB,Blog\n" +
		"Exchange 2019 CU15 Jan27SU,15.2.1748.90,1/12/2027,,TEST FIXTURE\n" +
		"Exchange SE RTM Jan27SU,15.2.2562.90,1/12/2027,,TEST FIXTURE\n"
	res, err := importRows(data, "ExchangeBuildNumbers.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(today), "2019,CU15 Aug26SU,15.2.1748.49,2026-08-11,su,MS-GEBN\n",
		"2019,CU15 Aug26SU,15.2.1748.49,2026-08-11,su,MS-GEBN\n2019,CU15 Jan27SU,15.2.1748.90,2027-01-12,su,MS-GEBN\n", 1)
	want += "SE,RTM Jan27SU,15.2.2562.90,2027-01-12,su,MS-GEBN\n"
	if string(res.releases) != want {
		t.Errorf("releases.csv:\n%s", firstDifference(string(res.releases), want))
	}
	if len(res.missing) < 20 || !strings.Contains(strings.Join(res.missing, "\n"), "SE RTM Aug26SU (releases.csv:") {
		t.Errorf("missing: %v", res.missing)
	}

	src = "Product Name,Build Number,Date,KB,Blog\nExchange SE RTM Aug26SU,15.2.2562.46,8/12/2026,,\n"
	_, err = importRows(data, "ExchangeBuildNumbers.csv", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "ExchangeBuildNumbers.csv:2: Exchange Server Subscription Edition RTM Aug26SU is dated 2026-08-12 here, and 2026-08-11 in exlint's catalogue (releases.csv:") {
		t.Errorf("a contradicting row: %v", err)
	}
	_, err = importRows(data, "mine.csv", []byte("version,name,build,date,kind\n"))
	if err == nil || !strings.Contains(err.Error(), "is not Microsoft's ExchangeBuildNumbers.csv") {
		t.Errorf("exlint's shape: %v", err)
	}
}
