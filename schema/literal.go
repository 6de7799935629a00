package schema

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// nonLiteral explains why an expression is not a literal value.
type nonLiteral struct {
	rng  hcl.Range
	what string // "a function call (upper)"
	hint string // how to write it as a literal
}

// literal evaluates expr if it is a literal value: a string without
// interpolation, a number (optionally negated), true, false, null, or a list
// of those. Anything else (references, function calls, operators, templates)
// is refused: topology values are literals in this version of the language,
// so that a file means the same thing wherever it is read.
//
// The check inspects each node without descending into operands, so a
// pathologically long operator chain is refused at its root.
func literal(expr hcl.Expression) (cty.Value, *nonLiteral) {
	if _, ok := expr.(hclsyntax.Expression); !ok {
		return jsonLiteral(expr)
	}
	if nl := checkNative(expr.(hclsyntax.Expression)); nl != nil {
		return cty.NilVal, nl
	}
	if v, ok := nativeValue(expr.(hclsyntax.Expression)); ok {
		return v, nil
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		// checkNative admitted only literal forms, which evaluate without
		// error; keep a safe answer anyway.
		return cty.NilVal, &nonLiteral{rng: expr.Range(), what: "an expression", hint: "write the value itself"}
	}
	return v, nil
}

func checkNative(e hclsyntax.Expression) *nonLiteral {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return nil
	case *hclsyntax.TemplateExpr:
		// A quoted string or heredoc is a template of literal string parts; an
		// interpolation shows as any other part, even "${3}" (a number).
		for _, p := range e.Parts {
			if lit, ok := p.(*hclsyntax.LiteralValueExpr); !ok || lit.Val.Type() != cty.String {
				return &nonLiteral{rng: e.Range(), what: "a template with ${...} or %{...}",
					hint: `write the value itself (a literal "${" is written "$${")`}
			}
		}
		return nil
	case *hclsyntax.TemplateWrapExpr:
		return &nonLiteral{rng: e.Range(), what: "a template with ${...}",
			hint: `write the value itself (a literal "${" is written "$${")`}
	case *hclsyntax.UnaryOpExpr:
		if lit, ok := e.Val.(*hclsyntax.LiteralValueExpr); ok && e.Op == hclsyntax.OpNegate && lit.Val.Type() == cty.Number {
			return nil
		}
		return &nonLiteral{rng: e.Range(), what: "an operator expression", hint: "write the resulting value"}
	case *hclsyntax.TupleConsExpr:
		for _, it := range e.Exprs {
			if nl := checkNative(it); nl != nil {
				return nl
			}
		}
		return nil
	case *hclsyntax.ObjectConsExpr:
		// Objects are literal in HCL but no attribute takes one; the type check
		// reports that. Their contents are not evaluated.
		return nil
	case *hclsyntax.ScopeTraversalExpr:
		name := e.Traversal.RootName()
		if len(e.Traversal) == 1 {
			return &nonLiteral{rng: e.Range(), what: "a reference to " + name,
				hint: fmt.Sprintf("write %q in quotes", name)}
		}
		return &nonLiteral{rng: e.Range(), what: "a reference", hint: "write the value itself, in quotes"}
	case *hclsyntax.FunctionCallExpr:
		return &nonLiteral{rng: e.Range(), what: fmt.Sprintf("a function call (%s)", e.Name), hint: "write the value itself"}
	case *hclsyntax.BinaryOpExpr:
		return &nonLiteral{rng: e.Range(), what: "an operator expression", hint: "write the resulting value"}
	case *hclsyntax.ConditionalExpr:
		return &nonLiteral{rng: e.Range(), what: "a conditional expression", hint: "write the value itself"}
	case *hclsyntax.ForExpr:
		return &nonLiteral{rng: e.Range(), what: "a for expression", hint: "write the list itself"}
	case *hclsyntax.ParenthesesExpr:
		return &nonLiteral{rng: e.Range(), what: "a parenthesized expression", hint: "write the value without parentheses"}
	default:
		return &nonLiteral{rng: e.Range(), what: "an expression", hint: "write the value itself"}
	}
}

// nativeValue reads the common literal forms (a number or keyword, a quoted
// string without interpolation, a list of those) straight from the syntax
// tree, which is what hcl's evaluator would return, without its template
// machinery. It reports false for anything else.
func nativeValue(e hclsyntax.Expression) (cty.Value, bool) {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val, true
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) == 1 {
			if lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				return lit.Val, true
			}
		}
	case *hclsyntax.TupleConsExpr:
		if len(e.Exprs) == 0 {
			return cty.EmptyTupleVal, true
		}
		vals := make([]cty.Value, len(e.Exprs))
		for i, it := range e.Exprs {
			v, ok := nativeValue(it)
			if !ok {
				return cty.NilVal, false
			}
			vals[i] = v
		}
		return cty.TupleVal(vals), true
	}
	return cty.NilVal, false
}

// jsonLiteral evaluates a JSON-syntax value. JSON values are literal except
// strings holding "${" or "%{", which hcl's JSON syntax reads as templates
// when given an evaluation context. hcl's template parser recurses once per
// level of a template, with no limit, and a JSON string can hold any number
// of levels, so the value is read with no context (every string verbatim)
// and only a string holding "${" or "%{" is looked at again: lexed as a
// template (hcl's lexer does not recurse), it is a non-literal if it holds
// any interpolation or directive, and otherwise only escapes ("$${", "%%{"),
// which the template parser reads without recursing.
func jsonLiteral(expr hcl.Expression) (cty.Value, *nonLiteral) {
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, &nonLiteral{rng: expr.Range(), what: "an expression", hint: "write the value itself"}
	}
	template := false
	out, err := cty.Transform(v, func(_ cty.Path, v cty.Value) (cty.Value, error) {
		if template || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
			return v, nil
		}
		s, lit := jsonString(v.AsString(), expr.Range())
		if !lit {
			template = true
			return v, nil
		}
		return cty.StringVal(s), nil
	})
	if err != nil || template {
		return cty.NilVal, &nonLiteral{rng: expr.Range(), what: "a template with ${...} or %{...}",
			hint: `write the value itself (a literal "${" is written "$${")`}
	}
	return out, nil
}

// jsonString reads a JSON string the way hcl's template syntax would, and
// reports false when it is not a literal (it holds an interpolation or a
// directive).
func jsonString(s string, rng hcl.Range) (string, bool) {
	if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
		return s, true
	}
	toks, _ := hclsyntax.LexTemplate([]byte(s), rng.Filename, rng.Start)
	for _, t := range toks {
		if t.Type == hclsyntax.TokenTemplateInterp || t.Type == hclsyntax.TokenTemplateControl {
			return "", false
		}
	}
	// Only literal text and escapes: the parser reads them in one loop.
	tmpl, diags := hclsyntax.ParseTemplate([]byte(s), rng.Filename, rng.Start)
	if diags.HasErrors() {
		return "", false
	}
	v, diags := tmpl.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// describeValue names a value's type for messages: `a number (2019)`.
func describeValue(v cty.Value) string {
	switch {
	case v.IsNull():
		return "null"
	case !v.IsKnown():
		return "an unknown value"
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return fmt.Sprintf("a string (%s)", shortQuote(v.AsString()))
	case t == cty.Number:
		return fmt.Sprintf("a number (%s)", numberText(v))
	case t == cty.Bool:
		return fmt.Sprintf("a boolean (%t)", v.True())
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		return "a list"
	case t.IsObjectType() || t.IsMapType():
		return "an object"
	}
	return "a value of type " + t.FriendlyName()
}

func numberText(v cty.Value) string {
	return NumberText(v.AsBigFloat())
}

// NumberText writes a number for a message in bounded time and length: in
// full when that is short ("1.5", "-300"), else as a decimal in scientific
// notation with six significant digits ("1e+100000000"). big.Float's own
// decimal conversion takes time and memory in proportion to the exponent,
// which a 20-byte literal (1e100000000) makes hours.
func NumberText(f *big.Float) string {
	switch {
	case f.IsInf():
		return f.String()
	case f.Sign() == 0:
		return "0"
	}
	if exp := f.MantExp(nil); exp > -64 && exp < 128 {
		if s := f.Text('f', -1); len(s) <= 40 {
			return s
		}
		return f.Text('g', 10)
	}
	// Far from 1: the decimal exponent and the leading digits come from the
	// logarithm of the mantissa and the binary exponent.
	mant := new(big.Float)
	exp := f.MantExp(mant)
	m, _ := mant.Float64()
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	l := math.Log10(m) + float64(exp)*math.Log10(2)
	e10 := math.Floor(l)
	digits := strconv.FormatFloat(math.Pow(10, l-e10), 'g', 6, 64)
	if strings.HasPrefix(digits, "10") { // 9.9999996 rounded up
		digits, e10 = "1", e10+1
	}
	return fmt.Sprintf("%s%se%+d", sign, digits, int64(e10))
}

// shortQuote quotes s for a message, shortening very long values.
func shortQuote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// hclQuote writes s as an HCL string literal, for "write x = ..." hints.
func hclQuote(s string) string {
	q := fmt.Sprintf("%q", s)
	return strings.ReplaceAll(q, "${", "$${")
}
