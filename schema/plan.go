package schema

import (
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

// A plan is a topology whose files hold `stage` blocks besides the blocks of
// its current state. Each stage lists the changes (add, change, remove of a
// block) that lead from the state before it to its own state. DecodePlan
// builds every state at the syntax level (blocks with their attributes as
// written, a change replacing the attributes it names) and decodes each one
// afresh with the ordinary decoder: every state has its own model, and a
// value a stage wrote keeps the range of the stage line that wrote it.

const stageType = "stage"

// currentState names the state before any stage.
const currentState = "current"

// maxPlanStages bounds the stages whose states are built: each state is one
// more decode of the whole topology, so the work stays a bounded multiple of
// the input (a real plan has a handful of stages).
const maxPlanStages = 100

// maxPlanWork bounds the blocks decoded over all states, so that a large
// topology with many stages cannot multiply its checking time by a hundred:
// every state is decoded (about 10µs a block) and then checked by every rule
// (some 40µs a block whose server has findings). At this bound a hostile
// plan of 1 MiB costs a few times a topology of 1 MiB (the budget test
// holds it); a real plan (tens of stages over a few hundred blocks, twenty
// over three thousand) stays below it.
const maxPlanWork = 1 << 16

// MinStageYear and MaxStageYear bound the year of a stage's date. Exchange's
// first release is of 1996, and no plan looks past this century: a date
// outside is a mistake (or "never", which is no stage). Within them, every
// date computed from a stage's (a plan's chart runs on past its last stage
// for a tenth of the plan) keeps the four digits of YYYY-MM-DD that people,
// and Mermaid's Gantt charts, read.
const (
	MinStageYear = 1990
	MaxStageYear = 2099
)

// Plan is a topology with its stages and the state after each.
type Plan struct {
	// Current is the current state's topology, exactly what Decode returns.
	Current *Topology
	// Stages are the stages applied, in date order: Stages[i] leads to
	// States[i+1]. A stage without a valid date, with a duplicate or reserved
	// name, or beyond the limits is not applied; its problems are reported.
	Stages []*Stage
	// States are the current state, then the state after each stage.
	States []*State
	// Problems are the plan's own problems, reported under the rule
	// plan-structure: missing or equal dates, an empty stage or change, an
	// operation on a block the state lacks or already has, a reference a
	// removal leaves dangling, too many stages. They are in file order.
	Problems []PlanProblem
}

// Stage is a stage block: a date and the operations that lead to its state.
type Stage struct {
	Block
	// Date is the day the stage takes effect; a month ("2027-06") is its
	// first day. It is zero when the stage has no valid date.
	Date catalog.Date
	// DateAttr is the date as written, nil when absent.
	DateAttr    *String
	Description *String
	// Operations are in source order, the order they apply in.
	Operations []*Operation
}

// OpKind is what an operation does to a block.
type OpKind string

// The operations of a stage.
const (
	OpAdd    OpKind = "add"
	OpChange OpKind = "change"
	OpRemove OpKind = "remove"
)

// Operation is one add, change or remove in a stage. It is a Node: it points
// at the block's name in the operation's header.
type Operation struct {
	Kind  OpKind
	Stage *Stage
	// Target is the block the operation concerns, with the ranges of the
	// operation's header: Type is the block type (its range is the type
	// label), Labels the block's own labels.
	Target Block
	// Attributes are those an add or a change writes, in source order.
	Attributes []*OpAttr
	// Skipped is set when the operation could not apply (it adds a block the
	// state has, or changes or removes one it lacks): a plan problem says so.
	Skipped bool
}

// OpAttr is an attribute an operation writes.
type OpAttr struct {
	Name      string
	NameRange hcl.Range
	Range     hcl.Range // the value
	// Null is set for `x = null`, which in a change unsets x.
	Null bool
	// value is the literal written; cty.NilVal (null) when it is not one (a
	// schema problem reports it).
	value cty.Value
}

// String returns the string the operation writes, and whether it writes
// one.
func (a *OpAttr) String() (string, bool) {
	if a == nil || a.value.IsNull() || !a.value.IsKnown() || !a.value.Type().Equals(cty.String) {
		return "", false
	}
	return a.value.AsString(), true
}

// Int returns the whole number the operation writes, and whether it writes
// one: rules that follow a value through a stage's operations, in the order
// they apply, read it here (the state's model has only the stage's result).
func (a *OpAttr) Int() (int, bool) {
	if a == nil || a.value.IsNull() || !a.value.IsKnown() || !a.value.Type().Equals(cty.Number) {
		return 0, false
	}
	n, acc := a.value.AsBigFloat().Int64()
	if acc != big.Exact || int64(int(n)) != n {
		return 0, false
	}
	return int(n), true
}

// Bool returns the boolean the operation writes, and whether it writes one.
func (a *OpAttr) Bool() (value, ok bool) {
	if a == nil || a.value.IsNull() || !a.value.IsKnown() || !a.value.Type().Equals(cty.Bool) {
		return false, false
	}
	return a.value.True(), true
}

// SourceRange is the block's name (or type, for an unnamed block) in the
// operation's header.
func (o *Operation) SourceRange() hcl.Range { return o.Target.SourceRange() }

// Address is the address of the block the operation concerns.
func (o *Operation) Address() string { return o.Target.Address() }

// Describe names the operation in messages: `add server "EX13"`.
func (o *Operation) Describe() string { return string(o.Kind) + " " + o.Target.Describe() }

// Attribute returns the attribute the operation writes with this name, or nil.
func (o *Operation) Attribute(name string) *OpAttr {
	for _, a := range o.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// State is the organization at one point of a plan.
type State struct {
	// Name is "current" or the name of the stage that produced the state.
	Name string
	// Date is the stage's date (zero for the current state).
	Date catalog.Date
	// Stage produced the state; nil for the current state.
	Stage *Stage
	// Previous is the state before this one; nil for the current state.
	Previous *State
	// Topology is the state, decoded afresh: nothing in it is shared with
	// another state's model.
	Topology *Topology
	// Checkable is false when a reference in the state names a block a stage
	// removed, or when Unordered: rules would see an unresolved reference,
	// or a guess, so they do not run on it (a plan problem says why).
	Checkable bool
	// Unordered is true for the states from the first of two stages of the
	// same date on: the order of what happens that day is unknown.
	Unordered bool
}

// PlanProblem is a problem of the plan's structure. schema knows no rules:
// the engine reports these under plan-structure.
type PlanProblem struct {
	Range   hcl.Range
	Address string
	Message string
	// State is the name of the state the problem belongs to: the stage's
	// name, or "current".
	State   string
	Related []Related
}

// DecodePlan reads the topology made of files as a plan: the current state,
// the blocks outside any stage, exactly as Decode reads it, then the state
// after each stage in date order. Structural problems (syntax, schema,
// duplicate, reference), wherever they are, come back as Problems, each
// once; the plan's own problems are in Plan.Problems. Without stages the
// plan has one state and the problems are Decode's. A file that does not
// parse leaves the plan with its current state only.
func DecodePlan(dir string, files []*File, lim Limits) (*Plan, []Problem) {
	d := decodeTopology(dir, files, lim)
	cur := &State{Name: currentState, Topology: d.top, Checkable: true}
	plan := &Plan{Current: d.top, States: []*State{cur}}
	if len(d.stages) > 0 && !d.hasSyntaxErrors() {
		b := &planBuilder{d: d, plan: plan, seen: map[problemKey]bool{}}
		for _, p := range d.probs {
			b.seen[keyOf(p)] = true
		}
		b.build()
		b.placeInStages()
		sort.SliceStable(plan.Problems, func(i, j int) bool {
			return rangeLess(plan.Problems[i].Range, plan.Problems[j].Range)
		})
	}
	sortProblems(d.probs)
	return plan, d.probs
}

func rangeLess(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

// unknownTopLevelBlock reports an unknown block type at the top level, where
// a stage may stand and where add, change and remove may not.
func (d *decoder) unknownTopLevelBlock(name string, rng hcl.Range) {
	switch {
	case name == string(OpAdd) || name == string(OpChange) || name == string(OpRemove):
		d.schemaf(rng, "", `%q goes inside a stage: stage "NAME" { date = "YYYY-MM" ... %s "server" "EX01" { ... } }`, name, name)
	case Suggest(name, blockTypeNames()) == "" && Suggest(name, []string{stageType}) != "":
		d.schemaf(rng, "", `unknown block type %q; did you mean "stage"? A stage is written stage "NAME" { date = "YYYY-MM" ... }`, name)
	default:
		d.unknownBlockType(name, rng)
	}
}

// stageAttrs are a stage's own attributes, decoded like any block's.
type stageAttrs struct {
	Block
	Date        *String `exl:"date" doc:"when the stage takes effect, in the years 1990 to 2099; a month alone means its first day (\"2027-06\" is 2027-06-01)"`
	Description *String `exl:"description" doc:"what the stage does, for people reading the plan"`
}

var stageSpec = sync.OnceValue(func() *blockSpec {
	s := &blockSpec{name: stageType, labels: []string{"name"}, goType: reflect.TypeFor[stageAttrs]()}
	s.attrs = attrSpecs(s.goType)
	return s
})

// stageBodySchema reads a JSON stage body: its attributes and its operations
// (whose labels are the nested objects of their bodies, read like the top
// level of a file).
var stageBodySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "date"}, {Name: "description"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: string(OpAdd)}, {Type: string(OpChange)}, {Type: string(OpRemove)}},
}

// blocksSchema is the top-level schema without stages: what an operation's
// JSON body holds.
var blocksSchema = sync.OnceValue(func() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, b := range blockSpecs() {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: b.name, LabelNames: b.labels})
	}
	return s
})

// opSyntax is an operation as written.
type opSyntax struct {
	op    *Operation
	spec  *blockSpec
	block *hcl.Block     // the block as a top-level block would be written (add), or the change's header and body
	attrs hcl.Attributes // what an add or change writes
	body  hcl.Range      // the body, braces included
}

// stageSyntax is a stage as written.
type stageSyntax struct {
	stage *Stage
	ops   []*opSyntax
	// extent is the whole block, from its type to its closing brace (a
	// JSON block's Range is its header only).
	extent hcl.Range
}

// synBlock is a block of a state at the syntax level.
type synBlock struct {
	key  string
	spec *blockSpec
	hb   *hcl.Block
}

// synState is a state at the syntax level: its blocks in order (nil where a
// stage removed one) and an index by key.
type synState struct {
	blocks []*synBlock
	index  map[string]int
}

func (s *synState) clone() *synState {
	n := &synState{blocks: make([]*synBlock, 0, len(s.blocks)), index: make(map[string]int, len(s.index))}
	// Compact while copying, so that removals do not accumulate.
	for _, b := range s.blocks {
		if b == nil {
			continue
		}
		if _, ok := n.index[b.key]; !ok {
			n.index[b.key] = len(n.blocks)
		}
		n.blocks = append(n.blocks, b)
	}
	return n
}

func (s *synState) get(key string) *synBlock {
	if i, ok := s.index[key]; ok {
		return s.blocks[i]
	}
	return nil
}

// blockKey identifies a block in a state, as the decoder's duplicate check
// does: a singleton by its type, any other block by its type and labels.
func blockKey(spec *blockSpec, labels []string) string {
	if spec.singleton {
		return spec.name
	}
	return spec.name + "\x00" + strings.Join(labels, "\x00")
}

// problemKey identifies a structural problem, so that a problem found again
// in a later state is reported once. A reference is identified by where it
// is: its message lists the names a state defines, which vary by state.
type problemKey struct {
	kind       Kind
	file       string
	start, end int
	msg        string
}

func keyOf(p Problem) problemKey {
	k := problemKey{kind: p.Kind, file: p.Range.Filename, start: p.Range.Start.Byte, end: p.Range.End.Byte, msg: p.Message}
	if p.Kind == KindReference {
		k.msg = ""
	}
	return k
}

type planBuilder struct {
	d    *decoder // the current state's decoder, whose problems the plan adds to
	plan *Plan
	seen map[problemKey]bool
	// named are the stages whose names name a state (the first of each
	// name), in the order of the files: the problems written in one are
	// that stage's (placeInStages).
	named []*stageSyntax
	// suggested counts the names compared for "did you mean": a hostile
	// plan of many operations on blocks that do not exist must not compare
	// each with every block.
	suggested int
}

// maxSuggestWork bounds the names compared for suggestions over a plan.
const maxSuggestWork = 1 << 20

// suggest returns the name of a block of the state the user likely meant.
func (b *planBuilder) suggest(name string, s *synState, spec *blockSpec) string {
	if b.suggested > maxSuggestWork {
		return ""
	}
	b.suggested += len(s.blocks)
	return Suggest(name, s.names(spec))
}

// addProblems adds a state's structural problems not reported already.
func (b *planBuilder) addProblems(ps problems) {
	for _, p := range ps {
		k := keyOf(p)
		if b.seen[k] {
			continue
		}
		b.seen[k] = true
		b.d.probs = append(b.d.probs, p)
	}
}

func (b *planBuilder) planProblem(state string, rng hcl.Range, addr, msg string, related ...Related) {
	b.plan.Problems = append(b.plan.Problems, PlanProblem{Range: rng, Address: addr, Message: msg, State: state, Related: related})
}

// guard turns a panic while reading a stage into a FilePanic naming its file.
func guard(file string, fn func()) {
	defer func() {
		if v := recover(); v != nil {
			if fp, ok := v.(*FilePanic); ok {
				panic(fp)
			}
			panic(&FilePanic{File: file, Value: v, Stack: debug.Stack()})
		}
	}()
	fn()
}

func (b *planBuilder) build() {
	d := b.d
	var stages []*stageSyntax
	names := map[string]*Stage{}
	var applied []*stageSyntax
	for _, hb := range d.stages {
		var ss *stageSyntax
		guard(hb.DefRange.Filename, func() { ss = b.stage(hb) })
		stages = append(stages, ss)
		st := ss.stage
		name := st.Name()
		switch {
		case strings.TrimSpace(name) == "":
			d.schemaf(st.SourceRange(), "", "the name of a stage block must not be empty")
			continue
		case name == currentState:
			d.schemaf(st.SourceRange(), st.Address(), `"current" names the state before any stage; give the stage another name`)
			continue
		case !plainLabel(name):
			// The name names a state in every report, baseline and chart:
			// keep it a plain word, and the prose in the description.
			d.schemaf(st.SourceRange(), st.Address(), `a stage's name may hold only letters, digits, "_" and "-": write %q, and the words in its description`,
				plainName(name))
			continue
		}
		if first := names[name]; first != nil {
			d.probs.add(KindDuplicate, st.SourceRange(), st.Address(),
				fmt.Sprintf("%s is defined twice; the first definition is at %s: merge the two or rename one", st.Describe(), posString(first.SourceRange())),
				Related{Range: first.SourceRange(), Message: "first defined here"})
			continue
		}
		names[name] = st
		if st.Date.IsZero() {
			continue
		}
		applied = append(applied, ss)
	}
	for _, ss := range stages {
		if names[ss.stage.Name()] == ss.stage {
			b.named = append(b.named, ss)
		}
	}
	// Stages of the same date (an error) are ordered by name, so that
	// neither the files' names nor their order decide what is said; what
	// happens from the first of them on depends on an order the plan does
	// not give, so the rules do not run on those states (their findings
	// would be those of a guess), while the stages' own problems (a block
	// that does not exist) are still reported.
	sort.SliceStable(applied, func(i, j int) bool {
		a, b := applied[i].stage, applied[j].stage
		return a.Date.Before(b.Date) || a.Date == b.Date && a.Name() < b.Name()
	})
	unordered := -1
	for i := 1; i < len(applied); i++ {
		a, s := applied[i-1].stage, applied[i].stage
		if s.Date == a.Date {
			month, rest := "", ""
			if len(a.DateAttr.Value) == 7 || len(s.DateAttr.Value) == 7 {
				month = "; a month alone means its first day"
			}
			if unordered < 0 {
				unordered = i - 1
				rest = fmt.Sprintf("; the states from %s on are not checked", a.Describe())
			}
			b.planProblem(s.Name(), s.DateAttr.Range, s.DateAttr.Address(),
				fmt.Sprintf("%s has the same date, %s, as %s (%s)%s. Stages apply in date order: give each stage its own date%s",
					s.Describe(), s.Date, a.Describe(), posString(a.DateAttr.Range), month, rest),
				Related{Range: a.DateAttr.Range, Message: "the other stage's date"})
		}
	}

	blocks := len(d.blocks)
	for _, ss := range applied {
		blocks += len(ss.ops)
	}
	limit := min(maxPlanStages, maxPlanWork/max(blocks, 1)-1)
	if len(applied) > limit {
		first := applied[max(limit, 0)].stage
		b.planProblem(first.Name(), first.SourceRange(), first.Address(),
			fmt.Sprintf("the plan has %d stages over %d blocks; exlint builds the states of up to %d of them here, so %s and the stages after it are not checked",
				len(applied), blocks, max(limit, 0), first.Describe()))
		applied = applied[:max(limit, 0)]
	}
	// Every operation's body is checked on its own, whether it applies or
	// not (its stage has no date, it is skipped, a later operation removes
	// the block it changed); a state finding the same problem again does not
	// report it twice.
	for _, ss := range stages {
		guard(ss.stage.DefRange.Filename, func() {
			for _, o := range ss.ops {
				b.checkAlone(o)
			}
		})
	}

	cur := &synState{index: map[string]int{}}
	for _, hb := range d.blocks {
		spec := blockSpecByName(hb.Type)
		cur.blocks = append(cur.blocks, &synBlock{key: blockKey(spec, hb.Labels), spec: spec, hb: hb})
	}
	cur = cur.clone()
	removed := map[string]*Operation{}
	var dangling map[string]bool
	prev := b.plan.States[0]
	for _, ss := range applied {
		var state *State
		guard(ss.stage.DefRange.Filename, func() {
			cur = b.apply(cur, ss, removed)
			state, dangling = b.decodeState(cur, ss.stage, prev, removed, dangling)
		})
		b.plan.Stages = append(b.plan.Stages, ss.stage)
		b.plan.States = append(b.plan.States, state)
		prev = state
	}
	for i, st := range b.plan.States {
		if unordered >= 0 && i > unordered && st != nil {
			st.Checkable, st.Unordered = false, true
		}
	}
}

// placeInStages names, on each structural problem written inside a stage
// whose name names a state, that stage (Problem.Stage): a mistake in a
// stage's body is reported at the stage, not at the current state. Stages
// do not nest or overlap, so the stage holding a problem is the last one
// starting before it, if it has not ended.
func (b *planBuilder) placeInStages() {
	held := slices.Clone(b.named)
	sort.Slice(held, func(i, j int) bool { return rangeLess(held[i].extent, held[j].extent) })
	for i := range b.d.probs {
		p := &b.d.probs[i]
		k := sort.Search(len(held), func(j int) bool { return rangeLess(p.Range, held[j].extent) }) - 1
		if k < 0 {
			continue
		}
		ss := held[k]
		if ss.extent.Filename != p.Range.Filename || p.Range.Start.Byte >= ss.extent.End.Byte {
			continue
		}
		p.Stage = ss.stage.Name()
		if !ss.stage.Date.IsZero() {
			p.StageDate = ss.stage.DateAttr.Value
		}
	}
}

// stage reads a stage block: its name, date, description and operations.
func (b *planBuilder) stage(hb *hcl.Block) *stageSyntax {
	d := b.d
	st := &Stage{Block: Block{Type: stageType, Labels: hb.Labels, TypeRange: hb.TypeRange, LabelRanges: hb.LabelRanges,
		DefRange: hb.DefRange, Range: blockRange(hb)}}
	ss := &stageSyntax{stage: st, extent: hcl.RangeBetween(hb.DefRange, bodyRange(hb))}
	spec := stageSpec()
	decodeAttr := func(a attrSource) {
		as := spec.attr(a.Name)
		v, ok := d.value(spec, &st.Block, a, as)
		if !ok || !v.IsValid() {
			return
		}
		s := v.Interface().(*String)
		if a.Name == "date" {
			st.DateAttr = s
		} else {
			st.Description = s
		}
	}
	var opBlocks []*hcl.Block
	if nb, ok := hb.Body.(*hclsyntax.Body); ok {
		for _, a := range sortedNative(nb.Attributes) {
			if spec.attr(a.Name) != nil {
				decodeAttr(attrSource{a.Name, a.NameRange, a.Expr})
			} else {
				b.unknownInStage(st, a.Name, a.NameRange, nativeAttr)
			}
		}
		for _, blk := range nb.Blocks {
			switch OpKind(blk.Type) {
			case OpAdd, OpChange, OpRemove:
				if o := b.nativeOp(st, blk); o != nil {
					ss.ops = append(ss.ops, o)
				}
			default:
				b.unknownInStage(st, blk.Type, blk.TypeRange, nativeBlock)
			}
		}
	} else {
		content, remain, diags := hb.Body.PartialContent(stageBodySchema)
		d.headerDiags(diags)
		for _, name := range []string{"date", "description"} {
			if a := content.Attributes[name]; a != nil {
				decodeAttr(attrSource{a.Name, a.NameRange, a.Expr})
			}
		}
		extra, _ := remain.JustAttributes()
		for _, a := range sortedAttributes(extra) {
			b.unknownInStage(st, a.Name, a.NameRange, jsonKey)
		}
		opBlocks = content.Blocks
	}
	for _, ob := range opBlocks {
		ss.ops = append(ss.ops, b.jsonOps(st, ob)...)
	}

	if st.DateAttr == nil {
		b.planProblem(st.Name(), st.SourceRange(), st.Address(),
			fmt.Sprintf(`%s has no date; add date = "YYYY-MM" (or "YYYY-MM-DD"): stages apply in date order`, st.Describe()))
	} else if dt, err := catalog.ParseDate(st.DateAttr.Value); err != nil {
		if p := catalog.DateRangeProblem(st.DateAttr.Value); p != "" {
			d.schemaf(st.DateAttr.Range, st.DateAttr.Address(), `date of %s: %q is not a date: %s`, st.Describe(), st.DateAttr.Value, p)
		} else {
			d.schemaf(st.DateAttr.Range, st.DateAttr.Address(), `date of %s: %q is not a date; write it as YYYY-MM or YYYY-MM-DD, such as "2027-06"`,
				st.Describe(), st.DateAttr.Value)
		}
	} else if dt.Year < MinStageYear || dt.Year > MaxStageYear {
		d.schemaf(st.DateAttr.Range, st.DateAttr.Address(), `date of %s: %q is out of range: a stage's date is in the years %d to %d`,
			st.Describe(), st.DateAttr.Value, MinStageYear, MaxStageYear)
	} else {
		if dt.MonthOnly() {
			dt.Day = 1
		}
		st.Date = dt
	}
	if len(ss.ops) == 0 {
		b.planProblem(st.Name(), st.SourceRange(), st.Address(),
			fmt.Sprintf("%s changes nothing; list its changes with add, change and remove blocks, or delete it", st.Describe()))
	}
	for _, o := range ss.ops {
		st.Operations = append(st.Operations, o.op)
	}
	return ss
}

// stageItem is what an unknown name in a stage body is written as.
type stageItem int

const (
	nativeAttr stageItem = iota
	nativeBlock
	jsonKey
)

// plainName turns a name into one plainLabel accepts: "Retire 2007" ->
// "Retire-2007".
func plainName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		if r < 0x80 && plainLabel(string(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "stage-1"
	}
	return out
}

// unknownInStage reports a name a stage body does not take.
func (b *planBuilder) unknownInStage(st *Stage, name string, rng hcl.Range, kind stageItem) {
	if spec := blockSpecByName(name); spec != nil {
		b.d.schemaf(rng, st.Address(), "a stage lists changes, not blocks: write %s (or change, remove) inside %s", opForm(OpAdd, spec), st.Describe())
		return
	}
	// A native attribute is not an operation, nor a native block an
	// attribute; a JSON key may be either.
	candidates := []string{"date", "description", string(OpAdd), string(OpChange), string(OpRemove)}
	what := "attribute"
	switch kind {
	case nativeAttr:
		candidates = candidates[:2]
	case nativeBlock:
		what = "block type"
		candidates = candidates[2:]
	}
	msg := fmt.Sprintf("unknown %s %q in %s", what, name, st.Describe())
	if s := Suggest(name, candidates); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "."
	}
	b.d.schemaf(rng, st.Address(), "%s A stage takes date and description, then add, change and remove blocks", msg)
}

// opForm shows how an operation on a block type is written:
// add "connector" "DIRECTION" "NAME" { ... }.
func opForm(kind OpKind, spec *blockSpec) string {
	s := fmt.Sprintf("%s %q", kind, spec.name)
	for _, l := range spec.labels {
		s += fmt.Sprintf(" %q", strings.ToUpper(l))
	}
	if kind == OpRemove {
		return s + " {}"
	}
	return s + " { ... }"
}

// jsonForm shows how an operation is written in JSON:
// "add": {"connector": {"DIRECTION": {"NAME": {...}}}}.
func jsonForm(kind OpKind, spec *blockSpec) string {
	s := fmt.Sprintf("%q: {%q: ", kind, spec.name)
	for _, l := range spec.labels {
		s += fmt.Sprintf("{%q: ", strings.ToUpper(l))
	}
	s += "{...}"
	return s + strings.Repeat("}", len(spec.labels)+1)
}

// labelCount says how many labels follow the type: "one label after the
// type, the server's name".
func labelCount(spec *blockSpec) string {
	switch len(spec.labels) {
	case 0:
		return "no label after the type"
	case 1:
		return fmt.Sprintf("one label after the type, the %s's %s", spec.name, spec.labels[0])
	}
	return fmt.Sprintf("%d labels after the type, the %s's %s", len(spec.labels), spec.name, strings.Join(spec.labels, " and "))
}

// nativeOp reads an operation in native syntax: add "TYPE" LABELS... { }.
func (b *planBuilder) nativeOp(st *Stage, blk *hclsyntax.Block) *opSyntax {
	d := b.d
	kind := OpKind(blk.Type)
	if len(blk.Labels) == 0 {
		d.schemaf(blk.TypeRange, st.Address(), `%s needs the type of the block, then its labels: %s "server" "EX01" { ... }`, kind, kind)
		return nil
	}
	spec := b.opSpec(st, kind, blk.Labels[0], blk.LabelRanges[0])
	if spec == nil {
		return nil
	}
	if n := len(blk.Labels) - 1; n != len(spec.labels) {
		rng := blk.LabelRanges[len(blk.LabelRanges)-1]
		if n > len(spec.labels) {
			rng = blk.LabelRanges[1+len(spec.labels)]
		}
		d.schemaf(rng, st.Address(), "%s %q takes %s: %s", kind, spec.name, labelCount(spec), opForm(kind, spec))
		return nil
	}
	hb := &hcl.Block{Type: spec.name, Labels: blk.Labels[1:], Body: blk.Body, DefRange: blk.DefRange(),
		TypeRange: blk.LabelRanges[0], LabelRanges: blk.LabelRanges[1:]}
	o := b.newOp(st, kind, spec, hb)
	if kind != OpAdd {
		// An added block's body is checked as a block's, nested blocks
		// included; a change or a removal holds attributes or nothing.
		for _, nested := range blk.Body.Blocks {
			d.schemaf(nested.TypeRange, o.op.Address(), "unexpected %q block inside %s; blocks do not nest in a topology: %s",
				nested.Type, o.op.Describe(), opForm(kind, spec))
		}
	}
	return o
}

// jsonOps reads the operations of a JSON "add", "change" or "remove"
// object, which nests blocks as the top level of a file does:
// "add": {"server": {"EX13": {...}}}.
func (b *planBuilder) jsonOps(st *Stage, ob *hcl.Block) []*opSyntax {
	d := b.d
	kind := OpKind(ob.Type)
	content, remain, diags := ob.Body.PartialContent(blocksSchema())
	if len(diags) > 0 {
		// Show the form of the block type whose object holds the mistake
		// (there are at most as many such objects as block types).
		type typed struct {
			rng  hcl.Range
			spec *blockSpec
		}
		var objects []typed
		keys, _ := ob.Body.JustAttributes()
		for _, a := range sortedAttributes(keys) {
			if spec := blockSpecByName(a.Name); spec != nil {
				objects = append(objects, typed{a.Range, spec})
			}
		}
		for _, diag := range diags {
			rng := ob.TypeRange
			if diag.Subject != nil {
				rng = *diag.Subject
			}
			form := jsonForm(kind, blockSpecByName("server"))
			for _, o := range objects {
				if within(rng, o.rng) {
					form = jsonForm(kind, o.spec)
				}
			}
			d.schemaf(rng, st.Address(), "%s; in a stage, write %s", diagMessage(diag), form)
		}
	}
	extra, _ := remain.JustAttributes()
	for _, a := range sortedAttributes(extra) {
		b.opSpec(st, kind, a.Name, a.NameRange)
	}
	var out []*opSyntax
	for _, hb := range content.Blocks {
		spec := blockSpecByName(hb.Type)
		out = append(out, b.newOp(st, kind, spec, hb))
	}
	return out
}

// opSpec returns the block type an operation names, reporting an unknown one.
func (b *planBuilder) opSpec(st *Stage, kind OpKind, typ string, rng hcl.Range) *blockSpec {
	if spec := blockSpecByName(typ); spec != nil {
		return spec
	}
	if typ == stageType {
		b.d.schemaf(rng, st.Address(), "a stage cannot %s a stage; stages are written at the top level", kind)
		return nil
	}
	b.d.unknownBlockType(typ, rng)
	return nil
}

// newOp makes the operation on the block hb, whose header is the block's
// (type, labels) and whose body is the operation's.
func (b *planBuilder) newOp(st *Stage, kind OpKind, spec *blockSpec, hb *hcl.Block) *opSyntax {
	d := b.d
	o := &opSyntax{spec: spec, block: hb, body: bodyRange(hb),
		op: &Operation{Kind: kind, Stage: st, Target: Block{Type: spec.name, Labels: hb.Labels, TypeRange: hb.TypeRange,
			LabelRanges: hb.LabelRanges, DefRange: hb.DefRange, Range: blockRange(hb)}}}
	o.attrs = bodyAttributes(hb.Body)
	for _, a := range sortedAttributes(o.attrs) {
		oa := &OpAttr{Name: a.Name, NameRange: a.NameRange, Range: a.Expr.Range(), Null: isNull(a.Expr)}
		if v, nl := literal(a.Expr); nl == nil {
			oa.value = v
		}
		o.op.Attributes = append(o.op.Attributes, oa)
	}
	switch kind {
	case OpChange:
		if len(o.attrs) == 0 {
			b.planProblem(st.Name(), o.op.SourceRange(), o.op.Address(),
				fmt.Sprintf("%s in %s changes no attribute; give the attributes that change, or delete it", o.op.Describe(), st.Describe()))
		}
	case OpRemove:
		if len(o.op.Attributes) > 0 {
			a := o.op.Attributes[0]
			d.schemaf(a.NameRange, o.op.Address(), "a removal takes no attributes: %s", opForm(kind, spec))
			o.attrs = nil
		}
		if spec.name == "organization" {
			d.schemaf(o.op.SourceRange(), o.op.Address(), "a stage cannot remove the organization: every state is one organization's")
			return o
		}
	}
	return o
}

// bodyAttributes returns the attributes of a block body as written.
func bodyAttributes(body hcl.Body) hcl.Attributes {
	switch body := body.(type) {
	case *hclsyntax.Body:
		out := make(hcl.Attributes, len(body.Attributes))
		for name, a := range body.Attributes {
			out[name] = a.AsHCLAttribute()
		}
		return out
	case *mergedBody:
		return body.attrs
	}
	attrs, _ := body.JustAttributes()
	return attrs
}

// blockRange is the whole block, as the decoder records it.
func blockRange(hb *hcl.Block) hcl.Range {
	return hcl.RangeBetween(hb.DefRange, bodyRange(hb))
}

// bodyRange is the block's body, braces included.
func bodyRange(hb *hcl.Block) hcl.Range {
	if sb, ok := hb.Body.(interface{ Range() hcl.Range }); ok {
		return sb.Range()
	}
	// A JSON body starts at its opening brace (the DefRange) and ends at its
	// closing one.
	return hcl.RangeBetween(hb.DefRange, hb.Body.MissingItemRange())
}

func isNull(expr hcl.Expression) bool {
	v, nl := literal(expr)
	return nl == nil && v.IsNull()
}

func within(r, outer hcl.Range) bool {
	return r.Filename == outer.Filename && r.Start.Byte >= outer.Start.Byte && r.End.Byte <= outer.End.Byte
}

// checkAlone checks the body of an operation on its own: an added block as a
// block of its type, a change's attributes without requiring any.
func (b *planBuilder) checkAlone(o *opSyntax) {
	switch o.op.Kind {
	case OpAdd:
		sd := &decoder{top: &Topology{}, seen: map[string]*Block{}}
		sd.block(nil, o.block)
		b.addProblems(sd.probs)
	case OpChange:
		sd := &decoder{top: &Topology{}, seen: map[string]*Block{}}
		hb := *o.block
		hb.Body = &mergedBody{attrs: o.attrs, rng: o.body, missing: o.block.Body.MissingItemRange()}
		sd.block(nil, &hb)
		// What a change lacks is the changed block's: keep what is wrong
		// inside the change.
		var inside problems
		for _, p := range sd.probs {
			if within(p.Range, o.body) {
				inside = append(inside, p)
			}
		}
		b.addProblems(inside)
	}
}

// apply returns the state after a stage, at the syntax level.
func (b *planBuilder) apply(prev *synState, ss *stageSyntax, removed map[string]*Operation) *synState {
	next := prev.clone()
	st := ss.stage
	for _, o := range ss.ops {
		op, spec := o.op, o.spec
		if op.Kind == OpRemove && spec.name == "organization" {
			op.Skipped = true
			continue
		}
		key := blockKey(spec, op.Target.Labels)
		have := next.get(key)
		var other *synBlock // the singleton of another name: organization "A" is not organization "B"
		if have != nil && spec.singleton && op.Kind != OpAdd && strings.Join(have.hb.Labels, "\x00") != strings.Join(op.Target.Labels, "\x00") {
			have, other = nil, have
		}
		// Removed blocks are known by their type and every label: connector
		// "send" "Out" is not connector "receive" "Out".
		nameKey := spec.name + "\x00" + strings.Join(op.Target.Labels, "\x00")
		switch {
		case op.Kind == OpAdd && have != nil:
			b.planProblem(st.Name(), op.SourceRange(), op.Address(),
				fmt.Sprintf("%s adds %s, which exists before it (%s at %s); change it instead, or remove it in an earlier stage",
					st.Describe(), op.Target.Describe(), describeHeader(have.hb), posString(headerRange(have.hb))),
				Related{Range: headerRange(have.hb), Message: "the block that exists"})
		case op.Kind != OpAdd && have == nil:
			msg := fmt.Sprintf("%s %ss %s, which does not exist before it", st.Describe(), op.Kind, op.Target.Describe())
			if r := removed[nameKey]; r != nil && r.Target.Type == spec.name {
				msg += fmt.Sprintf(" (%s removes it at %s)", r.Stage.Describe(), posString(r.SourceRange()))
			} else if other != nil {
				msg += fmt.Sprintf("; the state has %s (%s)", describeHeader(other.hb), posString(headerRange(other.hb)))
			} else if sug := b.suggest(op.Target.Name(), next, spec); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			} else if op.Kind == OpChange {
				msg += "; add it instead"
			}
			b.planProblem(st.Name(), op.SourceRange(), op.Address(), msg)
		case op.Kind == OpAdd:
			next.index[key] = len(next.blocks)
			next.blocks = append(next.blocks, &synBlock{key: key, spec: spec, hb: o.block})
			delete(removed, nameKey)
			continue
		case op.Kind == OpChange:
			next.blocks[next.index[key]] = b.change(have, o)
			continue
		default: // remove
			next.blocks[next.index[key]] = nil
			delete(next.index, key)
			removed[nameKey] = op
			continue
		}
		op.Skipped = true
	}
	return next
}

// names are the names of the blocks of a type in the state.
func (s *synState) names(spec *blockSpec) []string {
	var out []string
	for _, sb := range s.blocks {
		if sb != nil && sb.spec == spec && len(sb.hb.Labels) > 0 {
			out = append(out, sb.hb.Labels[len(sb.hb.Labels)-1])
		}
	}
	return out
}

func headerRange(hb *hcl.Block) hcl.Range {
	if n := len(hb.LabelRanges); n > 0 {
		return hb.LabelRanges[n-1]
	}
	return hb.TypeRange
}

func describeHeader(hb *hcl.Block) string {
	return (&Block{Type: hb.Type, Labels: hb.Labels}).Describe()
}

// change returns the block have with the attributes the change writes
// replacing its own: the header and the other attributes stay where they are
// written, each changed value is the change line's.
func (b *planBuilder) change(have *synBlock, o *opSyntax) *synBlock {
	base := bodyAttributes(have.hb.Body)
	merged := make(hcl.Attributes, len(base)+len(o.attrs))
	for n, a := range base {
		merged[n] = a
	}
	for n, a := range o.attrs {
		merged[n] = a
	}
	hb := *have.hb
	hb.Body = &mergedBody{attrs: merged, rng: blockRange(have.hb), missing: have.hb.Body.MissingItemRange()}
	if have.spec.name == "server" {
		// The decoder takes a null update or build as written, and a server
		// needs one of them: say so at the change that unset it.
		given := func(n string) bool { a := merged[n]; return a != nil && !isNull(a.Expr) }
		if !given("update") && !given("build") {
			for _, n := range []string{"update", "build"} {
				if a := o.attrs[n]; a != nil && isNull(a.Expr) {
					b.addProblems(problems{{Kind: KindSchema, Range: a.Expr.Range(), Address: o.op.Address() + "." + n,
						Message: fmt.Sprintf("%s sets %s to null, which leaves %s with neither update nor build; give %s a value",
							o.op.Describe(), n, o.op.Target.Describe(), n)}})
					break
				}
			}
		}
	}
	return &synBlock{key: have.key, spec: have.spec, hb: &hb}
}

// decodeState decodes a state afresh with the ordinary decoder. A reference
// to a block a stage removed is a plan problem, reported once: at the
// removal when it is the stage that leaves it dangling, at the reference
// when a later stage writes it. At the removal, the fix offers both ways:
// keep the block, or end or change what names it. Taking the name out
// alone is offered last: a hybrid deployment left naming no server is
// rarely what the architect meant.
func (b *planBuilder) decodeState(s *synState, st *Stage, prev *State, removed map[string]*Operation,
	prevDangling map[string]bool) (*State, map[string]bool) {
	d := b.d
	sd := &decoder{top: &Topology{Dir: d.top.Dir, Files: d.top.Files}, seen: map[string]*Block{}}
	state := &State{Name: st.Name(), Date: st.Date, Stage: st, Previous: prev, Checkable: true}
	dangling := map[string]bool{}
	sd.unresolved = func(r pendingRef) bool {
		ref := r.target.str()
		op := removed[r.blockType+"\x00"+ref.Value]
		if op == nil {
			return false
		}
		state.Checkable = false
		key := fmt.Sprintf("%s\x00%d\x00%s", ref.Range.Filename, ref.Range.Start.Byte, ref.Value)
		dangling[key] = true
		if prevDangling[key] {
			return true
		}
		if op.Stage == st {
			b.planProblem(st.Name(), op.SourceRange(), op.Address(),
				fmt.Sprintf("%s removes %s, but %s still names it (%s): keep %s, or by this stage remove %s too (if its work is done) or %s",
					st.Describe(), op.Target.Describe(), r.where, posString(ref.Range), op.Target.Describe(), r.where.owner.Describe(), r.where.unname()),
				Related{Range: ref.Range, Message: "still named here"})
		} else {
			b.planProblem(st.Name(), ref.Range, ref.Address(),
				fmt.Sprintf("%s names %s %q, which %s removes at %s; in %s, name a %s that exists",
					r.where, r.blockType, ref.Value, op.Stage.Describe(), posString(op.SourceRange()), st.Describe(), r.blockType),
				Related{Range: op.SourceRange(), Message: "removed here"})
		}
		return true
	}
	for _, sb := range s.blocks {
		if sb != nil {
			sd.block(nil, sb.hb)
		}
	}
	sd.finish(d.top.Files)
	b.addProblems(sd.probs)
	state.Topology = sd.top
	return state, dangling
}

// mergedBody is the body of a block a stage changed: the attributes of the
// block as written, with those of the change in their place.
type mergedBody struct {
	attrs   hcl.Attributes
	rng     hcl.Range // the whole block as first written
	missing hcl.Range
}

func (b *mergedBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	content, _, diags := b.PartialContent(schema)
	return content, diags
}

func (b *mergedBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	content := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: b.missing}
	rest := &mergedBody{attrs: hcl.Attributes{}, rng: b.rng, missing: b.missing}
	for n, a := range b.attrs {
		rest.attrs[n] = a
	}
	for _, as := range schema.Attributes {
		if a := b.attrs[as.Name]; a != nil {
			content.Attributes[as.Name] = a
			delete(rest.attrs, as.Name)
		}
	}
	return content, rest, nil
}

func (b *mergedBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) { return b.attrs, nil }

func (b *mergedBody) MissingItemRange() hcl.Range { return b.missing }

// Range is the range of the block as first written, which the decoder
// records as the block's.
func (b *mergedBody) Range() hcl.Range { return b.rng }
