package schema

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/exlint/exlint/schema/catalog"
)

// Decode reads the topology made of files (one directory's topology files,
// in any order) and returns it with every structural problem found. Files
// that do not parse contribute no blocks. Decode never fails: whatever is
// wrong with the input is a Problem.
//
// Of a plan, Decode reads only the current state, the blocks outside any
// stage; DecodePlan reads the stages too.
func Decode(dir string, files []*File, lim Limits) (*Topology, []Problem) {
	d := decodeTopology(dir, files, lim)
	sortProblems(d.probs)
	return d.top, d.probs
}

// decodeTopology decodes the files' blocks outside any stage, and keeps the
// blocks and stages as written for DecodePlan.
func decodeTopology(dir string, files []*File, lim Limits) *decoder {
	files = append([]*File(nil), files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	d := &decoder{top: &Topology{Dir: dir, Files: files}, seen: map[string]*Block{}}
	// The blocks as written are kept for a plan's states only: without
	// them, each file's syntax tree is garbage once the file is decoded,
	// and a check holds less memory for the collector to go through. A file
	// that does not say "stage" has no stage block.
	for _, f := range files {
		if bytes.Contains(f.Src, []byte(stageType)) {
			d.keepBlocks = true
			break
		}
	}
	for _, f := range files {
		if p := sizeProblem(f, lim); p != nil {
			d.probs = append(d.probs, *p)
			continue
		}
		d.decodeFile(f, lim)
	}
	if !d.hasSyntaxErrors() {
		d.finish(files)
	}
	return d
}

// CheckSyntax returns the syntax problems of one file (its size, encoding,
// nesting and grammar) as Decode reports them, without decoding it.
func CheckSyntax(f *File, lim Limits) []Problem {
	if p := sizeProblem(f, lim); p != nil {
		return []Problem{*p}
	}
	var probs problems
	parseFile(f, lim, &probs)
	sortProblems(probs)
	return probs
}

// sizeProblem reports a file larger than the limit.
func sizeProblem(f *File, lim Limits) *Problem {
	if int64(len(f.Src)) <= lim.MaxFileSize {
		return nil
	}
	start := hcl.Range{Filename: f.Name, Start: hcl.InitialPos, End: hcl.InitialPos}
	// A file read from disk holds the limit and one byte more: its size is
	// the one on disk, when known. Text of any other length is whole.
	n := f.Size
	if int64(len(f.Src)) > lim.MaxFileSize+1 {
		n = int64(len(f.Src))
	}
	size := fmt.Sprintf("more than %d bytes", lim.MaxFileSize)
	if n > lim.MaxFileSize {
		size = fmt.Sprintf("%d bytes", n)
	}
	return &Problem{Kind: KindSyntax, Range: start, Message: fmt.Sprintf(
		"the file is %s; exlint reads topology files of up to %d bytes (a topology file is a few kilobytes)", size, lim.MaxFileSize)}
}

// FilePanic is a panic raised while reading one file: a defect in exlint or
// a library, which the caller reports naming the file.
type FilePanic struct {
	File  string
	Value any
	Stack []byte
}

func (p *FilePanic) Error() string { return fmt.Sprintf("%s: %v", p.File, p.Value) }

// decodeFile parses and decodes one file, turning a panic into a FilePanic
// that names it.
func (d *decoder) decodeFile(f *File, lim Limits) {
	defer func() {
		if v := recover(); v != nil {
			if fp, ok := v.(*FilePanic); ok {
				panic(fp)
			}
			panic(&FilePanic{File: f.Name, Value: v, Stack: debug.Stack()})
		}
	}()
	if hf := parseFile(f, lim, &d.probs); hf != nil {
		d.file(f, hf)
	}
}

type pendingRef struct {
	target    refTarget
	blockType string
	where     valueWhere // "site of server "EX01""
}

type decoder struct {
	top   *Topology
	probs problems
	seen  map[string]*Block // duplicate detection key -> first definition
	refs  []pendingRef

	// blocks and stages are the top-level blocks as written, in file order,
	// from which DecodePlan builds the states; blocks only when keepBlocks
	// (a file may hold a stage).
	blocks, stages []*hcl.Block
	keepBlocks     bool
	// refIndex holds the blocks references may name, by type and name, and
	// refNames their names in the order they were defined (for "did you
	// mean"): the block types of refTargets.
	refIndex map[string]map[string]Node
	refNames map[string][]string

	// unresolved, when set, is offered each reference that names no block
	// before it is reported; it returns true when it took care of it (a plan
	// reports a reference a stage's removal left dangling its own way).
	unresolved func(pendingRef) bool
}

// refTargets are the block types a reference may name: those an attribute
// of the language names with ref=TYPE.
var refTargets = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, b := range blockSpecs() {
		for _, a := range b.attrs {
			if a.ref != "" {
				m[a.ref] = true
			}
		}
	}
	return m
})

// index records a block a reference may name.
func (d *decoder) index(typ string, n Node, name string) {
	if d.refIndex == nil {
		d.refIndex, d.refNames = map[string]map[string]Node{}, map[string][]string{}
	}
	if d.refIndex[typ] == nil {
		d.refIndex[typ] = map[string]Node{}
	}
	d.refIndex[typ][name] = n
	d.refNames[typ] = append(d.refNames[typ], name)
}

func (d *decoder) hasSyntaxErrors() bool {
	for _, p := range d.probs {
		if p.Kind == KindSyntax {
			return true
		}
	}
	return false
}

func (d *decoder) schemaf(rng hcl.Range, addr, format string, args ...any) {
	d.probs.add(KindSchema, rng, addr, fmt.Sprintf(format, args...))
}

var topSchema = sync.OnceValue(func() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, b := range blockSpecs() {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: b.name, LabelNames: b.labels})
	}
	s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: stageType, LabelNames: []string{"name"}})
	return s
})

func (d *decoder) file(f *File, hf *hcl.File) {
	content, remain, diags := hf.Body.PartialContent(topSchema())
	d.headerDiags(diags)
	// Whatever the schema did not claim is unknown.
	if nb, ok := hf.Body.(*hclsyntax.Body); ok {
		for _, a := range sortedNative(nb.Attributes) {
			d.schemaf(a.NameRange, "", "unknown attribute %q at the top level; a topology holds only blocks (%s)",
				a.Name, strings.Join(blockTypeNames(), ", "))
		}
		for _, b := range nb.Blocks {
			if blockSpecByName(b.Type) == nil && b.Type != stageType {
				d.unknownTopLevelBlock(b.Type, b.TypeRange)
			}
		}
	} else {
		extra, _ := remain.JustAttributes()
		for _, a := range sortedAttributes(extra) {
			d.unknownTopLevelBlock(a.Name, a.NameRange)
		}
	}
	for _, b := range content.Blocks {
		if b.Type == stageType {
			d.stages = append(d.stages, b)
			continue
		}
		if d.keepBlocks {
			d.blocks = append(d.blocks, b)
		}
		d.block(f, b)
	}
}

func (d *decoder) unknownBlockType(name string, rng hcl.Range) {
	// The suggestion alone is the fix; the list of every type (some 190
	// characters) is for a name that resembles none.
	if s := Suggest(name, blockTypeNames()); s != "" {
		d.schemaf(rng, "", "unknown block type %q; did you mean %q?", name, s)
		return
	}
	d.schemaf(rng, "", "unknown block type %q; the types are %s", name, strings.Join(blockTypeNames(), ", "))
}

// headerDiags reports hcl's own diagnostics about block headers (a wrong
// number of labels), which mean the block was not decoded.
func (d *decoder) headerDiags(diags hcl.Diagnostics) {
	for _, diag := range diags {
		rng := hcl.Range{}
		if diag.Subject != nil {
			rng = *diag.Subject
		}
		d.probs.add(KindSchema, rng, "", diagMessage(diag))
	}
}

// sortedNative returns native-syntax attributes in source order (the map has none).
func sortedNative(attrs hclsyntax.Attributes) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NameRange.Start.Byte < out[j].NameRange.Start.Byte })
	return out
}

func sortedAttributes(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NameRange.Start.Byte < out[j].NameRange.Start.Byte })
	return out
}

func (d *decoder) block(f *File, hb *hcl.Block) {
	spec := blockSpecByName(hb.Type)
	blk := Block{
		Type:        hb.Type,
		Labels:      hb.Labels,
		TypeRange:   hb.TypeRange,
		LabelRanges: hb.LabelRanges,
		DefRange:    hb.DefRange,
		Range:       hb.DefRange,
	}
	// A native body knows its range, and so does a body a stage changed.
	if sb, ok := hb.Body.(interface{ Range() hcl.Range }); ok {
		blk.Range = hcl.RangeBetween(hb.DefRange, sb.Range())
	}
	labelsOK := true
	for i, l := range hb.Labels {
		switch {
		case strings.TrimSpace(l) == "":
			d.schemaf(hb.LabelRanges[i], "", "the %s of a %s block must not be empty", spec.labels[i], spec.name)
			labelsOK = false
		case spec.labelSets != nil && spec.labelSets[i] != nil:
			if err := spec.labelSets[i].accepts(l); err != nil {
				d.keywordProblem(hb.LabelRanges[i], "", l, spec.labelSets[i], whereFunc(func() string {
					return fmt.Sprintf("the %s of a %s block", spec.labels[i], spec.name)
				}), err)
				labelsOK = false
			}
		}
	}

	v := reflect.New(spec.goType)
	v.Elem().Field(0).Set(reflect.ValueOf(blk))
	owner := v.Elem().Field(0).Addr().Interface().(*Block)
	present := d.body(spec, owner, hb.Body, v.Elem())
	if len(spec.needsOne) > 0 && !slices.ContainsFunc(spec.needsOne, present) {
		d.schemaf(owner.SourceRange(), owner.Address(), "%s has neither %s; %s", owner.Describe(), strings.Join(spec.needsOne, " nor "), spec.needsOneHint)
	}
	if !labelsOK {
		return
	}

	key := spec.name
	if !spec.singleton {
		key += "\x00" + strings.Join(hb.Labels, "\x00")
	}
	if first, dup := d.seen[key]; dup {
		if spec.singleton && len(hb.Labels) > 0 && strings.Join(first.Labels, "\x00") != strings.Join(hb.Labels, "\x00") {
			d.probs.add(KindDuplicate, owner.SourceRange(), owner.Address(),
				fmt.Sprintf("a topology has one %s block; %s is a second one (the first is %s at %s)",
					spec.name, owner.Describe(), first.Describe(), posString(first.SourceRange())),
				Related{Range: first.SourceRange(), Message: "the first " + spec.name + " block"})
			return
		}
		msg := fmt.Sprintf("%s is defined twice; the first definition is at %s: merge the two or rename one", owner.Describe(), posString(first.SourceRange()))
		if spec.singleton && len(hb.Labels) == 0 {
			// It has no name to change.
			msg = fmt.Sprintf("the %s block is defined twice; the first definition is at %s: a topology has one %s block, so merge the two into one",
				spec.name, posString(first.SourceRange()), spec.name)
		}
		d.probs.add(KindDuplicate, owner.SourceRange(), owner.Address(), msg,
			Related{Range: first.SourceRange(), Message: "first defined here"})
		return
	}
	d.seen[key] = owner
	spec.add(d.top, v.Interface())
	if refTargets()[spec.name] {
		d.index(spec.name, v.Interface().(Node), owner.Name())
	}
}

func posString(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// body decodes a block's attributes into out and reports whether an
// attribute is present, valid or not.
//
// A native-syntax body is read directly: its attributes are a map already,
// and hcl's PartialContent would only copy them (with the maps that hide
// them from a second call) for a schema of optional attributes and no
// blocks, where it reports nothing. A JSON body goes through PartialContent,
// which is how hcl tells its attributes from nested objects.
func (d *decoder) body(spec *blockSpec, owner *Block, body hcl.Body, out reflect.Value) (present func(string) bool) {
	unknown := func(name string, rng hcl.Range) {
		msg := fmt.Sprintf("unknown attribute %q in %s", name, owner.Describe())
		// The suggestion alone when there is one: the list of every
		// attribute would bury it (a server's is 180 characters).
		if s := Suggest(name, spec.attrNames()); s != "" {
			d.schemaf(rng, owner.Address(), "%s; did you mean %q?", msg, s)
			return
		}
		msg += "."
		if len(spec.attrs) == 0 {
			d.schemaf(rng, owner.Address(), "%s A %s block takes no attributes", msg, spec.name)
			return
		}
		d.schemaf(rng, owner.Address(), "%s A %s block takes: %s", msg, spec.name, strings.Join(spec.attrNames(), ", "))
	}
	var attribute func(name string) (attrSource, bool)
	if nb, ok := body.(*hclsyntax.Body); ok {
		for name := range nb.Attributes {
			if spec.attr(name) != nil {
				continue
			}
			// Sorted (the map has no order) only when there is one to report.
			for _, a := range sortedNative(nb.Attributes) {
				if spec.attr(a.Name) == nil {
					unknown(a.Name, a.NameRange)
				}
			}
			break
		}
		for _, b := range nb.Blocks {
			d.schemaf(b.TypeRange, owner.Address(), "unexpected %q block inside %s; blocks do not nest in a topology, and a %s block holds only attributes",
				b.Type, owner.Describe(), spec.name)
		}
		attribute = func(name string) (attrSource, bool) {
			if a := nb.Attributes[name]; a != nil {
				return attrSource{a.Name, a.NameRange, a.Expr}, true
			}
			return attrSource{}, false
		}
		present = func(name string) bool { return nb.Attributes[name] != nil }
	} else {
		content, remain, diags := body.PartialContent(spec.bodySchema)
		d.headerDiags(diags)
		extra, _ := remain.JustAttributes()
		for _, a := range sortedAttributes(extra) {
			unknown(a.Name, a.NameRange)
		}
		attribute = func(name string) (attrSource, bool) {
			if a := content.Attributes[name]; a != nil {
				return attrSource{a.Name, a.NameRange, a.Expr}, true
			}
			return attrSource{}, false
		}
		present = func(name string) bool { return content.Attributes[name] != nil }
	}
	for _, as := range spec.attrs {
		a, ok := attribute(as.name)
		if !ok {
			if as.required {
				d.schemaf(owner.SourceRange(), owner.Address(), "%s has no %s; add %s = %s", owner.Describe(), as.name, as.name,
					exampleValue(as))
			}
			continue
		}
		if val, ok := d.value(spec, owner, a, as); ok {
			out.Field(as.field).Set(val)
		}
	}
	return present
}

// exampleValue is a value to show in a "add x = ..." hint.
func exampleValue(as *attrSpec) string {
	if as.enum != nil {
		vals := as.enum.values()
		return hclQuote(vals[len(vals)-1])
	}
	return `"..."`
}

// attrSource is an attribute as written, native or JSON syntax.
type attrSource struct {
	Name      string
	NameRange hcl.Range
	Expr      hcl.Expression
}

// value decodes one attribute into the field's type, reporting any problem.
func (d *decoder) value(spec *blockSpec, owner *Block, a attrSource, as *attrSpec) (reflect.Value, bool) {
	fieldType := spec.goType.Field(as.field).Type.Elem()
	attr := Attr{Name: a.Name, NameRange: a.NameRange, Range: a.Expr.Range(), Owner: owner, Index: -1}
	where := valueWhere{name: a.Name, index: -1, owner: owner}
	if as.kind.isList() {
		// A list of literals is read item by item, without building its
		// tuple value.
		if elems, ranges, ok := nativeItems(a.Expr); ok {
			return d.listValue(owner, a, as, attr, fieldType, elems, ranges)
		}
	}
	v, nl := literal(a.Expr)
	if nl != nil {
		d.schemaf(nl.rng, attr.Address(), "%s is %s, but topology values are literals: %s", where, nl.what, nl.hint)
		return reflect.Value{}, false
	}
	if v.IsNull() {
		// null leaves the attribute unset, as in Terraform.
		if as.required {
			d.schemaf(attr.Range, attr.Address(), "%s is null; it is required: give it a value", where)
		}
		return reflect.Value{}, false
	}
	switch as.kind {
	case kString:
		s, ok := d.stringValue(attr, v, as, where)
		return reflect.ValueOf(s), ok
	case kRef:
		s, ok := d.stringValue(attr, v, as, where)
		if !ok {
			return reflect.Value{}, false
		}
		rv := reflect.New(fieldType).Interface().(refTarget)
		*rv.str() = *s
		d.refs = append(d.refs, pendingRef{target: rv, blockType: as.ref, where: where})
		return reflect.ValueOf(rv), true
	case kBool:
		if v.Type() != cty.Bool {
			hint := ""
			if v.Type() == cty.String && (v.AsString() == "true" || v.AsString() == "false") {
				hint = fmt.Sprintf(": write %s = %s, without quotes", a.Name, v.AsString())
			}
			d.schemaf(attr.Range, attr.Address(), "%s must be true or false, not %s%s", where, describeValue(v), hint)
			return reflect.Value{}, false
		}
		return reflect.ValueOf(&Bool{Attr: attr, Value: v.True()}), true
	case kInt:
		n, ok := d.intValue(attr, v, as, where)
		return reflect.ValueOf(n), ok
	}
	// lists
	if !v.Type().IsTupleType() && !v.Type().IsListType() {
		hint := ""
		if v.Type() == cty.String {
			hint = fmt.Sprintf(": write %s = [%s]", a.Name, hclQuote(v.AsString()))
		} else if v.Type() == cty.Number {
			hint = fmt.Sprintf(": write %s = [%s]", a.Name, numberText(v))
		}
		d.schemaf(attr.Range, attr.Address(), "%s must be a list, not %s%s", where, describeValue(v), hint)
		return reflect.Value{}, false
	}
	elems, ranges := listItems(a.Expr, v)
	return d.listValue(owner, a, as, attr, fieldType, elems, ranges)
}

// listValue decodes the items of a list attribute; ranges, when as many as
// the items, place each one.
func (d *decoder) listValue(owner *Block, a attrSource, as *attrSpec, attr Attr, fieldType reflect.Type, elems []cty.Value, ranges []hcl.Range) (reflect.Value, bool) {
	itemAttr := func(i int) Attr {
		it := attr
		it.Index = i
		if len(ranges) == len(elems) {
			it.Range = ranges[i]
		}
		return it
	}
	ok := true
	switch as.kind {
	case kStringList:
		list := &StringList{Attr: attr}
		for i, ev := range elems {
			s, good := d.stringValue(itemAttr(i), ev, as, valueWhere{name: a.Name, index: i, owner: owner})
			if good {
				list.Items = append(list.Items, s)
			}
			ok = ok && good
		}
		return reflect.ValueOf(list), ok
	case kIntList:
		list := &IntList{Attr: attr}
		for i, ev := range elems {
			n, good := d.intValue(itemAttr(i), ev, as, valueWhere{name: a.Name, index: i, owner: owner})
			if good {
				list.Items = append(list.Items, n)
			}
			ok = ok && good
		}
		return reflect.ValueOf(list), ok
	case kRefList:
		list := reflect.New(fieldType).Interface().(refListTarget)
		*list.attr() = attr
		for i, ev := range elems {
			w := valueWhere{name: a.Name, index: i, owner: owner}
			s, good := d.stringValue(itemAttr(i), ev, as, w)
			if good {
				d.refs = append(d.refs, pendingRef{target: list.addItem(*s), blockType: as.ref, where: w})
			}
			ok = ok && good
		}
		return reflect.ValueOf(list), ok
	}
	panic("schema: unhandled kind " + as.kind.String())
}

// whereFunc describes where something is for messages; it is only called
// when there is something to report.
type whereFunc func() string

func (w whereFunc) String() string { return w() }

// valueWhere describes where a value is ("roles[1] of server "EX01"") for
// messages, without building the text until one needs it.
type valueWhere struct {
	name  string
	index int // in a list, or -1
	owner *Block
}

func (w valueWhere) String() string {
	if w.index < 0 {
		return fmt.Sprintf("%s of %s", w.name, w.owner.Describe())
	}
	return fmt.Sprintf("%s[%d] of %s", w.name, w.index, w.owner.Describe())
}

// unname says how the owner stops naming what the value names: "take the
// name out of its members", "change its site".
func (w valueWhere) unname() string {
	if w.index < 0 {
		return "change its " + w.name
	}
	return "take the name out of its " + w.name
}

// nativeItems returns the items of a native-syntax list of literals, and
// their ranges; ok is false for anything else.
func nativeItems(expr hcl.Expression) (elems []cty.Value, ranges []hcl.Range, ok bool) {
	tc, isTuple := expr.(*hclsyntax.TupleConsExpr)
	if !isTuple || len(tc.Exprs) == 0 {
		return nil, nil, false
	}
	elems = make([]cty.Value, len(tc.Exprs))
	ranges = make([]hcl.Range, len(tc.Exprs))
	for i, it := range tc.Exprs {
		ev, ok := nativeValue(it)
		if !ok {
			return nil, nil, false
		}
		elems[i], ranges[i] = ev, it.Range()
	}
	return elems, ranges, true
}

// listItems returns the items of the list value v of expr and, when it can
// tell, each item's range.
func listItems(expr hcl.Expression, v cty.Value) ([]cty.Value, []hcl.Range) {
	elems := v.AsValueSlice()
	exprs, _ := hcl.ExprList(expr)
	var ranges []hcl.Range
	if len(exprs) == len(elems) {
		ranges = make([]hcl.Range, len(exprs))
		for i, e := range exprs {
			ranges[i] = e.Range()
		}
	}
	return elems, ranges
}

func (d *decoder) stringValue(attr Attr, v cty.Value, as *attrSpec, where valueWhere) (*String, bool) {
	if v.IsNull() || v.Type() != cty.String {
		hint := ""
		switch {
		case v.IsNull():
		case v.Type() == cty.Number:
			hint = fmt.Sprintf(": write %s in quotes, %q", numberText(v), numberText(v))
		case v.Type() == cty.Bool:
			hint = fmt.Sprintf(": write %q in quotes if you meant the word", fmt.Sprint(v.True()))
		case (v.Type().IsTupleType() || v.Type().IsListType()) && v.LengthInt() == 1 && v.Index(cty.NumberIntVal(0)).Type() == cty.String:
			hint = fmt.Sprintf(": write %s, without brackets", hclQuote(v.Index(cty.NumberIntVal(0)).AsString()))
		}
		d.schemaf(attr.Range, attr.Address(), "%s must be a string, not %s%s", where, describeValue(v), hint)
		return nil, false
	}
	str := &String{Attr: attr, Value: v.AsString()}
	s := str.Value
	switch {
	case as.enum != nil:
		if err := as.enum.accepts(s); err != nil {
			d.keywordProblem(attr.Range, str.Address(), s, as.enum, where, err)
			return nil, false
		}
	case as.format == "build":
		// A server's build has four parts (three for Exchange 2000 and 2003).
		if _, err := catalog.ParseBuild(s); err != nil || strings.Count(s, ".") < 2 {
			d.schemaf(attr.Range, str.Address(), `%s: %q is not a build number; write four numbers separated by dots, such as "15.2.1748.24"`, where, s)
			return nil, false
		}
	case as.format == "date":
		if dt, err := catalog.ParseDate(s); err != nil || dt.MonthOnly() {
			if p := catalog.DateRangeProblem(s); p != "" {
				d.schemaf(attr.Range, str.Address(), `%s: %q is not a date: %s`, where, s, p)
				return nil, false
			}
			d.schemaf(attr.Range, str.Address(), `%s: %q is not a date; write it as YYYY-MM-DD, such as "2027-03-01"`, where, s)
			return nil, false
		}
	}
	return str, true
}

func (d *decoder) keywordProblem(rng hcl.Range, addr, s string, set *keywordSet, where fmt.Stringer, err error) {
	allowed := set.values()
	if !errors.Is(err, errNotInList) {
		if sug := set.alias(s); sug != "" {
			d.schemaf(rng, addr, "%q is not %s (%s); did you mean %q?", s, set.what, where, sug)
			return
		}
		d.schemaf(rng, addr, "%q is not %s (%s): %v", s, set.what, where, err)
		return
	}
	msg := fmt.Sprintf("%q is not %s (%s)", s, set.what, where)
	if sug := set.suggest(s); sug != "" {
		msg += fmt.Sprintf("; did you mean %q?", sug)
	} else {
		msg += "."
	}
	d.schemaf(rng, addr, "%s Allowed: %s", msg, quoteList(allowed))
}

func (d *decoder) intValue(attr Attr, v cty.Value, as *attrSpec, where valueWhere) (*Int, bool) {
	if v.IsNull() || v.Type() != cty.Number {
		hint := ""
		if !v.IsNull() && v.Type() == cty.String {
			if _, ok := new(big.Int).SetString(strings.TrimSpace(v.AsString()), 10); ok {
				hint = fmt.Sprintf(": write %s without quotes", strings.TrimSpace(v.AsString()))
			} else if n, ok := numberWithSeparators(v.AsString()); ok {
				hint = fmt.Sprintf("; did you mean %s? Write it without quotes or separators", n)
			}
		}
		d.schemaf(attr.Range, attr.Address(), "%s must be a whole number, not %s%s", where, describeValue(v), hint)
		return nil, false
	}
	bf := v.AsBigFloat()
	low, high := int64(-1<<31), int64(1<<31-1)
	if as.min != nil {
		low = int64(*as.min)
	}
	if as.max != nil {
		high = int64(*as.max)
	}
	// The range first: a number far outside it is refused without ever
	// being converted to an integer or to decimal text in full.
	if bf.Cmp(new(big.Float).SetInt64(low)) < 0 || bf.Cmp(new(big.Float).SetInt64(high)) > 0 {
		d.schemaf(attr.Range, attr.keyAddress(NumberText(bf)), "%s must be between %d and %d, not %s", where, low, high, NumberText(bf))
		return nil, false
	}
	if !bf.IsInt() {
		d.schemaf(attr.Range, attr.Address(), "%s must be a whole number, not %s", where, numberText(v))
		return nil, false
	}
	n, _ := bf.Int64()
	return &Int{Attr: attr, Value: int(n)}, true
}

// finish checks what needs the whole topology: the organization block, and
// references between blocks.
func (d *decoder) finish(files []*File) {
	if d.top.Organization == nil && len(files) > 0 {
		start := hcl.Range{Filename: files[0].Name, Start: hcl.InitialPos, End: hcl.InitialPos}
		if len(files) == 1 && files[0].Stdin {
			d.schemaf(start, "", `standard input (%s) has no organization block; add organization "Name" { } to it, or give --stdin-filename a file of the topology it belongs to`, files[0].Name)
		} else {
			d.schemaf(start, "", `the topology in %s has no organization block; add organization "Name" { } to one of its files`, dirName(d.top.Dir))
		}
		d.probs[len(d.probs)-1].noOrganization = true
	}
	index, names := d.refIndex, d.refNames
	// One Suggester per block type: thousands of unknown names against
	// thousands of defined ones cost a bounded amount of work.
	suggesters := map[string]*Suggester{}
	for _, r := range d.refs {
		s := r.target.str()
		if n, ok := index[r.blockType][s.Value]; ok && r.target.resolve(n) {
			continue
		}
		if d.unresolved != nil && d.unresolved(r) {
			continue
		}
		msg := fmt.Sprintf("%s %q (%s) is not defined in this topology", r.blockType, s.Value, r.where)
		defined := names[r.blockType]
		switch {
		case len(defined) == 0:
			msg += fmt.Sprintf("; it has no %s blocks: add %s %q { } or correct the name", r.blockType, r.blockType, s.Value)
		default:
			if suggesters[r.blockType] == nil {
				suggesters[r.blockType] = NewSuggester(defined)
			}
			if sug := suggesters[r.blockType].Suggest(s.Value); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			} else {
				msg += "."
			}
			msg += fmt.Sprintf(" Defined: %s", quoteList(limitList(defined, 10)))
		}
		d.probs.add(KindReference, s.Range, s.Address(), msg)
	}
}

func dirName(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

func limitList(xs []string, n int) []string {
	if len(xs) <= n {
		return xs
	}
	return append(append([]string(nil), xs[:n]...), fmt.Sprintf("and %d more", len(xs)-n))
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Range, ps[j].Range
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Byte != b.Start.Byte {
			return a.Start.Byte < b.Start.Byte
		}
		return ps[i].Kind < ps[j].Kind
	})
}
