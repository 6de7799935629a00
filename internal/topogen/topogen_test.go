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

// With stages, the topology is a plan whose states are all valid.
func TestGenerateStages(t *testing.T) {
	for _, tc := range []struct{ servers, stages int }{{1, 3}, {50, 12}, {16, 30}} {
		var fs []*schema.File
		for _, f := range Generate(Options{Servers: tc.servers, Stages: tc.stages}) {
			fs = append(fs, &schema.File{Name: f.Name, Src: f.Src})
		}
		plan, probs := schema.DecodePlan(".", fs, schema.DefaultLimits)
		if len(probs) > 0 || len(plan.Problems) > 0 {
			t.Fatalf("%+v: %+v %+v", tc, probs, plan.Problems)
		}
		if len(plan.States) != tc.stages+1 {
			t.Errorf("%+v: %d states", tc, len(plan.States))
		}
		last := plan.States[tc.stages].Topology
		edges := (tc.servers + 1) / 8
		if want := tc.servers + tc.stages - min(edges, tc.stages); len(last.Servers) != want {
			t.Errorf("%+v: %d servers in the last state, want %d", tc, len(last.Servers), want)
		}
		for _, s := range plan.States {
			if !s.Checkable {
				t.Errorf("%+v: state %s is not checkable", tc, s.Name)
			}
		}
	}
}
