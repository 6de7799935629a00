package runner

import "github.com/exlint/exlint/lint"

// Cap bounds the findings a run reports: at most PerFile of each file's
// (the first ones, in output order) and PerRun in all, handed to Keep file
// by file in output order. What it leaves out is counted by severity, so
// that the exit code still counts every finding, and by file, so that the
// report can say where.
type Cap struct {
	PerFile, PerRun int

	kept int
	// LeftOut counts the findings left out, by severity (and the planned
	// ones among them, which fail a check only when planned ones do).
	LeftOut lint.Counts
	// Files lists the files that lost findings, in order, with how many.
	Files []LeftOut
}

// LeftOut is how many findings of one file were left out.
type LeftOut struct {
	File  string
	Count int
}

// Keep returns the findings of one file that the cap lets through.
func (c *Cap) Keep(name string, fs []lint.Finding) []lint.Finding {
	n := allowed(len(fs), c.PerFile, c.PerRun, c.kept)
	if n == len(fs) {
		c.kept += n
		return fs
	}
	c.LeftOut.Add(lint.Count(fs[n:]))
	c.Files = append(c.Files, LeftOut{File: name, Count: len(fs) - n})
	c.kept += n
	return fs[:n:n]
}

// Total is how many findings were left out.
func (c *Cap) Total() int { return c.LeftOut.Total() }

// allowed is how many of a file's n items caps of perFile and perRun (0: no
// cap) let through, kept having been let through before.
func allowed(n, perFile, perRun, kept int) int {
	if perFile > 0 {
		n = min(n, perFile)
	}
	if perRun > 0 {
		n = max(0, min(n, perRun-kept))
	}
	return n
}

// UnknownCap bounds what a run lists as unknown (exlint check --coverage)
// as Cap bounds findings: at most PerFile of each file's and PerRun in all,
// handed to Keep file by file in output order. A topology of a million
// servers without an os cannot make the list a million lines.
type UnknownCap struct {
	PerFile, PerRun int

	kept int
	// LeftOut counts the unknowns left out.
	LeftOut int
}

// Keep returns the unknowns of one file that the cap lets through.
func (c *UnknownCap) Keep(us []lint.Unknown) []lint.Unknown {
	n := allowed(len(us), c.PerFile, c.PerRun, c.kept)
	c.kept += n
	c.LeftOut += len(us) - n
	return us[:n:n]
}
