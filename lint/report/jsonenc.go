package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// appendFinding appends f as one element of the findings array: the bytes
// escape.JSON(json.MarshalIndent(jsonFinding, "    ", "  ")) gives (a test
// compares them), written directly. A corpus check with many findings spent more
// time indenting through reflection than in every rule together.
func appendFinding(b []byte, f lint.Finding) []byte {
	const in = "\n      " // the prefix and one level
	b = append(b, '{')
	b = appendField(b, in, "rule", f.Rule)
	b = appendField(b, ","+in, "severity", f.Severity.String())
	b = appendField(b, ","+in, "message", f.Message)
	b = appendField(b, ","+in, "address", f.Address)
	b = append(b, ","+in+`"range": {`...)
	b = appendRangeBody(b, in+"  ", f.Range)
	b = append(b, ","+in+`"related": `...)
	if len(f.Related) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, rel := range f.Related {
			if i > 0 {
				b = append(b, ',')
			}
			const el = in + "  "
			b = append(b, el+"{"...)
			b = appendField(b, el+"  ", "message", rel.Message)
			b = append(b, ","+el+`  "range": {`...)
			b = appendRangeBody(b, el+"    ", rel.Range)
			b = append(b, el+"}"...)
		}
		b = append(b, in+"]"...)
	}
	if !f.State.IsZero() {
		b = appendState(b, in, f)
	}
	return append(b, "\n    }"...)
}

// appendState writes the fields of a plan's finding.
func appendState(b []byte, in string, f lint.Finding) []byte {
	b = appendField(b, ","+in, "state", f.State.Name)
	if f.State.Date != "" {
		b = appendField(b, ","+in, "state_date", f.State.Date)
	}
	if len(f.States) > 0 {
		b = append(b, ","+in+`"states": [`...)
		for i, s := range f.States {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in+"  "...)
			b = appendString(b, s)
		}
		b = append(b, in+"]"...)
	}
	b = append(b, ","+in+`"planned": `...)
	b = strconv.AppendBool(b, f.Planned)
	if r := f.ResolvedBy; r != nil {
		b = append(b, ","+in+`"resolved_by": {`...)
		b = appendField(b, in+"  ", "stage", r.Name)
		b = appendField(b, ","+in+"  ", "date", r.Date)
		if r.Overdue {
			b = append(b, ","+in+`  "overdue": true`...)
		}
		b = append(b, in+"}"...)
	}
	if f.JudgedOn != "" {
		b = appendField(b, ","+in, "judged_on", f.JudgedOn)
	}
	return b
}

// findingSize is about the size of a finding's JSON, ",\n    " before it
// included, when its text needs no escapes: Encode sizes its buffer once.
func findingSize(f lint.Finding) int {
	n := 380 + len(f.Rule) + len(f.Message) + len(f.Address) + len(f.Range.Filename)
	for _, rel := range f.Related {
		n += 360 + len(rel.Message) + len(rel.Range.Filename)
	}
	if !f.State.IsZero() {
		n += 150 + 2*len(f.State.Name)
		for _, s := range f.States {
			n += 10 + len(s)
		}
	}
	return n
}

// appendRangeBody writes the fields of an opened range object at
// indentation in, and closes it one level out.
func appendRangeBody(b []byte, in string, r hcl.Range) []byte {
	jr := toJSONRange(r)
	b = appendField(b, in, "filename", jr.Filename)
	b = append(b, ',')
	b = append(b, in...)
	b = append(b, `"start": `...)
	b = appendPos(b, in, jr.Start)
	b = append(b, ',')
	b = append(b, in...)
	b = append(b, `"end": `...)
	b = appendPos(b, in, jr.End)
	b = append(b, in[:len(in)-2]...)
	return append(b, '}')
}

func appendPos(b []byte, in string, p jsonPos) []byte {
	b = append(b, '{')
	b = append(b, in...)
	b = append(b, `  "line": `...)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ',')
	b = append(b, in...)
	b = append(b, `  "column": `...)
	b = strconv.AppendInt(b, int64(p.Column), 10)
	b = append(b, ',')
	b = append(b, in...)
	b = append(b, `  "byte": `...)
	b = strconv.AppendInt(b, int64(p.Byte), 10)
	b = append(b, in...)
	return append(b, '}')
}

// appendField writes `in"name": "value"`.
func appendField(b []byte, in, name, value string) []byte {
	b = append(b, in...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": `...)
	return appendString(b, value)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json escapes it
// by default (quotes, backslashes and control characters escaped, <, > and &
// written \u003c, \u003e, \u0026, safe inside HTML, U+2028 and U+2029
// escaped, line breaks to JavaScript, and invalid UTF-8 as \ufffd), and
// then as escape.JSON makes it safe to print in a CI log (DEL, C1 and
// bidirectional controls as \uXXXX, the second # of "##vso[" and "##[" as
// \u0023): the same value, in the bytes escape.JSON(json.Marshal(s)) gives.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != 0x7f &&
				(c != '#' || !strings.HasPrefix(s[i:], "##vso[") && !strings.HasPrefix(s[i:], "##[")) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			if c == '#' {
				b = append(b, `#\u0023`...)
				i += 2
				start = i
				continue
			}
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case escape.Unsafe(r):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
