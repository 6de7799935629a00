// Package escape makes text from the input safe to print. Names, messages
// and source lines come from files anyone can commit, and exlint's output
// goes to terminals and CI logs: a control sequence could rewrite the
// terminal, and a line that a CI runner reads as a command could stop or
// forge its annotations. There is one function per kind of output, and every
// output path uses them.
//
// Terminal text, one line: Text (messages), Name (a file name, which may
// start a line), Source (a quoted source line, kept as wide as the source
// so that a marker lines up under it), LineStart (any other line). Terminal
// text, several lines: Lines. GitHub workflow commands: Data (the message)
// and Property (a property value).
package escape

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text returns s on one line, safe for a terminal and a CI log: control
// characters (line breaks, ESC, the C1 controls of 8-bit CSI and OSC) are
// written as escapes (\n, \x1b, \u009b), as are Unicode's line and
// paragraph separators (U+2028, U+2029, which editors and log viewers break
// lines on), bidirectional controls, which reorder what a reader sees, and
// bytes that are not UTF-8; the log
// commands of Azure Pipelines ("##vso[") and GitHub's legacy ones ("##[")
// are broken with a zero-width space.
func Text(s string) string { return text(s, false, false) }

// Name is Text for a file name, which may start a line: a name that would
// make the line a GitHub workflow command (it starts with "::" once white
// space is trimmed, as the runner trims it) is written "./" + name, the same
// file.
func Name(s string) string {
	s = Text(s)
	if command(s) {
		return "./" + s
	}
	return s
}

// LineStart is Text for text that starts a line and is not a file name (a
// line of a diff): when the runner would read it as a workflow command, its
// first colon is written as the escape \x3a.
func LineStart(s string) string { return guard(Text(s)) }

// Lines is Text for text of several lines (an error report, a diff): each
// line is escaped and guarded as LineStart does, keeping its tabs and a
// carriage return that ends it (a CRLF file's diff), and the line breaks
// between them are kept.
func Lines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		body, cr := strings.CutSuffix(l, "\r")
		lines[i] = guard(text(body, false, true))
		if cr {
			lines[i] += "\r"
		}
	}
	return strings.Join(lines, "\n")
}

// Source makes a source line safe to print below a line number, keeping
// its width: each control character, line or paragraph separator,
// bidirectional control and byte that is not UTF-8 becomes one U+FFFD, tabs stay (the marker below keeps them too),
// and a trailing carriage return is dropped.
func Source(line []byte) string {
	line = []byte(strings.TrimRight(string(line), "\r"))
	var b strings.Builder
	for len(line) > 0 {
		r, size := utf8.DecodeRune(line)
		line = line[size:]
		switch {
		case r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError && size <= 1, unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r), separator(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return breakLogCommands(b.String())
}

// Data escapes a workflow command's message: the text escaped as Text
// escapes it, line breaks aside, then "%", CR and LF as the runner expects
// (%25, %0D, %0A), so that the message stays one command.
func Data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(text(s, true, false))
}

// Property escapes a workflow command's property value: as Data, and ":"
// and ",", which end a property.
func Property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(text(s, true, false))
}

// text escapes s; keepBreaks keeps CR and LF (for workflow commands, which
// escape them their own way), keepTabs keeps tabs.
func text(s string, keepBreaks, keepTabs bool) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case (r == '\n' || r == '\r') && keepBreaks, r == '\t' && keepTabs:
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0, unicode.Is(unicode.Bidi_Control, r), separator(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return breakLogCommands(b.String())
}

// clean reports whether s needs no escaping.
func clean(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError || unicode.Is(unicode.Bidi_Control, r) || separator(r) {
			return false
		}
	}
	return !strings.Contains(s, "##")
}

// separator reports whether r is Unicode's line or paragraph separator,
// which are not controls but end a line for editors (VS Code's "unusual
// line terminators"), JavaScript and some log viewers.
func separator(r rune) bool { return r == '\u2028' || r == '\u2029' }

// breakLogCommands puts a zero-width space inside "##[" and "##vso[", which
// CI agents would otherwise run as commands wherever they appear in a line.
func breakLogCommands(s string) string {
	if !strings.Contains(s, "##") {
		return s
	}
	s = strings.ReplaceAll(s, "##vso[", "##\u200bvso[")
	return strings.ReplaceAll(s, "##[", "##\u200b[")
}

// command reports whether the GitHub runner would read line as a workflow
// command: it trims white space (.NET's, which is Unicode's: a no-break
// space too) and looks for "::". Invisible format characters (a zero-width
// space, a byte order mark) are trimmed here as well, to be safe.
func command(line string) bool {
	return strings.HasPrefix(strings.TrimLeftFunc(line, trimmed), "::")
}

func trimmed(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == '\u180e'
}

// guard writes the first colon of a line the runner would read as a
// command as \x3a.
func guard(line string) string {
	if !command(line) {
		return line
	}
	i := strings.Index(line, "::")
	return line[:i] + `\x3a` + line[i+1:]
}
