package catalog

// SyncTool is a directory synchronization tool, as topologies name it
// (directory_sync tool), and what Microsoft supports of it
// (data/dirsync.csv).
type SyncTool struct {
	ID   string // "entra_connect"
	Name string // "Microsoft Entra Connect"
	// Verdict is Supported or Unsupported (a retired tool); Unknown for a
	// renamed tool, which its Successor's verdict judges.
	Verdict Verdict
	// Renamed: the ID is a former name of Successor, which judges it.
	Renamed bool
	// Hosts are the Windows Server versions its server may run, oldest first,
	// and MinFFL the lowest forest functional level it needs (nil where its
	// sources name none); both empty for a retired or renamed tool.
	Hosts   []*Windows
	MinFFL  *FFL
	Sources []*Source
	// Note is what a message says of it: that the tool is retired, or, for
	// a renamed tool, what the name is ("Microsoft Entra Connect's name
	// until 2023"); for a supported tool, a remark of its rule page.
	Note string
	// Successor is, for a retired tool, the supported tool Microsoft says
	// to upgrade to (nil when the row names none); for a renamed tool, the
	// supported tool of its current name.
	Successor *SyncTool
}

// Current is the tool that judges t: t, or for a renamed tool the tool of
// its current name.
func (t *SyncTool) Current() *SyncTool {
	if t.Renamed {
		return t.Successor
	}
	return t
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
	successors := map[*SyncTool]int{} // the row of each retired or renamed tool naming a successor
	for i := range t.rows {
		s := &SyncTool{ID: t.get(i, "id"), Name: t.get(i, "name"), Note: t.get(i, "note")}
		verdict, host, ffl, succ := t.get(i, "verdict"), t.get(i, "host"), t.get(i, "ffl"), t.get(i, "successor")
		if verdict == "renamed" {
			s.Renamed = true
		} else if v, ok := parseVerdict(verdict); ok && (v == Supported || v == Unsupported) {
			s.Verdict = v
		} else {
			return t.errorf(i, "verdict %q: want supported, unsupported or renamed", verdict)
		}
		switch {
		case s.Verdict == Unsupported && (host != "" || ffl != ""):
			return t.errorf(i, "a retired tool has no host or forest functional level")
		case s.Verdict == Unsupported && s.Note == "":
			return t.errorf(i, "a retired tool needs a note that says so")
		case s.Renamed && (host != "" || ffl != ""):
			return t.errorf(i, "a renamed tool has no host or forest functional level: its current name's row gives them")
		case s.Renamed && (succ == "" || s.Note == ""):
			return t.errorf(i, "a renamed tool needs its current name (successor) and a note that says what the name is")
		case s.Verdict == Supported:
			hs, err := parseSpan(ds["windows"], host)
			if err != nil {
				return t.errorf(i, "host: %v", err)
			}
			s.Hosts = c.Windows[hs.lo : hs.hi+1]
			if ffl == "" {
				break // its sources name no forest functional level
			}
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
		switch {
		case succ != "" && s.Verdict == Supported:
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
