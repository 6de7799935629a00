package schema

import (
	"reflect"
	"testing"
)

// blocksOf returns every block of a topology, as the pointers its fields hold.
func blocksOf(top *Topology) []reflect.Value {
	var out []reflect.Value
	v := reflect.ValueOf(top).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Pointer && f.Type().Elem().Elem().Field(0).Type == reflect.TypeFor[Block]():
			for j := 0; j < f.Len(); j++ {
				out = append(out, f.Index(j))
			}
		case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct && f.Type().Elem().NumField() > 0 &&
			f.Type().Elem().Field(0).Type == reflect.TypeFor[Block]() && !f.IsNil():
			out = append(out, f)
		}
	}
	return out
}

// ownReferences reports whether every resolved reference of a topology
// names a block of that same topology: a state shares nothing with another.
func ownReferences(top *Topology) bool {
	own := map[any]bool{}
	blocks := blocksOf(top)
	for _, b := range blocks {
		own[b.Interface()] = true
	}
	for _, b := range blocks {
		spec := blockSpecByName(b.Elem().Field(0).Interface().(Block).Type)
		for _, a := range spec.attrs {
			f := b.Elem().Field(a.field)
			if f.IsNil() {
				continue
			}
			switch a.kind {
			case kRef:
				if t := f.Elem().FieldByName("Target"); !t.IsNil() && !own[t.Interface()] {
					return false
				}
			case kRefList:
				items := f.Elem().FieldByName("Items")
				for i := 0; i < items.Len(); i++ {
					if t := items.Index(i).Elem().FieldByName("Target"); !t.IsNil() && !own[t.Interface()] {
						return false
					}
				}
			}
		}
	}
	return true
}

func TestOwnReferences(t *testing.T) {
	plan, _ := decodePlanFiles(map[string]string{"current.exchange.hcl": journeyCurrent, "stages.exchange.hcl": journeyStages})
	for _, s := range plan.States {
		if !ownReferences(s.Topology) {
			t.Errorf("state %s refers to blocks of another state", s.Name)
		}
	}
	// The check sees a reference into another state.
	s1, s3 := plan.States[1].Topology, plan.States[3].Topology
	s3.DAGs[0].Members.Items[0].Target = s1.ServerByName("EX13-01")
	if ownReferences(s3) {
		t.Error("a reference into another state went unnoticed")
	}
}

// Reading a plan never panics, is deterministic, and gives states that
// share nothing.
func FuzzDecodePlan(f *testing.F) {
	f.Add([]byte(journeyCurrent+journeyStages), false)
	f.Add([]byte(journeyJSON), true)
	f.Add([]byte("organization \"O\" {}\nserver \"A\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\nhybrid {\n  servers = [\"A\"]\n}\n"+
		"stage \"s\" {\n  date = \"2027-01\"\n  remove \"server\" \"A\" {}\n  change \"hybrid\" {\n    servers = null\n  }\n}\n"), false)
	f.Add([]byte(`{"stage": {"s": {"date": "2027-01", "add": [{"hybrid": {}}, {"server": {"x": []}}], "change": {"connector": {"send": {"X": {"a": 1}}}}}}}`), true)
	f.Fuzz(func(t *testing.T, src []byte, json bool) {
		name := "f.exchange.hcl"
		if json {
			name += ".json"
		}
		decode := func() (*Plan, []Problem) {
			return DecodePlan(".", []*File{{Name: name, Src: src, JSON: json}}, DefaultLimits)
		}
		plan, probs := decode()
		if len(plan.States) != len(plan.Stages)+1 || plan.States[0].Topology != plan.Current {
			t.Fatalf("%d states for %d stages", len(plan.States), len(plan.Stages))
		}
		for i, s := range plan.States {
			if i > 0 && (s.Stage != plan.Stages[i-1] || s.Previous != plan.States[i-1]) {
				t.Fatalf("state %d is not the stage's", i)
			}
			if !ownReferences(s.Topology) {
				t.Fatalf("state %s refers to another state's blocks", s.Name)
			}
		}
		again, probs2 := decode()
		if !reflect.DeepEqual(probs, probs2) || !reflect.DeepEqual(plan.Problems, again.Problems) || summaryOrEmpty(plan) != summaryOrEmpty(again) {
			t.Fatal("two reads differ")
		}
	})
}

// summaryOrEmpty is summary for any plan, including ones whose blocks lack
// what summary prints.
func summaryOrEmpty(p *Plan) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return summary(p)
}
