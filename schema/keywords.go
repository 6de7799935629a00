package schema

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/exlint/exlint/schema/catalog"
)

// keywordSet is the list of values a keyword attribute accepts.
type keywordSet struct {
	name   string          // its key in keywordSets, for its aliases (aliases.go)
	what   string          // what a value is, for messages: "an Exchange version"
	values func() []string // every accepted value, in documentation order
	// check, when set, accepts values beyond the list (an Outlook version may
	// carry a service pack: "2010 SP2") and explains a refusal.
	check func(string) error
}

func static(what string, values ...string) *keywordSet {
	return &keywordSet{what: what, values: func() []string { return values }}
}

func catalogIDs[T any](what string, list func(*catalog.Catalog) []T, id func(T) string) *keywordSet {
	return &keywordSet{what: what, values: sync.OnceValue(func() []string {
		var out []string
		for _, v := range list(catalog.Default()) {
			out = append(out, id(v))
		}
		return out
	})}
}

var keywordSets = map[string]*keywordSet{
	"exchange_version": catalogIDs("an Exchange version", func(c *catalog.Catalog) []*catalog.Version { return c.Versions() },
		func(v *catalog.Version) string { return v.ID }),
	"windows": catalogIDs("a Windows Server version", func(c *catalog.Catalog) []*catalog.Windows { return c.Windows },
		func(w *catalog.Windows) string { return w.ID }),
	"ffl": catalogIDs("a forest functional level", func(c *catalog.Catalog) []*catalog.FFL { return c.FFLs },
		func(f *catalog.FFL) string { return f.ID }),
	"dotnet": catalogIDs("a .NET Framework version", func(c *catalog.Catalog) []*catalog.DotNet { return c.DotNets },
		func(d *catalog.DotNet) string { return d.ID }),
	"outlook": {
		what: "an Outlook version",
		values: sync.OnceValue(func() []string {
			var out []string
			for _, o := range catalog.Default().Outlooks {
				out = append(out, o.ID)
			}
			return out
		}),
		check: func(s string) error {
			_, err := catalog.Default().ParseOutlook(s)
			return err
		},
	},
	"role": static("a server role", "mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport",
		"front_end", "back_end"),
	"network":             static("a network placement", "internal", "perimeter"),
	"tls":                 static("a TLS version", "1.0", "1.1", "1.2", "1.3"),
	"accepted_domain":     static("an accepted-domain type", "authoritative", "internal_relay", "external_relay"),
	"mx_target":           static("an MX target", "on_premises", "exchange_online", "third_party"),
	"autodiscover_target": static("an Autodiscover target", "on_premises", "exchange_online"),
	"mailbox_location":    static("a mailbox location", "on_premises", "exchange_online", "both"),
	"namespace_scope":     static("a namespace scope", "internal", "external"),
	"issuer":              static("a certificate issuer kind", "public_ca", "enterprise_ca", "self_signed"),
	"certificate_service": static("an Exchange certificate service", "iis", "smtp", "imap", "pop", "um", "um_call_router", "federation"),
	"client_service": static("a client-access service", "owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync",
		"oab", "ecp"),
	"tls_auth":            static("a TLS authentication level", "none", "encryption_only", "certificate_validation", "domain_validation"),
	"dirsync_tool":        static("a directory synchronization tool", "dirsync", "aad_sync", "aad_connect", "entra_connect", "cloud_sync"),
	"sign_in":             static("a sign-in method", "password_hash_sync", "pass_through", "federation"),
	"hybrid_topology":     static("a hybrid topology", "classic_full", "classic_minimal", "express", "modern_full", "modern_minimal"),
	"migration_method":    static("a migration method", catalog.MigrationMethods...),
	"migration_timeframe": static("a migration timeframe", "fast", "slow"),
	"tenant_plan": static("a Microsoft 365 plan", "E1", "E3", "E5", "F1", "F3", "A1", "A3", "A5", "G1", "G3", "G5",
		"Business Basic", "Business Standard", "Business Premium",
		"Exchange Online Plan 1", "Exchange Online Plan 2", "Exchange Online Kiosk",
		"Apps for business", "Apps for enterprise", "Personal", "Family"),
	"connector_direction": static("a connector direction", "send", "receive"),
	"hybrid_feature": static("a hybrid feature", "free_busy", "mailtips", "message_tracking", "multi_mailbox_search",
		"online_archive", "owa_redirection", "photos", "secure_mail", "centralized_transport"),
	"public_folder_location": static("a public folder location", "on_premises", "exchange_online", "none"),
}

// accepts reports whether v is one of the set's values.
func (k *keywordSet) accepts(v string) error {
	for _, x := range k.values() {
		if x == v {
			return nil
		}
	}
	if k.check != nil {
		return k.check(v)
	}
	return errNotInList
}

type listError struct{}

func (listError) Error() string { return "not in the list" }

var errNotInList error = listError{}

// squashSeparators drops what Suggest ignores when comparing names.
var squashSeparators = strings.NewReplacer(" ", "", "-", "", "_", "", ".", "")

// Suggest returns the candidate the user most likely meant by s, or "". It
// tries, in order: the same text ignoring case, spaces, hyphens and
// underscores ("Client Access" -> "client_access", "2012 R2" -> "2012R2"),
// then the nearest candidate by edit distance when it is close enough to be a
// typo. For many names, or many questions about the same ones, build a
// Suggester once.
func Suggest(s string, candidates []string) string {
	return NewSuggester(candidates).Suggest(s)
}

// Bounds of the "did you mean" search: names longer than maxSuggestLength
// characters get only the exact match, a question compares s with at most
// maxSuggestCandidates names, and a Suggester answers at most
// suggestBudget comparisons in all (then only exact matches), so that
// thousands of unknown names against thousands of defined ones cost a
// bounded amount of work.
const (
	maxSuggestLength     = 64
	maxSuggestCandidates = 1000
	suggestBudget        = 20000
)

// Suggester answers Suggest for one list of candidates: the exact matches
// from a map, the near ones from the candidates of about the same length.
type Suggester struct {
	candidates []string
	squashed   map[string]int // squashed name -> index of the first candidate
	byLength   map[int][]int  // length in characters -> indexes, in order
	lower      []string
	budget     int
}

// NewSuggester prepares Suggest over candidates.
func NewSuggester(candidates []string) *Suggester {
	sg := &Suggester{candidates: candidates, squashed: make(map[string]int, len(candidates)),
		byLength: map[int][]int{}, lower: make([]string, len(candidates)), budget: suggestBudget}
	for i, c := range candidates {
		if _, ok := sg.squashed[squashName(c)]; !ok {
			sg.squashed[squashName(c)] = i
		}
		sg.lower[i] = strings.ToLower(c)
		if n := utf8.RuneCountInString(c); n <= maxSuggestLength+maxSuggestLength/3 {
			sg.byLength[n] = append(sg.byLength[n], i)
		}
	}
	return sg
}

func squashName(x string) string { return strings.ToLower(squashSeparators.Replace(x)) }

// Suggest is the package's Suggest over the Suggester's candidates.
func (sg *Suggester) Suggest(s string) string {
	if i, ok := sg.squashed[squashName(s)]; ok {
		return sg.candidates[i]
	}
	n := utf8.RuneCountInString(s)
	if n > maxSuggestLength || sg.budget <= 0 {
		return ""
	}
	// A typo is at most a third of the word, and never the whole of a short
	// one. Names whose length differs by more than that are farther away.
	limit := max(1, n/3)
	var near []int
	for l := max(0, n-limit); l <= n+limit; l++ {
		near = append(near, sg.byLength[l]...)
	}
	sort.Ints(near) // of equally near candidates, the closer (closer), then the first, wins
	if len(near) > maxSuggestCandidates {
		near = near[:maxSuggestCandidates]
	}
	ls := strings.ToLower(s)
	lr := []rune(ls)
	bag := letterCounts(ls)
	best, bestDist := -1, limit+1
	for _, i := range near {
		if sg.budget <= 0 {
			break
		}
		sg.budget--
		// Letters one has and the other lacks each cost an edit at least.
		if bagDistance(bag, sg.lower[i]) > limit {
			continue
		}
		if d := editDistance(lr, []rune(sg.lower[i]), limit); d < bestDist || (d == bestDist && best >= 0 && closer(ls, sg.lower[i], sg.lower[best])) {
			best, bestDist = i, d
		}
	}
	if best >= 0 && bestDist < utf8.RuneCountInString(sg.candidates[best]) {
		return sg.candidates[best]
	}
	return ""
}

// closer breaks a tie between two candidates as near to s: the one that
// shares a longer beginning with s ("4.8.2": "4.8.1", not "4.5.2"), then,
// where both differ from s in a digit there, the nearer digit ("2015":
// "2016", not "2010"; "SP4": "SP3", not "SP1").
func closer(s, a, b string) bool {
	pa, pb := commonPrefix(s, a), commonPrefix(s, b)
	if pa != pb {
		return pa > pb
	}
	if pa < len(s) && pa < len(a) && pa < len(b) && isDigit(s[pa]) && isDigit(a[pa]) && isDigit(b[pa]) {
		return absDiff(s[pa], a[pa]) < absDiff(s[pa], b[pa])
	}
	return false
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func absDiff(a, b byte) byte {
	if a > b {
		return a - b
	}
	return b - a
}

// editDistance is the Levenshtein distance of a and b when it is at most k,
// else k+1. Only the cells within k of the diagonal are computed, and it
// stops at the first row whose cells all exceed k: O(len(a)*k) at most.
// agext/levenshtein's MaxCost, which should do this, answers distances below
// the true one once the cost is exceeded ("a1a-_éb-b " and "abéa_ba- é":
// 3 with MaxCost 3 or 4, where the distance is 7); its unbounded Distance is
// the reference the tests compare with.
func editDistance(a, b []rune, k int) int {
	if len(a)-len(b) > k || len(b)-len(a) > k {
		return k + 1
	}
	far := k + 1
	prev, cur := make([]int, len(b)+2), make([]int, len(b)+2)
	for j := range prev {
		prev[j] = min(j, far)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		if lo == 1 {
			cur[0] = min(i, far)
		} else {
			cur[lo-1] = far
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, far)
			cur[j] = v
			best = min(best, v)
		}
		cur[hi+1] = far // outside the band: the next row must not read an old value
		if best >= far {
			return far
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// letters counts the characters of a text, every non-ASCII one in one
// bucket: merging buckets keeps bagDistance a lower bound.
type letters [129]int

func letterCounts(s string) *letters {
	var l letters
	for _, r := range s {
		l[min(int(r), 128)]++
	}
	return &l
}

// bagDistance is a lower bound of the edit distance between the text counted
// in bag and t: each edit adds, removes or changes one character, so it
// changes by at most one the count of characters one has more of than the
// other, and the count of those it has fewer of.
func bagDistance(bag *letters, t string) int {
	tl := letterCounts(t)
	extra, missing := 0, 0
	for i := range tl {
		if d := tl[i] - bag[i]; d > 0 {
			extra += d
		} else {
			missing -= d
		}
	}
	return max(extra, missing)
}

// quoteList renders candidates for a message: "a", "b", "c".
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = `"` + v + `"`
	}
	return strings.Join(q, ", ")
}
