package story

import (
	"cmp"
	"slices"
	"time"
)

// A second look at the longer copy's whole text. A print sees the first maxRunes runes of a text:
// a flash that quotes a long article further on (its headline, then a passage from the middle)
// shares the headline's shingles with the article's print but not the passage, and the passage's
// figures are not among the article's first ones, so the pair scores low or is vetoed. When the
// two headlines are alike and one copy is much longer, the longer text is looked at in windows of
// maxRunes runes, each printed with the headline as if the article began there, and the shorter
// copy is scored against each window by the same Score, facts veto included.
const (
	// secondTitle is the title bigram Jaccard from which a pair gets a second look. A flash's
	// headline is often the article's cut short ("10000只公募基金大市场" of "10000只公募基金大市场
	// 下半年哪些将成发行主角？"): its Jaccard is low, but all of it is found in the other. So the
	// shorter headline's containment counts too, from secondContain, when it has at least
	// secondShortTitle bigrams (a two-word headline is contained in too many).
	secondTitle      = 0.6
	secondContain    = 0.9
	secondShortTitle = 6
	// secondLong is the fewest letters the longer print must have seen (a text cut at maxRunes
	// runes has more), and the longer must have seen at least secondRatio times the shorter's.
	secondLong  = 400
	secondRatio = 2
	// secondWindows windows at most are printed for a look, each starting a step after the one
	// before: the text's length over secondWindows, but at least secondStep runes. A window's print
	// records the first maxNumbers figures it meets, and a table of figures fills them in a few
	// hundred runes: the steps must be short enough that a passage further on begins near the start
	// of some window, and the count fixed so that a look's cost does not grow with the text.
	secondWindows = 20
	secondStep    = maxRunes / 8
	// secondMax bounds the runes of the longer text looked at.
	secondMax = 10 * maxRunes
)

// titleSim is how alike two prints' headlines are, for a second look: the Jaccard of their title
// bigrams, or the shorter's containment in the longer when that reaches secondContain and the
// shorter has secondShortTitle bigrams or more.
func titleSim(a, b Print) float64 {
	_, at := split(a.Shingles)
	_, bt := split(b.Shingles)
	if len(at) == 0 || len(bt) == 0 {
		return 0
	}
	ta, tb, tc, _ := overlap(at, bt, titleBase+titleSpace)
	j := float64(tc) / float64(ta+tb-tc)
	if short := min(ta, tb); short >= secondShortTitle {
		if c := float64(tc) / float64(short); c >= secondContain {
			return max(j, c)
		}
	}
	return j
}

// longer reports whether one of two prints that saw a and b letters is long enough, and so much
// longer than the other, that the pair may deserve a second look.
func longer(a, b int) bool {
	long, short := max(a, b), min(a, b)
	return long >= secondLong && long >= secondRatio*short
}

// secondLook reports whether a pair that scored below the threshold deserves a look at the
// longer copy's whole text, and which of the two is the longer (a when longA).
func secondLook(a, b Print) (longA, ok bool) {
	return a.Runes >= b.Runes, longer(a.Runes, b.Runes) && titleSim(a, b) >= secondTitle
}

// windowScore scores short against the windows of the longer copy's text (title, body, and the
// time of its print): the best window's score, 0 when the text is no longer than one window
// (its print saw all of it).
func windowScore(short Print, title, body string, t time.Time, o Options) float64 {
	sh := shingler{s: sampler{limit: bodySpace}}
	text, _ := sh.read(make([]rune, 0, secondMax), body, true, secondMax)
	if len(text) <= maxRunes {
		return 0
	}
	best := 0.0
	step := windowStep(len(text))
	for start := step; start < len(text); start += step {
		end := min(start+maxRunes, len(text))
		w := fingerprint(title, string(text[start:end]), t)
		best = max(best, score(short, w, o))
		if end == len(text) {
			break
		}
	}
	return best
}

// secondTries bounds the candidates of one new print that get a second look: each costs a print
// of every window of a long text (~20 windows at most). secondPool bounds the candidates that share
// fewer than minCommon keys with it which are weighed for one (their headlines compared): a copy
// that shares its headline and little else may share a single key.
const (
	secondTries = 2
	secondPool  = 16
)

// Texts are what a second look reads: the new article's title and body, and Of, which returns an
// indexed article's (from the store; ok false when it cannot). Of runs while the Index is in use:
// it must not call the Index.
type Texts struct {
	Title, Body string
	Of          func(id string) (title, body string, ok bool)
	// Looks counts the second looks made through these Texts, each a walk over a long text (at
	// most secondTries a match): a caller bounds the work one feed can cause with it.
	Looks int
}

// second gives the best of the top candidates that scored below the threshold a second look (at
// most secondTries of them, the most alike headlines first) and returns the one whose window
// score reaches the threshold, best first, or -1.
func (x *Index) second(p Print, top []candidate, skip func(story string) bool, t *Texts) (int32, float64) {
	type look struct {
		slot  int32
		title float64
		longP bool // p is the longer copy
	}
	var looks [maxScore + secondPool]look
	n := 0
	weigh := func(s int32, skipped bool) {
		c := x.print(s)
		longP, ok := secondLook(p, c)
		if !ok || n == len(looks) || skipped && skip != nil && skip(x.keep(x.slots[s].story)) {
			return
		}
		looks[n] = look{s, titleSim(p, c), longP}
		n++
	}
	for _, cd := range top {
		weigh(cd.slot, false) // best already ruled out the skipped stories
	}
	for _, s := range x.near {
		weigh(s, true)
	}
	ls := looks[:n]
	slices.SortStableFunc(ls, func(a, b look) int { return cmp.Compare(b.title, a.title) })
	b, best := int32(-1), 0.0
	for _, l := range ls[:min(len(ls), secondTries)] {
		c := x.print(l.slot)
		var sc float64
		if l.longP {
			sc = windowScore(c, t.Title, t.Body, p.Time, x.opts)
		} else if t.Of != nil {
			title, body, ok := t.Of(x.str(x.slots[l.slot].id))
			if !ok {
				continue
			}
			sc = windowScore(p, title, body, c.Time, x.opts)
		} else {
			continue
		}
		t.Looks++
		if sc >= x.opts.Threshold && sc > best {
			b, best = l.slot, sc
		}
	}
	return b, best
}

// windowStep is how far apart the windows over a text of n runes start: at most secondWindows of
// them past the first (which its print saw), at least secondStep runes apart.
func windowStep(n int) int {
	return max(secondStep, (n+secondWindows-1)/secondWindows)
}

// scoreTexts is Score followed, below the threshold, by the second look that Index.JoinWith gives
// the pair: for two articles whose texts are at hand (the labelled pairs' tests).
func scoreTexts(a, b Print, titleA, bodyA, titleB, bodyB string, o Options) float64 {
	s := score(a, b, o)
	if s >= o.Threshold {
		return s
	}
	longA, ok := secondLook(a, b)
	if !ok {
		return s
	}
	if longA {
		return max(s, windowScore(b, titleA, bodyA, a.Time, o))
	}
	return max(s, windowScore(a, titleB, bodyB, b.Time, o))
}

// MaxLooksPerFeed is how many second looks the stores let one fetched feed cause (Texts.Looks):
// a feed of short items under the headline of a long stored article would otherwise make each of
// them read and walk that article, up to secondTries times.
const MaxLooksPerFeed = 32
