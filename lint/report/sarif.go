package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// FingerprintKey names exlint's entry in a SARIF result's
// partialFingerprints. Its value hashes the rule, the file and the address
// of the offending thing (and, for a plan's finding in a stage, the
// stage's name), never a line number, so that a finding keeps its identity
// when lines move.
const FingerprintKey = "exlintFingerprint/v1"

// SARIF writes the report as a SARIF 2.1.0 log with one run: the tool with
// every rule (help URI, default level), and one result per finding with
// relative, "/"-separated URIs, start and end line and column (columns count
// Unicode code points, as run.columnKind declares) and a partial fingerprint.
func SARIF(w io.Writer, r *Report) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	name := r.Tool.Name
	if name == "" {
		name = "exlint"
	}
	run := sarif.NewRunWithInformationURI(name, r.Tool.InformationURI)
	if r.Tool.InformationURI == "" {
		run.Tool.Driver.InformationURI = nil
	}
	if r.Tool.Version != "" {
		v := r.Tool.Version
		run.Tool.Driver.Version = &v
	}
	run.WithColumnKind("unicodeCodePoints")

	index := map[string]uint{}
	addRule := func(info lint.RuleInfo) {
		if _, ok := index[info.ID]; ok {
			return
		}
		index[info.ID] = uint(len(run.Tool.Driver.Rules))
		rule := sarif.NewRule(info.ID).
			WithName(info.ID).
			WithShortDescription(sarif.NewMultiformatMessageString(orID(info.Summary, info.ID))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(info.Severity)))
		if url := info.DocURL(); url != "" {
			rule.WithHelpURI(url)
			rule.WithHelp(&sarif.MultiformatMessageString{
				Text:     ptr(orID(info.Summary, info.ID) + ". See " + url),
				Markdown: ptr(escape.Markdown(orID(info.Summary, info.ID)) + ". See [" + info.ID + "](" + url + ")."),
			})
		}
		tags := []string{"exchange"}
		if info.Structural {
			tags = append(tags, "structural")
		}
		rule.Properties = sarif.Properties{"tags": tags}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	for _, info := range r.Rules {
		addRule(info)
	}

	occurrences := map[string]int{}
	for _, f := range r.Findings {
		if _, ok := index[f.Rule]; !ok {
			addRule(lint.RuleInfo{ID: f.Rule, Severity: f.Severity})
		}
		uri := fileURI(r.BaseDir, f.Range.Filename)
		res := run.CreateResultForRule(f.Rule).
			WithRuleIndex(int(index[f.Rule])).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(withState(f)))
		res.AddLocation(sarifLocation(r, uri, f.Range))
		if !f.State.IsZero() {
			res.AttachPropertyBag(stateProperties(f))
		}
		for i, rel := range f.Related {
			loc := sarifLocation(r, fileURI(r.BaseDir, rel.Range.Filename), rel.Range).WithId(i + 1)
			loc.Message = sarif.NewTextMessage(rel.Message)
			res.AddRelatedLocation(loc)
		}
		key := f.Rule + "\x00" + uri + "\x00" + identity(f)
		if !f.State.IsZero() && f.State.Name != lint.CurrentState {
			// A problem a stage brings is not the current state's problem
			// at the same place: it gets a fingerprint of its own. The
			// current state's keep theirs, stages or not.
			key += "\x00" + f.State.Name
		}
		n := occurrences[key]
		occurrences[key]++
		res.WithPartialFingerPrints(map[string]interface{}{FingerprintKey: fingerprint(key, n)})
	}
	if note := r.LeftOutNote(); note != "" {
		ok := true
		run.AddInvocations(&sarif.Invocation{ExecutionSuccessful: &ok,
			ToolExecutionNotifications: []*sarif.Notification{sarif.NewNotification().WithLevel("warning").WithTextMessage(note)}})
	}
	sarifCoverage(run, r)
	log.AddRun(run)
	// The library's JSON, made safe to print in a CI log (the same values).
	var buf bytes.Buffer
	if err := log.PrettyWrite(&buf); err != nil {
		return err
	}
	buf.WriteString("\n")
	_, err = w.Write(escape.JSON(buf.Bytes()))
	return err
}

// stateProperties are a plan's finding's state, the states it lasts
// through, whether it is planned and the stage that resolves it, as the
// JSON format has them.
func stateProperties(f lint.Finding) *sarif.PropertyBag {
	pb := sarif.NewPropertyBag()
	pb.Add("state", f.State.Name)
	if f.State.Date != "" {
		pb.Add("stateDate", f.State.Date)
	}
	pb.Add("states", f.States)
	pb.Add("planned", f.Planned)
	if f.ResolvedBy != nil {
		rb := map[string]any{"stage": f.ResolvedBy.Name, "date": f.ResolvedBy.Date}
		if f.ResolvedBy.Overdue {
			rb["overdue"] = true
		}
		pb.Add("resolvedBy", rb)
	}
	if f.JudgedOn != "" {
		pb.Add("judgedOn", f.JudgedOn)
	}
	return pb
}

// identity is what tells a finding from others of its rule in a file: its
// address, or its message for a file-level problem without one.
func identity(f lint.Finding) string {
	if f.Address != "" {
		return f.Address
	}
	return f.Message
}

func fingerprint(key string, occurrence int) string {
	h := sha256.New()
	io.WriteString(h, key)
	if occurrence > 0 {
		h.Write([]byte{0, byte(occurrence >> 24), byte(occurrence >> 16), byte(occurrence >> 8), byte(occurrence)})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func sarifLocation(r *Report, uri string, rng hcl.Range) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
	if rng.Start.Line >= 1 {
		src := r.Sources[rng.Filename]
		startCol := codePointColumn(src, rng.Start)
		endLine, endCol := rng.End.Line, codePointColumn(src, rng.End)
		if endLine < rng.Start.Line || (endLine == rng.Start.Line && endCol < startCol) {
			endLine, endCol = rng.Start.Line, startCol
		}
		pl.WithRegion(sarif.NewRegion().WithStartLine(rng.Start.Line).WithStartColumn(startCol).
			WithEndLine(endLine).WithEndColumn(endCol))
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// codePointColumn is the 1-based column of p counted in Unicode code points,
// computed from its byte offset in its line. HCL's own columns count
// grapheme clusters, which no SARIF consumer understands; the two differ
// after a combining mark or an emoji sequence. Without the line, HCL's
// column is the best there is.
func codePointColumn(src *lint.Excerpt, p hcl.Pos) int {
	line, ok := src.Line(p.Line)
	if !ok || p.Byte < line.Start || p.Byte > line.Start+len(line.Text)+1 {
		return max(p.Column, 1)
	}
	off := min(p.Byte-line.Start, len(line.Text))
	return line.RunesBefore(off) + 1 + (p.Byte - line.Start - off)
}

func level(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

func orID(summary, id string) string {
	if summary == "" {
		return id
	}
	return summary
}

func ptr(s string) *string { return &s }
