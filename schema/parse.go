package schema

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// Limits bounds what exlint reads, so that hostile input ends in a finding
// instead of exhausting memory or the stack.
type Limits struct {
	// MaxFileSize is the largest topology file read, in bytes.
	MaxFileSize int64
	// MaxNesting bounds how deeply expressions nest: brackets, braces,
	// parentheses, templates, and chains of unary or conditional operators.
	// hcl's parser recurses once per level and has no limit of its own; tens of
	// thousands of levels overflow the Go stack, which cannot be recovered.
	MaxNesting int
}

// DefaultLimits are generous for any hand-written topology (a real file is a
// few kilobytes and nests three or four levels deep).
var DefaultLimits = Limits{MaxFileSize: 4 << 20, MaxNesting: 128}

// maxNumberLength bounds the length of a number literal. hcl reads a number
// with math/big, whose decimal parsing takes time quadratic in the number of
// digits (a million digits: several seconds); a topology's numbers have a
// few digits.
const maxNumberLength = 1000

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// parseFile parses one topology file, native or JSON syntax, after checking
// the limits. It returns nil when the file cannot be parsed.
func parseFile(f *File, lim Limits, probs *problems) *hcl.File {
	start := hcl.Range{Filename: f.Name, Start: hcl.InitialPos, End: hcl.InitialPos}
	if bytes.HasPrefix(f.Src, bomUTF16LE) || bytes.HasPrefix(f.Src, bomUTF16BE) {
		probs.add(KindSyntax, start, "", "the file is UTF-16 encoded; save it as UTF-8 (Notepad: Save As, Encoding: UTF-8)")
		return nil
	}
	if f.JSON {
		src := bytes.TrimPrefix(f.Src, bomUTF8)
		if nulByte(f.Name, src, probs) {
			return nil
		}
		if p := jsonNesting(src, f.Name, lim.MaxNesting); p != nil {
			*probs = append(*probs, *p)
			return nil
		}
		hf, diags := hcljson.Parse(src, f.Name)
		if addDiags(diags, f.Name, nil, probs) {
			return nil
		}
		return hf
	}
	if !utf8.Valid(f.Src) {
		// hcl reports this too, but once per bad byte; one finding is enough.
		off := invalidUTF8Offset(f.Src)
		pos := posAt(f.Src, off)
		rng := hcl.Range{Filename: f.Name, Start: pos, End: pos}
		probs.add(KindSyntax, rng, "", "the file is not valid UTF-8 text (is it a binary file, or saved in another encoding?); topology files must be UTF-8")
		return nil
	}
	if nulByte(f.Name, f.Src, probs) {
		return nil
	}
	return parseNative(f.Src, f.Name, lim, probs)
}

// nulByte reports a NUL byte, valid in neither syntax: the file is binary.
// One finding says so, where hcl's lexer would make a token and an error of
// every NUL (10 MB of them took 4 GB).
func nulByte(filename string, src []byte, probs *problems) bool {
	i := bytes.IndexByte(src, 0)
	if i < 0 {
		return false
	}
	pos := posAt(src, i)
	probs.add(KindSyntax, hcl.Range{Filename: filename, Start: pos, End: pos}, "",
		"the file holds a NUL byte here (is it a binary file?); topology files are UTF-8 text")
	return true
}

// parseNative parses native syntax, and is the only way exlint's packages
// reach hcl's native parser. The nesting check comes first and cannot be
// skipped: a file the byte scan does not clear is lexed and its tokens
// checked, whether or not the lexer found errors in it. hcl's parser reads
// those same tokens, invalid ones included, and recurses on every level of
// them all the same; tens of thousands of levels end the process.
func parseNative(src []byte, filename string, lim Limits, probs *problems) *hcl.File {
	if !quickNestingOK(src, lim.MaxNesting) {
		toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
		if p := tokenNesting(toks, lim.MaxNesting); p != nil {
			*probs = append(*probs, *p)
			return nil
		}
	}
	hf, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if addDiags(diags, filename, src, probs) {
		return nil
	}
	return hf
}

// ParseNative parses a native-syntax HCL file other than a topology (the
// configuration) under the same limits and checks as a topology file: its
// size, its encoding and its nesting. It returns nil and the problems when
// the file cannot be parsed.
func ParseNative(filename string, src []byte, lim Limits) (*hcl.File, []Problem) {
	f := &File{Name: filename, Src: src}
	if p := sizeProblem(f, lim); p != nil {
		return nil, []Problem{*p}
	}
	var probs problems
	hf := parseFile(f, lim, &probs)
	sortProblems(probs)
	return hf, probs
}

// maxSyntaxProblems is how many syntax errors of one file are reported;
// one more problem says how many follow. A file of a million stray
// characters has a million errors, and the first ones are what to fix.
const maxSyntaxProblems = 100

// addDiags turns hcl's parse diagnostics into syntax problems and reports
// whether any was an error. hcl's parsers cascade: the native one adds a
// second error at the same place ("Argument or block definition required"
// after "Invalid character"), and the JSON one adds "Root value must be
// object" to any other error. Only the first error at a place is kept, and
// only the first maxSyntaxProblems places.
//
// src, the native-syntax source, lets a message add what the text at the
// place suggests (a number written with separators, 3,000).
func addDiags(diags hcl.Diagnostics, filename string, src []byte, probs *problems) bool {
	seen := map[hcl.Pos]bool{}
	more, last := 0, hcl.Pos{}
	var moreAt hcl.Range
	for _, d := range diags {
		if d.Summary == "Root value must be object" && len(diags) > 1 {
			continue
		}
		rng := hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos}
		if d.Subject != nil {
			rng = *d.Subject
		}
		if len(seen) == maxSyntaxProblems {
			// Past the cap, count the places without keeping them (hcl gives
			// a place's errors one after the other).
			if more == 0 || rng.Start != last {
				if more == 0 {
					moreAt = rng
				}
				more++
				last = rng.Start
			}
			continue
		}
		if seen[rng.Start] {
			continue
		}
		seen[rng.Start] = true
		msg := diagMessage(d)
		if d.Summary == "Unexpected comma after argument" {
			if n, ok := separatedNumberAt(src, rng.Start.Byte); ok {
				msg += fmt.Sprintf("; did you mean %s? Write numbers without separators", n)
			}
		}
		probs.add(KindSyntax, rng, "", msg)
	}
	if more > 0 {
		probs.add(KindSyntax, moreAt, "", fmt.Sprintf("and %d more syntax errors from here on; exlint reports the first %d of a file: fix them and check again", more, maxSyntaxProblems))
	}
	return diags.HasErrors()
}

// separatedNumberAt returns the number a comma at offset i of src is part of
// when that comma separates thousands ("mailboxes = 3,000"), without its
// separators. It reads only the digits and commas around i, at most a
// line's worth.
func separatedNumberAt(src []byte, i int) (string, bool) {
	if i < 0 || i >= len(src) || src[i] != ',' {
		return "", false
	}
	isPart := func(c byte) bool { return c == ',' || (c >= '0' && c <= '9') }
	from, to := i, i+1
	for from > 0 && i-from < 64 && isPart(src[from-1]) {
		from--
	}
	for to < len(src) && to-i < 64 && isPart(src[to]) {
		to++
	}
	return numberWithSeparators(string(src[from:to]))
}

// diagMessage renders an hcl diagnostic in exlint's voice: "summary: detail".
func diagMessage(d *hcl.Diagnostic) string {
	summary := strings.TrimSuffix(d.Summary, ".")
	if summary != "" {
		summary = strings.ToLower(summary[:1]) + summary[1:]
	}
	detail := strings.TrimSpace(d.Detail)
	if detail == "" {
		return summary
	}
	return summary + ": " + strings.TrimSuffix(detail, ".")
}

// tokenNesting walks the lexer's tokens and returns a problem at the first
// token where expression nesting exceeds max. The level counts open brackets
// and template sequences, plus unary operators and conditionals since the
// start of the current expression (each is one more level of recursion in
// hcl's parser). An expression starts after a comma, and after a newline
// where newlines end items (at the top level and inside braces).
func tokenNesting(toks hclsyntax.Tokens, max int) *Problem {
	type frame struct {
		brace bool // a '{' or '${': newlines separate items inside it
		base  int
	}
	var stack []frame
	level := 0
	reset := func() {
		if n := len(stack); n > 0 {
			level = stack[n-1].base + 1
		} else {
			level = 0
		}
	}
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, frame{brace: true, base: level})
			level++
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			stack = append(stack, frame{base: level})
			level++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if n := len(stack); n > 0 {
				level = stack[n-1].base
				stack = stack[:n-1]
			}
		case hclsyntax.TokenMinus, hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			level++
		case hclsyntax.TokenNumberLit:
			if len(t.Bytes) > maxNumberLength {
				return longNumber(t.Range)
			}
		case hclsyntax.TokenComma:
			reset()
		case hclsyntax.TokenNewline, hclsyntax.TokenComment:
			// A # or // comment ends with its line's newline, which hcl's
			// parser reads as a newline.
			if t.Type == hclsyntax.TokenComment && !bytes.HasSuffix(t.Bytes, []byte("\n")) {
				break
			}
			if n := len(stack); n == 0 || stack[n-1].brace {
				reset()
			}
		}
		if level > max {
			return &Problem{Kind: KindSyntax, Range: t.Range,
				Message: fmt.Sprintf("expressions nest more than %d levels deep here; exlint stops reading the file (a topology nests a few levels)", max)}
		}
	}
	return nil
}

// longNumber is the problem of a number longer than maxNumberLength.
func longNumber(rng hcl.Range) *Problem {
	return &Problem{Kind: KindSyntax, Range: rng,
		Message: fmt.Sprintf("a number longer than %d characters; exlint stops reading the file (a topology's numbers have a few digits)", maxNumberLength)}
}

// jsonNesting scans JSON text for array and object nesting deeper than max,
// skipping strings. hcl's JSON parser recurses once per level. It also
// refuses a number longer than maxNumberLength.
func jsonNesting(src []byte, filename string, max int) *Problem {
	depth := 0
	inString, escaped := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				pos := posAt(src, i)
				end := pos
				end.Byte++
				end.Column++
				return &Problem{Kind: KindSyntax, Range: hcl.Range{Filename: filename, Start: pos, End: end},
					Message: fmt.Sprintf("arrays and objects nest more than %d levels deep here; exlint stops reading the file (a topology nests a few levels)", max)}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c >= '0' && c <= '9' || c == '-':
			j := i + 1
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == 'e' || src[j] == 'E' || src[j] == '+' || src[j] == '-') {
				j++
			}
			if j-i > maxNumberLength {
				start, end := posAt(src, i), posAt(src, j)
				return longNumber(hcl.Range{Filename: filename, Start: start, End: end})
			}
			i = j - 1
		}
	}
	return nil
}

// posAt returns the hcl position of byte offset off: line and column (columns
// count characters, like hcl's, which count grapheme clusters; the two differ
// only after combining marks).
func posAt(src []byte, off int) hcl.Pos {
	line, col := 1, 1
	for i := 0; i < off && i < len(src); {
		if src[i] == '\n' {
			line++
			col = 1
			i++
			continue
		}
		_, size := utf8.DecodeRune(src[i:])
		i += size
		col++
	}
	return hcl.Pos{Line: line, Column: col, Byte: off}
}

func invalidUTF8Offset(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}
