package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Build is an Exchange build number such as 15.2.1748.24. Microsoft writes
// builds in a short form (15.2.1748.24) and a long, zero-padded one
// (15.02.1748.024); both parse to the same Build. Exchange 2003 and 2000
// builds are published with three parts (6.5.7683): a missing part is zero for
// comparison, and String prints the parts that were given.
type Build struct {
	parts [4]int
	n     int // number of parts given: 2, 3 or 4
}

// ParseBuild reads a build number of two to four dot-separated parts.
func ParseBuild(s string) (Build, error) {
	fields := strings.Split(strings.TrimSpace(s), ".")
	if len(fields) < 2 || len(fields) > 4 {
		return Build{}, fmt.Errorf("build %q is not a build number like 15.2.1748.24", s)
	}
	var b Build
	for i, f := range fields {
		if f == "" || len(f) > 9 {
			return Build{}, fmt.Errorf("build %q is not a build number like 15.2.1748.24", s)
		}
		for _, c := range f {
			if c < '0' || c > '9' {
				return Build{}, fmt.Errorf("build %q is not a build number like 15.2.1748.24", s)
			}
		}
		n, _ := strconv.Atoi(f) // nine digits at most: cannot overflow
		b.parts[i] = n
	}
	b.n = len(fields)
	return b, nil
}

// MustBuild is ParseBuild for literals in code and tests.
func MustBuild(s string) Build {
	b, err := ParseBuild(s)
	if err != nil {
		panic(err)
	}
	return b
}

// Parts returns major, minor, build and revision.
func (b Build) Parts() (major, minor, build, revision int) {
	return b.parts[0], b.parts[1], b.parts[2], b.parts[3]
}

// IsZero reports whether b holds no build.
func (b Build) IsZero() bool { return b.n == 0 }

// Compare orders builds numerically, part by part.
func (b Build) Compare(o Build) int {
	for i := range b.parts {
		switch {
		case b.parts[i] < o.parts[i]:
			return -1
		case b.parts[i] > o.parts[i]:
			return 1
		}
	}
	return 0
}

func (b Build) String() string {
	var sb strings.Builder
	for i := 0; i < b.n; i++ {
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(strconv.Itoa(b.parts[i]))
	}
	return sb.String()
}
