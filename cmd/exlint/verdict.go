package main

import (
	"github.com/spf13/cobra"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
	"github.com/exlint/exlint/timeline"
)

// verdictFlags are the flags of the commands that show exlint check's
// verdict on one topology, state by state: exlint plan and exlint report.
type verdictFlags struct {
	out, asOf, failOn, config string
	failOnPlanned             bool
	catalog                   []string
}

// register adds the flags; failOnHelp says what --fail-on fails.
func (f *verdictFlags) register(cmd *cobra.Command, failOnHelp string) {
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "check on this date, YYYY-MM-DD, as exlint check (default: today)")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "", "the lowest severity that fails "+failOnHelp+": error, warning or info (default: fail_on of the configuration, else error)")
	cmd.Flags().BoolVar(&f.failOnPlanned, "fail-on-planned", false, failOnPlannedHelp)
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file, as for check")
	cmd.Flags().StringArrayVar(&f.catalog, "catalog", nil, catalogHelp)
}

// checkedTopology is one topology checked as exlint check checks it, with
// its plan's timeline made from the findings.
type checkedTopology struct {
	cfg      *config.Config
	cat      *catalog.Catalog
	asOf     catalog.Date
	failOn   lint.Severity
	dir      string
	files    []*schema.File
	plan     *schema.Plan
	probs    []schema.Problem
	findings []lint.Finding
	// unknowns are what the rules could not judge (checkTopology's
	// coverage), sorted by place.
	unknowns  []lint.Unknown
	baselined int // findings the configuration's baseline hid
	timeline  *timeline.Timeline
	maxListed int
}

// checkTopology reads the configuration, the catalogue and the topology in
// path (one says, for the error, that the command takes one), checks it in
// every state of its plan and builds the timeline; with coverage, it also
// collects what the rules could not judge.
func checkTopology(cmd *cobra.Command, getenv env, f verdictFlags, path, one string, coverage bool) (*checkedTopology, error) {
	cfg, err := loadConfig(f.config, getenv)
	if err != nil {
		return nil, err
	}
	if err := notRead("-o "+f.out, f.out, cfg, f.catalog); err != nil {
		return nil, err
	}
	c := &checkedTopology{cfg: cfg}
	if c.asOf, c.failOn, err = settings(cmd, cfg, f.asOf, f.failOn); err != nil {
		return nil, err
	}
	failOnPlanned := failOnPlannedFlag(cmd, cfg, f.failOnPlanned)
	catalogFlag(cmd, cfg, f.catalog)
	if c.cat, _, err = loadCatalog(cfg); err != nil {
		return nil, err
	}
	base, err := configBaseline(cfg)
	if err != nil {
		return nil, err
	}
	if c.dir, c.files, err = readTopology(path, cfg, one); err != nil {
		return nil, err
	}
	// The findings are exlint check's, across the plan's states; the plan's
	// states, decoded again, give the timeline its changes and servers.
	opts := runner.Options{Rules: allRules(), Catalog: c.cat, AsOf: c.asOf, Limits: cfg.Limits(), Config: cfg}
	if coverage {
		c.findings, c.unknowns, err = runner.CheckFilesCoverage(c.dir, c.files, opts)
	} else {
		c.findings, err = runner.CheckFiles(c.dir, c.files, opts)
	}
	if err != nil {
		return nil, internalErr(err)
	}
	// The configuration's baseline hides what it recorded, as in exlint
	// check, so that the verdict is check's.
	if base != nil {
		c.findings, c.baselined, _ = base.Filter(c.findings)
	}
	c.plan, c.probs = schema.DecodePlan(c.dir, c.files, cfg.Limits())
	_, c.maxListed = cfg.FindingLimits()
	c.timeline = timeline.Build(c.plan, c.findings, timeline.Options{Catalog: c.cat, AsOf: c.asOf, FailOn: c.failOn,
		FailOnPlanned: failOnPlanned, MaxListed: c.maxListed, Problems: c.probs})
	return c, nil
}
