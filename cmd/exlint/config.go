package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema/catalog"
)

// allRuleInfos describes every rule a configuration or a suppression may
// name: the topology rules, the structural ones, and the suppression rule.
func allRuleInfos() []lint.RuleInfo {
	return append(ruleInfos(), lint.MetaRules()...)
}

// loadConfig finds and reads the configuration: --config, else
// $EXLINT_CONFIG, else .exlint.hcl from the working directory up to the
// repository root. No file means the defaults. A configuration that cannot be
// used, or that needs another exlint version, is a usage error (exit 2).
func loadConfig(flagPath string, getenv env) (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, usageErr("%v", err)
	}
	path, found, root := flagPath, "--config", ""
	if path == "" {
		path, found = getenv(config.Env), config.Env
	}
	if path == "" {
		p, err := config.Find(wd)
		if err != nil {
			return nil, usageErr("looking for %s: %v", config.FileName, err)
		}
		if p == "" {
			return &config.Config{Base: ".", Rules: map[string]*config.RuleConfig{}}, nil
		}
		// The file is in the working directory or above it: name it from here.
		if rel, err := filepath.Rel(wd, p); err == nil {
			p = rel
		}
		path, found = p, "found upwards from "+wd
		// The files it names are read only inside the repository it was
		// found in (config.ReadFile): it may come from a pull request.
		if root, err = config.SearchRoot(wd); err != nil {
			return nil, usageErr("looking for %s: %v", config.FileName, err)
		}
	} else {
		path = displayPath(wd, path)
	}
	cfg, err := config.Load(path, allRuleInfos())
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			return nil, &exitError{code: exitUsage, err: ce}
		}
		return nil, usageErr("%s (%s): %v", path, found, unwrapPath(err))
	}
	cfg.Found, cfg.Root = found, root
	if _, err := cfg.CheckVersion(buildVersion()); err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return cfg, nil
}

// displayPath is p relative to the working directory when it is under it,
// else p made absolute.
func displayPath(wd, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return abs
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// settings resolves as_of and fail_on: a flag wins over the configuration,
// which wins over the default (today; error).
func settings(cmd *cobra.Command, cfg *config.Config, asOfFlag, failOnFlag string) (catalog.Date, lint.Severity, error) {
	if cmd.Flags().Changed("fail-on") {
		sev, err := lint.ParseSeverity(failOnFlag)
		if err != nil {
			return catalog.Date{}, 0, usageErr("--fail-on: %v", err)
		}
		cfg.FailOn.Override(sev, "--fail-on")
	}
	if asOfFlag != "" {
		d, err := catalog.ParseDate(asOfFlag)
		if err != nil || d.MonthOnly() {
			return catalog.Date{}, 0, usageErr("--as-of %q: %s", asOfFlag, config.DateProblem(asOfFlag))
		}
		cfg.AsOf.Override(d, "--as-of")
	}
	asOf := catalog.DateOf(time.Now())
	if cfg.AsOf.Set {
		asOf = cfg.AsOf.Value
	}
	failOn := lint.Error
	if cfg.FailOn.Set {
		failOn = cfg.FailOn.Value
	}
	return asOf, failOn, nil
}

// failOnPlannedFlag is the --fail-on-planned flag of check and config: given,
// it wins over the configuration's fail_on_planned. It returns the setting in
// effect.
func failOnPlannedFlag(cmd *cobra.Command, cfg *config.Config, value bool) bool {
	if cmd.Flags().Changed("fail-on-planned") {
		cfg.FailOnPlanned.Override(value, "--fail-on-planned")
	}
	return cfg.FailOnPlanned.Value
}

const failOnPlannedHelp = "planned findings (problems of a plan's current state that a later stage resolves) make the exit code 1 like the others (default: fail_on_planned of the configuration, else false)"

// maxFileSizeFlag is the --max-file-size flag of check and fmt: it wins over
// the configuration's max_file_size.
func maxFileSizeFlag(cmd *cobra.Command, cfg *config.Config, value string) error {
	if !cmd.Flags().Changed("max-file-size") {
		return nil
	}
	n, err := config.ParseSize(value)
	if err != nil {
		return usageErr("--max-file-size: %v", err)
	}
	cfg.MaxFileSize.Override(n, "--max-file-size")
	return nil
}

// findingLimitFlags reads --max-findings-per-file and --max-findings of
// check: they win over the configuration.
func findingLimitFlags(cmd *cobra.Command, cfg *config.Config, perFile, perRun string) error {
	for _, fl := range []struct {
		name, value string
		setting     *config.Setting[int]
	}{{"max-findings-per-file", perFile, &cfg.MaxFindingsPerFile}, {"max-findings", perRun, &cfg.MaxFindings}} {
		if !cmd.Flags().Changed(fl.name) {
			continue
		}
		n, err := config.ParseFindingsLimit(fl.value)
		if err != nil {
			return usageErr("--%s %v", fl.name, err)
		}
		fl.setting.Override(n, "--"+fl.name)
	}
	return nil
}

const maxFileSizeHelp = "the largest topology file read, in bytes or as a size such as 8MiB (default: max_file_size of the configuration, else 4MiB)"

func newConfig(stdout io.Writer, getenv env) *cobra.Command {
	var configPath, asOf, failOn string
	var changed, failOnPlanned bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the configuration in effect and where each value comes from",
		Long: `Print the configuration exlint uses from the working directory: the
.exlint.hcl it found (or --config, or $EXLINT_CONFIG), every setting and
every rule's enabled, severity and ignorable, each followed by a comment
saying where it comes from (a file position, a flag, or "default"). The
output is HCL that exlint reads back. --changed shows only the values that
differ from the defaults.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(configPath, getenv)
			if err != nil {
				return err
			}
			date, _, err := settings(cmd, cfg, asOf, failOn)
			if err != nil {
				return err
			}
			failOnPlannedFlag(cmd, cfg, failOnPlanned)
			wd, _ := os.Getwd()
			err = cfg.WriteEffective(stdout, config.EffectiveOptions{AsOf: date, Version: buildVersion(), FailOn: lint.Error,
				Rules: allRuleInfos(), WorkingIn: wd, Changed: changed})
			if err != nil {
				return usageErr("%v", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "the configuration file (default: $EXLINT_CONFIG, else .exlint.hcl from here up to the repository root)")
	cmd.Flags().StringVar(&asOf, "as-of", "", "show the configuration as check --as-of would use it")
	cmd.Flags().StringVar(&failOn, "fail-on", "", "show the configuration as check --fail-on would use it")
	cmd.Flags().BoolVar(&failOnPlanned, "fail-on-planned", false, "show the configuration as check --fail-on-planned would use it")
	cmd.Flags().BoolVar(&changed, "changed", false, "show only the values that differ from the defaults")
	return cmd
}
