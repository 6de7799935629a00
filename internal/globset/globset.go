// Package globset matches paths against a list of doublestar globs in time
// linear in the path: each character of a path costs a fixed number of
// word operations per 64 states of the patterns, whatever the patterns and
// the path hold.
//
// doublestar (github.com/bmatcuk/doublestar/v4) defines the syntax and the
// meaning of the patterns, and this package reads them as its Match does,
// quirks included (TestAgainstDoublestar and FuzzMatch compare the two),
// with two exceptions: a [class] never matches / (class.has), and every
// {a,b} is expanded before matching, as if its alternatives were written
// out (doublestar expands one when its search reaches it, and what a ** just
// before it means then depends on which alternative it tries: only
// patterns such as **{/x,} tell the difference). doublestar's own Match
// backtracks: it tries each alternative of a {a,b} with the whole rest of
// the pattern, then each position a * or a **/ could take, so that 185
// bytes of braces took a minute per path, and a pattern of a few
// characters after a * or a **/ took time proportional to the path times
// the pattern. Here a pattern is expanded once into the brace-free
// patterns it stands for ({a,b}{c,d} is four), each is compiled into a
// nondeterministic automaton whose states are bits, and the automata of
// every pattern run together over the path, one step per character (the
// bit-parallel simulation of an automaton). A path can be read in pieces
// (Advance), so that a walk reads each name once.
package globset

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// masks are the states of each kind in one word of 64 states, together for
// the step over a character.
type masks struct {
	skip1  uint64 // before a * or a final **: moves past it without a character
	skip2  uint64 // before a **/: moves past it without a character
	star   uint64 // after a *: stays on a character other than /
	rest   uint64 // after a final **: stays on any character
	dirs   uint64 // after a **/: a character other than / begins a directory it skips
	inDir  uint64 // inside a directory a **/ skips: stays until the / that ends it
	anyOne uint64 // before a ?: takes any character but /
}

// Set is a list of patterns compiled for matching.
type Set struct {
	words int
	// blockStart holds the first state of each brace-free pattern, and
	// blockPattern the index of the pattern it comes from.
	blockStart, blockPattern []int

	start  []uint64 // the first state of each brace-free pattern
	accept []uint64 // states a path may end in (the rest of the pattern matches nothing)
	masks  []masks  // the states of each kind, 64 at a time

	// ascii holds, for each ASCII character, the states before a literal
	// or a class that takes it; above ASCII, wide[i] holds those of the
	// runes from bounds[i] up to bounds[i+1]-1 (to the last rune for the
	// last one).
	ascii  []uint64
	bounds []rune
	wide   []uint64
}

type kind uint8

const (
	char kind = iota // one character: a literal, a ?, a [class]
	star             // *, or a ** that is not a whole directory
	dirs             // **/ at the start of a directory: any number of directories
	rest             // ** at the start of a directory and at the end: anything
)

type atom struct {
	kind  kind
	lit   rune
	any   bool   // a ?
	class *class // a [class]
	// end: a path that ends before this atom matches, because doublestar
	// takes the rest of the pattern to match nothing (isZeroLengthPattern:
	// "a/**" matches "a").
	end bool
}

// class is a [class]: its ranges, as doublestar reads them, and whether it
// is negated.
type class struct {
	ranges [][2]rune
	negate bool
}

// has reports whether the class matches r. Unlike doublestar's, a class
// never matches /, as a ? does not: doublestar's [!a] matches the / of a/b
// only where its search happens to try it (not after a * it has moved
// past), which no automaton can follow, and a class is meant for one
// character of a name.
func (c *class) has(r rune) bool {
	if r == '/' {
		return false
	}
	for _, rg := range c.ranges {
		if rg[0] <= r && r <= rg[1] {
			return !c.negate
		}
	}
	return c.negate
}

// Cost returns how many pairs of braces a valid pattern holds, and the
// states it compiles to: one for each character of each brace-free pattern
// it stands for, and one more for each (so that {,,,} counts), at most
// limit+1. It takes time linear in the pattern, whatever its braces.
func Cost(p string, limit int) (braces, states int) {
	most := limit + 1
	// One level per open brace: the text read since it (how many patterns
	// it stands for, and their characters), and its alternatives so far.
	type level struct{ count, chars, altCount, altChars int }
	stack := []level{{count: 1}}
	literal := func(n int) {
		top := &stack[len(stack)-1]
		top.chars = min(top.chars+n*top.count, most)
	}
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			literal(2)
			i++
		case '[':
			j := classEnd(p, i)
			literal(j - i + 1)
			i = j
		case '{':
			braces++
			stack = append(stack, level{count: 1})
		case ',':
			if len(stack) == 1 {
				literal(1)
				continue
			}
			top := &stack[len(stack)-1]
			top.altCount, top.altChars = min(top.altCount+top.count, most), min(top.altChars+top.chars, most)
			top.count, top.chars = 1, 0
		case '}':
			if len(stack) == 1 {
				literal(1)
				continue
			}
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			alts, chars := min(g.altCount+g.count, most), min(g.altChars+g.chars, most)
			top := &stack[len(stack)-1]
			// Each pattern so far goes on with each alternative.
			top.chars = min(top.chars*alts+chars*top.count, most)
			top.count = min(top.count*alts, most)
		default:
			literal(1)
		}
	}
	return braces, min(stack[0].count+stack[0].chars, most)
}

// Compile compiles patterns, each valid for doublestar.ValidatePattern.
// Its work and the Set's size are linear in the patterns' Cost, which the
// caller bounds: a pattern of a few braces can stand for millions of
// patterns.
func Compile(patterns []string) (*Set, error) {
	var blocks [][]atom
	var owner []int
	for i, p := range patterns {
		if !doublestar.ValidatePattern(p) {
			return nil, fmt.Errorf("%q is not a valid pattern", p)
		}
		expand(p, func(e string) {
			blocks = append(blocks, atoms(e))
			owner = append(owner, i)
		})
	}
	s := &Set{blockPattern: owner}
	n := 0
	for _, b := range blocks {
		s.blockStart = append(s.blockStart, n)
		n += states(b)
	}
	w := (n + 63) / 64
	s.words = w
	s.start, s.accept, s.masks = make([]uint64, w), make([]uint64, w), make([]masks, w)

	// The runes above ASCII at which some atom's answer changes.
	cuts := []rune{utf8.RuneSelf}
	for _, b := range blocks {
		for _, a := range b {
			switch {
			case a.class != nil:
				for _, rg := range a.class.ranges {
					cuts = append(cuts, max(rg[0], utf8.RuneSelf), max(rg[1]+1, utf8.RuneSelf))
				}
			case a.kind == char && !a.any && a.lit >= utf8.RuneSelf:
				cuts = append(cuts, a.lit, a.lit+1)
			}
		}
	}
	slices.Sort(cuts)
	s.bounds = slices.Compact(cuts)
	if last := len(s.bounds) - 1; s.bounds[last] > utf8.MaxRune {
		s.bounds = s.bounds[:last]
	}
	s.ascii = make([]uint64, utf8.RuneSelf*w)
	s.wide = make([]uint64, len(s.bounds)*w)

	set := func(v []uint64, q int) { v[q/64] |= 1 << (q % 64) }
	// at returns the masks of state q's word, and its bit there.
	at := func(q int) (*masks, uint64) { return &s.masks[q/64], 1 << (q % 64) }
	clear := func(v []uint64, q int) { v[q/64] &^= 1 << (q % 64) }
	// interval returns the index of the interval holding r, above ASCII.
	interval := func(r rune) int {
		return sort.Search(len(s.bounds), func(i int) bool { return s.bounds[i] > r }) - 1
	}
	for bi, b := range blocks {
		q := s.blockStart[bi]
		set(s.start, q)
		for _, a := range b {
			if a.end {
				set(s.accept, q)
			}
			switch a.kind {
			case char:
				switch {
				case a.any:
					m, bit := at(q)
					m.anyOne |= bit
				case a.class != nil:
					s.setClass(a.class, q, set, clear, interval)
				case a.lit < utf8.RuneSelf:
					set(s.ascii[int(a.lit)*w:], q)
				default:
					set(s.wide[interval(a.lit)*w:], q)
				}
				q++
			case star, rest:
				m, bit := at(q)
				m.skip1 |= bit
				if m, bit := at(q + 1); a.kind == star {
					m.star |= bit
				} else {
					m.rest |= bit
				}
				q++
			case dirs:
				m, bit := at(q)
				m.skip2 |= bit
				m, bit = at(q + 1)
				m.inDir |= bit
				m, bit = at(q + 2)
				m.dirs |= bit
				q += 2
			}
		}
		set(s.accept, q) // the whole pattern matched
	}
	return s, nil
}

// setClass marks state q in the tables of the characters the class takes.
func (s *Set) setClass(c *class, q int, set, clear func([]uint64, int), interval func(rune) int) {
	w := s.words
	mark := set
	if c.negate {
		// Everything, then not the members.
		for r := range utf8.RuneSelf {
			set(s.ascii[r*w:], q)
		}
		for i := range s.bounds {
			set(s.wide[i*w:], q)
		}
		mark = clear
	}
	for _, rg := range c.ranges {
		for r := rg[0]; r <= min(rg[1], utf8.RuneSelf-1); r++ {
			mark(s.ascii[int(r)*w:], q)
		}
		if rg[1] >= utf8.RuneSelf {
			for i := interval(max(rg[0], utf8.RuneSelf)); i < len(s.bounds) && s.bounds[i] <= rg[1]; i++ {
				mark(s.wide[i*w:], q)
			}
		}
	}
	clear(s.ascii['/'*w:], q)
}

// states counts the states of a brace-free pattern: one before each atom,
// one more inside a **/, and the last.
func states(atoms []atom) int {
	n := 1
	for _, a := range atoms {
		n++
		if a.kind == dirs {
			n++
		}
	}
	return n
}

// State is where the patterns stand after a path's first characters; nil
// when no pattern can match a path that begins with them.
type State []uint64

// Start is the state before the first character of a path.
func (s *Set) Start() State {
	if s.words == 0 {
		return nil
	}
	return slices.Clone(State(s.start))
}

// Advance returns the state after st and then text. A path can be read in
// pieces (cut between two characters): Advance(Advance(st, "a/b"), "/c")
// is Advance(st, "a/b/c"), so the state after a directory serves every path
// under it. st is left as it is.
func (s *Set) Advance(st State, text string) State {
	if st == nil {
		return nil
	}
	w := s.words
	// in: the states the characters read so far lead to; out: those the
	// next character leads to. One pass over the words per character.
	buf := make([]uint64, 2*w)
	in, out := State(buf[:w:w]), State(buf[w:])
	copy(in, st)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		var next []uint64
		if r < utf8.RuneSelf {
			next = s.ascii[int(r)*w : int(r+1)*w]
		} else {
			k := sort.Search(len(s.bounds), func(k int) bool { return s.bounds[k] > r }) - 1
			next = s.wide[k*w : (k+1)*w]
		}
		slash := r == '/'
		var skipped, moved, live uint64 // what a word passes to the next one up
		for j := range w {
			// The state and those it reaches without a character: past a
			// **/, then past a * or a final ** (runs of either are one
			// atom, so there is no longer chain).
			m := &s.masks[j]
			v := in[j] | skipped
			v |= (v & m.skip2) << 2
			v |= (v & m.skip1) << 1
			skipped = (v&m.skip2)>>62 | (v&m.skip1)>>63
			var stay, move uint64
			if slash {
				// Staying after a **/ (an empty directory) or a final **;
				// moving on to the next atom, or from inside a directory a
				// **/ skips to after the **/.
				stay = v & (m.dirs | m.rest)
				move = v & (next[j] | m.inDir)
			} else {
				// Staying after a *, inside a skipped directory, or after a
				// final **; moving on to the next atom.
				stay = v & (m.star | m.inDir | m.rest)
				move = v & (next[j] | m.anyOne)
			}
			o := stay | move<<1 | moved
			moved = move >> 63
			if !slash {
				// A character other than / after a **/ begins a directory
				// it skips: the state just below.
				back := v & m.dirs
				o |= back >> 1
				if j > 0 {
					out[j-1] |= back << 63
					live |= out[j-1]
				}
			}
			if j > 0 {
				live |= out[j-1]
			}
			out[j] = o
		}
		live |= out[w-1]
		if live == 0 {
			return nil
		}
		in, out = out, in
	}
	return in
}

// Result returns the index of the first pattern that matches a path that
// ends in state st, or -1.
func (s *Set) Result(st State) int {
	if st == nil {
		return -1
	}
	// A brace-free pattern ends where doublestar's search ends: its state
	// furthest on. (doublestar moves on from a * as soon as it can, and
	// keeps only the last * and the last **/ to come back to; where the
	// rest of the pattern matches nothing, a path may end short of the
	// last state.)
	for b, from := range s.blockStart {
		to := s.words * 64
		if b+1 < len(s.blockStart) {
			to = s.blockStart[b+1]
		}
		if q := highest(st, from, to); q >= 0 && s.accept[q/64]&(1<<(q%64)) != 0 {
			return s.blockPattern[b]
		}
	}
	return -1
}

// Match returns the index of the first pattern that matches name (a path
// with / between its names), or -1.
func (s *Set) Match(name string) int {
	return s.Result(s.Advance(s.Start(), name))
}

// highest returns the highest state of v in [from, to), or -1.
func highest(v []uint64, from, to int) int {
	for j := (to - 1) / 64; j >= from/64; j-- {
		m := v[j]
		if hi := to - j*64; hi < 64 {
			m &= 1<<hi - 1
		}
		if lo := from - j*64; lo > 0 {
			m &^= 1<<lo - 1
		}
		if m != 0 {
			return j*64 + bits.Len64(m) - 1
		}
	}
	return -1
}

// expand calls emit with each brace-free pattern p stands for, in order: at
// its first {a,b}, p's text before it, an alternative and p's text after
// it, expanded in turn for each alternative. Braces in a [class] or after
// a \ are characters, as for doublestar.
func expand(p string, emit func(string)) {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(p, i)
		case '{':
			alts, end := braces(p[i+1:])
			closing := i + 1 + end
			for _, alt := range alts {
				expand(p[:i]+alt+p[closing+1:], emit)
			}
			return
		}
	}
	emit(p)
}

// atoms reads a brace-free pattern as doublestar's Match does.
func atoms(p string) []atom {
	var out []atom
	for i := 0; i < len(p); {
		a, size := readAtom(p, i)
		a.end = doublestar.MatchUnvalidated(p[i:], "")
		i += size
		// A run of * is one *, and a run of **/ one **/: doublestar comes
		// back only to the last of them.
		if n := len(out); n > 0 && a.kind == out[n-1].kind && (a.kind == star || a.kind == dirs) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// readAtom reads the atom at p[i:], and how many bytes it takes.
func readAtom(p string, i int) (atom, int) {
	startOfDir := i == 0 || p[i-1] == '/'
	switch p[i] {
	case '*':
		if i+1 < len(p) && p[i+1] == '*' {
			switch {
			case startOfDir && i+2 == len(p):
				return atom{kind: rest}, 2
			case startOfDir && p[i+2] == '/':
				return atom{kind: dirs}, 3
			}
			return atom{kind: star}, 2
		}
		return atom{kind: star}, 1
	case '?':
		return atom{kind: char, any: true}, 1
	case '[':
		c, size := readClass(p[i:])
		return atom{kind: char, class: c}, size
	case '\\':
		r, size := utf8.DecodeRuneInString(p[i+1:])
		return atom{kind: char, lit: r}, 1 + size
	}
	r, size := utf8.DecodeRuneInString(p[i:])
	return atom{kind: char, lit: r}, size
}

// readClass reads the [class] at the start of p as doublestar's Match
// does: an optional ! or ^, then characters, ranges lo-hi and \-escapes,
// up to the ] that closes it.
func readClass(p string) (*class, int) {
	c := &class{}
	i := 1
	if p[i] == '!' || p[i] == '^' {
		c.negate = true
		i++
	}
	last := utf8.MaxRune
	for i < len(p) && p[i] != ']' {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		if last < utf8.MaxRune && r == '-' && i < len(p) && p[i] != ']' {
			if p[i] == '\\' {
				i++
			}
			hi, size := utf8.DecodeRuneInString(p[i:])
			i += size
			c.ranges = append(c.ranges, [2]rune{last, hi})
			last = utf8.MaxRune
			continue
		}
		if r == '\\' {
			r, size = utf8.DecodeRuneInString(p[i:])
			i += size
		}
		c.ranges = append(c.ranges, [2]rune{r, r})
		last = r
	}
	return c, i + 1
}

// braces reads the inside of a {...} whose { is just before s, in one
// pass: its alternatives (split at its own commas, those of nested braces
// aside) and the index in s of the } that closes it (len(s) without one).
func braces(s string) (alts []string, end int) {
	depth, from := 1, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(s, i)
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return append(alts, s[from:i]), i
			}
		case ',':
			if depth == 1 {
				alts = append(alts, s[from:i])
				from = i + 1
			}
		}
	}
	return append(alts, s[from:]), len(s)
}

// classEnd returns the index of the ] that closes the class at s[i] (the
// next one not after a \), or len(s)-1.
func classEnd(s string, i int) int {
	for i++; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		} else if s[i] == ']' {
			return i
		}
	}
	return len(s) - 1
}
