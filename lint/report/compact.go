package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// Compact writes one line per finding, for editors and problem matchers:
//
//	file:line:col: severity: message [rule]
//
// The file name and message are kept on one line (control characters are
// escaped), so a line is always one finding. Nothing else is written: no
// header, no summary.
func Compact(w io.Writer, r *Report) error {
	return Write("compact", w, r, Options{})
}

type compactWriter struct{ bw *bufio.Writer }

func newCompactWriter(w io.Writer) *compactWriter { return &compactWriter{bufio.NewWriter(w)} }

func (c *compactWriter) File(_ string, fs []lint.Finding, _ map[string]*lint.Excerpt) error {
	for _, f := range fs {
		c.bw.WriteString(compactLine(f))
		c.bw.WriteByte('\n')
	}
	return nil
}

func (c *compactWriter) Close(*Report) error { return c.bw.Flush() }

func compactLine(f lint.Finding) string {
	line, col := start(f.Range)
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", escape.Name(f.Range.Filename), line, col, f.Severity, escape.Text(f.Message), escape.Text(f.Rule))
}
