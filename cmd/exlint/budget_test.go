package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exlint/exlint/internal/topogen"
)

// budgetSize is the size of every input of the budget test.
const budgetSize = 1 << 20

// budgetRatio is how many times the time of a normal topology of the same
// size a hostile one may take.
const budgetRatio = 10

// fill repeats unit to about budgetSize bytes, between head and tail.
func fill(head, unit, tail string) string {
	return head + strings.Repeat(unit, max(1, (budgetSize-len(head)-len(tail))/len(unit))) + tail
}

// hostileInputs returns, for each attack docs/security.md lists, a
// topology file of about budgetSize bytes that carries it.
func hostileInputs() map[string]map[string]string {
	one := func(name, src string) map[string]string { return map[string]string{name: src} }
	var names, refs strings.Builder
	for i := 0; names.Len() < budgetSize/2; i++ {
		fmt.Fprintf(&names, "site \"S%06d\" {}\n", i)
		fmt.Fprintf(&refs, "domain_controller \"D%06d\" {\n  site = \"X%06d\"\n}\n", i, i)
	}
	var long strings.Builder
	for i := 0; long.Len() < budgetSize/2; i++ {
		fmt.Fprintf(&long, "site \"%s%04d\" {}\n", strings.Repeat("s", 2000), i)
		fmt.Fprintf(&long, "domain_controller \"D%04d\" {\n  site = \"%s%04dx\"\n}\n", i, strings.Repeat("s", 2000), i)
	}
	// Suppressions: comments stacked above one block, then a block per
	// server, each with a finding and a suppression of another rule (every
	// directive tried on every finding would be quadratic).
	var stacked strings.Builder
	stacked.WriteString("organization \"O\" {}\n")
	for stacked.Len() < budgetSize/4 {
		stacked.WriteString("# exlint-ignore: server-os-unsupported, nope -- stacked\n")
	}
	for i := 0; stacked.Len() < budgetSize; i++ {
		fmt.Fprintf(&stacked, "# exlint-ignore: server-os-unsupported -- not this one\nserver \"E%06d\" {\n  version = \"2010\"\n  update  = \"SP3\"\n}\n", i)
	}
	// A plan of as many states as exlint builds, each checked by every
	// rule: Exchange 2010 servers, each with findings in every state, and
	// stages whose descriptions fill the rest.
	var plan strings.Builder
	plan.WriteString("organization \"O\" {}\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&plan, "server \"E%05d\" {\n  version = \"2010\"\n  update  = \"SP3\"\n}\n", i)
	}
	for i := 0; plan.Len() < budgetSize-10000; i++ {
		fmt.Fprintf(&plan, "stage \"s%03d\" {\n  date        = \"%04d-%02d\"\n  description = \"%s\"\n  change \"server\" \"E%05d\" {\n    update = \"SP3 RU%d\"\n  }\n}\n",
			i, 2027+i/12, i%12+1, strings.Repeat("d", 8000), i, i%30+1)
	}
	// Exclude patterns at the bounds of the configuration, of the kinds
	// that made doublestar try a path again at every position, against a
	// megabyte of long directory names, and against a chain of nested
	// directories as deep as a path can be (each directory's path then
	// holds those of all the directories above it), with a pattern shorter
	// than the deepest paths, which a matcher must read to the end.
	longNames := map[string]string{"t.exchange.hcl": "organization \"O\" {}\n"}
	runs := `"**/*aaaaaaaab", `
	longNames[".exlint.hcl"] = "exclude = [" + strings.Repeat(runs, 4096/15) + "]\n"
	for i := 0; i < budgetSize/256; i++ {
		longNames[fmt.Sprintf("%s%05d/x.txt", strings.Repeat("a", 250), i)] = ""
	}
	deep := map[string]string{
		"t.exchange.hcl":                     "organization \"O\" {}\n",
		".exlint.hcl":                        "exclude = [\"**/" + strings.Repeat("a/", 1080) + "b\", \"**/" + strings.Repeat("a/", 950) + "b\", \"**/zz/**\"]\n",
		strings.Repeat("a/", 1900) + "x.txt": "",
	}
	return map[string]map[string]string{
		"exclude, long names":   longNames,
		"exclude, a deep tree":  deep,
		"a plan of many states": one("a.exchange.hcl", plan.String()),
		"one line of @":         one("a.exchange.hcl", fill("", "@", "\n")),
		"lines of @":            one("a.exchange.hcl", fill("", "@\n", "")),
		"one line of NUL":       one("a.exchange.hcl", fill("", "\x00", "\n")),
		"deep brackets then @":  one("a.exchange.hcl", "x = "+strings.Repeat("[", budgetSize/2-8)+strings.Repeat("]", budgetSize/2-8)+"\n@\n"),
		"deep unary minus":      one("a.exchange.hcl", fill("x = ", "-", "1\n")),
		"deep JSON template":    one("a.exchange.hcl.json", fill(`{"clients":{"outlook":["${`, "-", `1}"]}}`)),
		"JSON directives":       one("a.exchange.hcl.json", fill(`{"organization":{"O":{}}`, `,"//":"exlint-ignore-file: nope -- x"`, "}")),
		"stacked suppressions":  one("a.exchange.hcl", stacked.String()),
		"huge numbers":          one("a.exchange.hcl", fill("organization \"O\" {}\nhybrid {\n  inbound_ports = [", "1e100000000, ", "1]\n}\n")),
		"a number of 1M digits": one("a.exchange.hcl", fill("organization \"O\" {}\nmigration {\n  mailboxes = ", "7", "\n}\n")),
		"unknown references":    one("a.exchange.hcl", "organization \"O\" {}\n"+names.String()+refs.String()),
		"long unknown names":    one("a.exchange.hcl", "organization \"O\" {}\n"+long.String()),
	}
}

// Hostile inputs of every kind, at 1 MiB, take at most budgetRatio times
// what a normal 1 MiB topology takes, measured in the same run: each attack
// costs time linear in the input, like real work. The check writes text to
// standard output and SARIF to a file, as CI would.
func TestHostileInputsWithinBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("times whole checks of 1 MiB inputs")
	}
	dir := t.TempDir()
	write := func(name string, files map[string]string) string {
		d := filepath.Join(dir, name)
		os.MkdirAll(d, 0o755)
		for f, src := range files {
			os.MkdirAll(filepath.Dir(filepath.Join(d, f)), 0o755)
			if err := os.WriteFile(filepath.Join(d, f), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	normal := map[string]string{}
	size := 0
	for _, f := range topogen.Generate(topogen.Options{Servers: 3500}) {
		normal[f.Name] = string(f.Src)
		size += len(f.Src)
	}
	if size < budgetSize*9/10 || size > budgetSize*11/10 {
		t.Fatalf("the normal topology is %d bytes, not about %d", size, budgetSize)
	}
	timeCheck := func(d string) time.Duration {
		args := []string{"check", "--as-of", asOf, "--color", "never", "--format", "text", "--format", "sarif=" + filepath.Join(dir, "out.sarif"), d}
		if _, err := os.Stat(filepath.Join(d, ".exlint.hcl")); err == nil {
			args = append(args, "--config", filepath.Join(d, ".exlint.hcl"))
		}
		start := time.Now()
		code := run(args, strings.NewReader(""), io.Discard, io.Discard, noEnv)
		if code > 1 {
			t.Fatalf("%s: exit %d", d, code)
		}
		return time.Since(start)
	}
	base := write("normal", normal)
	timeCheck(base) // warm up
	// Each input is timed right after the normal topology, so that what
	// else the machine does affects both alike; a ratio over the limit is
	// measured again, and the best of three attempts counts.
	inputs := hostileInputs()
	for _, name := range slices.Sorted(maps.Keys(inputs)) {
		d := write(strings.ReplaceAll(name, " ", "-"), inputs[name])
		ratio, took, ref := 0.0, time.Duration(0), time.Duration(0)
		for attempt := 0; attempt < 3 && (attempt == 0 || ratio > budgetRatio); attempt++ {
			r := timeCheck(base)
			h := timeCheck(d)
			if q := float64(h) / float64(r); attempt == 0 || q < ratio {
				ratio, took, ref = q, h, r
			}
		}
		t.Logf("%-22s %8v  %4.1fx the normal topology's %v", name, took.Round(time.Millisecond), ratio, ref.Round(time.Millisecond))
		if ratio > budgetRatio {
			t.Errorf("%s: %v, %.1f times the normal topology's %v (at most %d)", name, took, ratio, ref, budgetRatio)
		}
	}
}
