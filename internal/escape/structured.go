package escape

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// JSON and XML make an encoded document safe to print to a terminal or a
// CI log without changing what a parser reads from it: exlint's JSON, SARIF,
// JUnit and Checkstyle files are printed in CI logs (cat, a test viewer), and
// the values in them come from the input. What Text writes as an escape
// (C1 controls such as the 8-bit CSI, DEL, line and paragraph separators,
// bidirectional controls) becomes the format's own escape of the same
// character, and one # of "##vso[" and "##[", which the Azure agent runs as
// a command wherever it is in a line, becomes one too (the second in JSON,
// "#\u0023vso[", the first in XML, "&#35;#vso["). The rest
// (C0 controls, line breaks, quotes) the encoders escape already.

// JSON rewrites an encoded JSON document (or a part of one holding whole
// strings): the characters above as \uXXXX, "##vso[" as "#\u0023vso[".
// Outside its strings JSON is plain ASCII, so all it changes is in them.
func JSON(b []byte) []byte {
	return rewrite(b, `#\u0023`, func(r rune) string { return fmt.Sprintf(`\u%04x`, r) }, false)
}

// XML rewrites an encoded XML document: the characters above as character
// references (&#x85;), "##vso[" as "&#35;#vso[". CDATA sections, whose text
// is literal and which the writers fill with Text's escaping, are left as
// they are.
func XML(b []byte) []byte {
	return rewrite(b, "&#35;#", func(r rune) string { return fmt.Sprintf("&#x%X;", r) }, true)
}

// Unsafe reports whether a character is one JSON and XML rewrite: a C1
// control, DEL, a line or paragraph separator or a bidirectional control.
func Unsafe(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r < 0xa0) || separator(r) || unicode.Is(unicode.Bidi_Control, r)
}

func rewrite(b []byte, hashes string, char func(rune) string, skipCDATA bool) []byte {
	if !needsRewrite(b) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for i := 0; i < len(b); {
		switch {
		case skipCDATA && bytes.HasPrefix(b[i:], []byte("<![CDATA[")):
			end := bytes.Index(b[i:], []byte("]]>"))
			if end < 0 {
				end = len(b) - i - 3
			}
			out = append(out, b[i:i+end+3]...)
			i += end + 3
			continue
		case b[i] == '#' && (bytes.HasPrefix(b[i:], []byte("##vso[")) || bytes.HasPrefix(b[i:], []byte("##["))):
			out = append(out, hashes...)
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if Unsafe(r) {
			out = append(out, char(r)...)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// needsRewrite reports whether b holds anything JSON or XML rewrites.
func needsRewrite(b []byte) bool {
	if bytes.Contains(b, []byte("##")) {
		return true
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if Unsafe(r) {
			return true
		}
		i += size
	}
	return false
}
