package config

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/exlint/exlint/lint"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/exlint/exlint/internal/escape"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// EffectiveOptions are the facts WriteEffective needs beyond the
// configuration: the evaluation date in effect and exlint's version.
type EffectiveOptions struct {
	AsOf      catalog.Date    // what as_of resolves to (today by default)
	Version   string          // exlint's build version
	FailOn    lint.Severity   // the default fail_on
	Rules     []lint.RuleInfo // every rule, in the order to print them
	WorkingIn string          // the working directory, for the header
	// Changed prints only the values that differ from the defaults (exlint
	// config --changed).
	Changed bool
}

// hclString writes s as an HCL string literal that reads back as s: HCL's
// escapes (not Go's, which HCL does not read), "${" and "%{" doubled so
// that they are not templates, and characters that are not printable
// escaped as \uNNNN.
func hclString(s string) string {
	return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
}

// WriteEffective prints the configuration in effect as HCL that exlint can
// read back, each value followed by a comment saying where it came from: a
// file position, a flag, or "default".
func (c *Config) WriteEffective(w io.Writer, opt EffectiveOptions) error {
	if c == nil {
		c = &Config{}
	}
	var b bytes.Buffer
	b.WriteString("# The configuration exlint uses in " + escape.Text(opt.WorkingIn) + "\n")
	if c.Path != "" {
		fmt.Fprintf(&b, "# file: %s (%s)\n", escape.Text(c.Path), escape.Text(c.Found))
	} else {
		b.WriteString("# file: none; every value is a default (exlint looks for " + FileName + " from the working directory up to the repository root)\n")
	}
	if opt.Changed {
		b.WriteString("# only what differs from the defaults (exlint config without --changed shows every value)\n")
	}
	b.WriteString("\n")
	header := b.Len()
	changes := 0
	// show says whether to print a value: always, or with --changed when
	// it differs from the default.
	show := func(differs bool) bool {
		if differs {
			changes++
		}
		return !opt.Changed || differs
	}

	req := c.RequiredVersion
	if !show(req.Set) {
		// not set: nothing to say
	} else if req.Set {
		note := req.Origin()
		if IsDevVersion(opt.Version) {
			note += "; not checked: this is a development build (" + opt.Version + ")"
		} else {
			note += "; satisfied by exlint " + opt.Version
		}
		fmt.Fprintf(&b, "required_version = %s # %s\n", hclString(req.Value), escape.Text(note))
	} else {
		fmt.Fprintf(&b, "# required_version is not set (exlint %s)\n", opt.Version)
	}
	asOf := c.AsOf
	asOfNote := asOf.Origin()
	if !asOf.Set {
		asOf.Value = opt.AsOf
		asOfNote = "default: today"
	}
	// A date set in the file or by --as-of is a change, even today's: the
	// default is "today", whichever day that is.
	if show(asOf.Set) {
		fmt.Fprintf(&b, "as_of = %s # %s\n", hclString(asOf.Value.String()), escape.Text(asOfNote))
	}
	failOn := c.FailOn
	if !failOn.Set {
		failOn.Value = opt.FailOn
	}
	if show(failOn.Value != opt.FailOn) {
		fmt.Fprintf(&b, "fail_on = %s # %s\n", hclString(failOn.Value.String()), escape.Text(failOn.Origin()))
	}
	if planned := c.FailOnPlanned; show(planned.Value) {
		fmt.Fprintf(&b, "fail_on_planned = %t # %s\n", planned.Value, escape.Text(planned.Origin()))
	}
	var pats []string
	for _, p := range c.Exclude.Value {
		pats = append(pats, hclString(p))
	}
	excl := c.Exclude.Origin()
	if c.Exclude.Set {
		base := c.Base
		if base == "" {
			base = "."
		}
		excl += "; relative to " + base
	}
	if show(len(pats) > 0) {
		fmt.Fprintf(&b, "exclude = [%s] # %s\n", strings.Join(pats, ", "), escape.Text(excl))
	}
	if show(c.Limits().MaxFileSize != schema.DefaultLimits.MaxFileSize) {
		fmt.Fprintf(&b, "max_file_size = %d # %s\n", c.Limits().MaxFileSize, escape.Text(c.MaxFileSize.Origin()))
	}
	perFile, perRun := c.FindingLimits()
	if show(perFile != DefaultMaxFindingsPerFile) {
		fmt.Fprintf(&b, "max_findings_per_file = %d # %s\n", perFile, escape.Text(c.MaxFindingsPerFile.Origin()))
	}
	if show(perRun != DefaultMaxFindings) {
		fmt.Fprintf(&b, "max_findings = %d # %s\n", perRun, escape.Text(c.MaxFindings.Origin()))
	}
	if !show(c.Baseline.Set) {
		// not set
	} else if c.Baseline.Set {
		fmt.Fprintf(&b, "baseline = %s # %s; the file %s\n", hclString(c.Baseline.Value), escape.Text(c.Baseline.Origin()), escape.Text(c.BaselinePath()))
	} else {
		b.WriteString("# baseline is not set: exlint check reports every finding unless --baseline names a file\n")
	}
	if !show(c.Catalog.Set) {
		// not set
	} else if c.Catalog.Set {
		var files []string
		for _, f := range c.Catalog.Value {
			files = append(files, hclString(f))
		}
		fmt.Fprintf(&b, "catalog = [%s] # %s; the files %s\n", strings.Join(files, ", "), escape.Text(c.Catalog.Origin()), escape.Text(strings.Join(c.CatalogPaths(), ", ")))
	} else {
		b.WriteString("# catalog is not set: exlint knows the releases it was built with, unless --catalog names a release file\n")
	}

	var structural []string
	for _, r := range opt.Rules {
		if r.Structural {
			structural = append(structural, r.ID)
			continue
		}
		rc := c.Rules[r.ID]
		if rc == nil {
			rc = &RuleConfig{}
		}
		enabled, sev, ign := rc.Enabled, rc.Severity, rc.Ignorable
		if !enabled.Set {
			enabled.Value = true
		}
		if !sev.Set {
			sev.Value = r.Severity
		}
		if !ign.Set {
			ign.Value = true
		}
		var body strings.Builder
		if show(!enabled.Value) {
			fmt.Fprintf(&body, "  enabled = %t # %s\n", enabled.Value, escape.Text(enabled.Origin()))
		}
		// A severity set gives it to every finding of the rule, whatever
		// severity each would have (certificate-expiry's warnings, errors
		// and notes): a change even when it names the rule's own.
		if show(sev.Set) {
			fmt.Fprintf(&body, "  severity = %s # %s\n", hclString(sev.Value.String()), escape.Text(sev.Origin()))
		}
		if r.ID != lint.SuppressionRule && show(!ign.Value) {
			fmt.Fprintf(&body, "  ignorable = %t # %s\n", ign.Value, escape.Text(ign.Origin()))
		}
		if body.Len() > 0 {
			if b.Len() > header {
				b.WriteString("\n") // a blank line after the values or the rule before
			}
			fmt.Fprintf(&b, "rule %s {\n%s}\n", hclString(r.ID), body.String())
		}
	}
	if opt.Changed {
		if changes == 0 {
			b.WriteString("# nothing differs from the defaults\n")
		}
	} else if len(structural) > 0 {
		fmt.Fprintf(&b, "\n# %s: structural rules, always errors; they cannot be configured or suppressed\n", strings.Join(structural, ", "))
	}
	_, err := w.Write(hclwrite.Format(b.Bytes()))
	return err
}
