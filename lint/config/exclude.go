package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/exlint/exlint/internal/globset"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Bounds of the exclude setting. Every path a run reaches is matched
// against every pattern (globset: each character of the path costs a few
// word operations per 64 states of the patterns), and a pattern compiles to
// one state per character of each brace-free pattern it stands for: a few
// braces stand for millions ({a,b}{c,d} is four patterns; 13 groups of
// {*,{*,{*,*}}}, 185 bytes, are 67 million). These bounds keep the states,
// and so the work per character of a path, to a small constant.
const (
	// MaxExcludeSize bounds the states of all the patterns together: their
	// characters once braces are expanded, plus one per expanded pattern.
	MaxExcludeSize = 4096
	// MaxExcludeBraces bounds the pairs of braces of one pattern (expanding
	// them takes time proportional to the pattern for each).
	MaxExcludeBraces = 16
)

// excludePatterns reads the exclude setting: a list of glob patterns
// relative to the configuration's directory, valid for doublestar and
// within the bounds above.
func excludePatterns(a *hclsyntax.Attribute, v cty.Value, config string, add func(hcl.Range, string, ...any)) ([]string, bool) {
	if !v.Type().IsTupleType() && !v.Type().IsListType() {
		add(a.Expr.Range(), "exclude must be a list of path patterns, such as [\"archive/**\"]")
		return nil, false
	}
	// Each pattern's own place, when the list is written out.
	at := func(i int) hcl.Range {
		if t, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && i < len(t.Exprs) {
			return t.Exprs[i].Range()
		}
		return a.Expr.Range()
	}
	var pats []string
	good := true
	total := 0
	for i, ev := range v.AsValueSlice() {
		if ev.IsNull() || ev.Type() != cty.String {
			add(a.Expr.Range(), "exclude must be a list of strings (path patterns)")
			return nil, false
		}
		p := ev.AsString()
		clean := strings.TrimPrefix(filepath.ToSlash(p), "./")
		switch {
		case clean == "" || strings.HasPrefix(clean, "/") || filepath.IsAbs(p):
			add(a.Expr.Range(), "exclude pattern %q: write a path relative to the directory of %s, such as \"archive/**\"", p, config)
			good = false
		case !doublestar.ValidatePattern(clean):
			add(a.Expr.Range(), "exclude pattern %q is not a valid glob (*, **, ?, [abc], {a,b})", p)
			good = false
		default:
			braces, size := globset.Cost(clean, MaxExcludeSize)
			if braces > MaxExcludeBraces {
				add(at(i), "exclude pattern %s has %d pairs of braces; exlint takes at most %d in a pattern (each {a,b} is tried in turn on every path): write it as several patterns",
					shortQuote(p), braces, MaxExcludeBraces)
				good = false
				continue
			}
			if total <= MaxExcludeSize {
				if total += size; total > MaxExcludeSize {
					add(at(i), "exclude patterns up to %s hold more than %d characters once their braces are expanded ({a,b}/** is a/** and b/**); exlint takes at most %d, since it tries every path against every pattern: exclude directories (\"archive/**\") rather than files one by one, and use fewer alternatives",
						shortQuote(p), MaxExcludeSize, MaxExcludeSize)
					good = false
				}
			}
		}
		pats = append(pats, clean)
	}
	return pats, good
}

// shortQuote quotes a pattern for a message, cut after 60 bytes: the
// message names it, its position finds it.
func shortQuote(p string) string {
	const most = 60
	if len(p) <= most {
		return fmt.Sprintf("%q", p)
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", p[:cut])
}

// Excluded returns the pattern that excludes path (a file or directory, as
// reached from the command line), or "". Patterns match the path relative
// to the configuration's directory, with "/" separators; a pattern that
// matches a directory excludes everything under it. Of the patterns that
// match the path or a directory above it, the first in the list is
// returned.
func (c *Config) Excluded(path string) string {
	if c == nil || len(c.Exclude.Value) == 0 {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	base, err := filepath.Abs(c.Base)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	rel = filepath.ToSlash(rel)
	idx := c.exclude
	if idx == nil {
		// A Config built by hand, not by Parse.
		idx = &excludeIndex{}
	}
	set, err := idx.compiled(c.Exclude.Value)
	if err != nil {
		return ""
	}
	// The directories above the path down from the nearest one whose
	// state is known (a walk asks about a directory before its entries),
	// then the path itself; each is matched as a path of its own.
	chain := []string{rel}
	st, done := set.Start(), 0 // the state after rel[:done]
	for p := pathDir(rel); p != ""; p = pathDir(p) {
		if known, ok := idx.state(base, p); ok {
			st, done = known, len(p)
			break
		}
		chain = append(chain, p)
	}
	slices.Reverse(chain)
	first := -1
	for i, p := range chain {
		piece := p[done:]
		done = len(p)
		st = set.Advance(st, piece)
		if m := set.Result(st); m >= 0 && (first < 0 || m < first) {
			first = m
		}
		if first < 0 && i < len(chain)-1 {
			idx.remember(base, p, st)
		}
	}
	if first >= 0 {
		return c.Exclude.Value[first]
	}
	return ""
}

// excludeIndex is what Excluded keeps between calls: the patterns
// compiled, and the states of directories (relative to base) that no
// pattern matches, nor any directory above them. With them, a walk reads
// each name once: without, each entry matched every directory above it
// again, and a chain of 2,000 nested directories took 2,000,000 matches of
// paths up to 4,000 bytes (34 s for the pattern "**/zz/**").
type excludeIndex struct {
	once sync.Once
	set  *globset.Set
	err  error

	mu   sync.Mutex
	base string
	dirs map[string]globset.State
}

// maxRemembered bounds the directories an excludeIndex remembers (each
// state is a few hundred bytes at most): when it is full it starts again,
// and a directory whose state it forgot is read again, from the nearest
// one it knows.
const maxRemembered = 4096

func (x *excludeIndex) compiled(patterns []string) (*globset.Set, error) {
	x.once.Do(func() { x.set, x.err = globset.Compile(patterns) })
	return x.set, x.err
}

func (x *excludeIndex) state(base, rel string) (globset.State, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.base != base {
		return nil, false
	}
	st, ok := x.dirs[rel]
	return st, ok
}

func (x *excludeIndex) remember(base, rel string, st globset.State) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.base != base || len(x.dirs) >= maxRemembered {
		// Base is relative and the working directory changed, or the
		// index is full.
		x.base, x.dirs = base, map[string]globset.State{}
	}
	x.dirs[rel] = st
}

func pathDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
