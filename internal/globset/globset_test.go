package globset

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// The patterns of docs/configuration.md, and the corners of doublestar's
// reading: a final /** matches the directory itself, **/ matches no
// directory too, a ** that is not a whole name is a *, alternatives may
// hold a /.
func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		patterns []string
		name     string
		want     int
	}{
		{[]string{"archive/**"}, "archive", 0},
		{[]string{"archive/**"}, "archive/old/x.exchange.hcl", 0},
		{[]string{"archive/**"}, "archived", -1},
		{[]string{"archive"}, "archive", 0},
		{[]string{"archive"}, "archive/x", -1},
		{[]string{"**/*.draft.exchange.hcl"}, "a.draft.exchange.hcl", 0},
		{[]string{"**/*.draft.exchange.hcl"}, "live/eu/a.draft.exchange.hcl", 0},
		{[]string{"**/*.draft.exchange.hcl"}, "live/a.exchange.hcl", -1},
		{[]string{"customers/*/legacy"}, "customers/contoso/legacy", 0},
		{[]string{"customers/*/legacy"}, "customers/contoso/eu/legacy", -1},
		{[]string{"a/**/b"}, "a/b", 0},
		{[]string{"a/**/b"}, "a/x/y/b", 0},
		{[]string{"a**b"}, "a/b", -1}, // a ** inside a name is a *
		{[]string{"a**b"}, "axyb", 0},
		{[]string{"{old,archive/2019}/**"}, "archive/2019/x", 0},
		{[]string{"{old,archive/2019}/**"}, "archive/2020/x", -1},
		{[]string{"x", "[a-c]?", "a*"}, "ab", 1},
		{[]string{`\*`}, "*", 0},
		{[]string{`\*`}, "a", -1},
		{[]string{"[!_]*"}, "x.hcl", 0},
		{[]string{"[!_]*"}, "_x.hcl", -1},
		{[]string{"é*"}, "été", 0},
		{[]string{"[à-ü]"}, "é", 0},
		{[]string{"?"}, "\xff", 0}, // a byte that is not UTF-8 is a character
		// A class never matches /, unlike doublestar's [!_] in a[!_]b.
		{[]string{"a[!_]b"}, "a/b", -1},
		{[]string{"a[!_]b"}, "a.b", 0},
	} {
		s, err := Compile(tc.patterns)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Match(tc.name); got != tc.want {
			t.Errorf("%q against %q: %d, want %d", tc.patterns, tc.name, got, tc.want)
		}
	}
	if _, err := Compile([]string{"a/[b"}); err == nil {
		t.Error("an invalid pattern compiled")
	}
}

// oracle is doublestar's answer for patterns: the first whose brace-free
// expansions one matches name. A class never matches / here (class.has),
// and doublestar's [!a] and [é/] do: they are given the / to leave out.
func oracle(patterns []string, name string) int {
	for i, p := range patterns {
		found := false
		expand(p, func(e string) {
			e = strings.NewReplacer("[!a]", "[!a/]", "[é/]", "[é]").Replace(e)
			if ok, _ := doublestar.Match(e, name); ok {
				found = true
			}
		})
		if found {
			return i
		}
	}
	return -1
}

// Sets of random patterns against random names give doublestar's answers.
func TestAgainstDoublestar(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	toks := []string{"a", "b", "/", "*", "**", "?", "{", "}", ",", "[ab]", "[!a]", "[a-b]", `\*`, "é", "[é/]", "**/", "/**", "[^é/]"}
	ntoks := []string{"a", "b", "/", "é", "*", "ab"}
	bad := 0
	for range 200000 {
		var pats []string
		for k := r.Intn(3) + 1; k > 0; k-- {
			var p strings.Builder
			for j := r.Intn(8) + 1; j > 0; j-- {
				p.WriteString(toks[r.Intn(len(toks))])
			}
			if pat := p.String(); doublestar.ValidatePattern(pat) {
				pats = append(pats, pat)
			}
		}
		var n strings.Builder
		for j := r.Intn(8) + 1; j > 0; j-- {
			n.WriteString(ntoks[r.Intn(len(ntoks))])
		}
		if len(pats) == 0 {
			continue
		}
		s, err := Compile(pats)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := s.Match(n.String()), oracle(pats, n.String()); got != want {
			if bad++; bad > 20 {
				t.Fatal("too many")
			}
			t.Errorf("%q against %q: %d, doublestar %d", pats, n.String(), got, want)
		}
	}
}

// Any pattern doublestar accepts, against any name, gives doublestar's
// answer (classes aside: a pattern with one is compared on names without
// a /).
func FuzzMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"archive/**", "archive/x"}, {"**/*.draft.exchange.hcl", "a/b.draft.exchange.hcl"}, {"{a,b/**}/c*", "b/x/cd"},
		{"*b**/", "b*ab"}, {"a****", "a"}, {"a**/", "a"}, {"/**/", ""}, {"[!a]*", "b/c"}, {"**/**{}", "ab/b"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if len(pattern) > 40 || len(name) > 40 || !doublestar.ValidatePattern(pattern) || !utf8.ValidString(pattern) {
			return
		}
		if braces, _ := Cost(pattern, 64); braces > 4 {
			return // doublestar's own time grows with the braces
		}
		if strings.Contains(pattern, "[") && strings.Contains(name, "/") {
			return
		}
		s, err := Compile([]string{pattern})
		if err != nil {
			t.Fatal(err)
		}
		want := -1
		expand(pattern, func(e string) {
			if ok, _ := doublestar.Match(e, name); ok {
				want = 0
			}
		})
		if got := s.Match(name); got != want {
			t.Errorf("%q against %q: %d, doublestar %d", pattern, name, got, want)
		}
	})
}

// A path read in pieces ends in the state it ends in read whole.
func TestAdvanceInPieces(t *testing.T) {
	s, _ := Compile([]string{"**/x/**/*.hcl", "a/{b,c}*/d", "**"})
	whole := s.Advance(s.Start(), "a/bb/x/y/z.hcl")
	st := s.Start()
	for _, piece := range []string{"a", "/bb", "/x/y", "/z", ".hcl"} {
		st = s.Advance(st, piece)
	}
	if s.Result(st) != s.Result(whole) || s.Result(st) != 0 || len(st) != len(whole) {
		t.Errorf("in pieces %d, whole %d", s.Result(st), s.Result(whole))
	}
	if s2, _ := Compile([]string{"a/**"}); s2.Advance(s2.Start(), "b") != nil || s2.Result(nil) != -1 {
		t.Error("a path no pattern can match has no state")
	}
}

// Cost counts braces and the states of the expanded patterns in one pass,
// capped: 13 groups of {*,{*,{*,*}}} stand for 67 million patterns.
func TestCost(t *testing.T) {
	for _, tc := range []struct {
		pattern       string
		braces, state int
	}{
		{"archive/**", 0, 11},
		{"{a,b}/**", 1, 10},        // a/** and b/**: 4 characters and one more, twice
		{"{a,b}{c,d}", 2, 12},      // four patterns of two characters
		{"{,,,}", 1, 4},            // four empty patterns
		{`[{]\{x`, 0, 7},           // braces in a class and after a \ are characters
		{"{a,{b,c}d}", 2, 2 + 2*3}, // a, bd, cd
		{strings.Repeat("{*,{*,{*,*}}}", 13) + "b", 39, 1001},
	} {
		braces, states := Cost(tc.pattern, 1000)
		if braces != tc.braces || states != tc.state {
			t.Errorf("Cost(%q) = %d braces, %d states; want %d, %d", tc.pattern, braces, states, tc.braces, tc.state)
		}
	}
	// Cost is an upper bound of what Compile builds.
	for _, p := range []string{"archive/**", "{a,b}/**", "**/x/**/*.hcl", "{a,{b,c}d}[xy]?"} {
		_, states := Cost(p, 1<<20)
		s, _ := Compile([]string{p})
		if n := s.blockStart[len(s.blockStart)-1]; n >= states {
			t.Errorf("%q: Cost %d, but the last pattern starts at state %d", p, states, n)
		}
	}
}

// The bounds of lint/config at their largest, against long names: the
// time of a match grows with the path and the patterns' states, never
// with anything else (doublestar took a minute for one name here).
func BenchmarkMatchHostile(b *testing.B) {
	name := "contoso/" + strings.Repeat("a", 250) + "00001"
	for _, tc := range []struct {
		label    string
		patterns []string
	}{
		{"braces", []string{strings.Repeat("{*,{*,{*,*}}}", 4) + "b"}},
		{"star-runs", repeat("**/*"+strings.Repeat("a", 8)+"b", 4096/15)},
		{"long-tail", []string{"**/" + strings.Repeat("a/", 2040) + "b"}},
		{"normal", []string{"archive/**", "**/*.draft.exchange.hcl"}},
	} {
		s, err := Compile(tc.patterns)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.label, func(b *testing.B) {
			for b.Loop() {
				s.Match(name)
			}
		})
	}
}

func repeat(p string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = p
	}
	return out
}
