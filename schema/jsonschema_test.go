package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compiledJSONSchema compiles JSONSchema with a real JSON Schema validator,
// as draft 2020-12 (the draft it declares).
func compiledJSONSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("exchange.hcl.json.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("exchange.hcl.json.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateJSON(sch *jsonschema.Schema, src string) error {
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// Every JSON topology file of the examples, and every JSON topology in the
// documentation, is valid against the schema.
func TestJSONSchemaAcceptsExamples(t *testing.T) {
	sch := compiledJSONSchema(t)
	files, err := filepath.Glob("../examples/*/*" + JSONSuffix)
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../examples/*/*/*" + JSONSuffix)
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no JSON example")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateJSON(sch, string(src)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	// The pages whose JSON blocks are topology files (the others show
	// exlint's output and baselines).
	for _, page := range []string{"language.md", "suppressions.md", "editors.md"} {
		raw, err := os.ReadFile(filepath.Join("..", "docs", page))
		if err != nil {
			t.Fatal(err)
		}
		blocks := strings.Split(string(raw), "```json\n")[1:]
		if len(blocks) == 0 {
			t.Errorf("docs/%s has no JSON topology", page)
		}
		for i, b := range blocks {
			if err := validateJSON(sch, b[:strings.Index(b, "```")]); err != nil {
				t.Errorf("docs/%s, JSON block %d: %v", page, i+1, err)
			}
		}
	}
}

// jsonCases are topology files in JSON syntax, each with whether exlint
// accepts it. The schema must agree with the decoder on each: it accepts
// what exlint reads without a problem and rejects what exlint reports as a
// syntax, schema or plan problem. (What needs the whole topology, names
// that match no block or blocks defined in two files, is left to exlint.)
var jsonCases = []struct {
	name string
	ok   bool
	src  string
}{
	{"minimal", true, `{"organization": {"Contoso": {}}}`},
	{"comments", true, `{"//": "a file comment", "organization": {"Contoso": {"//": "a block comment"}}}`},
	{"server with update", true, `{"server": {"EX01": {"version": "2019", "update": "CU14", "roles": ["mailbox"], "os": "2022"}}}`},
	{"server with build only", true, `{"server": {"EX01": {"version": "2019", "build": "15.2.1544.4"}}}`},
	{"null unsets", true, `{"server": {"EX01": {"version": "SE", "update": "RTM", "os": null, "roles": null}}}`},
	{"arrays of blocks", true, `{"site": [{"HQ": {}}, {"Branch": {}}], "server": {"EX01": [{"version": "SE", "update": "RTM"}]}}`},
	{"two labels", true, `{"connector": {"send": {"To EXO": {"tls_auth": "domain_validation", "cloud_services_mail": true}}}}`},
	{"outlook with a service pack", true, `{"clients": {"outlook": ["2010 SP2", "365"]}}`},
	{"escaped template", true, `{"certificate": {"c": {"subject": "$${not a template}", "expires": "2027-02-28"}}}`},
	{"numbers at their bounds", true, `{"namespace": {"mail.contoso.com": {"port": 65535}}, "server": {"EX01": {"version": "SE", "update": "RTM", "databases": 0}}}`},
	{"stage", true, `{"server": {"EX01": {"version": "2016", "update": "CU23"}},
		"stage": {"retire-2016": {"//": "c", "date": "2027-06", "description": "d",
			"add": {"server": {"EX02": {"version": "SE", "update": "RTM"}}},
			"change": {"server": {"EX02": {"mailboxes": 10, "os": null}}},
			"remove": {"server": {"EX01": {}}}}}}`},
	{"stages at the bounds of their years", true, `{"stage": {"s1": {"date": "1990-01", "add": {"site": {"B": {}}}}, "s2": {"date": "2099-12-31", "add": {"site": {"C": {}}}}}}`},
	{"stage with a day", true, `{"stage": {"s1": {"date": "2027-06-15", "add": {"tenant": {"contoso.onmicrosoft.com": {"plan": "E3"}}}}}}`},

	{"unknown block type", false, `{"servers": {"EX01": {"version": "SE", "update": "RTM"}}}`},
	{"unknown attribute", false, `{"server": {"EX01": {"version": "SE", "update": "RTM", "colour": "blue"}}}`},
	{"top-level attribute", false, `{"version": "SE"}`},
	{"string for a number", false, `{"server": {"EX01": {"version": "SE", "update": "RTM", "mailboxes": "12"}}}`},
	{"number for a string", false, `{"server": {"EX01": {"version": 2019, "update": "CU14"}}}`},
	{"string for a bool", false, `{"server": {"EX01": {"version": "SE", "update": "RTM", "core": "true"}}}`},
	{"fraction", false, `{"migration": {"mailboxes": 1.5}}`},
	{"bad keyword", false, `{"server": {"EX01": {"version": "SE", "update": "RTM", "os": "2012 R2"}}}`},
	{"bad keyword in a list", false, `{"server": {"EX01": {"version": "SE", "update": "RTM", "roles": ["mailbox", "cas"]}}}`},
	{"outlook service pack it never had", false, `{"clients": {"outlook": ["2016 SP1"]}}`},
	{"below the minimum", false, `{"migration": {"mailboxes": -1}}`},
	{"above the maximum", false, `{"namespace": {"mail.contoso.com": {"port": 65536}}}`},
	{"required missing", false, `{"server": {"EX01": {"update": "CU14"}}}`},
	{"required null", false, `{"server": {"EX01": {"version": null, "update": "CU14"}}}`},
	{"neither update nor build", false, `{"server": {"EX01": {"version": "2019"}}}`},
	{"bad build", false, `{"server": {"EX01": {"version": "2019", "build": "15.2"}}}`},
	{"bad date", false, `{"certificate": {"c": {"expires": "2027-13-01"}}}`},
	{"month for a date", false, `{"certificate": {"c": {"expires": "2027-06"}}}`},
	{"template", false, `{"certificate": {"c": {"subject": "${var.host}"}}}`},
	{"bad connector direction", false, `{"connector": {"sent": {"To EXO": {}}}}`},
	{"empty name", false, `{"site": {"": {}}}`},
	{"attribute at a label level", false, `{"server": {"//": "x"}}`},
	{"stage without a date", false, `{"stage": {"s1": {"add": {"site": {"B": {}}}}}}`},
	{"stage with a bad date", false, `{"stage": {"s1": {"date": "June 2027", "add": {"site": {"B": {}}}}}}`},
	{"stage after the last year", false, `{"stage": {"s1": {"date": "2100-01", "add": {"site": {"B": {}}}}}}`},
	{"stage before the first year", false, `{"stage": {"s1": {"date": "1989-12-31", "add": {"site": {"B": {}}}}}}`},
	{"stage changing nothing", false, `{"stage": {"s1": {"date": "2027-06"}}}`},
	{"stage name with spaces", false, `{"stage": {"retire 2007": {"date": "2027-06", "add": {"site": {"B": {}}}}}}`},
	{"stage named current", false, `{"stage": {"current": {"date": "2027-06", "add": {"site": {"B": {}}}}}}`},
	{"unknown stage attribute", false, `{"stage": {"s1": {"date": "2027-06", "when": "soon", "add": {"site": {"B": {}}}}}}`},
	{"added block missing a required attribute", false, `{"stage": {"s1": {"date": "2027-06", "add": {"server": {"EX02": {"update": "RTM"}}}}}}`},
	{"change with nothing", false, `{"site": {"B": {}}, "stage": {"s1": {"date": "2027-06", "change": {"site": {"B": {}}}}}}`},
	{"change unsetting a required attribute", false, `{"server": {"EX01": {"version": "SE", "update": "RTM"}},
		"stage": {"s1": {"date": "2027-06", "change": {"server": {"EX01": {"version": null}}}}}}`},
	{"change with a bad keyword", false, `{"server": {"EX01": {"version": "SE", "update": "RTM"}},
		"stage": {"s1": {"date": "2027-06", "change": {"server": {"EX01": {"os": "Windows 2022"}}}}}}`},
	{"removal with a body", false, `{"site": {"B": {}}, "stage": {"s1": {"date": "2027-06", "remove": {"site": {"B": {"x": 1}}}}}}`},
	{"removal of the organization", false, `{"stage": {"s1": {"date": "2027-06", "remove": {"organization": {"Contoso": {}}}}}}`},
	{"unknown block type in a stage", false, `{"stage": {"s1": {"date": "2027-06", "add": {"sever": {"EX02": {"version": "SE", "update": "RTM"}}}}}}`},
}

// withOrganization adds the organization block a topology needs, unless the
// case has one.
func withOrganization(src string) string {
	if strings.Contains(src, `"organization"`) {
		return src
	}
	return `{"organization": {"Contoso": {}},` + strings.TrimPrefix(strings.TrimSpace(src), "{")
}

func TestJSONSchemaAgreesWithDecoder(t *testing.T) {
	sch := compiledJSONSchema(t)
	for _, tc := range jsonCases {
		t.Run(tc.name, func(t *testing.T) {
			src := withOrganization(tc.src)
			if !json.Valid([]byte(src)) {
				t.Fatalf("not JSON: %s", src)
			}
			err := validateJSON(sch, src)
			if got := err == nil; got != tc.ok {
				t.Errorf("schema accepts: %v, want %v (%v)", got, tc.ok, err)
			}
			plan, probs := decodePlanFiles(map[string]string{"t" + JSONSuffix: src})
			var found []string
			for _, p := range probs {
				found = append(found, fmt.Sprintf("%s: %s", p.Kind, p.Message))
			}
			for _, p := range plan.Problems {
				found = append(found, "plan: "+p.Message)
			}
			if got := len(found) == 0; got != tc.ok {
				t.Errorf("exlint accepts: %v, want %v: %v", got, tc.ok, found)
			}
		})
	}
}

// The schema is the same bytes on every call and run, and every attribute
// of the language is in it with its description.
func TestJSONSchemaContents(t *testing.T) {
	var doc struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Description string `json:"description"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(JSONSchema(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, b := range blockSpecs() {
		def, ok := doc.Defs[b.name]
		if !ok {
			t.Errorf("no definition for %s", b.name)
			continue
		}
		for _, a := range b.attrs {
			if !strings.HasPrefix(def.Properties[a.name].Description, a.doc) {
				t.Errorf("%s.%s: description %q, want the doc tag %q", b.name, a.name, def.Properties[a.name].Description, a.doc)
			}
		}
	}
	if !bytes.Equal(JSONSchema(), newJSONSchemaBytesForTest(t)) {
		t.Error("two generations of the schema differ")
	}
}

func newJSONSchemaBytesForTest(t *testing.T) []byte {
	out, err := json.MarshalIndent(newJSONSchema(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
