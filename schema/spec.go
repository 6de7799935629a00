package schema

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// blockSpec describes one block type of the language.
type blockSpec struct {
	name      string
	labels    []string      // label names, for messages and the header schema
	labelSets []*keywordSet // a keyword set per label, nil when free text
	singleton bool          // at most one per topology (labels or not)
	what      string        // "an Exchange server", for documentation
	// needsOne lists attributes of which at least one must be present (a
	// server's update or build); needsOneHint says how to add one.
	needsOne     []string
	needsOneHint string
	goType       reflect.Type // the struct type
	attrs        []*attrSpec
	bodySchema   *hcl.BodySchema // the attributes, for PartialContent
	add          func(t *Topology, v any)
}

// attrSpec describes one attribute, read from a struct field's `exl` tag.
type attrSpec struct {
	name     string
	field    int // index of the field in the struct
	kind     valueKind
	required bool
	enum     *keywordSet
	enumName string
	ref      string // block type a reference names
	format   string // "build" or "date"
	min, max *int
	// doc describes the attribute in a phrase (the `doc` tag): the Meaning
	// column of docs/language.md and the JSON Schema's description.
	doc string
}

type valueKind int

const (
	kString valueKind = iota
	kBool
	kInt
	kStringList
	kIntList
	kRef
	kRefList
)

func (k valueKind) isList() bool { return k == kStringList || k == kIntList || k == kRefList }

func (k valueKind) String() string {
	return [...]string{"string", "bool", "number", "list of strings", "list of numbers", "reference", "list of references"}[k]
}

// refTarget is implemented by *Ref[T]: the decoder fills the String part and
// the resolver sets the target.
type refTarget interface {
	str() *String
	resolve(Node) bool
}

func (r *Ref[T]) str() *String { return &r.String }

func (r *Ref[T]) resolve(n Node) bool {
	t, ok := n.(T)
	if ok {
		r.Target = t
	}
	return ok
}

// refListTarget is implemented by *RefList[T].
type refListTarget interface {
	attr() *Attr
	addItem(String) refTarget
}

func (l *RefList[T]) attr() *Attr { return &l.Attr }

func (l *RefList[T]) addItem(s String) refTarget {
	r := &Ref[T]{String: s}
	l.Items = append(l.Items, r)
	return r
}

var (
	typeString     = reflect.TypeFor[*String]()
	typeBool       = reflect.TypeFor[*Bool]()
	typeInt        = reflect.TypeFor[*Int]()
	typeStringList = reflect.TypeFor[*StringList]()
	typeIntList    = reflect.TypeFor[*IntList]()
	typeRefTarget  = reflect.TypeFor[refTarget]()
	typeRefList    = reflect.TypeFor[refListTarget]()
)

func many[T any](field func(*Topology) *[]*T) func(*Topology, any) {
	return func(t *Topology, v any) { p := field(t); *p = append(*p, v.(*T)) }
}

func one[T any](field func(*Topology) **T) func(*Topology, any) {
	return func(t *Topology, v any) { *field(t) = v.(*T) }
}

// blockSpecs is the language: every block type, in documentation order.
var blockSpecs = sync.OnceValue(func() []*blockSpec {
	specs := []*blockSpec{
		{name: "organization", labels: []string{"name"}, singleton: true, what: "the Exchange organization (one Active Directory forest)",
			goType: reflect.TypeFor[Organization](), add: one(func(t *Topology) **Organization { return &t.Organization })},
		{name: "site", labels: []string{"name"}, what: "an Active Directory site",
			goType: reflect.TypeFor[Site](), add: many(func(t *Topology) *[]*Site { return &t.Sites })},
		{name: "domain_controller", labels: []string{"name"}, what: "an Active Directory domain controller",
			goType: reflect.TypeFor[DomainController](), add: many(func(t *Topology) *[]*DomainController { return &t.DomainControllers })},
		{name: "server", labels: []string{"name"}, what: "an Exchange server",
			needsOne: []string{"update", "build"}, needsOneHint: `add update = "CU15" (its cumulative update, service pack or rollup) or build = "15.2.1748.10"`,
			goType: reflect.TypeFor[Server](), add: many(func(t *Topology) *[]*Server { return &t.Servers })},
		{name: "dag", labels: []string{"name"}, what: "a database availability group",
			goType: reflect.TypeFor[DAG](), add: many(func(t *Topology) *[]*DAG { return &t.DAGs })},
		{name: "domain", labels: []string{"name"}, what: "an accepted SMTP domain",
			goType: reflect.TypeFor[Domain](), add: many(func(t *Topology) *[]*Domain { return &t.Domains })},
		{name: "certificate", labels: []string{"name"}, what: "a certificate bound to Exchange services",
			goType: reflect.TypeFor[Certificate](), add: many(func(t *Topology) *[]*Certificate { return &t.Certificates })},
		{name: "namespace", labels: []string{"host"}, what: "a published client-access host name",
			goType: reflect.TypeFor[Namespace](), add: many(func(t *Topology) *[]*Namespace { return &t.Namespaces })},
		{name: "connector", labels: []string{"direction", "name"}, labelSets: []*keywordSet{keywordSets["connector_direction"], nil},
			what: "a send or receive connector", goType: reflect.TypeFor[Connector](),
			add: many(func(t *Topology) *[]*Connector { return &t.Connectors })},
		{name: "tenant", labels: []string{"name"}, what: "a Microsoft 365 tenant",
			goType: reflect.TypeFor[Tenant](), add: many(func(t *Topology) *[]*Tenant { return &t.Tenants })},
		{name: "directory_sync", singleton: true, what: "directory synchronization to Microsoft Entra ID",
			goType: reflect.TypeFor[DirectorySync](), add: one(func(t *Topology) **DirectorySync { return &t.DirectorySync })},
		{name: "adfs", labels: []string{"name"}, what: "an AD FS farm for federated sign-in",
			goType: reflect.TypeFor[ADFS](), add: many(func(t *Topology) *[]*ADFS { return &t.ADFS })},
		{name: "hybrid", singleton: true, what: "the hybrid deployment with Exchange Online",
			goType: reflect.TypeFor[Hybrid](), add: one(func(t *Topology) **Hybrid { return &t.Hybrid })},
		{name: "migration", singleton: true, what: "the planned mailbox migration to Exchange Online",
			goType: reflect.TypeFor[Migration](), add: one(func(t *Topology) **Migration { return &t.Migration })},
		{name: "outlook_anywhere", singleton: true, what: "Outlook Anywhere on the source organization",
			goType: reflect.TypeFor[OutlookAnywhere](), add: one(func(t *Topology) **OutlookAnywhere { return &t.OutlookAnywhere })},
		{name: "clients", singleton: true, what: "the client software in use",
			goType: reflect.TypeFor[Clients](), add: one(func(t *Topology) **Clients { return &t.Clients })},
		{name: "management_tools", singleton: true, what: "the Exchange Management Tools that manage recipients without a running Exchange server",
			goType: reflect.TypeFor[ManagementTools](), add: one(func(t *Topology) **ManagementTools { return &t.ManagementTools })},
	}
	for _, s := range specs {
		s.attrs = attrSpecs(s.goType)
		s.bodySchema = &hcl.BodySchema{}
		for _, a := range s.attrs {
			s.bodySchema.Attributes = append(s.bodySchema.Attributes, hcl.AttributeSchema{Name: a.name})
		}
	}
	return specs
})

func blockSpecByName(name string) *blockSpec {
	for _, s := range blockSpecs() {
		if s.name == name {
			return s
		}
	}
	return nil
}

func blockTypeNames() []string {
	var out []string
	for _, s := range blockSpecs() {
		out = append(out, s.name)
	}
	return out
}

func (s *blockSpec) attrNames() []string {
	var out []string
	for _, a := range s.attrs {
		out = append(out, a.name)
	}
	return out
}

func (s *blockSpec) attr(name string) *attrSpec {
	for _, a := range s.attrs {
		if a.name == name {
			return a
		}
	}
	return nil
}

// OptionalAttribute reports whether blocks of type blockType (as the
// language names it: "server", "dag") have an attribute attr that a
// topology may leave out: what a rule that gives up for lack of it can ask
// for (lint.Pass.Unknown).
func OptionalAttribute(blockType, attr string) bool {
	s := blockSpecByName(blockType)
	if s == nil {
		return false
	}
	a := s.attr(attr)
	return a != nil && !a.required
}

// attrSpecs reads the `exl` tags of a block struct. A malformed tag is a
// programming error, caught by the tests that decode every block type.
func attrSpecs(t reflect.Type) []*attrSpec {
	var out []*attrSpec
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("exl")
		if !ok {
			continue
		}
		parts := strings.Split(tag, ",")
		a := &attrSpec{name: parts[0], field: i, doc: f.Tag.Get("doc")}
		switch {
		case f.Type == typeString:
			a.kind = kString
		case f.Type == typeBool:
			a.kind = kBool
		case f.Type == typeInt:
			a.kind = kInt
		case f.Type == typeStringList:
			a.kind = kStringList
		case f.Type == typeIntList:
			a.kind = kIntList
		case f.Type.Implements(typeRefTarget):
			a.kind = kRef
		case f.Type.Implements(typeRefList):
			a.kind = kRefList
		default:
			panic(fmt.Sprintf("schema: %s.%s has unsupported type %s", t.Name(), f.Name, f.Type))
		}
		for _, opt := range parts[1:] {
			key, val, _ := strings.Cut(opt, "=")
			switch key {
			case "required":
				a.required = true
			case "enum":
				a.enum = keywordSets[val]
				a.enumName = val
				if a.enum == nil {
					panic(fmt.Sprintf("schema: %s.%s: unknown keyword set %q", t.Name(), f.Name, val))
				}
			case "ref":
				a.ref = val
			case "format":
				a.format = val
			case "min", "max":
				n, err := strconv.Atoi(val)
				if err != nil {
					panic(fmt.Sprintf("schema: %s.%s: bad %s", t.Name(), f.Name, key))
				}
				if key == "min" {
					a.min = &n
				} else {
					a.max = &n
				}
			default:
				panic(fmt.Sprintf("schema: %s.%s: unknown tag option %q", t.Name(), f.Name, key))
			}
		}
		out = append(out, a)
	}
	return out
}
