package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Windows is a Windows Server version, as written in topologies ("2012R2").
type Windows struct {
	ID   string
	Name string // "Windows Server 2012 R2"
	Rank int    // oldest first
	// MainstreamEnd and ExtendedEnd are the last days of Microsoft's
	// mainstream and extended support; zero where the catalogue has not
	// verified them.
	MainstreamEnd, ExtendedEnd Date
	Sources                    []*Source
}

// FFL is an Active Directory forest functional level.
type FFL struct {
	ID    string
	Name  string
	Level int // msDS-Behavior-Version
	// NewestFor are the Windows Server versions that added no level of
	// their own and whose newest level this is (2016: 2019 and 2022).
	NewestFor []string
	Sources   []*Source
}

// DotNet is a .NET Framework version.
type DotNet struct {
	ID      string // "4.8.1"
	Name    string // ".NET Framework 4.8.1"
	Rank    int
	Release int // the registry Release value; 0 where none applies
	// ExtendedEnd is the last day of support, where the catalogue records
	// one (MS-DOTNET-RETIRED); zero otherwise.
	ExtendedEnd Date
	Sources     []*Source
}

// Outlook is an Outlook for Windows product line.
type Outlook struct {
	ID          string // "2010", "365"
	Name        string // "Outlook 2010"
	Rank        int
	LastSP      int  // highest service pack Microsoft shipped (0: none)
	ExtendedEnd Date // zero when unknown or under the Modern Lifecycle Policy
	Modern      bool
	Sources     []*Source
}

// OutlookLevel is an Outlook product at a service pack: "2010 SP2".
type OutlookLevel struct {
	Outlook *Outlook
	SP      int
}

func (o OutlookLevel) String() string {
	if o.SP == 0 {
		return o.Outlook.Name
	}
	return fmt.Sprintf("%s SP%d", o.Outlook.Name, o.SP)
}

// Compare orders Outlook levels by product, then service pack.
func (o OutlookLevel) Compare(p OutlookLevel) int {
	switch {
	case o.Outlook.Rank != p.Outlook.Rank:
		return cmpInt(o.Outlook.Rank, p.Outlook.Rank)
	default:
		return cmpInt(o.SP, p.SP)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// WindowsByID returns the Windows Server version with this ID, or nil.
func (c *Catalog) WindowsByID(id string) *Windows {
	for _, w := range c.Windows {
		if w.ID == id {
			return w
		}
	}
	return nil
}

// FFLByID returns the forest functional level with this ID, or nil.
func (c *Catalog) FFLByID(id string) *FFL {
	for _, f := range c.FFLs {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// DotNetByID returns the .NET Framework version with this ID, or nil.
func (c *Catalog) DotNetByID(id string) *DotNet {
	for _, d := range c.DotNets {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// OutlookByID returns the Outlook product line with this ID, or nil.
func (c *Catalog) OutlookByID(id string) *Outlook {
	for _, o := range c.Outlooks {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// ParseOutlook reads an Outlook version as written in topologies: a product
// ("2016", "365") optionally followed by a service pack ("2010 SP2").
func (c *Catalog) ParseOutlook(s string) (OutlookLevel, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > 2 {
		return OutlookLevel{}, fmt.Errorf("%q is not an Outlook version such as \"2016\" or \"2010 SP2\"", s)
	}
	o := c.OutlookByID(fields[0])
	if o == nil {
		return OutlookLevel{}, fmt.Errorf("%q is not an Outlook version exlint knows", fields[0])
	}
	lvl := OutlookLevel{Outlook: o}
	if len(fields) == 2 {
		sp := strings.ToUpper(fields[1])
		n, err := strconv.Atoi(strings.TrimPrefix(sp, "SP"))
		if !strings.HasPrefix(sp, "SP") || err != nil || n < 1 {
			return OutlookLevel{}, fmt.Errorf("%q: the second word must be a service pack such as SP2", s)
		}
		if n > o.LastSP {
			if o.LastSP == 0 {
				return OutlookLevel{}, fmt.Errorf("%s has no service packs", o.Name)
			}
			return OutlookLevel{}, fmt.Errorf("%s has service packs up to SP%d, not SP%d", o.Name, o.LastSP, n)
		}
		lvl.SP = n
	}
	return lvl, nil
}
