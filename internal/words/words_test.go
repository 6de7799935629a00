package words

import (
	"reflect"
	"testing"
)

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		items     []string
		and, or   string
		quotedAnd string
	}{
		{nil, "", "", ""},
		{[]string{"a"}, "a", "a", `"a"`},
		{[]string{"a", "b"}, "a and b", "a or b", `"a" and "b"`},
		{[]string{"a", "b", "c"}, "a, b and c", "a, b or c", `"a", "b" and "c"`},
	} {
		if got := And(tc.items); got != tc.and {
			t.Errorf("And(%q) = %q, want %q", tc.items, got, tc.and)
		}
		if got := Or(tc.items); got != tc.or {
			t.Errorf("Or(%q) = %q, want %q", tc.items, got, tc.or)
		}
		if got := Quoted(tc.items); got != tc.quotedAnd {
			t.Errorf("Quoted(%q) = %q, want %q", tc.items, got, tc.quotedAnd)
		}
	}
	if got := Join([]string{"x", "y"}, "through"); got != "x through y" {
		t.Errorf("Join: %q", got)
	}
}

func TestShort(t *testing.T) {
	four := []string{"a", "b", "c", "d"}
	if got := Short(four); !reflect.DeepEqual(got, four) {
		t.Errorf("Short(4 items) = %q", got)
	}
	six := []string{"a", "b", "c", "d", "e", "f"}
	if got := Short(six); !reflect.DeepEqual(got, []string{"a", "b", "c", "d", "2 more"}) {
		t.Errorf("Short(6 items) = %q", got)
	}
	if len(six) != 6 || six[4] != "e" {
		t.Errorf("Short changed its argument: %q", six)
	}
	if got := And(Short(six)); got != "a, b, c, d and 2 more" {
		t.Errorf("And(Short) = %q", got)
	}
}

func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		n                 int
		count, noun, pick string
	}{
		{0, "0 days", "levels", "run"},
		{1, "1 day", "level", "runs"},
		{2, "2 days", "levels", "run"},
	} {
		if got := Count(tc.n, "day"); got != tc.count {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.count)
		}
		if got := Noun("level", tc.n); got != tc.noun {
			t.Errorf("Noun(%d) = %q, want %q", tc.n, got, tc.noun)
		}
		if got := Pick(tc.n, "runs", "run"); got != tc.pick {
			t.Errorf("Pick(%d) = %q, want %q", tc.n, got, tc.pick)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 150: "150", 1000: "1,000", 2400: "2,400", 100000000: "100,000,000", -5000: "-5,000"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct{ s, end, start string }{
		{"abc", "abc", "abc"},
		{"abcdef", "abcd…", "…cdef"},
		{"ééééé", "éééé…", "…éééé"},
	} {
		if got := ClipEnd(tc.s, 4); got != tc.end {
			t.Errorf("ClipEnd(%q) = %q", tc.s, got)
		}
		if got := ClipStart(tc.s, 4); got != tc.start {
			t.Errorf("ClipStart(%q) = %q", tc.s, got)
		}
	}
}
