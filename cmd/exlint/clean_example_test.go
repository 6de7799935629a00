package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exlint/exlint/schema"
)

// examples/se-classic-hybrid is the design a careful architect would commit:
// TestCleanExample holds it to no finding at all, and this test holds it to
// describing what the design rules judge, so that it cannot stay clean by
// leaving them out: MX (target, hosts and where the mailboxes are),
// Autodiscover, connectors to and from Exchange Online, namespaces with their
// scope and certificate, and a DAG with its witness.
func TestCleanExampleIsComplete(t *testing.T) {
	dir := filepath.Join(repoRoot, "examples", "se-classic-hybrid")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*schema.File
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".exchange.hcl") || strings.HasSuffix(e.Name(), ".exchange.hcl.json") {
			src, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, &schema.File{Name: e.Name(), Src: src, JSON: strings.HasSuffix(e.Name(), ".json")})
		}
	}
	top, probs := schema.Decode(dir, files, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	var missing []string
	need := func(ok bool, what string) {
		if !ok {
			missing = append(missing, what)
		}
	}
	need(len(top.Domains) > 0, "a domain")
	for _, d := range top.Domains {
		need(d.MX != nil && d.MXHosts != nil && d.Mailboxes != nil, "the MX of "+d.Name()+" (mx, mx_hosts, mailboxes)")
		need(d.Autodiscover != nil, "the Autodiscover of "+d.Name())
	}
	directions := map[string]bool{}
	for _, c := range top.Connectors {
		if c.CloudServicesMail.IsTrue() {
			directions[c.Direction()] = true
		}
	}
	need(directions["send"] && directions["receive"], "connectors to and from Exchange Online")
	need(len(top.Namespaces) > 0, "a namespace")
	for _, n := range top.Namespaces {
		need(n.Scope != nil && n.Certificate.Resolved(), "the scope and certificate of namespace "+n.Name())
	}
	need(len(top.Certificates) > 0, "a certificate")
	need(len(top.DAGs) > 0, "a DAG")
	for _, d := range top.DAGs {
		need(len(d.Members.Targets()) > 1 && d.Witness != nil, "the members and witness of DAG "+d.Name())
	}
	need(top.Hybrid != nil && top.Hybrid.Topology != nil, "the hybrid topology")
	if len(missing) > 0 {
		t.Errorf("examples/se-classic-hybrid lacks %s", strings.Join(missing, "; "))
	}
}
