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
//	file:line:col: severity: message (stage NAME, DATE) [rule]
//
// (the second for a plan's finding, with its state: the line ends with
// the rule either way, as problem matchers read it).
// The file name and message are kept on one line (control characters are
// escaped), so a line is always one finding. Nothing else is written: no
// header, no summary.
func Compact(w io.Writer, r *Report) error {
	return Write("compact", w, r, Options{})
}

type compactWriter struct{ bw *bufio.Writer }

func newCompactWriter(w io.Writer) *compactWriter { return &compactWriter{bufio.NewWriter(w)} }

func (c *compactWriter) File(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) error {
	b, _ := c.Encode(name, fs, sources)
	return c.WriteEncoded(b, fs)
}

func (c *compactWriter) Encode(_ string, fs []lint.Finding, _ map[string]*lint.Excerpt) ([]byte, error) {
	buf := getBuffer(len(fs) * 300)
	for _, f := range fs {
		buf = append(buf, compactLine(f)...)
		buf = append(buf, '\n')
	}
	return buf, nil
}

func (c *compactWriter) WriteEncoded(b []byte, _ []lint.Finding) error {
	_, err := c.bw.Write(b)
	putBuffer(b)
	return err
}

func (c *compactWriter) Close(*Report) error { return c.bw.Flush() }

// CompactLine is a finding as the compact format writes it, without the
// line break: file:line:col: severity: message (state) [rule], escaped for a
// terminal. exlint plan lists a state's findings so.
func CompactLine(f lint.Finding) string { return compactLine(f) }

func compactLine(f lint.Finding) string {
	line, col := start(f.Range)
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", escape.Name(f.Range.Filename), line, col, f.Severity, escape.Text(withState(f)), escape.Text(f.Rule))
}
