package escape

import (
	"strings"
)

// Markdown escapes text for Markdown (a table cell, a heading, a list item):
// line breaks and other controls are written as Text writes them, HTML is
// neutralised and Markdown's punctuation is backslash-escaped, so that a
// name cannot end the cell, the row or the table, open a comment, or add
// markup or a link. Text that starts a line can still start a list ("- "):
// writers start each line with their own words.
func Markdown(s string) string {
	var b strings.Builder
	for _, r := range Text(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~', '{', '}', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return breakLinks(b.String())
}

// breakLinks keeps GitHub from reading a link or a mention in text: it puts
// a zero-width space after the ":" of "://", the "www" of "www." and each
// "@", which GitHub's autolinks and mentions need joined to what follows.
func breakLinks(s string) string {
	if !strings.Contains(s, "://") && !strings.Contains(s, "@") && !strings.Contains(strings.ToLower(s), "www.") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		b.WriteByte(c)
		switch {
		case c == '@',
			c == ':' && strings.HasPrefix(s[i+1:], "//"),
			(c == 'w' || c == 'W') && i >= 2 && strings.EqualFold(s[i-2:i+1], "www") && i+1 < len(s) && s[i+1] == '.':
			b.WriteString("\u200b")
		}
	}
	return b.String()
}

// MarkdownCode writes s as inline code that a table cell can hold: one line
// (Text), backticks written as quotes, pipes escaped (GitHub ends a cell at
// a pipe even inside code), and a backslash before a pipe written \x5c, so
// that it cannot turn the pipe's escape into a backslash of its own.
func MarkdownCode(s string) string {
	s = strings.ReplaceAll(Text(s), "`", "'")
	s = strings.ReplaceAll(s, `\|`, `\x5c|`)
	return "`" + strings.ReplaceAll(s, "|", "\\|") + "`"
}

// CodeFence is a fence for a Markdown code block holding src: longer than
// any run of backticks in it, so that nothing in src can end the block.
func CodeFence(src []byte) string {
	longest, run := 0, 0
	for _, c := range src {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// HTML escapes text for an HTML or SVG document, as element content or a
// quoted attribute value: one line (Text: controls and bidirectional
// overrides as visible escapes, CI log commands broken), then the markup
// characters as entities, and "#" as &#35; (the same character to a
// reader), so that a document printed to a CI log holds no log command.
// U+FFFE and U+FFFF, which XML does not allow even as entities, are written
// \ufffe and \uffff: an SVG picture stays well-formed XML.
func HTML(s string) string { return htmlEscaper.Replace(Text(s)) }

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "#", "&#35;",
	"\uFFFE", `\ufffe`, "\uFFFF", `\uffff`)
