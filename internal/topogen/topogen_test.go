package topogen

import (
	"bytes"
	"testing"

	"github.com/exlint/exlint/schema"
)

// Generated topologies are valid and the same for the same options.
func TestGenerate(t *testing.T) {
	for _, n := range []int{1, 7, 8, 50, 333} {
		files := Generate(Options{Servers: n})
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
		again := Generate(Options{Servers: n})
		for i := range files {
			if !bytes.Equal(files[i].Src, again[i].Src) {
				t.Fatalf("%d servers: output differs between runs", n)
			}
		}
	}
}
