// Package docs makes the rule pages part of the exlint program, so that
// "exlint explain RULE" works offline and always matches the build.
package docs

import "embed"

// Rules holds docs/rules/*.md.
//
//go:embed rules/*.md
var Rules embed.FS
