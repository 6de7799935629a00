package catalog

// SyncTool is a directory synchronization tool, as topologies name it
// (directory_sync tool), and what Microsoft supports of it
// (data/dirsync.csv).
type SyncTool struct {
	ID      string // "entra_connect"
	Name    string // "Microsoft Entra Connect"
	Verdict Verdict
	// Hosts are the Windows Server versions its server may run, oldest first,
	// and MinFFL the lowest forest functional level it needs; empty for a
	// retired (unsupported) tool.
	Hosts   []*Windows
	MinFFL  *FFL
	Sources []*Source
	Note    string // what a message says of it: why a host is refused, or that the tool is retired
	// Successor is, for a retired tool, the supported tool Microsoft says
	// to upgrade to (nil when the row names none).
	Successor *SyncTool
}

// SyncTool returns the directory synchronization tool with this ID, or nil
// when the catalogue does not judge it.
func (c *Catalog) SyncTool(id string) *SyncTool {
	for _, t := range c.syncTools {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// SyncTools are the directory synchronization tools the catalogue judges,
// in the order of data/dirsync.csv.
func (c *Catalog) SyncTools() []*SyncTool { return c.syncTools }

// HostIDs are the IDs of the Windows Server versions its server may run.
func (t *SyncTool) HostIDs() []string {
	out := make([]string, len(t.Hosts))
	for i, w := range t.Hosts {
		out[i] = w.ID
	}
	return out
}

func loadSyncTools(c *Catalog) error {
	t, err := c.readTable("dirsync.csv")
	if err != nil {
		return err
	}
	ds := c.domains()
	successors := map[*SyncTool]int{} // the row of each retired tool naming a successor
	for i := range t.rows {
		s := &SyncTool{ID: t.get(i, "id"), Name: t.get(i, "name"), Note: t.get(i, "note")}
		v, ok := parseVerdict(t.get(i, "verdict"))
		if !ok || (v != Supported && v != Unsupported) {
			return t.errorf(i, "verdict %q: want supported or unsupported", t.get(i, "verdict"))
		}
		s.Verdict = v
		host, ffl := t.get(i, "host"), t.get(i, "ffl")
		switch {
		case v == Unsupported && (host != "" || ffl != ""):
			return t.errorf(i, "a retired tool has no host or forest functional level")
		case v == Unsupported && s.Note == "":
			return t.errorf(i, "a retired tool needs a note that says so")
		case v == Supported:
			hs, err := parseSpan(ds["windows"], host)
			if err != nil {
				return t.errorf(i, "host: %v", err)
			}
			s.Hosts = c.Windows[hs.lo : hs.hi+1]
			fs, err := parseSpan(ds["ffl"], ffl)
			if err != nil {
				return t.errorf(i, "ffl: %v", err)
			}
			if fs.hi != len(c.FFLs)-1 {
				return t.errorf(i, "ffl: %q is a minimum, written \"level..\"", ffl)
			}
			s.MinFFL = c.FFLs[fs.lo]
		}
		if c.SyncTool(s.ID) != nil {
			return t.errorf(i, "tool %q is listed twice", s.ID)
		}
		switch succ := t.get(i, "successor"); {
		case succ != "" && v == Supported:
			return t.errorf(i, "a supported tool has no successor")
		case succ != "":
			successors[s] = i
		}
		if s.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.syncTools = append(c.syncTools, s)
	}
	// A successor may be listed after the tool it succeeds.
	for _, s := range c.syncTools {
		i, ok := successors[s]
		if !ok {
			continue
		}
		succ := c.SyncTool(t.get(i, "successor"))
		if succ == nil || succ.Verdict != Supported {
			return t.errorf(i, "successor %q: want a supported tool of the table", t.get(i, "successor"))
		}
		s.Successor = succ
	}
	return nil
}
