package graph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exlint/exlint/lint"
)

// maxLine is the longest label line drawn, in characters: a name longer
// than a diagram can show is cut, with an ellipsis.
const maxLine = 60

// visible makes a string from the topology fit to draw on one line: bytes
// that are not UTF-8, control characters (a newline, an escape sequence)
// and invisible format characters (bidirectional overrides, zero-width
// spaces) become escapes such as \x1b and \u202e, and the line is cut at
// maxLine characters. Each output syntax then escapes what is left.
func visible(s string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		if n == maxLine {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
		n++
	}
	return b.String()
}

// list joins values for a label, showing at most max of them and how many
// more there are.
func list(values []string, max int) string {
	if len(values) > max {
		return strings.Join(values[:max], ", ") + fmt.Sprintf(" +%d", len(values)-max)
	}
	return strings.Join(values, ", ")
}

// findingsLine says how many findings a node carries, for readers who do
// not see its colour: "2 errors, 1 warning".
func findingsLine(c lint.Counts) string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(c.Errors, "error", "errors")
	add(c.Warnings, "warning", "warnings")
	add(c.Infos, "info", "info")
	return strings.Join(parts, ", ")
}
