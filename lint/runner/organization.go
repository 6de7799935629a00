package runner

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/exlint/exlint/schema"
)

// ancestorOrganization explains a topology without an organization block
// whose files sit under another topology that has one: people expect the
// parent's blocks to apply, but each directory is a topology of its own.
// It looks at the nearest directory above dir that holds topology files
// (not above a repository root, nor more than a few levels up) and returns
// the note to add to the problem, or "".
func ancestorOrganization(dir string, lim schema.Limits) string {
	cur := dir
	for range 8 {
		parent := filepath.Join(cur, "..")
		pa, err1 := filepath.Abs(parent)
		ca, err2 := filepath.Abs(cur)
		if err1 != nil || err2 != nil || pa == ca {
			return ""
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			return ""
		}
		var names []string
		root := false
		for _, e := range entries {
			switch {
			case e.Name() == ".git":
				root = true
			case schema.IsTopologyFile(e.Name()) && e.Type().IsRegular():
				names = append(names, filepath.Join(parent, e.Name()))
			}
		}
		if len(names) > 0 {
			files, err := schema.ReadFiles(names, lim.MaxFileSize)
			if err != nil {
				return ""
			}
			top, _ := schema.Decode(parent, files, lim)
			if top.Organization == nil {
				return ""
			}
			org := top.Organization
			at := org.SourceRange()
			return fmt.Sprintf(`; note: each directory is its own topology, and organization %q (%s:%d:%d) is that of %s, not this one: move these files there or add one here`,
				org.Name(), at.Filename, at.Start.Line, at.Start.Column, parent)
		}
		if root {
			return ""
		}
		cur = parent
	}
	return ""
}
