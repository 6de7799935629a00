// Package words renders lists, counts and numbers in the sentences of
// exlint's messages: "EX01, EX02 and 3 more", "2 days", "2,400"; and
// clips text to a length, with an ellipsis.
package words

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// And joins items for a sentence: "a", "a and b", "a, b and c"; "" for none.
func And(items []string) string { return Join(items, "and") }

// Or joins items for a sentence: "a", "a or b", "a, b or c"; "" for none.
func Or(items []string) string { return Join(items, "or") }

// Join joins items with commas and conj before the last: "a, b conj c".
func Join(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// Quoted quotes each item and joins them with And: `"a", "b" and "c"`.
func Quoted(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = strconv.Quote(it)
	}
	return And(q)
}

// MaxNamed is how many names a message lists before it counts the rest.
const MaxNamed = 4

// Short keeps the first MaxNamed items and counts the rest as one more item:
// "a", "b", "c", "d", "3 more". A short list is returned as it is.
func Short(items []string) []string {
	if len(items) <= MaxNamed {
		return items
	}
	return append(append([]string(nil), items[:MaxNamed]...), fmt.Sprintf("%d more", len(items)-MaxNamed))
}

// Count is a number with its noun: "1 day", "2 days".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Noun is word in the plural for any n but 1: "level", "levels".
func Noun(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Pick returns one for n == 1 and many otherwise: a verb or pronoun that
// agrees with a count ("runs", "run").
func Pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Thousands writes n with a comma between groups of three digits: "2,400".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// ClipEnd keeps the first n characters of s, with "…" for the rest.
func ClipEnd(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// ClipStart keeps the last n characters of s, with "…" for the rest: the
// end of a path names the file.
func ClipStart(s string, n int) string {
	drop := utf8.RuneCountInString(s) - n
	if drop <= 0 {
		return s
	}
	i := 0
	for k := range s {
		if i == drop {
			return "…" + s[k:]
		}
		i++
	}
	return s
}
