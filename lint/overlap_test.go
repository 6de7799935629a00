package lint

import (
	"reflect"
	"testing"
)

func TestResolveOverlap(t *testing.T) {
	yields := map[string][]string{"certificate-expiry": {"hybrid-certificate"}}
	exp := Finding{Rule: "certificate-expiry", Address: "certificate.c.expires", Message: "expired"}
	hyb := Finding{Rule: "hybrid-certificate", Address: "certificate.c.expires", Message: "hybrid expired"}
	other := Finding{Rule: "certificate-expiry", Address: "certificate.d.expires", Message: "other expired"}
	noAddr := Finding{Rule: "certificate-expiry", Message: "file level"}
	hybNoAddr := Finding{Rule: "hybrid-certificate", Message: "file level"}
	for _, tc := range []struct {
		name string
		in   []Finding
		want []Finding
	}{
		{"gives way at the same address", []Finding{exp, hyb, other}, []Finding{hyb, other}},
		{"alone, it stays", []Finding{exp, other}, []Finding{exp, other}},
		{"the other rule at another address", []Finding{exp, {Rule: "hybrid-certificate", Address: "certificate.d.expires"}}, []Finding{exp, {Rule: "hybrid-certificate", Address: "certificate.d.expires"}}},
		{"no address never gives way", []Finding{noAddr, hybNoAddr}, []Finding{noAddr, hybNoAddr}},
		{"the stronger rule never gives way", []Finding{hyb, exp}, []Finding{hyb}},
	} {
		got := ResolveOverlap(append([]Finding(nil), tc.in...), yields)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
