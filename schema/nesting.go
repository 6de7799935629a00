package schema

import "bytes"

// quickNestingOK is a fast byte-level pre-check for tokenNesting: it returns
// true only when it is sure the file stays within max levels as tokenNesting
// counts them, and holds no number longer than tokenNesting allows (a number
// has at most three runs of digits and three other characters, so runs of
// up to a quarter of the limit clear it). When it returns false (the file
// nests deeply, or holds something it does not judge cheaply: a heredoc, an
// escaped "$${" or "%%{", a long run of digits), tokenNesting decides. A
// real topology passes here and the lexer runs only once, inside the
// parser.
//
// It follows hcl's lexer modes (code, quoted templates with ${ and %{
// sequences, comments) and counts levels the way tokenNesting does.
// FuzzQuickNesting checks that it never clears a file tokenNesting rejects.
// src must be valid UTF-8 (parseFile checks that first): hcl's lexer reads an
// invalid byte together with the character after it.
func quickNestingOK(src []byte, max int) bool {
	type frame struct {
		kind byte // '{', '[', '(' in code; 'i' a template sequence; '"' a quoted template
		base int
	}
	var stack []frame
	level := 0
	top := func() byte {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1].kind
	}
	push := func(k byte) {
		stack = append(stack, frame{kind: k, base: level})
		level++
	}
	pop := func() {
		level = stack[len(stack)-1].base
		stack = stack[:len(stack)-1]
	}
	reset := func() {
		if n := len(stack); n > 0 {
			level = stack[n-1].base + 1
		} else {
			level = 0
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if top() == '"' { // inside a quoted template
			switch c {
			case '\\':
				i++ // the escaped character
			case '"':
				pop()
			case '$', '%':
				if i+1 < len(src) && src[i+1] == c {
					return false // "$${" / "%%{": let the lexer judge escapes
				}
				if i+1 < len(src) && src[i+1] == '{' {
					push('i')
					i++
				}
			}
			if level > max {
				return false
			}
			continue
		}
		switch c {
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				end := bytes.Index(src[i+2:], []byte("*/"))
				if end < 0 {
					return false // hcl's lexer reads an unterminated /* as code
				}
				i += 2 + end + 1
			}
		case '<':
			if i+1 < len(src) && src[i+1] == '<' {
				return false // a heredoc: let the lexer judge
			}
		case '"':
			push('"')
		case '{', '[', '(':
			push(c)
		case '}':
			// closes a template sequence or a brace
			switch top() {
			case '{', 'i':
				pop()
			case '[', '(':
				return false // a mismatched closer: let the lexer judge
			}
		case ']', ')':
			// A closer that does not match the innermost opener: hcl's lexer
			// and parser pair them their own ways (inside a template
			// sequence only '}' leaves it), so let the lexer judge.
			open := byte('[')
			if c == ')' {
				open = '('
			}
			switch top() {
			case open:
				pop()
			case 0:
			default:
				return false
			}
		case '-', '!', '?':
			level++
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			j := i
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j-i > maxNumberLength/4 {
				return false // perhaps a long number: let the lexer judge
			}
			i = j - 1
		case ',':
			reset()
		case '\n':
			if k := top(); k == 0 || k == '{' || k == 'i' {
				reset()
			}
		}
		if level > max {
			return false
		}
	}
	return true
}
