package story

import (
	"strings"
	"sync"
)

// Repeats learns a source's own boilerplate: the runs of text that open or close most of its
// items, whatever they say (a site's footer, a disclaimer, a promotion), which withoutBoilerplate
// knows only for the forms it lists. Two different stories of one company from one publisher, short,
// share little else, and a print made of such runs merges them. A store keeps one Repeats a source
// and passes the texts of the items it saves through Learn before it fingerprints them.
//
// An edge run is one of a text's first two and last two runs at least minRunBytes long, a run being
// the text between tags, line breaks and sentence ends (。！？). A run is the source's when at
// least repeatMin of its items had it and at least half of those counted since (a story's updates
// share their lead: three updates among a source's fifty items are not its boilerplate; a small
// source's handful of updates can be, and an update that then misses its story is the price).
// What a Repeats holds is bounded (repeatSlots runs, 100 bytes) whatever the source sends: a run
// seen once gives its place to the next. The caller serializes the calls of one Repeats.
type Repeats struct {
	runs  [repeatSlots]repeat
	items uint32
}

type repeat struct {
	hash  uint32
	items uint16
}

const (
	repeatSlots = 12
	repeatMin   = 5
	// repeatDecay: when this many items are counted, every count halves, so that a source that
	// drops a footer forgets it.
	repeatDecay = 512
	minRunBytes = 18
)

// Learn counts the edge runs of bodies, the texts of a source's items just fetched (new and changed
// ones: each is counted once, however often the feed lists it again), and returns them less the
// source's boilerplate (Strip), the runs of this batch counted first: a source's first fetch, fifty
// items under one footer, teaches it at once. out is reused when it has the room.
func (r *Repeats) Learn(bodies []string, out []string) []string {
	type edges struct {
		runs [4]span
		n    int
	}
	var local [64]edges
	all := local[:0]
	if len(bodies) > len(local) {
		all = make([]edges, 0, len(bodies))
	}
	for _, body := range bodies {
		var e edges
		e.n = edgeRuns(body, &e.runs)
		r.observe(body, &e.runs, e.n)
		all = append(all, e)
	}
	out = out[:0]
	for i, body := range bodies {
		out = append(out, r.strip(body, &all[i].runs, all[i].n))
	}
	return out
}

func (r *Repeats) observe(body string, runs *[4]span, n int) {
	var seen [4]uint32
	for i := range n {
		h := runHash(body[runs[i].lo:runs[i].hi])
		if containsHash(seen[:i], h) {
			continue
		}
		seen[i] = h
		r.count(h)
	}
	if r.items++; r.items >= repeatDecay {
		r.items /= 2
		for i := range r.runs {
			r.runs[i].items /= 2
		}
	}
}

func (r *Repeats) count(h uint32) {
	least := 0
	for i := range r.runs {
		if r.runs[i].hash == h && r.runs[i].items > 0 {
			if r.runs[i].items < 1<<16-1 {
				r.runs[i].items++
			}
			return
		}
		if r.runs[i].items < r.runs[least].items {
			least = i
		}
	}
	r.runs[least] = repeat{hash: h, items: 1}
}

// boilerplate reports whether the run hashed h opens or closes most of the source's items.
func (r *Repeats) boilerplate(h uint32) bool {
	for _, x := range r.runs {
		if x.hash == h && x.items >= repeatMin && 2*uint32(x.items) >= r.items {
			return true
		}
	}
	return false
}

// Strip returns body less the source's boilerplate at its edges: the leading runs from the first
// that are the source's, and the trailing ones from the earlier of the last two that is. A text
// that would keep nothing is returned whole. A nil Repeats strips nothing.
func (r *Repeats) Strip(body string) string {
	if r == nil || r.items < repeatMin {
		return body
	}
	var runs [4]span
	return r.strip(body, &runs, edgeRuns(body, &runs))
}

func (r *Repeats) strip(body string, runs *[4]span, n int) string {
	if r.items < repeatMin || n < 2 {
		return body // one run: it is the text, however often the source says it
	}
	lo, hi, left := 0, len(body), n
	lead := min(2, n-1) // the leading runs, and at least one run left for the trailing side
	for i := 0; i < lead && r.boilerplate(runHash(body[runs[i].lo:runs[i].hi])); i++ {
		lo, left = runs[i].hi, left-1
	}
	// The trailing side: from the earlier of the last two runs that is the source's, whatever
	// follows it (a fixed line and then an editor's name: 海量资讯、精准解读… 责任编辑：王蒙).
	cut := n
	for i := n - 1; i >= max(n-2, 1) && runs[i].lo >= lo; i-- {
		if r.boilerplate(runHash(body[runs[i].lo:runs[i].hi])) {
			cut = i
		}
	}
	if cut < n {
		hi, left = runs[cut].lo, left-(n-cut)
	}
	// Nothing left but what the source always says (fewer than four runs: none between them).
	if lo == 0 && hi == len(body) || lo >= hi || left == 0 && n < 4 {
		return body
	}
	return body[lo:hi]
}

// span is a run's place in a text.
type span struct{ lo, hi int }

// edgeRuns finds the first two and the last two runs of body at least minRunBytes long, in order
// (fewer when it has fewer; a run is counted once), and returns how many. It reads from either end
// only as far as those runs: a print's other costs are per text, not per byte of a long one.
func edgeRuns(body string, out *[4]span) int {
	n := 0
	end := 0 // where the leading runs end: the trailing ones start no earlier
	for i, start := 0, 0; i <= len(body) && n < 2; {
		sep := len(body) - i
		if i < len(body) {
			if c := body[i]; c != '<' && c != '\n' && c != 0xE3 && c != 0xEF {
				i++ // not where a separator starts: most bytes, tested without a call
				continue
			}
			sep = sepAt(body, i)
		}
		if sep == 0 {
			i++
			continue
		}
		if s, ok := trimRun(body, start, i); ok {
			out[n] = s
			n++
			end = s.hi
		}
		if i == len(body) {
			break
		}
		i += sep
		start = i
	}
	var tail [2]span
	nt := 0
	for i, stop := len(body), len(body); i >= end && nt < 2; {
		sep := i - end
		if i > end {
			if c := body[i-1]; c != '>' && c != '\n' && c != 0x82 && c != 0x81 && c != 0x9F {
				i-- // not where a separator ends (>, a line break, the last byte of 。！？)
				continue
			}
			sep = sepBefore(body, i)
		}
		if sep == 0 {
			i--
			continue
		}
		if s, ok := trimRun(body, i, stop); ok && s.lo >= end {
			tail[nt] = s
			nt++
		}
		if i == end {
			break
		}
		i -= sep
		stop = i
	}
	for j := nt - 1; j >= 0; j-- {
		out[n] = tail[j]
		n++
	}
	return n
}

// sepAt is the length of the separator of runs that starts at s[i] (a tag, a line break, 。！？),
// 0 when there is none.
func sepAt(s string, i int) int {
	switch c := s[i]; {
	case c == '<':
		// A tag, unless another < comes first: a < in the text (sanitized HTML escapes it).
		if j := strings.IndexByte(s[i+1:], '>'); j >= 0 && strings.IndexByte(s[i+1:i+1+j], '<') < 0 {
			return j + 2
		}
		return 0
	case c == '\n':
		return 1
	case c == 0xE3 && strings.HasPrefix(s[i:], "。"), c == 0xEF && (strings.HasPrefix(s[i:], "！") || strings.HasPrefix(s[i:], "？")):
		return 3
	}
	return 0
}

// sepBefore is the length of the separator of runs that ends at s[i-1], 0 when there is none.
func sepBefore(s string, i int) int {
	switch c := s[i-1]; {
	case c == '>':
		if j := strings.LastIndexByte(s[:i-1], '<'); j >= 0 && strings.IndexByte(s[j+1:i-1], '>') < 0 {
			return i - j
		}
		return 0
	case c == '\n':
		return 1
	case c >= 0x80 && i >= 3 && (strings.HasPrefix(s[i-3:], "。") || strings.HasPrefix(s[i-3:], "！") || strings.HasPrefix(s[i-3:], "？")):
		return 3
	}
	return 0
}

// trimRun is s[lo:hi] less its spaces, and whether that is a run (minRunBytes or more).
func trimRun(s string, lo, hi int) (span, bool) {
	for lo < hi && (s[lo] == ' ' || s[lo] == '\t' || s[lo] == '\r') {
		lo++
	}
	for hi > lo && (s[hi-1] == ' ' || s[hi-1] == '\t' || s[hi-1] == '\r') {
		hi--
	}
	return span{lo, hi}, hi-lo >= minRunBytes
}

// runHash is a run's hash, never 0 (an empty slot's): FNV-1a of its length and of its first and
// last hashBytes bytes, which tell runs apart as well as all of them at a fraction of the cost (a
// run can be a long paragraph).
func runHash(s string) uint32 {
	h := uint32(fnvOffset)
	h = (h ^ uint32(len(s))) * fnvPrime
	head, tail := s, ""
	if len(s) > 2*hashBytes {
		head, tail = s[:hashBytes], s[len(s)-hashBytes:]
	}
	for i := 0; i < len(head); i++ {
		h = (h ^ uint32(head[i])) * fnvPrime
	}
	for i := 0; i < len(tail); i++ {
		h = (h ^ uint32(tail[i])) * fnvPrime
	}
	return h | 1
}

// hashBytes: see runHash.
const hashBytes = 24

func containsHash(s []uint32, h uint32) bool {
	for _, x := range s {
		if x == h {
			return true
		}
	}
	return false
}

// SourceRepeats keeps a Repeats a source, for a store's concurrent saves: what it holds is bounded
// by the sources saved since it was made (108 bytes each and a map entry), not by what they send.
type SourceRepeats struct {
	mu       sync.Mutex
	bySource map[string]*sourceRepeats
}

type sourceRepeats struct {
	mu sync.Mutex
	r  Repeats
}

// of returns source's Repeats, made when create is set and it has none (else nil).
func (s *SourceRepeats) of(source string, create bool) *sourceRepeats {
	s.mu.Lock()
	defer s.mu.Unlock()
	x := s.bySource[source]
	if x == nil && create {
		if s.bySource == nil {
			s.bySource = map[string]*sourceRepeats{}
		}
		x = &sourceRepeats{}
		s.bySource[source] = x
	}
	return x
}

// Learn is source's Repeats.Learn.
func (s *SourceRepeats) Learn(source string, bodies, out []string) []string {
	x := s.of(source, true)
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.r.Learn(bodies, out)
}

// Strip is source's Repeats.Strip: for a text printed again (an edit), as its source's texts are.
func (s *SourceRepeats) Strip(source, body string) string {
	x := s.of(source, false)
	if x == nil {
		return body // a source that saved nothing since the store opened
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.r.Strip(body)
}
