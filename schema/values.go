package schema

import (
	"reflect"
	"strconv"

	"github.com/hashicorp/hcl/v2"
)

// Node is anything a finding can point at: a block or an attribute value. Its
// address names it independently of line numbers ("server.EX01.update").
type Node interface {
	SourceRange() hcl.Range
	Address() string
}

// Block is what every block of a topology carries: its type, labels and the
// source ranges of each.
type Block struct {
	Type        string
	Labels      []string
	TypeRange   hcl.Range
	LabelRanges []hcl.Range
	DefRange    hcl.Range // the header: type and labels
	Range       hcl.Range // the whole block, body included
}

// Name is the block's last label ("EX01" for server "EX01"), or "" for
// unlabelled blocks such as hybrid.
func (b *Block) Name() string {
	if len(b.Labels) == 0 {
		return ""
	}
	return b.Labels[len(b.Labels)-1]
}

// SourceRange is the block's last label, or its type keyword when it has no
// label: the most specific place to point at the block as a whole.
func (b *Block) SourceRange() hcl.Range {
	if n := len(b.LabelRanges); n > 0 {
		return b.LabelRanges[n-1]
	}
	return b.TypeRange
}

// plainLabel reports whether a label can stand unquoted in an address:
// one or more ASCII letters, digits, underscores or hyphens.
func plainLabel(l string) bool {
	if l == "" {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Address names the block: "server.EX01", `domain."contoso.com"`, "hybrid".
func (b *Block) Address() string {
	addr := b.Type
	for _, l := range b.Labels {
		if plainLabel(l) {
			addr += "." + l
		} else {
			addr += "." + strconv.Quote(l)
		}
	}
	return addr
}

// Describe names the block in messages: `server "EX01"`, `hybrid`.
func (b *Block) Describe() string {
	s := b.Type
	for _, l := range b.Labels {
		s += " " + strconv.Quote(l)
	}
	return s
}

// Attr is the common part of every attribute value: its name, ranges and the
// block that holds it. Index is the position in a list attribute, or -1.
type Attr struct {
	Name      string
	NameRange hcl.Range
	Range     hcl.Range // the value
	Owner     *Block
	Index     int
}

// SourceRange is the range of the value.
func (a *Attr) SourceRange() hcl.Range { return a.Range }

// Address is the owner's address and the attribute name:
// "server.EX01.update". A list item of a string or a number is addressed by
// its value (String.Address, Int.Address); any other item, which is not a
// valid value, by its position: "server.EX01.roles[1]".
func (a *Attr) Address() string {
	if a.Index >= 0 {
		return a.PositionAddress()
	}
	return a.Owner.Address() + "." + a.Name
}

// keyAddress is the address of a list item whose value reads key: the
// list's address and the value in quotes, as Terraform addresses a for_each
// instance: `server.EX01.roles["mailbox"]`, `clients.outlook["2013"]`,
// `hybrid.inbound_ports["25"]`. An item is named by its value, not its
// position, so that inserting an item does not give the others another
// address (a baseline entry or a code-scanning alert stays with its item).
func (a *Attr) keyAddress(key string) string {
	if a.Index < 0 {
		return a.Address()
	}
	return a.Owner.Address() + "." + a.Name + "[" + strconv.Quote(key) + "]"
}

// PositionAddress is the address exlint gave a list item before items were
// named by their value: its position ("clients.outlook[0]"). Baselines
// written then hold it; "" for anything but a list item.
func (a *Attr) PositionAddress() string {
	if a.Index < 0 {
		return ""
	}
	return a.Owner.Address() + "." + a.Name + "[" + strconv.Itoa(a.Index) + "]"
}

// String is a string attribute, or one item of a list of strings.
type String struct {
	Attr
	Value string
}

// Address names the attribute, or a list item by its value:
// `hybrid.servers["EX01"]`.
func (s *String) Address() string { return s.keyAddress(s.Value) }

// Bool is a boolean attribute.
type Bool struct {
	Attr
	Value bool
}

// Int is a whole-number attribute, or one item of a list of numbers.
type Int struct {
	Attr
	Value int
}

// Address names the attribute, or a list item by its value in quotes:
// `hybrid.inbound_ports["25"]`.
func (n *Int) Address() string { return n.keyAddress(strconv.Itoa(n.Value)) }

// StringList is a list of strings.
type StringList struct {
	Attr
	Items []*String
}

// IntList is a list of whole numbers.
type IntList struct {
	Attr
	Items []*Int
}

// Ref is a string naming another block of the topology; Target is that block
// once references are resolved, or nil when the name matches none.
type Ref[T Node] struct {
	String
	Target T
}

// RefList is a list of names of other blocks.
type RefList[T Node] struct {
	Attr
	Items []*Ref[T]
}

// IsTrue reports whether b is present and true. An absent Bool is unknown, so
// neither IsTrue nor IsFalse holds for it.
func (b *Bool) IsTrue() bool { return b != nil && b.Value }

// IsFalse reports whether b is present and false.
func (b *Bool) IsFalse() bool { return b != nil && !b.Value }

// Get returns the value and whether the attribute is present.
func (s *String) Get() (string, bool) {
	if s == nil {
		return "", false
	}
	return s.Value, true
}

// Is reports whether s is present and equal to v.
func (s *String) Is(v string) bool { return s != nil && s.Value == v }

// Has reports whether the list is present and holds v.
func (l *StringList) Has(v string) bool {
	return l.Find(v) != nil
}

// Find returns the item equal to v, or nil.
func (l *StringList) Find(v string) *String {
	if l == nil {
		return nil
	}
	for _, it := range l.Items {
		if it.Value == v {
			return it
		}
	}
	return nil
}

// Values returns the strings of the list (nil when absent).
func (l *StringList) Values() []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l.Items))
	for i, it := range l.Items {
		out[i] = it.Value
	}
	return out
}

// Has reports whether the list is present and holds n.
func (l *IntList) Has(n int) bool {
	if l == nil {
		return false
	}
	for _, it := range l.Items {
		if it.Value == n {
			return true
		}
	}
	return false
}

// Targets returns the resolved blocks of the list, skipping names that match
// no block (those are reported as reference findings).
func (l *RefList[T]) Targets() []T {
	if l == nil {
		return nil
	}
	var out []T
	for _, it := range l.Items {
		if !isNil(it.Target) {
			out = append(out, it.Target)
		}
	}
	return out
}

// Resolved reports whether the reference names an existing block.
func (r *Ref[T]) Resolved() bool { return r != nil && !isNil(r.Target) }

// isNil reports whether a resolved target is missing. T is always a pointer
// to a block type, so the zero value is a nil pointer.
func isNil[T Node](v T) bool {
	return reflect.ValueOf(&v).Elem().IsZero()
}
