package schema

import "testing"

// OptionalAttribute knows the language's attributes, and which of them a
// topology may leave out.
func TestOptionalAttribute(t *testing.T) {
	for _, tc := range []struct {
		block, attr string
		want        bool
	}{
		{"server", "os", true},
		{"dag", "witness", true},
		{"domain_controller", "os", true},
		{"hybrid", "servers", true},
		{"server", "version", false}, // required
		{"server", "oss", false},
		{"servers", "os", false},
		{"stage", "date", false}, // not a block of a topology's model
	} {
		if got := OptionalAttribute(tc.block, tc.attr); got != tc.want {
			t.Errorf("OptionalAttribute(%q, %q) = %v, want %v", tc.block, tc.attr, got, tc.want)
		}
	}
}
