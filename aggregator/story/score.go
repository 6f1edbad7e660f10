package story

import (
	"slices"
	"time"
)

// Weights and floors of the score; see the package comment for why each signal is there.
const (
	// minCommon body values must be shared before a pair scores at all: below that the estimate is
	// noise (and Index.Match looks only at prints sharing that many of their keys).
	minCommon = 2
	// wContain and wResemble weigh containment (the smaller copy inside the larger) against
	// resemblance (the larger of Jaccard and title similarity).
	wContain  = 0.7
	wResemble = 0.3
	// minWordCommon content words must be shared for a pair that shares fewer than minCommon
	// body values to score at all (a paraphrase).
	minWordCommon = 3
	// minSample: fewer shared-range values than this estimate nothing.
	minSample = 4
	// numberAgree is the share of the smaller copy's numbers that must appear in the larger.
	numberAgree = 0.5
	// dateAgree is the share of the smaller copy's dates that must appear in the larger.
	dateAgree = 0.5
	// timeFade: a pair at the edge of the window loses this share of its score.
	timeFade = 0.15
	// updateContain: a copy whose headline figure alone disagrees with the other's is an update
	// (《新闻联播》要闻12条 → 14条: two more items, nothing else changed) when at least this share of
	// the smaller is inside the larger, and every other figure and date of it agrees.
	updateContain = 0.9
	// updateGrowth: and the larger must have grown by at least 1/updateGrowth of the smaller's
	// letters: an update adds items. A copy of one length whose headline figure changed is a
	// template's next release (600家 → 398家), however alike the rest.
	updateGrowth = 10
	// namedFrom and namedTo: two Chinese copies whose headlines open with one name (headlineName:
	// 岱宗重工实控人韩立峰被留置 and 岱宗重工董事长韩立峰遭留置) and that came within namedSpan of
	// each other score namedTo where their texts score namedFrom (boosted): at the default
	// threshold, 0.4 is one story for them. Two outlets' reports of one company's news name it
	// first and share a third to a half of their bigrams; on the seven Chinese holdouts, pooled,
	// 13 such pairs scored 0.41–0.50, and no pair of two stories of one company (ZH_TOPIC*, hours
	// apart) reached the threshold with it. English is left as it was: its headlines' subjects
	// (Fed, ECB, Oil) are a kind of story more than who it is about, and the boost merged a Fed
	// hold with a Fed cut there.
	namedFrom, namedTo = 0.4, 0.5
	// namedSpan: a template's next release opens with the same name (国内期货主力合约多数收涨 …)
	// a day later; copies of one report come within hours (8 h where a feed labels Beijing time
	// GMT).
	namedSpan = 12 * time.Hour
)

// split returns the body values and the title values of a print's Shingles.
func split(s []uint32) (body, title []uint32) {
	i := len(s)
	for i > 0 && s[i-1] >= wordBase {
		i--
	}
	j := i
	for j > 0 && s[j-1] >= titleBase {
		j--
	}
	return s[:j], s[j:i]
}

// subjects compares two prints' subjects (wordsAndSubject): apart when they are two stories
// whatever their texts share, words when their words may count. Two Chinese headlines that tell
// another day or the other direction (收涨, 收跌) are two stories: the same template of another
// day; so are two whose first names neither copy's words hold: two companies' announcements of one
// template (天禧股份 and 鸿屹科技, each 因涉嫌信息披露违法违规被证监会立案), whose texts are one
// regulator's words (hanwords.go). English words count only when one copy's subject is among the
// other's words: the same wire's recall notices of two carmakers share most of their words, not
// their carmaker. And two English copies whose subjects neither names are two stories, as two
// Chinese ones are: the wires' templates (X to Present at the Needham Growth Conference, X Declares
// Quarterly Dividend of $0.25 per Share) differ only in the company, and two companies' releases
// of one day scored 0.88 and 0.70 on their shingles. A story that outlets retitle keeps its text,
// which names what either headline does.
func subjects(aw []uint32, as uint32, bw []uint32, bs uint32) (apart, words bool) {
	if len(aw) == 0 || len(bw) == 0 {
		return false, false
	}
	if as&bs&hanSubject != 0 {
		apart = hanConflict(as, bs) || hanSpoken(as) == hanSpoken(bs) && !hanNamed(as, bw) && !hanNamed(bs, aw)
		return apart, !apart
	}
	words = as == 0 || bs == 0 || inWords(bw, as) || inWords(aw, bs)
	return !words, words
}

// withoutWords returns a print's body and title values, its content words and subject left out.
func withoutWords(s []uint32) []uint32 {
	body, title := split(s)
	return slices.Clip(s[:len(body)+len(title)])
}

// wordsOf returns the word values of a print's Shingles: English content words or Han bigrams.
func wordsOf(s []uint32) []uint32 {
	s, _ = wordsAndSubject(s)
	return s
}

// wordsAndSubject returns the content word values of a print's Shingles and its subject's value
// (among them), or 0 when it has none.
func wordsAndSubject(s []uint32) ([]uint32, uint32) {
	var subject uint32
	if n := len(s); n > 0 && s[n-1] >= subjectBase {
		subject, s = s[n-1]-subjectBase+wordBase, s[:n-1]
	}
	i := len(s)
	for i > 0 && s[i-1] >= wordBase {
		i--
	}
	return s[i:], subject
}

// cut is the value up to which a print's body values hold every sampled shingle of its text:
// the sketchK-th smallest when the text had more (the values above it are the lead's), the whole
// space otherwise.
func cut(body []uint32) uint32 {
	if len(body) >= sketchK {
		return body[sketchK-1]
	}
	return bodySpace
}

// overlap counts the values ≤ limit in a and b, those of them they share, and all the values
// they share. It runs for every candidate a match scores, on values spread at random, where a
// merge's branches are mispredicted half the time: it steps without them.
func overlap(a, b []uint32, limit uint32) (na, nb, common, all int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		eq := b2i(x == y)
		all += eq
		common += eq & b2i(x <= limit)
		i += b2i(x <= y)
		j += b2i(y <= x)
	}
	for na < len(a) && a[na] <= limit {
		na++
	}
	for nb < len(b) && b[nb] <= limit {
		nb++
	}
	return na, nb, common, all
}

func score(a, b Print, o Options) float64 {
	s, _ := scoreWords(a, b, o)
	return s
}

// scoreWords is score, and whether the words made it (the shingles alone fell short).
func scoreWords(a, b Print, o Options) (float64, bool) {
	g, ok := measure(a, b, o)
	if !ok {
		return 0, false
	}
	return g.combine(wContain, wResemble), g.byWords(wContain, wResemble, o.Threshold)
}

// signals are what a pair's score is made of.
type signals struct {
	contain, jaccard, title float64
	// wordContain and wordJaccard are the content words' (words.go), 0 unless both copies are
	// written in words.
	wordContain, wordJaccard float64
	// fade in [1-timeFade, 1]: 1 for copies at the same time.
	fade float64
	// named: both headlines open with one name, within namedSpan (boosted).
	named bool
}

// parts weighs the shingles' signals and the content words' the same way.
func (g signals) parts(wc, wr float64) (shingles, words float64) {
	return wc*g.contain + wr*max(g.jaccard, g.title), wc*g.wordContain + wr*g.wordJaccard
}

// combine weighs the signals: the shingles' score, or the content words' when they say more (a
// paraphrase shares its words, not its runs of words), faded by time, and raised for copies whose
// headlines name one name first (boosted).
func (g signals) combine(wc, wr float64) float64 {
	sh, w := g.parts(wc, wr)
	if g.named {
		return boosted(max(sh, w) * g.fade)
	}
	return max(sh, w) * g.fade
}

// boosted is a named pair's score for s (see namedFrom): namedFrom becomes namedTo and 1 stays 1,
// linearly on either side, so that the scores keep their order: a copy that shares its text with
// one article still outranks a copy that shares a name and less text with another.
func boosted(s float64) float64 {
	if s <= namedFrom {
		return s * namedTo / namedFrom
	}
	return namedTo + (s-namedFrom)*(1-namedTo)/(1-namedFrom)
}

// byWords: the content words made the score, the shingles alone would not have reached floor.
// A Chinese copy that shares its text scores more on its bigrams than on its shingles too, but
// the shingles found it, as they always did.
func (g signals) byWords(wc, wr, floor float64) bool {
	sh, w := g.parts(wc, wr)
	return w > sh && sh*g.fade < floor
}

// measure computes a pair's signals; ok is false when the pair cannot be one story: too far
// apart, too little text in common, or facts that disagree.
func measure(a, b Print, o Options) (signals, bool) {
	d := a.Time.Sub(b.Time)
	if d < 0 {
		d = -d
	}
	if d > o.Window {
		return signals{}, false
	}
	ab, at := split(a.Shingles)
	bb, bt := split(b.Shingles)
	// Below both cut-offs the two lists are exact samples: containment and Jaccard estimates.
	na, nb, common, all := overlap(ab, bb, min(cut(ab), cut(bb)))
	aw, as := wordsAndSubject(a.Shingles)
	bw, bs := wordsAndSubject(b.Shingles)
	apart, words := subjects(aw, as, bw, bs)
	if apart {
		return signals{}, false
	}
	var wo wordsShared
	if words {
		wo = wordOverlap(aw, bw)
	}
	wcommon := wo.common
	if all < minCommon && wcommon < minWordCommon {
		return signals{}, false
	}
	contain, jaccard := 0.0, 0.0
	if min(na, nb) >= minSample {
		contain = float64(common) / float64(min(na, nb))
		jaccard = float64(common) / float64(na+nb-common)
	}
	// A text short enough to hold all its sampled shingles, found among the other's values
	// (its sketch and its lead): a lower bound of its containment, exact when it is the lead.
	if n := min(len(ab), len(bb)); n > 0 && n < sketchK { // none: a pair that content words let through
		contain = max(contain, float64(all)/float64(n))
	}
	// Two copies of one template, each about someone the other never names (names.go).
	if namesApart(a, b, aw, bw, contain) {
		return signals{}, false
	}
	title := 0.0
	if len(at) > 0 && len(bt) > 0 {
		ta, tb, tc, _ := overlap(at, bt, titleBase+titleSpace)
		if ta > 0 && tb > 0 {
			title = float64(tc) / float64(ta+tb-tc)
		}
	}
	wordContain, wordJaccard := 0.0, 0.0
	if wcommon > 0 {
		wordContain = float64(wcommon) / float64(min(len(aw), len(bw)))
		wordJaccard = float64(wcommon) / float64(len(aw)+len(bw)-wcommon)
	}
	g := signals{contain, jaccard, title, wordContain, wordJaccard, 1 - timeFade*float64(d)/float64(o.Window), d <= namedSpan && sameName(as, bs)}
	// The headline signal: how much of either copy's headline the other's words hold, when that
	// says more. Two outlets' texts of one story share a third to a half of their words, but each
	// one's text names most of what the other's headline does. Without a shared figure, both
	// headlines must be found in the other copy, and it weighs half: two stories of one kind (two
	// FDA approvals, two AI phone launches) share the words of one headline, rarely of both, and
	// their texts' words less than a paraphrase does.
	headline, headlines := 0.0, 0.0
	if wcommon > 0 {
		headline, headlines = wo.headline(), (wordContain+wo.headlines())/2
	}
	// The smaller copy's facts must be found in the larger's; copies of one length must agree both
	// ways, so that Score(a, b) is Score(b, a).
	small, large := a, b
	if b.Runes < a.Runes {
		small, large = b, a
	}
	fa := agree(small.Facts, large.Facts)
	if a.Runes == b.Runes {
		fa = min(fa, agree(b.Facts, a.Facts))
	}
	if fa == factsDisagree || fa == factsUpdate && (contain < updateContain || large.Runes < small.Runes+small.Runes/updateGrowth) {
		return signals{}, false
	}
	if d > undatedSpan && !shareDate(a.Facts, b.Facts) && large.Runes < small.Runes+small.Runes/expandGrowth {
		return signals{}, false
	}
	if wcommon > 0 {
		if shareFact(a.Facts, b.Facts) {
			g.wordContain = max(wordContain, headline)
		} else {
			g.wordContain = max(wordContain, headlines)
		}
	}
	return g, true
}

// wordsShared is what two lists of content words have in common: the words, and each list's
// headline words (title) and how many of those the other list holds (found).
type wordsShared struct {
	common                         int
	aTitle, aFound, bTitle, bFound int
}

// wordOverlap compares two sorted lists of content words, their headline flags aside. Like
// overlap, it steps without branches.
func wordOverlap(a, b []uint32) wordsShared {
	var w wordsShared
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i]|wordTitle, b[j]|wordTitle
		ta, tb := int(a[i]&wordTitle), int(b[j]&wordTitle)
		eq, ai, bj := b2i(x == y), b2i(x <= y), b2i(y <= x)
		w.common += eq
		w.aTitle += ta & ai
		w.aFound += ta & eq
		w.bTitle += tb & bj
		w.bFound += tb & eq
		i += ai
		j += bj
	}
	for _, v := range a[i:] {
		w.aTitle += int(v & wordTitle)
	}
	for _, v := range b[j:] {
		w.bTitle += int(v & wordTitle)
	}
	return w
}

// headline is the larger share of a headline's content words that the other copy holds, among
// headlines of minTitleWords or more.
func (w wordsShared) headline() float64 {
	h := 0.0
	if w.aTitle >= minTitleWords {
		h = float64(w.aFound) / float64(w.aTitle)
	}
	if w.bTitle >= minTitleWords {
		h = max(h, float64(w.bFound)/float64(w.bTitle))
	}
	return h
}

// headlines is the mean share of each headline's content words that the other copy holds, 0
// unless both headlines have minTitleWords or more.
func (w wordsShared) headlines() float64 {
	if w.aTitle < minTitleWords || w.bTitle < minTitleWords {
		return 0
	}
	return (float64(w.aFound)/float64(w.aTitle) + float64(w.bFound)/float64(w.bTitle)) / 2
}

// shareFact reports whether two prints' facts have a figure in common. Not a score (many matches
// end 2-0), nor a date: two wire stories of one day share their datelines' (SEOUL, Oct 3 (Reuters)
// -), and the headline signal then merged two phone launches (TestWordsDecideParaphrases).
func shareFact(a, b []uint32) bool {
	for _, f := range a {
		if !isDate(f) && f&factScore == 0 && hasNumber(b, f&^factTitle) {
			return true
		}
	}
	return false
}

// The outcomes of agree, worst first.
const (
	factsDisagree = iota
	// factsUpdate: only headline figures disagree, and every other figure and date of the
	// smaller copy is in the larger (at least one date among them): an updated digest if the
	// larger holds nearly all of the smaller's text and more (updateContain, updateGrowth),
	// another day's or another release's otherwise.
	factsUpdate
	factsAgree
)

// agree reports whether the smaller copy's facts are found in the larger's (factsAgree): every
// number and period of its title (but where its headline says more than the larger's:
// headlineIn), most of its other numbers, most of its periods and dates when the larger has any. Templated stories fail here: same words, another day or another count. A
// pair whose headline figures alone disagree may be an update (factsUpdate) when every other fact
// of the smaller agrees: measure decides, from how much of the text they share.
func agree(small, large []uint32) int {
	var sn, sd, sp, ss, hn, hd, hp, hs, ln int
	ld, lp, ls := false, false, false
	for _, f := range large {
		ld = ld || isDate(f)
		lp = lp || !isDate(f) && f&factPeriod != 0
		ls = ls || !isDate(f) && f&factScore != 0
		if !isDate(f) {
			ln++
		}
	}
	// A larger copy with maxNumbers numbers stopped recording them: a number of the smaller's
	// title that it lacks may be further on in its text (a headline that drops the figure), unless
	// its own title has a figure the smaller lacks (another count in the same place).
	full := ln >= maxNumbers
	for _, f := range large {
		if full && !isDate(f) && f&factTitle != 0 && !hasNumber(small, f&^factTitle) {
			full = false
		}
	}
	titleOff := false
	for _, f := range small {
		switch {
		case isDate(f):
			sd++
			if hasDate(large, f) {
				hd++
			}
		case f&factScore != 0:
			// A score or a vote, agreed or not like a date: a copy may tell it in words (seven
			// of the nine policymakers), or not at all.
			ss++
			if hasNumber(large, f&^factTitle) {
				hs++
			}
		case f&factTitle != 0:
			if !hasNumber(large, f&^factTitle) && !full {
				if f&factPeriod == 0 && headlineIn(large, small) {
					sn++ // a figure the larger's headline left out, counted as the text's
				} else {
					titleOff = true
				}
			}
		case hasNumber(large, f):
			if f&factPeriod != 0 {
				sp, hp = sp+1, hp+1
			} else {
				sn, hn = sn+1, hn+1
			}
		case has(small, f|factTitle):
			// The headline's figure repeated in the text (财联社's 【headline】 opens every
			// telegraph): judged with the headline's, above.
		case f&factPeriod != 0:
			sp++
		default:
			sn++
		}
	}
	switch {
	case titleOff:
		if hn == sn && hp == sp && hd == sd && sd > 0 {
			return factsUpdate
		}
		return factsDisagree
	case sn > 0 && float64(hn) < numberAgree*float64(sn),
		sp > 0 && lp && float64(hp) < dateAgree*float64(sp),
		sd > 0 && ld && float64(hd) < dateAgree*float64(sd),
		ss > 0 && ls && float64(hs) < numberAgree*float64(ss):
		return factsDisagree
	}
	return factsAgree
}

// headlineIn reports whether the larger copy's headline has a figure (a number, not a month or a
// period) and the smaller's headline holds every one of them: then the smaller's headline says
// more than the larger's (日本央行加息25个基点 政策利率升至1% against 日本央行再度加息 短期政策利率升至1%),
// and the figure it adds is a figure of its text, not another figure in the same place (a month
// it adds is the template's: agree does not ask). Two days of one template each headline a
// figure the other lacks (沪指涨0.56% against 沪指涨0.82%); a headline of a month only
// (制造业PMI重返扩张区间 11月…) holds no figure to agree on.
func headlineIn(large, small []uint32) bool {
	n := 0
	for _, f := range large {
		if !isDate(f) && f&factTitle != 0 && f&(factScore|factPeriod) == 0 {
			if !has(small, f) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// hasNumber: number f is in s, in the title or the text.
func hasNumber(s []uint32, f uint32) bool { return has(s, f) || has(s, f|factTitle) }

func has(s []uint32, f uint32) bool {
	for _, x := range s {
		if x == f {
			return true
		}
		if x > f {
			return false
		}
	}
	return false
}

// hasDate: a day alone (month 0) matches any date on that day, and a full date matches a day alone.
func hasDate(s []uint32, f uint32) bool {
	m, d := factMonthDay(f)
	for _, x := range s {
		if !isDate(x) {
			continue
		}
		xm, xd := factMonthDay(x)
		if xd == d && (xm == m || xm == 0 || m == 0) {
			return true
		}
	}
	return false
}

// undatedSpan and expandGrowth: two copies further apart in time than undatedSpan, of about one
// length (the larger holds fewer than 1 + 1/expandGrowth times the smaller's letters), that share no
// date are two stories. A template that a source repeats every day without a date in its words
// (央行今日开展1000亿元7天期逆回购操作, 沪深两市成交额突破1万亿元) is the same text a day later, and the
// window (36 h, for feeds that label Beijing time as GMT and for a full article that follows its
// flash by a day) let the next day's join the first's: 0.90 and 0.85 (own761, a labelled trap), and
// every later day's the same story, under the first day's item. A flash and the fuller article that
// follows it a day later differ in length; copies that date their news share the date; copies
// 8 h apart by a mislabelled clock are inside the span. No labelled same-story pair is lost
// (TestPairs).
const (
	undatedSpan  = 20 * time.Hour
	expandGrowth = 2
)

// shareDate reports whether two prints' facts have a date in common.
func shareDate(a, b []uint32) bool {
	for _, f := range a {
		if isDate(f) && hasDate(b, f) {
			return true
		}
	}
	return false
}
