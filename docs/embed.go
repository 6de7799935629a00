// Package docs makes the rule pages part of the exlint program, so that
// "exlint explain RULE" works offline and always matches the build.
package docs

import "embed"

// The support tables of the rule pages are the catalogue's, written by
// tools/gentables (internal/catalogdoc); a test fails when they differ.
//
//go:generate go run ../tools/gentables -dir rules

// Rules holds docs/rules/*.md.
//
//go:embed rules/*.md
var Rules embed.FS
