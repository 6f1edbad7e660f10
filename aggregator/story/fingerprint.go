package story

import (
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sizes of a print. They bound its encoding (≲ 300 bytes) and the cost of scoring a pair, whatever
// the article's length.
const (
	// shingleTokens is the shingle length: 4 Han characters (a word or two) or 4 Latin words.
	shingleTokens = 4
	// sampleBits: a shingle is kept when its mixed hash's top two bits are zero (1 in 4), the same
	// shingles in every copy, so a flash's kept shingles are also kept inside the full article.
	sampleBits = 2
	// bodyBits/bodySpace: a kept body shingle's value is 20 bits of its hash: few enough that the
	// sorted deltas of a print encode in about two bytes each, enough that two unrelated prints
	// share a value by chance about once in a hundred comparisons.
	bodyBits  = 22
	bodySpace = 1 << bodyBits
	// sketchK: a text with more sampled shingles keeps its sketchK smallest values (a bottom-k
	// sketch); comparisons then only look below the lower of the two sketches' cut-offs, where
	// both hold every sampled shingle, so that they estimate resemblance without bias.
	sketchK = 48
	// leadRunes: every sampled shingle of the title and of the body's first leadRunes letters is
	// kept as well (at most maxLead), because a flash is most often an article's lead: a short
	// copy is then found whole inside a long one, which the sketch alone sees only in part.
	leadRunes = 160
	maxLead   = 32
	// maxBody bounds a print's body values.
	maxBody = sketchK + maxLead
	// titleBase/titleSpace: title bigrams live above the body values in the same sorted slice.
	titleBase  = bodySpace
	titleSpace = 1 << 18
	maxTitle   = 24
	// maxNumbers and maxDates cap the facts; the first ones in the text (title first) are kept.
	maxNumbers = 20
	maxDates   = 8
	// factNumberSpace is the range of a number fact's hash; a number of the title is flagged with
	// factTitle (it must be found in the other copy); dates are encoded above both.
	factNumberSpace = 1 << 20
	factTitle       = 1 << 20
	// factPeriod flags a period (1-7月) or a month (10月): they agree or not like dates, apart
	// from the numbers, so that a text full of months cannot outvote its changed figures.
	factPeriod = 1 << 21
	// factScore flags a score or a vote of an English text (3-1, 7-2): a number to agree, but
	// many matches end 2-0, so it is no shared figure for the headline signal (shareFact).
	factScore    = 1 << 22
	factDateBase = 1 << 24
	// maxRunes bounds the text looked at (spaces and punctuation included): a story's identity is
	// in its lead, and a flash is most often an article's lead. At 800 every labelled set scores as
	// it did at 6,000 (TestPairs; own-dev finds one pair more), and a print costs a fraction of
	// what a long article's used to: the text walk is most of a print's cost, and story grouping's
	// cost is paid for every new article. Print.Runes counts the letters looked at.
	maxRunes = 800
	// maxTitleRunes bounds the title's text looked at.
	maxTitleRunes = 256
)

// fingerprint computes a Print. It walks the text twice: once to strip tags and entities and
// normalize into a rune buffer (on the stack for ordinary articles), once to cut shingles and
// facts out of it.
func fingerprint(title, body string, date time.Time) Print {
	var tb [maxTitleRunes]rune
	var bb [maxRunes]rune
	p := Print{Time: date}

	sh := shingler{s: sampler{limit: bodySpace}, leadLeft: leadRunes}
	// The title goes into the body's shingles too: a flash is often only its headline, and a 财联社
	// telegraph repeats it as 【…】 anyway (sets ignore the repeat).
	tn, _ := sh.read(tb[:0], title, false, len(tb))
	body = withoutBoilerplate(body) // what every copy of the publisher's says, whatever the story
	bn, letters := sh.read(bb[:0], body, true, maxRunes)
	p.Runes = letters
	var tv [64]uint32
	tvals := titleBigrams(tv[:0], tn)
	// The lead is copied first: the sketch may be sorted in the values' own place.
	var lb [maxLead]uint32
	lead := append(lb[:0], sh.vals[:min(sh.nlead, maxLead)]...)
	var sketch []uint32
	if sh.nv <= len(sh.s.buf) {
		// The sampler would only copy these values into its buffer, none dropped, and finish
		// would sort that copy just so: it is sorted in place instead. The farm's bodies took
		// 10.02 and 10.21 µs a print through the sampler, 9.48 and 9.80 so (two sets of 15 runs
		// of BenchmarkFarmStoryWork/fingerprint, medians, alternating); the pairs' texts, which
		// have fewer values, are unchanged within the noise.
		sketch, _ = smallest(sh.vals[:sh.nv], sh.s.limit, sketchK)
	} else {
		for _, v := range sh.vals[:sh.nv] {
			sh.s.add(v)
		}
		sketch = sh.s.finish()
	}
	// The body values are the sketch and the lead, sorted, unique. A lead value no greater than
	// the sketch's greatest is in the sketch already: the sampler drops only values at or above
	// its limit, which stays above every value it keeps, and the sketch is the smallest distinct
	// ones it kept. So only the lead's values above the sketch are sorted, and they follow it
	// (none, for a short text whose sketch holds all its values). Sorting the whole lead and
	// merging it with the sketch, the farm's bodies took 10.48 µs a print, 9.99 this way
	// (BenchmarkFarmStoryWork/fingerprint in cmd/tributary-bench, medians of 20, alternating),
	// the pairs' texts 6.70 and 6.21 (BenchmarkFingerprint/pairs, medians of 20).
	above := lead[:0]
	for _, v := range lead {
		if len(sketch) == 0 || v > sketch[len(sketch)-1] {
			above = append(above, v)
		}
	}
	above = sortUnique(above)
	// An English text keeps its content words too (words.go): the check on the counts is free,
	// the words are read only for a text mostly of words.
	var wv [maxPrintWords + 1]uint32
	var words []uint32
	english := false
	if sh.words >= minWords && 4*sh.words >= wordShare*sh.n {
		var ws wordScan
		ws.read(title, false, true, maxTitleRunes)
		ws.read(body, true, false, maxRunes)
		if words = ws.finish(wv[:0]); len(wordsOf(words)) < minWords || !ws.isEnglish() {
			words = nil
		}
		if english = words != nil; english {
			p.Names = ws.names()
		}
	}
	var fx facts
	fx.english = english
	fx.title = true
	fx.scan(tn)
	// A Chinese text keeps the Han bigrams of its title and lead as its words, and what its
	// headline says of its day, its direction and who it names first as its subject (hanwords.go).
	if words == nil && sh.n-sh.words >= minHanWords {
		var nv [maxNames]uint32
		var names []uint32
		words, names = hanWords(wv[:0], tn, bn, headlineSubject(title, tn, fx.dates[:fx.nd]), nv[:0])
		if len(words) > 0 {
			names = sortUnique(names)
			nc := make([]uint32, len(names)+charsWords) // one allocation for both
			if len(names) > 0 {
				p.Names = nc[:copy(nc, names):len(names)]
			}
			p.Chars = hanChars(nc[len(names):], tn, bn)
		}
	}
	fx.title = false
	fx.scan(bn)
	// One allocation, the size the print needs: the index keeps thousands of these.
	p.Shingles = make([]uint32, 0, len(sketch)+len(above)+len(tvals)+len(words))
	p.Shingles = append(append(append(append(p.Shingles, sketch...), above...), tvals...), words...)
	p.Facts = fx.finish()
	return p
}

// read appends the normalized text of s to dst and feeds its tokens to the shingler in the same
// pass: tags dropped (and, when html, entities decoded), full-width ASCII folded to ASCII, letters
// lower-cased, every run of other characters one space; '.', '%' and '-' survive because dates and
// numbers need them. At most limit runes are appended. It returns the text and how many of its
// runes are letters (not spaces or punctuation).
//
// A token is one Han character or one run of other letters and digits (a Latin word, a number);
// punctuation and spaces only end words, so that a reworded punctuation mark changes nothing.
func (sh *shingler) read(dst []rune, s string, html bool, limit int) ([]rune, int) {
	space := true
	letters := 0
	var word uint32
	inWord := false
	a, b, c, n := sh.a, sh.b, sh.c, sh.n
	nv, nlead, leadLeft := sh.nv, sh.nlead, sh.leadLeft
	for i := 0; i < len(s) && len(dst) < limit; {
		ch := s[i]
		var r rune
		var h uint32
		if ch >= 0xE4 && ch <= 0xE9 && i+2 < len(s) {
			// A CJK unified ideograph (U+4E00–U+9FFF), most of a Chinese text's runes: decoded here
			// and shingled below, past the general case's tests.
			c1, c2 := s[i+1], s[i+2]
			if r = rune(ch&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && r >= 0x4E00 {
				i += 3
				goto han
			}
		}
		switch {
		case ch < utf8.RuneSelf:
			r = rune(ch)
			i++
			if html && ch == '<' {
				// Tags are most of a feed body's bytes (links, images): skip them at memory speed.
				if j := strings.IndexByte(s[i:], '>'); j >= 0 {
					i += j + 1
				} else {
					i = len(s)
				}
				r = ' '
			} else if html && ch == '&' {
				var n int
				r, n = entity(s[i:])
				i += n
			}
		case ch&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// Three bytes: the other Han characters, kana, hangul, CJK punctuation.
			r = rune(ch&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				r = utf8.RuneError
			}
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		if r < 0x4E00 || r > 0x9FFF {
			r = fold(r)
		}
		switch {
		case r >= 0x3400 && (r <= 0x9FFF || isHan(r)):
			goto han
		case r == ' ':
			if inWord {
				sh.nv, sh.nlead, sh.leadLeft = nv, nlead, leadLeft
				a, b, c, n = sh.word(a, b, c, n, word)
				nv, nlead = sh.nv, sh.nlead
				inWord = false
			}
			if space {
				continue
			}
			space = true
			dst = append(dst, r)
			continue
		case r == '.' || r == '%' || r == '-':
			if inWord {
				sh.nv, sh.nlead, sh.leadLeft = nv, nlead, leadLeft
				a, b, c, n = sh.word(a, b, c, n, word)
				nv, nlead = sh.nv, sh.nlead
				inWord = false
			}
		default:
			if !inWord {
				word, inWord = fnvOffset, true
			}
			word = (word ^ uint32(r)) * fnvPrime
		}
		letters++
		space = false
		dst = append(dst, r)
		continue
	han:
		// One Han character is one token.
		if inWord {
			sh.nv, sh.nlead, sh.leadLeft = nv, nlead, leadLeft
			a, b, c, n = sh.word(a, b, c, n, word)
			nv, nlead = sh.nv, sh.nlead
			inWord = false
		}
		h, a, b, c = hanShingle(a, b, c, r)
		n++
		// The value is written whether it is sampled or not and counted only when it is: a
		// branch on the sample (1 in 4, at random) was mispredicted a quarter of the time, for
		// every Han character. Printing the 436 texts of testdata/pairs.jsonl, 6.38 → 5.81 µs a
		// text; the farm's, 11.3 → 9.7 (BenchmarkFingerprint/pairs, BenchmarkFarmStoryWork; a
		// benchmark that prints one text over and over lets the predictor learn its samples).
		sh.vals[min(nv, len(sh.vals)-1)] = h >> (32 - sampleBits - bodyBits)
		nv += b2i(h < 1<<(32-sampleBits)) & b2i(n >= shingleTokens)
		if leadLeft > 0 {
			nlead = nv
		}
		letters++
		leadLeft--
		dst = append(dst, r)
		space = false
	}
	sh.nv, sh.nlead, sh.leadLeft = nv, nlead, leadLeft
	if inWord {
		a, b, c, n = sh.word(a, b, c, n, word)
	}
	sh.a, sh.b, sh.c, sh.n = a, b, c, n
	return dst, letters
}

// fold maps one rune to its normalized form, ' ' for everything that is not text.
func fold(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r == '.' || r == '%' || r == '-':
		return r
	case r < 0x80:
		return ' '
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs: the common case first
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return fold(r - 0xFEE0)
	case r == 0x3000: // ideographic space
		return ' '
	case r == '。' || r == '、' || r == '·':
		return ' '
	case isHan(r), unicode.IsDigit(r):
		return r
	case unicode.IsLetter(r):
		return unicode.ToLower(r)
	}
	return ' '
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FA1F ||
		r >= 0x3040 && r <= 0x30FF || r >= 0xAC00 && r <= 0xD7AF
}

// entity decodes the entity after a '&' in s, returning the rune and the bytes it used; an unknown
// or malformed one is a literal '&'.
func entity(s string) (rune, int) {
	end := -1
	for j := 0; j < len(s) && j < 10; j++ {
		if s[j] == ';' {
			end = j
			break
		}
	}
	if end <= 0 {
		return '&', 0
	}
	name := s[:end]
	switch name {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "quot":
		return '"', end + 1
	case "apos":
		return '\'', end + 1
	case "nbsp":
		return ' ', end + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return ' ', end + 1 // an unknown named entity is punctuation to us
	}
	var v rune
	if name[1] == 'x' || name[1] == 'X' {
		for _, c := range []byte(name[2:]) {
			switch {
			case c >= '0' && c <= '9':
				v = v*16 + rune(c-'0')
			case c >= 'a' && c <= 'f':
				v = v*16 + rune(c-'a'+10)
			case c >= 'A' && c <= 'F':
				v = v*16 + rune(c-'A'+10)
			default:
				return ' ', end + 1
			}
		}
	} else {
		for _, c := range []byte(name[1:]) {
			if c < '0' || c > '9' {
				return ' ', end + 1
			}
			v = v*10 + rune(c-'0')
		}
	}
	if v <= 0 || v > unicode.MaxRune {
		return ' ', end + 1
	}
	return v, end + 1
}

// fmix32 is MurmurHash3's finalizer: it spreads the polynomial hash over all 32 bits, so that
// sampling on the top bits is fair.
func fmix32(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	polyMul   = 0x01000193 * 31
)

// sampler collects the kept shingle values, an exact bottom-k sketch computed without sorting
// everything: when the buffer fills, values at or above half the limit are dropped when enough stay
// below it, and otherwise (rarely: a repeated phrase) the buffer is sorted and cut to sketchK.
type sampler struct {
	buf   [4 * sketchK]uint32
	n     int
	limit uint32
}

func (s *sampler) add(v uint32) {
	if v >= s.limit {
		return
	}
	for s.n == len(s.buf) {
		s.shrink()
	}
	if v >= s.limit {
		return
	}
	s.buf[s.n] = v
	s.n++
}

func (s *sampler) shrink() {
	half := s.limit / 2
	below := 0
	for _, x := range s.buf[:s.n] {
		if x < half {
			below++
		}
	}
	// A margin for repeats: the values kept must hold sketchK distinct ones.
	if below >= sketchK+sketchK/2 {
		k := 0
		for _, x := range s.buf[:s.n] {
			if x < half {
				s.buf[k] = x
				k++
			}
		}
		s.n, s.limit = k, half
		return
	}
	b, more := smallest(s.buf[:s.n], s.limit, sketchK)
	if more {
		s.limit = b[sketchK-1] + 1
	}
	s.n = len(b)
}

// finish sorts, removes duplicates and returns the sketchK smallest. smallest sorts only the
// buckets that hold them: halving the limit first, as shrink does, changed nothing of what it
// returns and cost more than it saved (3–5 % of a print of the farm's bodies,
// BenchmarkFarmStoryWork in cmd/tributary-bench).
func (s *sampler) finish() []uint32 {
	b, _ := smallest(s.buf[:s.n], s.limit, sketchK)
	return b
}

// smallestBuckets is how many buckets smallest spreads values over: a sampler's 48 to 192 values
// then fall a few to a bucket.
const smallestBuckets = 64

// smallest sorts the k smallest distinct values of b, all below limit, into the start of b and
// returns them, and whether b held more distinct values. It is sortUnique cut to k, in linear time:
// a bucket sort on the values' top bits, of which only the buckets that hold the k are sorted, by
// insertion. Sorting a print's 100-odd sampled values with slices.Sort was a fifth of a print's cost.
func smallest(b []uint32, limit uint32, k int) ([]uint32, bool) {
	if len(b) <= smallestBuckets {
		// Few values (a flash): sorting them outright costs less than the buckets' set-up.
		b = sortUnique(b)
		if len(b) > k {
			return b[:k], true
		}
		return b, false
	}
	shift := 0
	if l := bits.Len32(max(limit, 1) - 1); l > 6 {
		shift = l - 6 // smallestBuckets = 1<<6
	}
	var start [smallestBuckets + 1]uint16
	for _, v := range b {
		start[v>>shift+1]++
	}
	for i := 1; i <= smallestBuckets; i++ {
		start[i] += start[i-1]
	}
	var tmp [4 * sketchK]uint32
	next := start
	for _, v := range b {
		i := v >> shift
		tmp[next[i]] = v
		next[i]++
	}
	out := b[:0]
	for i := range smallestBuckets {
		seg := tmp[start[i]:start[i+1]]
		insertionSort(seg)
		for _, v := range seg {
			if len(out) > 0 && out[len(out)-1] == v {
				continue
			}
			if len(out) == k {
				return out, true
			}
			out = append(out, v)
		}
	}
	return out, false
}

// insertionSort sorts a short slice in place (or finishes sorting a sorted one for free).
func insertionSort(b []uint32) {
	for i := 1; i < len(b); i++ {
		v := b[i]
		j := i
		for j > 0 && b[j-1] > v {
			b[j] = b[j-1]
			j--
		}
		b[j] = v
	}
}

// sortUnique sorts a slice in place (insertion sort when short, where it beats slices.Sort) and
// drops repeats.
func sortUnique(b []uint32) []uint32 {
	if len(b) > 48 {
		slices.Sort(b)
	}
	insertionSort(b)
	k := 0
	for i, v := range b {
		if i == 0 || v != b[k-1] {
			b[k] = v
			k++
		}
	}
	return b[:k]
}

// shingler collects the sampled shingles of a token stream, in order, for a sampler to take after
// the walk (fingerprint): a shingle is shingleTokens consecutive tokens (see read). The last three
// tokens, and the count of values, sit in registers while read runs: no ring, no closure, since this
// loop is most of the cost of a print.
type shingler struct {
	s sampler
	// a, b, c are the three previous tokens, oldest first, and n counts the tokens: the stream
	// runs on from the title into the body.
	a, b, c uint32
	n       int
	// vals holds the sampled values in the order of the text, for the sampler to take after the
	// walk; a token ends at most one shingle (none of the stream's first three) and every token is
	// at least one of the runes read, so the title's and the body's limits bound them below its
	// length (read's unconditional write needs that one spare place).
	vals [maxTitleRunes + maxRunes]uint32
	nv   int
	// nlead counts the values of vals sampled while leadLeft letters of the body remained (the
	// title's included): the lead. read keeps nv, nlead and leadLeft in registers and writes them
	// back around word, which records through keep.
	nlead    int
	leadLeft int
	// words counts the Latin word tokens (and numbers): a text mostly of words keeps its content
	// words (words.go).
	words int
}

// b2i is 1 for true: a value to add, where a branch would be mispredicted.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// word shingles a Latin word token after the registers a, b, c (the three tokens before it) and
// returns the registers shifted. A shingle ending in a word spans three tokens, not four: four
// English words say more than four Han characters, and reworded English keeps fewer long runs.
// (Han tokens are shingled inline in read: this loop is most of the cost of a print.)
func (sh *shingler) word(_, b, c uint32, n int, t uint32) (uint32, uint32, uint32, int) {
	h := b*0x85EBCA6B + c*0xC2B2AE35 + t*0x27D4EB2F
	h ^= h >> 15
	h *= 0x2C1B3C6D
	h ^= h >> 13
	sh.words++
	// Word shingles are sampled 1 in 2, not 1 in 4: a Latin word is twice the bytes of a Han
	// character, so a print holds about as many values per byte of either.
	if n >= shingleTokens-1 && h < 1<<31 {
		sh.keep(h >> (32 - 1 - bodyBits))
	}
	return b, c, t, n + 1
}

// hanShingle hashes the shingle that the Han character r ends after the tokens a, b, c (oldest
// first), and returns the hash and the tokens shifted. Small enough to be inlined: it runs for
// every Han character.
func hanShingle(a, b, c uint32, r rune) (h, a2, b2, c2 uint32) {
	t := uint32(r) * 0x9E3779B1
	h = a*0x9E3779B1 + b*0x85EBCA6B + c*0xC2B2AE35 + t*0x27D4EB2F
	h ^= h >> 15
	h *= 0x2C1B3C6D
	h ^= h >> 13
	return h, b, c, t
}

// keep records a sampled shingle's value (a word's: words are few in a Chinese text, and word must
// stay small enough to be inlined).
func (sh *shingler) keep(v uint32) {
	if sh.nv < len(sh.vals) {
		sh.vals[sh.nv] = v
		sh.nv++
		if sh.leadLeft > 0 {
			sh.nlead = sh.nv
		}
	}
}

// titleBigrams appends the title's Han character bigrams and Latin word bigrams, hashed into
// [titleBase, titleBase+titleSpace), sorted, unique, at most maxTitle.
func titleBigrams(dst []uint32, rs []rune) []uint32 {
	var prev uint32
	have := false
	var word uint32
	inWord := false
	emit := func(t uint32) {
		if have && len(dst) < cap(dst) {
			h := fmix32((prev^fnvOffset)*polyMul ^ t)
			dst = append(dst, titleBase+h>>(32-18))
		}
		prev, have = t, true
	}
	for _, r := range rs {
		han := r >= 0x3400 && (r <= 0x9FFF || isHan(r))
		if !han && r != ' ' && r != '.' && r != '%' && r != '-' {
			if !inWord {
				word, inWord = fnvOffset, true
			}
			word = (word ^ uint32(r)) * fnvPrime
			continue
		}
		if inWord {
			emit(word)
			inWord = false
		}
		if han {
			emit(uint32(r) * 0x9E3779B1)
		}
	}
	if inWord {
		emit(word)
	}
	dst = sortUnique(dst)
	if len(dst) > maxTitle {
		dst = dst[:maxTitle]
	}
	return dst
}
