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

// visible makes a string from the topology fit to draw on one line: a
// control character (a newline, an escape sequence) becomes its picture (␊,
// ␛), and invisible format characters (bidirectional overrides, zero-width
// spaces) and bytes that are not UTF-8 become escapes such as \u202e and
// \xff; the line is cut at maxLine characters. Each output syntax then
// escapes what is left. (A backslash escape for a newline would not do:
// Mermaid breaks a label's line at "\n".)
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
		case r < 0x20:
			// Unicode's picture of the control character: ␊ for a newline.
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
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
