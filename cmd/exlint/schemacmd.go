package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/schema"
)

func newSchema(stdout io.Writer, getenv env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print a JSON Schema of *.exchange.hcl.json files, for editors",
		Long: `Print a JSON Schema (draft 2020-12) of topology files in JSON syntax
(*.exchange.hcl.json), generated from the language this exlint reads: every
block and attribute with its description, type, allowed values and ranges.
Editors use it to complete and validate those files (docs/editors.md).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json-schema" {
				return usageErr("--format %q: exlint schema writes json-schema", format)
			}
			if err := checkResultPath(out); err != nil {
				return err
			}
			if out != "" && out != "-" {
				// Only to know the baseline it names, which -o must not
				// replace: the schema depends on no setting.
				cfg, err := loadConfig("", getenv)
				if err != nil {
					return err
				}
				if err := notRead("-o "+out, out, cfg, nil); err != nil {
					return err
				}
			}
			return writeResult(stdout, out, schema.JSONSchema())
		},
	}
	cmd.Flags().StringVar(&format, "format", "json-schema", "the schema language: json-schema")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// writeResult writes a command's whole result to stdout, or to the file path
// names: through a temporary file renamed into place, so that a file is
// written whole or left as it was. A failure is exit code 2.
func writeResult(stdout io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		if _, err := stdout.Write(data); err != nil {
			return usageErr("writing the output: %v", err)
		}
		return nil
	}
	if err := checkResultPath(path); err != nil {
		return err
	}
	if err := fsutil.WriteFileAtomic(path, data, 0o644); err != nil {
		return usageErr("-o %s: %v", path, unwrapPath(err))
	}
	return nil
}

// checkResultPath checks that the directory of the file -o names is there,
// that the path goes through no symbolic link inside the working
// directory, and that it is not named like a topology file or the
// configuration file, as exlint check does for --format NAME=FILE and
// --write-baseline (dirExists, NoLinkInside, notInputName): a command
// calls it before its work, so that a typo is reported at once, and
// writeResult again before writing.
// Standard output ("" or "-") needs no check. The files the configuration
// and --catalog name are notRead's, once the configuration is read.
func checkResultPath(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if err := notInputName("-o "+path, path); err != nil {
		return err
	}
	if err := dirExists(path); err != nil {
		return usageErr("-o %s: %v", path, err)
	}
	// Not through a link inside the working directory, as check's outputs.
	if err := fsutil.NoLinkInside(path); err != nil {
		return usageErr("-o %s: %v", path, unwrapPath(err))
	}
	return nil
}
