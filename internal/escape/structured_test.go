package escape

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// A value holding every character a CI log or a terminal acts on comes out
// of JSON and XML with none of them raw, and parses back the same.
func TestStructured(t *testing.T) {
	hostile := "a\u202eb \u0085\u009b31m \x7f \u2028\u2029 ##vso[task.setvariable variable=x]1 ##[error]e ###vso[ \u061c"
	enc, _ := json.Marshal(map[string]string{"k": hostile})
	got := JSON(enc)
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["k"] != hostile {
		t.Errorf("JSON %s reads back as %q (%v)", got, back["k"], err)
	}
	checkPrintable(t, "JSON", string(got))
	if !strings.Contains(string(got), `#\u0023vso[`) || !strings.Contains(string(got), `\u202e`) {
		t.Errorf("JSON: %s", got)
	}

	type doc struct {
		A    string `xml:"a,attr"`
		Text string `xml:",chardata"`
	}
	enc, _ = xml.Marshal(doc{A: hostile, Text: hostile})
	got = XML(enc)
	var d doc
	if err := xml.Unmarshal(got, &d); err != nil || d.A != hostile || d.Text != hostile {
		t.Errorf("XML %s reads back as %q, %q (%v)", got, d.A, d.Text, err)
	}
	checkPrintable(t, "XML", string(got))
	// CDATA is literal: left as it is.
	cdata := []byte("<x><![CDATA[##vso[ \u202e]]></x> ##vso[")
	if got := string(XML(cdata)); got != "<x><![CDATA[##vso[ \u202e]]></x> &#35;#vso[" {
		t.Errorf("CDATA: %q", got)
	}
	if plain := []byte(`{"a": "é 😀 #1"}`); &JSON(plain)[0] != &plain[0] {
		t.Error("a clean document is copied")
	}
}

func checkPrintable(t *testing.T, name, s string) {
	t.Helper()
	for _, r := range s {
		if Unsafe(r) {
			t.Errorf("%s holds %U raw: %q", name, r, s)
		}
	}
	if strings.Contains(s, "##vso[") || strings.Contains(s, "##[") {
		t.Errorf("%s holds a log command: %q", name, s)
	}
}
