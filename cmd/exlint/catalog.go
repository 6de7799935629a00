package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema/catalog"
)

// catalogHelp is the help of --catalog, on every command that resolves
// builds.
const catalogHelp = "add the releases of this file (Microsoft's ExchangeBuildNumbers.csv, or exlint's releases.csv shape) to exlint's catalogue; repeatable (default: catalog of the configuration)"

// gebnURL is where Microsoft publishes ExchangeBuildNumbers.csv (MS-GEBN).
const gebnURL = "https://github.com/microsoft/Get-ExchangeBuildNumber"

// catalogFlag records --catalog in the configuration: the files it names
// replace those of the catalog setting, as every flag wins over the file.
func catalogFlag(cmd *cobra.Command, cfg *config.Config, files []string) {
	if cmd.Flags().Changed("catalog") {
		cfg.Catalog.Override(files, "--catalog")
	}
}

// releaseFile is a release file read, and what it gave.
type releaseFile struct {
	Name  string        `json:"file"`
	Via   string        `json:"via"`
	Shape catalog.Shape `json:"shape"`
	Rows  int           `json:"rows"`
	Added int           `json:"added"`
}

// loadCatalog returns the catalogue the run uses: the embedded one, with
// the releases of the files --catalog or the configuration's catalog
// setting names. A file that cannot be read, or a row that contradicts the
// catalogue, is a usage error (exit 2).
func loadCatalog(cfg *config.Config) (*catalog.Catalog, []releaseFile, error) {
	paths := cfg.CatalogPaths()
	if len(paths) == 0 {
		return catalog.Default(), nil, nil
	}
	via := "--catalog"
	if cfg.Catalog.From == "" {
		via = "catalog setting, " + cfg.Catalog.Origin()
	}
	var rows []catalog.Row
	var files []releaseFile
	var problems []string
	for i, p := range paths {
		// --catalog reads any file; the catalog setting of a configuration
		// found in the repository, only files inside it.
		read := fsutil.ReadRegular
		if cfg.Catalog.From == "" {
			read = cfg.ReadFile
		}
		src, err := read(p, catalog.MaxRowsFileSize)
		if err != nil {
			var out *config.OutsideError
			if errors.As(err, &out) {
				return nil, nil, usageErr("catalog %q (%s): %v; name it with --catalog to use it", cfg.Catalog.Value[i], cfg.Catalog.Origin(), err)
			}
			what := "--catalog " + p
			if cfg.Catalog.From == "" {
				what = fmt.Sprintf("catalog %q (%s): %s", cfg.Catalog.Value[i], cfg.Catalog.Origin(), p)
			}
			hint := ""
			if errors.Is(err, fs.ErrNotExist) {
				hint = "; Microsoft publishes ExchangeBuildNumbers.csv at " + gebnURL
			}
			return nil, nil, usageErr("%s: %v%s", what, unwrapPath(err), hint)
		}
		rs, shape, err := catalog.Default().ReadRows(p, src, via)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		rows = append(rows, rs...)
		files = append(files, releaseFile{Name: p, Via: via, Shape: shape, Rows: len(rs)})
	}
	if len(problems) > 0 {
		return nil, nil, usageErr("release files exlint cannot read:\n%s", strings.Join(problems, "\n"))
	}
	cat, err := catalog.Extend(rows)
	if err != nil {
		var re *catalog.RowsError
		if errors.As(err, &re) {
			return nil, nil, usageErr("release rows that contradict exlint's catalogue or each other (correct or remove them):\n%v", err)
		}
		return nil, nil, err
	}
	for _, v := range cat.Versions() {
		for _, r := range v.Releases() {
			if o := r.Origin(); o != nil {
				for i := range files {
					if files[i].Name == o.File {
						files[i].Added++
					}
				}
			}
		}
	}
	return cat, files, nil
}

func newCatalog(stdout io.Writer, getenv env) *cobra.Command {
	var configPath, asOf, format string
	var files []string
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Print what exlint knows of Exchange releases: versions, lifecycle dates, the newest update of each level, the horizon, and where each row comes from",
		Long: `Print exlint's Exchange catalogue: every version with its builds and
lifecycle dates, every servicing level with its newest security or hotfix
update, the horizon (the date of the newest release) and its age, and where
each row comes from (the source keys of the embedded data, or the file and
line of a release file added with --catalog or the catalog setting).

--format text (the default) lists the versions and levels; csv writes every
release in exlint's releases.csv shape, which --catalog reads back; json
writes everything (docs/cli.md describes it).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "csv" && format != "json" {
				return usageErr("--format %q: use text, csv or json", format)
			}
			cfg, err := loadConfig(configPath, getenv)
			if err != nil {
				return err
			}
			date, _, err := settings(cmd, cfg, asOf, "")
			if err != nil {
				return err
			}
			catalogFlag(cmd, cfg, files)
			cat, read, err := loadCatalog(cfg)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			switch format {
			case "text":
				writeCatalogText(&buf, cat, read, date)
			case "csv":
				err = writeCatalogCSV(&buf, cat)
			case "json":
				err = writeCatalogJSON(&buf, cat, read, date)
			}
			if err != nil {
				return internalErr(err)
			}
			_, err = stdout.Write(buf.Bytes())
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, csv (exlint's releases.csv shape, which --catalog reads back) or json")
	cmd.Flags().StringVar(&asOf, "as-of", "", "give the horizon's age on this date, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVar(&configPath, "config", "", "the configuration file, as for check")
	cmd.Flags().StringArrayVar(&files, "catalog", nil, catalogHelp)
	return cmd
}

// releaseFrom says where a release's row comes from: its source keys
// ("CSS-HC;MS-GEBN"), or the file and line it was added from.
func releaseFrom(r *catalog.Release) string {
	if o := r.Origin(); o != nil {
		return fmt.Sprintf("%s (%s)", o, o.Via)
	}
	return sourceKeys(r.Sources)
}

func sourceKeys(ss []*catalog.Source) string {
	keys := make([]string, len(ss))
	for i, s := range ss {
		keys[i] = s.Key
	}
	return strings.Join(keys, ";")
}

// horizonAge says how old the horizon is on a date: "102 days before
// 2026-11-21".
func horizonAge(h, on catalog.Date) string {
	switch n := h.DaysUntil(on); {
	case n == 1:
		return "1 day before " + on.String()
	case n >= 0:
		return fmt.Sprintf("%d days before %s", n, on)
	case n == -1:
		return "1 day after " + on.String()
	default:
		return fmt.Sprintf("%d days after %s", -n, on)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeCatalogText(w io.Writer, cat *catalog.Catalog, files []releaseFile, on catalog.Date) {
	embedded, added := 0, 0
	for _, v := range cat.Versions() {
		for _, r := range v.Releases() {
			if r.Origin() == nil {
				embedded++
			} else {
				added++
			}
		}
	}
	fmt.Fprintf(w, "exlint's Exchange catalogue: %d releases embedded (schema/catalog/data/releases.csv)", embedded)
	if added > 0 {
		fmt.Fprintf(w, ", %d added from release files", added)
	}
	fmt.Fprintln(w)
	for _, f := range files {
		shape := "exlint's releases.csv"
		if f.Shape == catalog.ShapeMicrosoft {
			shape = "Microsoft's ExchangeBuildNumbers.csv"
		}
		fmt.Fprintf(w, "release file %s (%s, %s shape): %d rows, %d added\n", escape.Text(f.Name), escape.Text(f.Via), shape, f.Rows, f.Added)
	}
	fmt.Fprintf(w, "horizon: %s, the date of the newest release; %s\n", cat.Horizon(), horizonAge(cat.Horizon(), on))
	if len(files) == 0 {
		fmt.Fprintf(w, "add newer releases with --catalog ExchangeBuildNumbers.csv (%s)\n", gebnURL)
	}

	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tNAME\tBUILDS\tGA\tMAINSTREAM END\tEXTENDED END\tSOURCES")
	for _, v := range cat.Versions() {
		builds := "-"
		if !v.BuildFrom.IsZero() {
			builds = fmt.Sprintf("%s to below %s", v.BuildFrom, v.BuildTo)
		}
		ext := orDash(v.ExtendedEnd.String())
		if v.Modern {
			ext = "none (Modern Lifecycle Policy)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v.ID, v.Name, builds, orDash(v.GA.String()), orDash(v.MainstreamEnd.String()), ext, sourceKeys(v.Sources))
	}
	tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tLEVEL\tBUILD\tDATE\tFROM\tNEWEST UPDATE\tBUILD\tDATE\tFROM")
	for _, v := range cat.Versions() {
		for _, l := range v.Levels() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s", v.ID, escape.Text(l.Name), l.Build, l.Date, escape.Text(releaseFrom(l)))
			if u := v.NewestOf(l); u != l {
				fmt.Fprintf(tw, "\t%s\t%s\t%s\t%s\n", escape.Text(u.Name), u.Build, u.Date, escape.Text(releaseFrom(u)))
			} else {
				// every cell, so that the columns stay aligned; none empty last
				fmt.Fprint(tw, "\t-\t\t\t-\n")
			}
		}
	}
	tw.Flush()

	if added == 0 {
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ADDED\tVERSION\tNAME\tBUILD\tDATE\tKIND\tFROM")
	for _, v := range cat.Versions() {
		for _, r := range v.Releases() {
			if r.Origin() != nil {
				fmt.Fprintf(tw, "+\t%s\t%s\t%s\t%s\t%s\t%s\n", v.ID, escape.Text(r.Name), r.Build, r.Date, r.Kind, escape.Text(releaseFrom(r)))
			}
		}
	}
	tw.Flush()
}

// writeCatalogCSV writes every release in exlint's releases.csv shape. The
// source of a release added from a file is what its row gave as source, or
// else the file and line: read back with --catalog, the output gives the
// same catalogue and the same output. CSV has no escapes, so nothing a
// terminal or CI log acts on may reach it: the fields of release files hold
// none (catalog.ReadRows refuses them), and the file and line, from a file
// name that may hold anything, are written as terminal text.
func writeCatalogCSV(w io.Writer, cat *catalog.Catalog) error {
	cw := csv.NewWriter(w)
	cw.Write(catalog.ExlintHeader)
	for _, v := range cat.Versions() {
		for _, r := range v.Releases() {
			src := sourceKeys(r.Sources)
			if o := r.Origin(); o != nil {
				src = o.Source
				if src == "" {
					src = escape.Text(o.String())
				}
			}
			cw.Write([]string{v.ID, r.Name, r.Build.String(), r.Date.String(), string(r.Kind), src})
		}
	}
	cw.Flush()
	return cw.Error()
}

// The JSON of exlint catalog --format json (docs/cli.md).
type (
	catalogJSON struct {
		Horizon  string        `json:"horizon"`
		AsOf     string        `json:"as_of"`
		AgeDays  int           `json:"age_days"`
		Files    []releaseFile `json:"files"`
		Versions []versionJSON `json:"versions"`
		Sources  []sourceJSON  `json:"sources"`
	}
	versionJSON struct {
		ID            string        `json:"id"`
		Name          string        `json:"name"`
		BuildFrom     string        `json:"build_from,omitempty"`
		BuildTo       string        `json:"build_to,omitempty"`
		GA            string        `json:"ga,omitempty"`
		MainstreamEnd string        `json:"mainstream_end,omitempty"`
		ExtendedEnd   string        `json:"extended_end,omitempty"`
		Lifecycle     string        `json:"lifecycle"`
		Sources       []string      `json:"sources"`
		Levels        []levelJSON   `json:"levels"`
		Releases      []releaseJSON `json:"releases"`
	}
	levelJSON struct {
		Name   string `json:"name"`
		Newest string `json:"newest"`
	}
	releaseJSON struct {
		Name    string     `json:"name"`
		Build   string     `json:"build"`
		Date    string     `json:"date"`
		Kind    string     `json:"kind"`
		Level   string     `json:"level,omitempty"`
		Sources []string   `json:"sources,omitempty"`
		Added   *addedJSON `json:"added,omitempty"`
	}
	addedJSON struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Via    string `json:"via"`
		Source string `json:"source,omitempty"`
	}
	sourceJSON struct {
		Key   string `json:"key"`
		Title string `json:"title"`
		URL   string `json:"url,omitempty"`
	}
)

func writeCatalogJSON(w io.Writer, cat *catalog.Catalog, files []releaseFile, on catalog.Date) error {
	out := catalogJSON{Horizon: cat.Horizon().String(), AsOf: on.String(), AgeDays: cat.Horizon().DaysUntil(on),
		Files: files, Versions: []versionJSON{}, Sources: []sourceJSON{}}
	if out.Files == nil {
		out.Files = []releaseFile{}
	}
	used := map[string]bool{}
	keys := func(ss []*catalog.Source) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = s.Key
			used[s.Key] = true
		}
		return out
	}
	for _, v := range cat.Versions() {
		vj := versionJSON{ID: v.ID, Name: v.Name, GA: v.GA.String(), MainstreamEnd: v.MainstreamEnd.String(),
			ExtendedEnd: v.ExtendedEnd.String(), Lifecycle: "fixed", Sources: keys(v.Sources), Levels: []levelJSON{}, Releases: []releaseJSON{}}
		if v.Modern {
			vj.Lifecycle = "modern"
		}
		if !v.BuildFrom.IsZero() {
			vj.BuildFrom, vj.BuildTo = v.BuildFrom.String(), v.BuildTo.String()
		}
		for _, l := range v.Levels() {
			vj.Levels = append(vj.Levels, levelJSON{Name: l.Name, Newest: v.NewestOf(l).Name})
		}
		for _, r := range v.Releases() {
			rj := releaseJSON{Name: r.Name, Build: r.Build.String(), Date: r.Date.String(), Kind: string(r.Kind)}
			if r.Level != nil {
				rj.Level = r.Level.Name
			}
			if o := r.Origin(); o != nil {
				rj.Added = &addedJSON{File: o.File, Line: o.Line, Via: o.Via, Source: o.Source}
			} else {
				rj.Sources = keys(r.Sources)
			}
			vj.Releases = append(vj.Releases, rj)
		}
		out.Versions = append(out.Versions, vj)
	}
	for _, k := range slices.Sorted(maps.Keys(used)) {
		s := cat.Source(k)
		out.Sources = append(out.Sources, sourceJSON{Key: s.Key, Title: s.Title, URL: s.URL})
	}
	// File names and a release file's source text come from the input:
	// the document is made safe to print in a CI log, with the same values.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(buf.Bytes()))
	return err
}
