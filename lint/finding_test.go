package lint

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestBoundText(t *testing.T) {
	long := string(bytes.Repeat([]byte("é"), 5000))
	fs := []Finding{
		{Message: "short", Address: "server.A"},
		{Message: long, Address: "server." + long, Related: []Related{{Message: long}}},
		{Message: long, Address: "server." + long + "x"},
	}
	BoundText(fs)
	if fs[0].Message != "short" || fs[0].Address != "server.A" {
		t.Errorf("short text changed: %+v", fs[0])
	}
	for _, f := range fs[1:] {
		if len(f.Message) > MaxMessageBytes || !utf8.ValidString(f.Message) || !bytes.HasSuffix([]byte(f.Message), []byte("…")) {
			t.Errorf("message of %d bytes", len(f.Message))
		}
		if len(f.Address) > MaxAddressBytes || !utf8.ValidString(f.Address) {
			t.Errorf("address of %d bytes", len(f.Address))
		}
	}
	if fs[1].Address == fs[2].Address {
		t.Error("two long addresses became one")
	}
	if len(fs[1].Related[0].Message) > MaxMessageBytes {
		t.Error("related message not cut")
	}
}

// A plan's state names are bounded like addresses: cut, with a hash.
func TestBoundTextStates(t *testing.T) {
	long := string(bytes.Repeat([]byte("s"), 5000))
	shared := []string{"current", long, long + "x"}
	r := State{Name: long + "y"}
	fs := []Finding{{State: State{Name: long}, States: shared, ResolvedBy: &r}}
	BoundText(fs)
	f := fs[0]
	if len(f.State.Name) > MaxStateBytes || len(f.ResolvedBy.Name) > MaxStateBytes || r.Name != long+"y" {
		t.Errorf("state %d bytes, resolved by %d bytes", len(f.State.Name), len(f.ResolvedBy.Name))
	}
	if f.States[0] != "current" || len(f.States[1]) > MaxStateBytes || f.States[1] == f.States[2] || shared[1] != long {
		t.Errorf("states: %q", f.States)
	}
	if f.State.Name != f.States[1] {
		t.Error("a name is not cut the same way everywhere")
	}
}
