package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/exlint/exlint/lint"
	"path/filepath"
	"strings"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/fsutil"
)

// Version is the version of the baseline file format.
const Version = 1

// Baseline is a record of accepted findings. A finding matches an entry by
// rule, file, the address of the offending thing (server.EX01.update),
// severity and, for a plan, state, never by line, so that edits elsewhere in
// the file do not bring a recorded finding back; an entry recorded as planned
// matches only a finding that is still planned. File names are relative to
// the baseline file's directory, so a baseline works from any working
// directory.
//
// Version changes when an older exlint would misread a file: a field that
// is omitted when empty, and that an older exlint refuses (Read rejects
// unknown fields) when present, does not change it.
type Baseline struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
	dir      string
}

// Entry is one accepted finding. Message is for the people reading
// the file, as it read when the entry was recorded (Update keeps it while
// the entry matches); it is matched only for findings without an address (a
// problem of the file as a whole). Severity is matched: a finding that got
// worse (a warning that became an error) is new.
type Entry struct {
	Rule     string `json:"rule"`
	File     string `json:"file"`
	Address  string `json:"address"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// State is the state of a plan the finding is reported in ("current"
	// or a stage's name); absent for a topology without stages.
	State string `json:"state,omitempty"`
	// Planned records that the finding was planned (a later stage of the
	// plan resolves it, lint.Finding.Planned): the entry accepts the
	// problem only while the plan still resolves it. An entry without it
	// (false, or written before exlint recorded it) accepts the problem
	// whether planned or not, as it did when it was written.
	Planned bool `json:"planned,omitempty"`
}

func (e Entry) key() string {
	id := e.Address
	if id == "" || positional(id) {
		// A list item addressed by its position (written by an exlint
		// before items were addressed by value) matches only the finding
		// it recorded: same position and same message.
		id += "\x00" + e.Message
	}
	k := e.Rule + "\x00" + e.File + "\x00" + id + "\x00" + e.Severity
	if e.State != "" && e.State != lint.CurrentState {
		// A stage's finding is not the current state's at the same
		// address. The current state's entries match as those of a
		// topology without stages do: adding stages to a topology keeps
		// its baseline, and a baseline written before plans still reads.
		k += "\x00" + e.State
	}
	if e.Planned {
		// Counted apart from the unplanned entries of the same problem: a
		// planned finding may use either (Match), an unplanned one only
		// those, and writing the baseline again replaces an entry whose
		// finding became planned or stopped being so (Update).
		k += "\x00planned"
	}
	return k
}

// New records findings in a baseline to be written at path.
// Structural findings are not recorded: a topology exlint cannot read must
// be fixed, not accepted.
func New(fs []lint.Finding, path string) *Baseline {
	b := &Baseline{Version: Version, Findings: []Entry{}, dir: filepath.Dir(path)}
	structural := structuralIDs()
	for _, f := range fs {
		if structural[f.Rule] {
			continue
		}
		b.Findings = append(b.Findings, b.entry(f))
	}
	sortEntries(b.Findings)
	return b
}

func structuralIDs() map[string]bool {
	out := map[string]bool{}
	for _, s := range lint.StructuralRules() {
		out[s.ID] = true
	}
	return out
}

func (b *Baseline) entry(f lint.Finding) Entry {
	return Entry{Rule: f.Rule, File: b.relFile(f.Range.Filename), Address: f.Address, Severity: f.Severity.String(), Message: f.Message,
		State: f.State.Name, Planned: f.Planned}
}

// relFile is a finding's file relative to the baseline's directory, with
// "/" separators (as it is when that cannot be computed).
func (b *Baseline) relFile(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.ToSlash(name)
	}
	dir, err := filepath.Abs(b.dir)
	if err != nil {
		return filepath.ToSlash(name)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// Write writes the baseline to path, atomically, as indented JSON sorted by
// file, rule and address: the same findings always give the same bytes.
func (b *Baseline) Write(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return err
	}
	// Messages and file names come from the input, and a baseline may be
	// printed in a CI log: the same values, safe to print (escape.JSON).
	return fsutil.WriteFileAtomic(path, escape.JSON(buf.Bytes()), 0o644)
}

// MaxSize is the largest baseline file exlint reads: a regular file of at
// most 64 MiB (some 200,000 findings). A FIFO, a device or a larger file is
// an error, not read without end.
const MaxSize = 64 << 20

// Read reads a baseline file.
func Read(path string) (*Baseline, error) {
	src, err := fsutil.ReadRegular(path, MaxSize)
	if err != nil {
		return nil, err
	}
	return Decode(path, src)
}

// Decode reads the baseline src, read from path.
func Decode(path string, src []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s is not an exlint baseline: %v", path, err)
	}
	// One JSON document, then only white space: anything after it (a second
	// document, a half-merged conflict) would otherwise be ignored.
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(src[end:], " \t\r\n"); len(rest) > 0 {
		return nil, fmt.Errorf("%s is not an exlint baseline: more follows its JSON document at byte %d", path, len(src)-len(rest))
	}
	if b.Version != Version {
		// Not rewritten over: a newer exlint's entries would be lost.
		return nil, fmt.Errorf("%s is a baseline of version %d, and this exlint reads version %d: use the exlint that wrote it, or delete the file and write a new baseline with --write-baseline", path, b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.File == "" || (e.Address == "" && e.Message == "") {
			return nil, fmt.Errorf("%s: entry %d needs rule, file, and address or message", path, i+1)
		}
		if _, err := lint.ParseSeverity(e.Severity); err != nil {
			return nil, fmt.Errorf("%s: entry %d: %v", path, i+1, err)
		}
		if strings.Contains(e.File, "\\") {
			return nil, fmt.Errorf("%s: entry %d: file names use / separators", path, i+1)
		}
	}
	b.dir = filepath.Dir(path)
	return &b, nil
}

// Filter removes the findings the baseline holds and returns the others
// (the new ones), how many it removed, and how many of its entries matched
// nothing (findings fixed since: the baseline can be written again).
// Structural findings are always kept. Each entry matches one finding: when
// a baseline holds two findings of a rule at an address and there are now
// three, one is new.
func (b *Baseline) Filter(fs []lint.Finding) (kept []lint.Finding, baselined, stale int) {
	bf := b.NewFilter()
	kept = bf.Keep(fs)
	return kept, bf.Baselined, bf.Stale()
}

// Filter filters findings as a run hands them out, file by file: it
// is Filter spread over several calls.
type Filter struct {
	left       map[string]int
	structural map[string]bool
	b          *Baseline
	// Baselined counts the findings removed so far.
	Baselined int
}

// NewFilter starts filtering a run's findings; a nil baseline keeps all.
func (b *Baseline) NewFilter() *Filter {
	bf := &Filter{b: b}
	if b == nil {
		return bf
	}
	bf.left = map[string]int{}
	for _, e := range b.Findings {
		bf.left[e.key()]++
	}
	bf.structural = structuralIDs()
	return bf
}

// Keep returns the findings of fs the baseline does not hold.
func (bf *Filter) Keep(fs []lint.Finding) []lint.Finding {
	kept, used := bf.Match(fs)
	bf.Commit(used)
	return kept
}

// Stale counts the baseline's entries that matched no finding so far.
func (bf *Filter) Stale() int {
	n := 0
	for _, c := range bf.left {
		n += c
	}
	return n
}
