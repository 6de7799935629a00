package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromiumEnv makes a missing Chromium fail the browser test instead of
// skipping it (.ci/run installs Debian's chromium and sets it).
const chromiumEnv = "EXLINT_TEST_CHROMIUM"

// The size of the browser's window, and so of the screenshots.
const shotWidth, shotHeight = 1280, 2000

// browserReports are the reviews a real browser renders, and the
// screenshots of them the documentation shows (go test ./cmd/exlint
// -update writes them into docs/).
var browserReports = []struct{ example, asOf, shot string }{
	{"se-classic-hybrid", asOf, "report-se-classic-hybrid.png"},
	{"plan-2016-2019-to-se", planExamples["plan-2016-2019-to-se"], "report-plan.png"},
}

// chromium runs headless Chromium on a page with args (a screenshot, the
// DOM) and returns its standard output and its log.
func chromium(t *testing.T, browser, page string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}, args...)
	cmd := exec.CommandContext(ctx, browser, append(all, "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// consoleMessages returns what the page wrote to the browser's console
// (Chromium logs each message as a CONSOLE line): errors, and the
// Content Security Policy's refusals of a script or a request.
func consoleMessages(log string) []string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, ":CONSOLE") {
			out = append(out, line)
		}
	}
	return out
}

// A real browser renders the reviews of two examples: the screenshot has
// the window's size and is not blank, the page writes nothing to the
// console (no error, no script or request refused), and the DOM holds the
// review's sections.
func TestReportInBrowser(t *testing.T) {
	browser := requireTool(t, chromiumEnv, "chromium", "apt-get install chromium")
	dir := t.TempDir()

	// The check of the console works: a page that tries a script and a
	// request gets messages.
	bad := filepath.Join(dir, "bad.html")
	os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`+
		`<body><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>`), 0o644)
	if _, log := chromium(t, browser, bad, "--dump-dom"); len(consoleMessages(log)) == 0 {
		t.Fatalf("a page with a refused script and request gives no console message; the log:\n%s", log)
	}

	for _, r := range browserReports {
		html, stderr, code := exlint(t, noEnv, "report", "examples/"+r.example, "--as-of", r.asOf)
		if code != exitOK || stderr != "" {
			t.Fatalf("%s: exit %d: %s", r.example, code, stderr)
		}
		page := filepath.Join(dir, r.example+".html")
		if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(dir, r.shot)
		_, log := chromium(t, browser, page, "--hide-scrollbars", "--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", shotWidth, shotHeight))
		if msgs := consoleMessages(log); len(msgs) > 0 {
			t.Errorf("%s: the page wrote to the console:\n%s", r.example, strings.Join(msgs, "\n"))
		}
		checkScreenshot(t, r.example, shot)
		dom, log := chromium(t, browser, page, "--dump-dom")
		if msgs := consoleMessages(log); len(msgs) > 0 {
			t.Errorf("%s: the page wrote to the console:\n%s", r.example, strings.Join(msgs, "\n"))
		}
		for _, want := range []string{`<h2>At a glance</h2>`, `<h2>Lifecycle</h2>`, `<h2>Diagram</h2>`, `<h2>Findings</h2>`, `class="exlint-diagram"`, `class="exlint-lifecycle"`} {
			if !strings.Contains(dom, want) {
				t.Errorf("%s: the rendered page lacks %s", r.example, want)
			}
		}
		if strings.HasPrefix(r.example, "plan-") && !strings.Contains(dom, `class="exlint-gantt"`) {
			t.Errorf("%s: the rendered page has no chart of the plan", r.example)
		}
		if *update {
			src, _ := os.ReadFile(shot)
			if err := os.WriteFile(filepath.Join(repoRoot, "docs", r.shot), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// checkScreenshot fails unless the PNG has the window's size and shows
// something: many colours, none of them covering nearly all of it.
func checkScreenshot(t *testing.T, name, file string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("%s: no screenshot: %v", name, err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: the screenshot is not a PNG: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != shotWidth || b.Dy() != shotHeight {
		t.Errorf("%s: the screenshot is %d × %d, not %d × %d", name, b.Dx(), b.Dy(), shotWidth, shotHeight)
	}
	counts := map[[3]uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[[3]uint32{r >> 8, g >> 8, bl >> 8}]++
		}
	}
	most, total := 0, 0
	for _, n := range counts {
		most = max(most, n)
		total += n
	}
	if len(counts) < 64 || most*10 > total*9 {
		t.Errorf("%s: the screenshot looks blank: %d colours, the commonest on %d of %d pixels", name, len(counts), most, total)
	}
}
