package report

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/exlint/exlint/lint"
)

// A Writer writes one format while a run goes on: File for every file the
// run reports on, in order, then Close once with the run's totals. Text,
// compact, JSON and Checkstyle write each file's findings as they come and
// keep nothing; SARIF, JUnit and GitHub need them all before they can write
// (counts at the top, annotations capped per step) and collect them.
type Writer interface {
	// File writes the findings of one file; sources hold the lines of its
	// topology's files that the findings and their related locations show.
	File(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) error
	// Close writes what follows the findings. r carries the totals
	// (topologies, files, checked, skipped, suppressed...); its Findings and
	// Sources are not read: the writer has had them through File.
	Close(r *Report) error
}

// An Encoder is a Writer whose File splits in two, so that the costly half
// can run in parallel: Encode turns one file's findings into bytes and may
// be called from any goroutine, for several files at once; WriteEncoded
// writes what Encode returned, on the writer's goroutine, for the files in
// order. File(name, fs, sources) is WriteEncoded(Encode(name, fs, sources),
// fs). Text, compact and JSON are Encoders.
type Encoder interface {
	Writer
	Encode(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) ([]byte, error)
	// WriteEncoded writes b, the bytes Encode returned for fs.
	WriteEncoded(b []byte, fs []lint.Finding) error
}

// encodeBuffers recycles the buffers Encode fills and WriteEncoded empties
// into its writer: a run's output is not allocated a second time.
var encodeBuffers = sync.Pool{New: func() any { return new([]byte) }}

// getBuffer returns an empty buffer of at least size bytes.
func getBuffer(size int) []byte {
	b := *encodeBuffers.Get().(*[]byte)
	if cap(b) < size {
		return make([]byte, 0, size)
	}
	return b[:0]
}

// putBuffer gives back a buffer whose bytes have been written out. A very
// large one is left to the collector.
func putBuffer(b []byte) {
	if cap(b) == 0 || cap(b) > 1<<20 {
		return
	}
	b = b[:0]
	encodeBuffers.Put(&b)
}

// NewWriter returns the Writer of the named format. head carries what is
// known before the run (AsOf, BaseDir, Rules, Tool).
func NewWriter(format string, w io.Writer, head *Report, opt Options) (Writer, error) {
	switch format {
	case "text":
		return newTextWriter(w, head, TextOptions{Color: opt.Color}), nil
	case "json":
		return newJSONWriter(w, head), nil
	case "compact":
		return newCompactWriter(w), nil
	case "checkstyle":
		return newCheckstyleWriter(w), nil
	case "sarif":
		return &collector{write: func(r *Report) error { return SARIF(w, r) }}, nil
	case "junit":
		return &collector{write: func(r *Report) error { return JUnit(w, r) }}, nil
	case "github":
		return &collector{write: func(r *Report) error {
			return GitHub(w, r, GitHubOptions{StepSummary: opt.StepSummary, Diagram: opt.Diagram})
		}}, nil
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}

// Write writes a whole report in the named format.
func Write(format string, w io.Writer, r *Report, opt Options) error {
	sw, err := NewWriter(format, w, r, opt)
	if err != nil {
		return err
	}
	groups := byFile(r.Findings)
	for _, name := range files(r) {
		if err := sw.File(name, groups[name], r.Sources); err != nil {
			return err
		}
	}
	return sw.Close(r)
}

// collector keeps the findings for a format that writes them all at once.
type collector struct {
	findings []lint.Finding
	sources  map[string]*lint.Excerpt
	write    func(*Report) error
}

func (c *collector) File(_ string, fs []lint.Finding, sources map[string]*lint.Excerpt) error {
	c.findings = append(c.findings, fs...)
	if c.sources == nil {
		c.sources = map[string]*lint.Excerpt{}
	}
	for name, ex := range sources {
		c.sources[name] = ex
	}
	return nil
}

func (c *collector) Close(r *Report) error {
	whole := *r
	whole.Findings, whole.Sources = c.findings, c.sources
	return c.write(&whole)
}

// tally counts findings by severity as they are written.
type tally struct{ lint.Counts }

func (t *tally) add(fs []lint.Finding) { t.Add(lint.Count(fs)) }

func (t *tally) total() int { return t.Total() }
