package suppress

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/exlint/exlint/schema"
)

// The markers of inline suppressions.
const (
	ignoreMarker     = "exlint-ignore"
	ignoreLine       = "exlint-ignore:"
	ignoreFile       = "exlint-ignore-file:"
	suppressionUsage = "write `# exlint-ignore: RULE[, RULE] -- reason` (or exlint-ignore-file: for the whole file)"
)

// directive is one suppression comment.
type directive struct {
	rng       hcl.Range // the comment (or the JSON string)
	rules     []string
	reason    string
	fileLevel bool
	// Where it applies, when it is not file-level: findings starting on line
	// (a comment after code), or in bytes [from, to) (a comment on its own
	// line: the item below it, a whole block below a block header).
	line     int
	from, to int
	// problem, when set, makes the directive inert and is reported.
	problem string
	used    map[string]bool
}

// covers says whether d applies to f: the rule the index below applies
// without trying every directive on every finding (a test compares them).
func (d *directive) covers(f lint.Finding) bool {
	switch {
	case d.problem != "":
		return false
	case d.fileLevel:
		return true
	case d.line > 0:
		return f.Range.Start.Line == d.line
	}
	return f.Range.Start.Byte >= d.from && f.Range.Start.Byte < d.to
}

// scanDirectives finds the suppression comments of a file. Only files that
// contain the marker are lexed. Comments are read from hcl's comment tokens,
// so that the marker inside a string or a heredoc is not a suppression. A
// file that does not lex has none: its syntax error is reported anyway.
func scanDirectives(f *schema.File) []*directive {
	if !bytes.Contains(f.Src, []byte(ignoreMarker)) {
		return nil
	}
	if f.JSON {
		return scanJSONDirectives(f)
	}
	toks, diags := hclsyntax.LexConfig(f.Src, f.Name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	var out []*directive
	seenCode := false
	// Stacked comments share the code below them: each walk to it, and each
	// walk over that item, is made once (a file of many comments above one
	// large block stays linear).
	next, ends := map[int]int{}, map[int]int{}
	for i, t := range toks {
		switch t.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
		default:
			seenCode = true
			continue
		}
		text, rng := commentText(t)
		if !strings.HasPrefix(text, ignoreMarker) {
			continue
		}
		d := parseDirective(text, rng)
		out = append(out, d)
		if d.problem != "" {
			continue
		}
		ownLine := i == 0 || toks[i-1].Type == hclsyntax.TokenNewline || endsLine(toks[i-1])
		switch {
		case d.fileLevel && seenCode:
			d.problem = "exlint-ignore-file must come before the first block of the file; it covers the whole file. Move it to the top, or use exlint-ignore on or above the line"
		case d.fileLevel:
		case !ownLine:
			d.line = t.Range.Start.Line
		default:
			j := nextCode(toks, i, next)
			if j < 0 {
				d.problem = "this suppression is not directly above a line of the file: put it on the line it suppresses, or on the line just above (a blank line ends it)"
				continue
			}
			end, ok := ends[j]
			if !ok {
				end = itemEnd(toks, j)
				ends[j] = end
			}
			d.from, d.to = toks[j].Range.Start.Byte, end
		}
	}
	return out
}

// commentText returns a comment's text without its markers (#, //, /* */)
// and surrounding space, and the comment's range without its newline.
func commentText(t hclsyntax.Token) (string, hcl.Range) {
	raw := string(t.Bytes)
	trimmed := strings.TrimRight(raw, "\r\n")
	rng := t.Range
	if len(trimmed) != len(raw) {
		rng.End = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + utf8.RuneCountInString(trimmed), Byte: rng.Start.Byte + len(trimmed)}
	}
	text := trimmed
	switch {
	case strings.HasPrefix(text, "#"):
		text = text[1:]
	case strings.HasPrefix(text, "//"):
		text = text[2:]
	case strings.HasPrefix(text, "/*"):
		text = strings.TrimSuffix(text[2:], "*/")
	}
	return strings.TrimSpace(text), rng
}

// endsLine reports whether a token ends its line: a # or // comment holds
// its newline.
func endsLine(t hclsyntax.Token) bool {
	return t.Type == hclsyntax.TokenComment && bytes.HasSuffix(t.Bytes, []byte("\n"))
}

// nextCode returns the index of the first code token on the line after the
// comment at i, skipping comment lines; -1 when a blank line or the end of
// the file comes first. memo holds the answers found so far, by comment:
// every comment the walk passes has the same answer.
func nextCode(toks hclsyntax.Tokens, i int, memo map[int]int) int {
	if j, ok := memo[i]; ok {
		return j
	}
	passed := []int{i}
	found := -1
walk:
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch t.Type {
		case hclsyntax.TokenEOF:
			break walk
		case hclsyntax.TokenNewline:
			// The newline that ends a /* */ comment's line is not a blank line.
			if !endsLine(toks[j-1]) && toks[j-1].Type == hclsyntax.TokenComment {
				continue
			}
			break walk
		case hclsyntax.TokenComment:
			passed = append(passed, j)
			continue
		}
		found = j
		break
	}
	for _, k := range passed {
		memo[k] = found
	}
	return found
}

// itemEnd returns the byte where the item starting at token j ends: the
// first end of line outside brackets, so that an attribute spanning lines,
// or a block and everything in it, is one item.
func itemEnd(toks hclsyntax.Tokens, j int) int {
	depth := 0
	end := toks[j].Range.End.Byte
	for k := j; k < len(toks); k++ {
		t := toks[k]
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			depth--
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			if depth <= 0 {
				return end
			}
		case hclsyntax.TokenComment:
			if depth <= 0 && endsLine(t) {
				return end
			}
		}
		end = t.Range.End.Byte
	}
	return end
}

// parseDirective reads "exlint-ignore: a, b -- reason" (or -file:).
func parseDirective(text string, rng hcl.Range) *directive {
	d := &directive{rng: rng, used: map[string]bool{}}
	var rest string
	switch {
	case strings.HasPrefix(text, ignoreFile):
		d.fileLevel = true
		rest = text[len(ignoreFile):]
	case strings.HasPrefix(text, ignoreLine):
		rest = text[len(ignoreLine):]
	default:
		d.problem = fmt.Sprintf("%q is not a suppression exlint understands: %s", shorten(text), suppressionUsage)
		return d
	}
	list, reason, _ := strings.Cut(rest, "--")
	d.reason = strings.TrimSpace(reason)
	for _, r := range strings.Split(list, ",") {
		if r = strings.TrimSpace(r); r != "" {
			d.rules = append(d.rules, r)
		}
	}
	if len(d.rules) == 0 {
		d.problem = "this suppression names no rule: " + suppressionUsage
	}
	return d
}

func shorten(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return s
}

// scanJSONDirectives reads suppressions from a JSON topology file. JSON has
// no comments; like tflint, exlint reads a top-level "//" key whose value
// is "exlint-ignore-file: RULE -- reason". hcl's JSON reader skips "//"
// keys, so they never reach the topology.
//
// It reads the first JSON value of the file token by token, in one pass:
// whatever follows that value is a syntax error hcl reports, and a file that
// is not JSON has no suppressions.
func scanJSONDirectives(f *schema.File) []*directive {
	// Positions are those of the text after a UTF-8 byte order mark, as in
	// hcl's ranges for the rest of the file.
	src := bytes.TrimPrefix(f.Src, []byte{0xEF, 0xBB, 0xBF})
	dec := json.NewDecoder(bytes.NewReader(src))
	pos := cursor{src: src}
	var out []*directive
	// One frame per open object or array; in an object, key says whether
	// the next token is a key (else it is the value of the key before it).
	type frame struct{ object, key bool }
	var stack []frame
	afterComment := -1 // the offset after a "//" key, while its value is next
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // not JSON (or not one value): the syntax error is reported
		}
		n := len(stack)
		if n > 0 && stack[n-1].object && stack[n-1].key {
			if tok == json.Delim('}') { // the end of the object, not a key
				stack = stack[:n-1]
			} else {
				stack[n-1].key = false
				if key, _ := tok.(string); key == "//" {
					afterComment = int(dec.InputOffset())
				}
				continue
			}
		} else {
			// A value: of the key before it, an array item, or the whole file.
			if n > 0 && stack[n-1].object {
				stack[n-1].key = true
			}
			valueOfComment := afterComment
			afterComment = -1
			switch tok {
			case json.Delim('{'):
				stack = append(stack, frame{object: true, key: true})
				continue
			case json.Delim('['):
				stack = append(stack, frame{})
				continue
			case json.Delim(']'):
				stack = stack[:n-1]
			default:
				s, ok := tok.(string)
				if valueOfComment < 0 || !ok || !strings.HasPrefix(strings.TrimSpace(s), ignoreMarker) {
					break
				}
				start := valueOfComment
				for start < len(src) && (src[start] == ' ' || src[start] == '\t' || src[start] == '\r' || src[start] == '\n' || src[start] == ':') {
					start++
				}
				rng := hcl.Range{Filename: f.Name, Start: pos.at(start)}
				rng.End = pos.at(int(dec.InputOffset()))
				d := parseDirective(strings.TrimSpace(s), rng)
				switch {
				case d.problem != "":
				case n != 1:
					d.problem = `in a JSON file, only a "//" key at the top level can carry a suppression ("//": "exlint-ignore-file: RULE -- reason")`
				case !d.fileLevel:
					d.problem = `JSON files have no comments to put a suppression on a line: use "//": "exlint-ignore-file: RULE -- reason" at the top level, for the whole file`
				}
				out = append(out, d)
			}
		}
		if len(stack) == 0 {
			return out // the end of the file's value
		}
	}
}

// cursor turns byte offsets of src into hcl positions (columns count
// grapheme clusters, as hcl's do). Offsets must not decrease from one call
// to the next: each byte is read once, however many positions are asked for.
type cursor struct {
	src  []byte
	off  int
	line int // 0 until the first call
	col  int
}

func (c *cursor) at(off int) hcl.Pos {
	off = min(max(off, c.off), len(c.src))
	if c.line == 0 {
		c.line, c.col = 1, 1
	}
	for c.off < off {
		if c.src[c.off] == '\n' {
			c.off++
			c.line, c.col = c.line+1, 1
			continue
		}
		end := c.off + bytes.IndexByte(c.src[c.off:off], '\n')
		if end < c.off {
			end = off
		}
		for rest := c.src[c.off:end]; len(rest) > 0; c.col++ {
			adv, _, _ := textseg.ScanGraphemeClusters(rest, true)
			if adv <= 0 {
				adv = len(rest)
			}
			rest = rest[adv:]
		}
		c.off = end
	}
	return hcl.Pos{Line: c.line, Column: c.col, Byte: c.off}
}

// Suppressor applies the suppressions of one topology's files to its
// findings.
type Suppressor struct {
	known map[string]lint.RuleInfo
	ids   []string
	cfg   *config.Config
}

func New(known []lint.RuleInfo, cfg *config.Config) *Suppressor {
	s := &Suppressor{known: map[string]lint.RuleInfo{}, cfg: cfg}
	for _, r := range known {
		s.known[r.ID] = r
		s.ids = append(s.ids, r.ID)
	}
	return s
}

// Apply removes the findings that suppressions cover and returns what
// remains, with the suppression rule's findings about the directives
// themselves, and how many findings were suppressed in each file. rulesRun says whether
// the topology's rules ran: when they did not, a suppression cannot be
// called unused. Of a plan, fs holds the findings of every state: a
// suppression is used if it hides a finding of any state.
func (s *Suppressor) Apply(files []*schema.File, fs []lint.Finding, rulesRun bool) ([]lint.Finding, map[string]int) {
	byFile := map[string][]*directive{}
	var all []*directive
	for _, f := range files {
		ds := scanDirectives(f)
		byFile[f.Name] = ds
		all = append(all, ds...)
	}
	if len(all) == 0 {
		return fs, nil
	}
	out := fs[:0:0]
	suppressed := map[string]int{}
	hidden := make([]bool, len(fs))
	byName := map[string][]int{}
	for i, f := range fs {
		if len(byFile[f.Range.Filename]) > 0 && s.suppressible(f.Rule) {
			byName[f.Range.Filename] = append(byName[f.Range.Filename], i)
		}
	}
	for name, idx := range byName {
		newIndex(byFile[name]).hide(fs, idx, hidden)
	}
	// A problem found in several states of a plan is hidden in each, and
	// counted once: the problems at one place count as many as the most
	// any one state has there.
	type inState struct {
		id    lint.Identity
		state string
	}
	perState := map[inState]int{}
	most := map[lint.Identity]int{}
	for i, f := range fs {
		if !hidden[i] {
			out = append(out, f)
			continue
		}
		if f.State.IsZero() {
			suppressed[f.Range.Filename]++
			continue
		}
		k := inState{lint.IdentityOf(f), f.State.Name}
		perState[k]++
		if perState[k] > most[k.id] {
			most[k.id] = perState[k]
			suppressed[f.Range.Filename]++
		}
	}
	if s.cfg.RuleEnabled(lint.SuppressionRule) {
		sev := lint.Warning
		if v, ok := s.cfg.SeverityOf(lint.SuppressionRule); ok {
			sev = v
		}
		for _, d := range all {
			for _, msg := range s.problems(d, rulesRun) {
				out = append(out, lint.Finding{Rule: lint.SuppressionRule, Severity: sev, Message: msg, Range: d.rng})
			}
		}
	}
	lint.SortFindings(out)
	return out, suppressed
}

// index finds the directives of one file that cover a finding, without
// trying every directive on every finding: file-level directives by rule,
// line directives by line and rule, and the byte ranges of the others
// swept in order. Directives that cover the same place for the same rule
// form a group, marked used at once.
type index struct {
	file   map[string]*group
	line   map[lineKey]*group
	ranges []*span // sorted by start, the outer of two equal starts first
}

type lineKey struct {
	line int
	rule string
}

// span is the bytes [from, to) that directives on their own line cover.
type span struct {
	from, to int
	rules    map[string]*group
}

// group is the directives that cover one place for one rule.
type group struct {
	rule string
	ds   []*directive
	used bool
}

func (g *group) use() {
	if !g.used {
		g.used = true
		for _, d := range g.ds {
			d.used[g.rule] = true
		}
	}
}

func newIndex(ds []*directive) *index {
	ix := &index{file: map[string]*group{}, line: map[lineKey]*group{}}
	spans := map[[2]int]*span{}
	add := func(m map[string]*group, rule string, d *directive) {
		if m[rule] == nil {
			m[rule] = &group{rule: rule}
		}
		m[rule].ds = append(m[rule].ds, d)
	}
	for _, d := range ds {
		if d.problem != "" {
			continue
		}
		for _, r := range d.rules {
			switch {
			case d.fileLevel:
				add(ix.file, r, d)
			case d.line > 0:
				k := lineKey{d.line, r}
				if ix.line[k] == nil {
					ix.line[k] = &group{rule: r}
				}
				ix.line[k].ds = append(ix.line[k].ds, d)
			default:
				sp := spans[[2]int{d.from, d.to}]
				if sp == nil {
					sp = &span{from: d.from, to: d.to, rules: map[string]*group{}}
					spans[[2]int{d.from, d.to}] = sp
					ix.ranges = append(ix.ranges, sp)
				}
				add(sp.rules, r, d)
			}
		}
	}
	sort.Slice(ix.ranges, func(i, j int) bool {
		a, b := ix.ranges[i], ix.ranges[j]
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to > b.to
	})
	return ix
}

// hide marks hidden[i] for each finding fs[i], i in idx, that a directive
// covers, and marks those directives used. The spans of directives are the
// items below them, which nest or are apart; the sweep keeps the spans
// around the current finding on a stack, as deep as the items nest.
func (ix *index) hide(fs []lint.Finding, idx []int, hidden []bool) {
	sort.SliceStable(idx, func(a, b int) bool { return fs[idx[a]].Range.Start.Byte < fs[idx[b]].Range.Start.Byte })
	var open []*span
	k := 0
	for _, i := range idx {
		f := fs[i]
		at := f.Range.Start.Byte
		for ; k < len(ix.ranges) && ix.ranges[k].from <= at; k++ {
			for len(open) > 0 && open[len(open)-1].to <= ix.ranges[k].from {
				open = open[:len(open)-1]
			}
			open = append(open, ix.ranges[k])
		}
		for len(open) > 0 && open[len(open)-1].to <= at {
			open = open[:len(open)-1]
		}
		if g := ix.file[f.Rule]; g != nil {
			g.use()
			hidden[i] = true
		}
		if g := ix.line[lineKey{f.Range.Start.Line, f.Rule}]; g != nil {
			g.use()
			hidden[i] = true
		}
		for _, sp := range open {
			if g := sp.rules[f.Rule]; g != nil && at < sp.to {
				g.use()
				hidden[i] = true
			}
		}
	}
}

func (s *Suppressor) suppressible(rule string) bool {
	info, ok := s.known[rule]
	if !ok || rule == lint.SuppressionRule {
		return false
	}
	ignorable, _ := s.cfg.Ignorable(info)
	return ignorable
}

// problems are the messages the suppression rule reports about d.
func (s *Suppressor) problems(d *directive, rulesRun bool) []string {
	if d.problem != "" {
		return []string{d.problem}
	}
	var out []string
	var unused []string
	for _, r := range d.rules {
		info, ok := s.known[r]
		switch {
		case r == "all":
			out = append(out, `exlint has no "all": name the rules to suppress, so that a suppression never hides a rule added later`)
		case !ok:
			msg := fmt.Sprintf("%q is not a rule", r)
			if sug := schema.Suggest(r, s.ids); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			out = append(out, msg+" ('exlint rules' lists them)")
		case r == lint.SuppressionRule:
			out = append(out, "suppression findings cannot be suppressed inline; disable the rule in .exlint.hcl instead: rule \"suppression\" { enabled = false }")
		case info.Structural:
			out = append(out, fmt.Sprintf("%s findings are structural (exlint could not read the topology) and cannot be suppressed: fix the input", r))
		default:
			if ignorable, at := s.cfg.Ignorable(info); !ignorable {
				out = append(out, fmt.Sprintf("%s cannot be suppressed: the configuration says ignorable = false (%s)", r, at.Origin()))
				continue
			}
			if rulesRun && s.cfg.RuleEnabled(r) && !d.used[r] {
				unused = append(unused, r)
			}
		}
	}
	if len(unused) > 0 {
		where := "on this line"
		switch {
		case d.fileLevel:
			where = "in this file"
		case d.line == 0:
			where = "on the line below"
		}
		out = append(out, fmt.Sprintf("this suppression of %s suppresses nothing: no such finding %s; remove it (or it would hide a future finding)", strings.Join(unused, ", "), where))
	}
	if d.reason == "" {
		out = append(out, "this suppression gives no reason: add one after --, such as `# exlint-ignore: "+strings.Join(d.rules, ", ")+" -- decommissioned in March`")
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
