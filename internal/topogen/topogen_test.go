package topogen

import (
	"bytes"
	"testing"

	"github.com/exlint/exlint/schema"
)

// Generated topologies are valid and the same for the same options.
func TestGenerate(t *testing.T) {
	for _, o := range []Options{{Servers: 1}, {Servers: 7}, {Servers: 8}, {Servers: 50}, {Servers: 333}, {Servers: 50, Legacy: true}} {
		n := o.Servers
		files := Generate(o)
		var fs []*schema.File
		for _, f := range files {
			fs = append(fs, &schema.File{Name: f.Name, Src: f.Src})
		}
		top, probs := schema.Decode(".", fs, schema.DefaultLimits)
		if len(probs) > 0 {
			t.Fatalf("%d servers: %+v", n, probs[0])
		}
		if len(top.Servers) != n {
			t.Errorf("%d servers generated, want %d", len(top.Servers), n)
		}
		again := Generate(o)
		for i := range files {
			if !bytes.Equal(files[i].Src, again[i].Src) {
				t.Fatalf("%d servers: output differs between runs", n)
			}
		}
	}
}
