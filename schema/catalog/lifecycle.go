package catalog

// Lifecycle queries: whether a platform is still supported on a day, so that
// a message never advises one that is not. Support ends at the end of the
// published last day.

// InSupport reports whether Exchange version v is released and within its
// extended support on day on. A version under the Modern Lifecycle Policy
// (SE) has no end.
func (v *Version) InSupport(on Date) bool {
	if !v.GA.IsZero() && on.Before(v.GA) {
		return false
	}
	end, ok := v.EndOfSupport()
	return !ok || !on.After(end)
}

// SupportedVersions returns the Exchange versions in support on day on,
// oldest first.
func (c *Catalog) SupportedVersions(on Date) []*Version {
	var out []*Version
	for _, v := range c.versions {
		if v.InSupport(on) {
			out = append(out, v)
		}
	}
	return out
}

// WindowsInSupport reports whether Windows Server version id is within
// Microsoft's extended support on day on, and whether that is known. For a
// version without a date in the catalogue, the order of the versions decides
// where it can: under the Fixed Lifecycle Policy a Windows Server version's
// support never ends before that of the version before it, so a version older
// than one past its end is past its end too (Windows Server 2003 is, once
// 2008's support ended), and a version newer than one still in support is in
// support too (Windows Server 2025, while 2022 is).
func (c *Catalog) WindowsInSupport(id string, on Date) (in, known bool) {
	w := c.WindowsByID(id)
	if w == nil {
		return false, false
	}
	if !w.ExtendedEnd.IsZero() {
		return !on.After(w.ExtendedEnd), true
	}
	for _, o := range c.Windows {
		if o.ExtendedEnd.IsZero() {
			continue
		}
		past := on.After(o.ExtendedEnd)
		if o.Rank > w.Rank && past {
			return false, true
		}
		if o.Rank < w.Rank && !past {
			return true, true
		}
	}
	return false, false
}

// SupportedWindows keeps, of the Windows Server versions ids, those known to
// be in support on day on, in their order.
func (c *Catalog) SupportedWindows(ids []string, on Date) []string {
	var out []string
	for _, id := range ids {
		if in, known := c.WindowsInSupport(id, on); in && known {
			out = append(out, id)
		}
	}
	return out
}

// InSupport reports whether Outlook product line o is supported on day on:
// under the Modern Lifecycle Policy (Microsoft 365 Apps), or not past its end
// of support, which counts as not reached where the catalogue has no date
// (Outlook 2024).
func (o *Outlook) InSupport(on Date) bool {
	return o.Modern || o.ExtendedEnd.IsZero() || !on.After(o.ExtendedEnd)
}

// InSupport reports whether .NET Framework version d is supported on day on:
// not past the end of support the catalogue records for it (4.5 and 4.5.1,
// MS-DOTNET-2016; 4.5.2, 4.6 and 4.6.1, MS-DOTNET-RETIRED); a version without
// a date follows the Windows it runs on and is not judged here.
func (d *DotNet) InSupport(on Date) bool {
	return d.ExtendedEnd.IsZero() || !on.After(d.ExtendedEnd)
}
