package escape

import (
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
)

const hostileMarkup = "a\nb</td><script>alert(1)</script> &amp; \"q\" 'q' ##vso[task.x]1 \x1b[31m \u202e | `c` *b* _i_ [l](u) <!-- # ~ {}"

// HTML text holds no markup, no control character, no bidirectional
// override and no log command, and an XML parser reads back what a reader
// sees.
func TestHTML(t *testing.T) {
	got := HTML(hostileMarkup)
	for _, bad := range []string{"<", ">", "\n", "\x1b", "\u202e", "##", `"`, "'"} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML leaves %q: %s", bad, got)
		}
	}
	var v struct {
		A string `xml:"a,attr"`
		T string `xml:",chardata"`
	}
	if err := xml.Unmarshal([]byte(`<x a="`+got+`">`+got+`</x>`), &v); err != nil {
		t.Fatal(err)
	}
	want := Text(hostileMarkup)
	if v.A != want || v.T != want {
		t.Errorf("read back %q and %q, want %q", v.A, v.T, want)
	}
	if HTML("a\uFFFEb\uFFFF") != `a\ufffeb\uffff` {
		t.Errorf("HTML leaves a character XML does not allow: %q", HTML("a\uFFFEb\uFFFF"))
	}
	if HTML("EX01 (2019 CU15)") != "EX01 (2019 CU15)" {
		t.Error("plain text changed")
	}
}

// Markdown text cannot end a table cell or add markup; inline code keeps
// to its cell; a code fence is longer than any run of backticks.
func TestMarkdown(t *testing.T) {
	got := Markdown(hostileMarkup)
	for _, bad := range []string{"\n", "<", "\x1b", "\u202e"} {
		if strings.Contains(got, bad) {
			t.Errorf("Markdown leaves %q: %s", bad, got)
		}
	}
	if regexp.MustCompile("(^|[^\\\\])[|`*_\\[\\]]").MatchString(got) {
		t.Errorf("Markdown leaves unescaped punctuation: %s", got)
	}
	code := MarkdownCode("a|b`c\nd")
	if code != "`a\\|b'c\\nd`" {
		t.Errorf("MarkdownCode: %s", code)
	}
	if code := MarkdownCode(`a\|b\\|c`); code != "`a\\x5c\\|b\\\\x5c\\|c`" {
		t.Errorf("MarkdownCode keeps a backslash before a pipe: %s", code)
	}
	// Links, mentions and math: broken by a zero-width space or escaped.
	for src, want := range map[string]string{
		"see https://evil.example/x": "see https:\u200b//evil.example/x",
		"WWW.evil.example":           "WWW\u200b.evil.example",
		"@org/team":                  "@\u200borg/team",
		"a@b.example":                "a@\u200bb.example",
		"$x$":                        "\\$x\\$",
		"EX01 (2019 CU15) in www-eu": "EX01 \\(2019 CU15\\) in www-eu",
	} {
		if got := Markdown(src); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", src, got, want)
		}
	}
	for src, want := range map[string]string{"": "```", "a ``` b": "````", "`````": "``````"} {
		if got := CodeFence([]byte(src)); got != want {
			t.Errorf("CodeFence(%q) = %q, want %q", src, got, want)
		}
	}
}
