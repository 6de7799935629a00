package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes the report in Checkstyle's XML format: a <file> per
// checked file (clean ones too), an <error> per finding with its line,
// column, severity (error, warning, info), message and the rule as source.
func Checkstyle(w io.Writer, r *Report) error {
	return Write("checkstyle", w, r, Options{})
}

// checkstyleWriter streams the document a <file> element at a time, each
// made safe to print in a CI log by escape.XML.
type checkstyleWriter struct {
	w       io.Writer
	buf     bytes.Buffer
	enc     *xml.Encoder
	started bool
}

var checkstyleRoot = xml.StartElement{Name: xml.Name{Local: "checkstyle"}, Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}}

func newCheckstyleWriter(w io.Writer) *checkstyleWriter {
	c := &checkstyleWriter{w: w}
	c.enc = xml.NewEncoder(&c.buf)
	c.enc.Indent("", "  ")
	return c
}

// flush writes what the encoder holds, made safe for a CI log.
func (c *checkstyleWriter) flush() error {
	if err := c.enc.Flush(); err != nil {
		return err
	}
	_, err := c.w.Write(escape.XML(c.buf.Bytes()))
	c.buf.Reset()
	return err
}

func (c *checkstyleWriter) start() error {
	if c.started {
		return nil
	}
	c.started = true
	if _, err := io.WriteString(c.w, xml.Header); err != nil {
		return err
	}
	return c.enc.EncodeToken(checkstyleRoot)
}

func (c *checkstyleWriter) File(name string, fs []lint.Finding, _ map[string]*lint.Excerpt) error {
	if err := c.start(); err != nil {
		return err
	}
	cf := checkstyleFile{Name: xmlText(name)}
	for _, f := range fs {
		line, col := start(f.Range)
		cf.Errors = append(cf.Errors, checkstyleError{Line: line, Column: col, Severity: f.Severity.String(),
			Message: xmlText(withState(f)), Source: xmlText(f.Rule)})
	}
	if err := c.enc.EncodeElement(cf, xml.StartElement{Name: xml.Name{Local: "file"}}); err != nil {
		return err
	}
	return c.flush()
}

func (c *checkstyleWriter) Close(*Report) error {
	if err := c.start(); err != nil {
		return err
	}
	if err := c.enc.EncodeToken(checkstyleRoot.End()); err != nil {
		return err
	}
	if err := c.flush(); err != nil {
		return err
	}
	_, err := io.WriteString(c.w, "\n")
	return err
}

func writeXML(w io.Writer, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteString("\n")
	_, err := w.Write(escape.XML(buf.Bytes()))
	return err
}

// xmlText replaces what XML 1.0 cannot hold at all (most control
// characters, invalid UTF-8) with U+FFFD. encoding/xml escapes the rest
// (&, <, quotes, newlines in attributes) and splits "]]>" in CDATA, and
// escape.XML what a CI log would act on.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return '\uFFFD'
		}
		return r
	}, s)
}
