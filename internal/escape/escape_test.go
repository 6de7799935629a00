package escape

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var seeds = []string{
	"plain text",
	"\u00a0::stop-commands::pwned",
	"a.exchange.hcl\n::error file=x::forged",
	" ::warning::from a diff",
	"\x1b]8;;https://evil\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m \x9b31m \x9dtitle\x9c",
	"##vso[task.setvariable variable=x]1 ##[error]x ##",
	"bidi \u202eevil\u202c \u2066x\u2069",
	"invalid \xff\xfe utf-8",
	"\t\r\n\v\f\x00\x7f",
	"\u200b\ufeff::hidden",
	"50% of a,b:c",
	"line\u2028::error::x\u2029para",
}

// unsafe reports the first character of s a terminal or a CI log must not
// get raw: a control character other than the ones allowed, a C1 control,
// a line or paragraph separator, a bidirectional control, or a byte that is
// not UTF-8.
func unsafe(s string, allowed string) (rune, bool) {
	if !utf8.ValidString(s) {
		return utf8.RuneError, true
	}
	for _, r := range s {
		if strings.ContainsRune(allowed, r) {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return r, true
		}
	}
	return 0, false
}

func logCommand(s string) bool {
	return strings.Contains(s, "##[") || strings.Contains(s, "##vso[")
}

func checkTerminal(t *testing.T, in string) {
	for name, f := range map[string]func(string) string{"Text": Text, "Name": Name, "LineStart": LineStart} {
		out := f(in)
		if r, bad := unsafe(out, ""); bad {
			t.Fatalf("%s(%q) = %q holds %U", name, in, out, r)
		}
		if logCommand(out) {
			t.Fatalf("%s(%q) = %q holds a log command", name, in, out)
		}
		if name != "Text" && command(out) {
			t.Fatalf("%s(%q) = %q starts a workflow command", name, in, out)
		}
	}
	out := Lines(in)
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if r, bad := unsafe(line, "\t"); bad || logCommand(line) || command(line) {
			t.Fatalf("Lines(%q) has the line %q (%U)", in, line, r)
		}
	}
	if strings.Count(out, "\n") != strings.Count(in, "\n") {
		t.Fatalf("Lines(%q) = %q changed the lines", in, out)
	}
	src := Source([]byte(in))
	if r, bad := unsafe(src, "\t"); bad || logCommand(src) {
		t.Fatalf("Source(%q) = %q (%U)", in, src, r)
	}
	// As wide as the source: one character out per character (or bad byte)
	// in, zero-width spaces aside.
	if got, want := units(src), units(strings.TrimRight(in, "\r")); got != want {
		t.Fatalf("Source(%q) = %q is %d wide, want %d", in, src, got, want)
	}
}

// units counts the characters of s as utf8.DecodeRune reads them (a byte
// that is not UTF-8 is one), zero-width spaces aside.
func units(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '\u200b' {
			n++
		}
		i += size
	}
	return n
}

// decode reads a workflow command's escapes as the runner does.
var decode = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

func checkWorkflow(t *testing.T, in string) {
	want := text(in, true, false)
	if d := Data(in); strings.ContainsAny(d, "\r\n") || decode.Replace(d) != want {
		t.Fatalf("Data(%q) = %q", in, d)
	}
	p := Property(in)
	if strings.ContainsAny(p, "\r\n,:") || decode.Replace(p) != want {
		t.Fatalf("Property(%q) = %q", in, p)
	}
	if r, bad := unsafe(want, "\r\n"); bad || logCommand(want) {
		t.Fatalf("the decoded message of %q holds %U: %q", in, r, want)
	}
	// A whole command the way the runner splits it: one line, the properties
	// as given.
	line := "::error file=" + p + ",title=" + p + "::" + Data(in)
	if strings.Contains(line, "\n") {
		t.Fatalf("command on two lines: %q", line)
	}
	props, msg, ok := strings.Cut(strings.TrimPrefix(line, "::error "), "::")
	if !ok || decode.Replace(msg) != want {
		t.Fatalf("message of %q read back as %q", line, msg)
	}
	for _, kv := range strings.Split(props, ",") {
		_, v, _ := strings.Cut(kv, "=")
		if decode.Replace(v) != want {
			t.Fatalf("property of %q read back as %q", line, v)
		}
	}
}

func TestSeeds(t *testing.T) {
	for _, s := range seeds {
		checkTerminal(t, s)
		checkWorkflow(t, s)
	}
	for in, want := range map[string]string{
		"\u00a0::stop-commands::x": "./\u00a0::stop-commands::x",
		"a\n::error::x":            `a\n::error::x`,
		"::x":                      "./::x",
		"a::b":                     "a::b",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Lines(" ::warning::x\n+ok\t\r\n\x1b[2J"); got != ` \x3a:warning::x`+"\n+ok\t\r\n"+`\x1b[2J` {
		t.Errorf("Lines: %q", got)
	}
	// Line and paragraph separators, in every terminal form.
	if got := Text("L\u2028sep\u2029"); got != `L\u2028sep\u2029` {
		t.Errorf("Text: %q", got)
	}
	if got := Source([]byte("a\u2028b")); got != "a\uFFFDb" {
		t.Errorf("Source: %q", got)
	}
	if got := Data("a\u2029b"); got != `a\u2029b` {
		t.Errorf("Data: %q", got)
	}
	if got := Markdown("a\u2028b"); got != `a\\u2028b` {
		t.Errorf("Markdown: %q", got)
	}
}

// Fuzz targets: whatever the input, the escaped text holds nothing a
// terminal or a CI runner would act on, and workflow commands read back as
// what was escaped.
func FuzzTerminal(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTerminal(t, s) })
}

func FuzzWorkflowCommand(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWorkflow(t, s) })
}
