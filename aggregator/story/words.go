package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words: the signal for English. Two outlets that tell one English story paraphrase it: they
// share the names and the figures, but few runs of four words (own-dev's English pairs scored
// 0.23–0.49 on shingles alone, every one of them missed at 0.5). What they do share is their
// content words — Evergrande, liquidation, Hong Kong, court — whatever the order and the verbs
// around them. So a print of an English text also keeps the hashes of its first content words
// (title first, then the lead): not stopwords, reporting verbs, weekdays or months (dates are
// facts), nor the words of a figure (billion, percent: the figure itself is a fact), each lightly
// stemmed (recalls, recalled, recalling → recall) so that a reworded verb still counts.
//
// A Chinese text has no such words (a Han character is a token, and shingles of four of them
// survive rewording); a print keeps words only when at least wordShare of its tokens are words,
// and when the text looks English (isEnglish: the stopwords and the stemming are English's).
// Other prints are as they were, and so are their scores.
const (
	// wordBase/wordSpace: content word values live above the title's in the same sorted slice.
	wordBase  = titleBase + titleSpace
	wordSpace = 1 << 20
	// maxWords bounds the content words kept: the title's and the lead's, where two copies of a
	// story name the same things.
	maxWords = 48
	// minWords: a text with fewer content words keeps none (a headline of two words names too
	// little to compare).
	minWords = 4
	// wordShare: the share of a text's tokens that must be words (not Han characters) for its
	// print to keep content words, in 1/4s.
	wordShare = 3
	// maxWordLen: a longer run of letters is not a word (a token, a URL's remains).
	maxWordLen = 24
	// subjectBase: a print's subject (words.go) is one value above its words.
	subjectBase = wordBase + wordSpace
	// wordTitle flags a content word of the headline (the value's lowest bit: the others are the
	// word's hash, so that the same word of a headline and of a text sort side by side and compare
	// equal without it). A headline names its story: how much of one copy's headline the other
	// copy's words hold is the headline signal (score.go).
	wordTitle = 1
	// minTitleWords: a headline of fewer content words gives no headline signal (three words are
	// found in too many texts).
	minTitleWords = 4
	// maxAcronym bounds the capitalized words an acronym is made of, maxAcronyms the acronyms
	// kept (after the words: room is kept for them).
	maxAcronym  = 6
	maxAcronyms = 12
)

// wordToken is one word of a text as written: its value (0 for a stopword or a word too short),
// whether it began with a capital, whether it is of the title, and whether it may join the
// capitalized words of a name (of, and, the: Bank of England).
type wordToken struct {
	v      uint32
	cap    bool
	title  bool
	joiner bool
	// initial is the word's first letter, lower-cased, for acronyms.
	initial byte
	// glued: only spaces lie between the word and the one before (or the dot of an initial,
	// U.S.): a name runs on across them, not across other punctuation.
	glued bool
	// first: the word begins its title, its paragraph or its sentence, where any word may be
	// capitalized.
	first bool
	// and: the joiner is "and", which joins only a capitalized word that follows; short: the word
	// is one letter (an initial: U.S.).
	and, short bool
}

// maxWordTokens bounds the words read: the title's and the first maxRunes runes of the body's.
const maxWordTokens = 256

// wordScan reads the words of a text as written (the case matters: names are capitalized), for
// the content words and the subject of a print.
type wordScan struct {
	toks [maxWordTokens]wordToken
	n    int
	// ascii and other count the letters read, in and outside ASCII; english and foreign the
	// function words of English and of other languages written in Latin letters (english).
	ascii, other     int
	english, foreign int
}

// isEnglish reports whether the text read looks English: its letters mostly ASCII (not Cyrillic,
// Greek or Vietnamese) and no more function words of German, French, Spanish, Italian, Portuguese
// or Dutch than of English (one, a Banque de France, is a name). Content words are an English
// signal: the stopwords and the stemming are English, and another language's function words,
// kept as content words, would make any two of its texts look alike.
func (ws *wordScan) isEnglish() bool {
	return 5*ws.other <= ws.ascii && (ws.foreign < 2 || ws.foreign <= ws.english)
}

// marker counts w if it is one of the commonest function words of English, or of another
// language written in Latin letters (none that is also an English word: die, as, do, in, a; the
// English ones may be another language's too: a German text has far more der and und than in).
func (ws *wordScan) marker(w string) {
	switch w {
	case "the", "of", "and", "to", "that", "with", "for", "was", "is", "from", "by", "on", "in", "a",
		"at", "as", "it", "its", "has", "have", "are", "be", "will", "after", "over":
		ws.english++
	case "der", "das", "und", "nicht", "mit", "dem", "des", "ein", "eine", "auf", "sich", "ist",
		"le", "la", "les", "et", "est", "une", "pour", "dans", "que", "qui", "du", "au", "sur", "pas",
		"el", "los", "las", "del", "y", "por", "con", "para", "una", "se", "il", "lo", "gli", "della",
		"che", "per", "non", "os", "da", "dos", "em", "um", "uma", "het", "een", "van", "dat",
		"voor", "niet", "zijn":
		ws.foreign++
	}
}

// read appends the words of s (HTML when html: tags skipped, entities decoded), at most limit
// runes of it.
func (ws *wordScan) read(s string, html, title bool, limit int) {
	var w [maxWordLen]byte
	n, runesOf, long, capital := 0, 0, false, false
	broken, last, first := true, 0, true
	end := func() {
		if n > 0 && !long && ws.n < len(ws.toks) {
			t := wordToken{cap: capital, title: title, initial: w[0], glued: !broken, first: first}
			broken, last, first = false, n, false
			word := w[:n]
			t.and = string(word) == "and"
			t.joiner = t.and || string(word) == "of" || string(word) == "for" || string(word) == "the"
			t.short = runesOf == 1
			ws.marker(string(word)) // before wordValue, whose stemming may rewrite the word's bytes
			if runesOf > 1 {
				t.v, _ = wordValue(word)
			}
			ws.toks[ws.n] = t
			ws.n++
		}
		n, runesOf, long, capital = 0, 0, false, false
	}
	runes := 0
	for i := 0; i < len(s) && runes < limit; {
		c := s[i]
		var r rune
		switch {
		case html && c == '<':
			if j := strings.IndexByte(s[i:], '>'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
			end()
			broken, first = true, true
			continue
		case html && c == '&':
			var k int
			r, k = entity(s[i+1:])
			i += 1 + k
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		default:
			var k int
			r, k = utf8.DecodeRuneInString(s[i:])
			i += k
		}
		runes++
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			if n == 0 {
				capital = r <= 'Z'
			}
			ws.ascii++
			runesOf++
			if n < len(w) {
				w[n] = byte(r) | 0x20
				n++
			} else {
				long = true
			}
		case r >= 0x80 && unicode.IsLetter(r) && !isHan(r):
			// A letter outside ASCII (é, ß): part of the word, as a mark and its low byte, so
			// that café and cafe stay two words.
			if n == 0 {
				capital = unicode.IsUpper(r)
			}
			ws.other++
			runesOf++
			if n+1 < len(w) {
				w[n], w[n+1] = 0x80, byte(unicode.ToLower(r))
				n += 2
			} else {
				long = true
			}
		default:
			end()
			if r != ' ' && (r != '.' || last != 1) {
				broken = true
				first = first || r == '.' || r == '!' || r == '?'
			}
		}
	}
	end()
}

// finish appends to dst the values of the text's first maxWords distinct content words, the
// acronyms of its names among them (European Central Bank → ecb, U.S. → us: an outlet writes one,
// another the other), sorted, and the subject's value (subjectBase and above) when it has one.
func (ws *wordScan) finish(dst []uint32) []uint32 {
	base := len(dst)
	toks := ws.toks[:ws.n]
	limit := maxWords - maxAcronyms
	add := func(v uint32) {
		if v != 0 && len(dst)-base < limit && !hasWord(dst[base:], v) {
			dst = append(dst, v)
		}
	}
	for _, t := range toks {
		if t.title && t.v != 0 {
			add(t.v | wordTitle) // the title is read first: its words are flagged, not the body's repeats
		} else {
			add(t.v)
		}
	}
	limit = len(dst) - base + maxAcronyms
	// Acronyms of the names. A name is a run of capitalized words, joined by of, for, the, or by
	// and before a capitalized word (Food and Drug Administration; the Bank and the Bank of
	// England are two). An outlet abbreviates a name whole or without its first words (the U.S.
	// Food and Drug Administration is the FDA) and writes initials with dots (U.S.): so each suffix
	// of two or more capitalized words gives an acronym, with and without its joiners (Bank of
	// England is boe and be), and so does a run's opening initials.
	acronym := func(run []wordToken, joiners bool) {
		var b [maxWordLen]byte
		n := 0
		for _, t := range run {
			if (joiners || !t.joiner) && n < len(b) {
				b[n] = t.initial
				n++
			}
		}
		v, _ := wordValue(b[:n])
		add(v)
	}
	for i := 0; i < len(toks); {
		if !toks[i].cap || toks[i].joiner {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].glued && toks[j].title == toks[i].title &&
			(toks[j].cap && !toks[j].joiner || toks[j].joiner && (!toks[j].and ||
				j+1 < len(toks) && toks[j+1].cap && !toks[j+1].joiner)) {
			j++
		}
		for j > i && toks[j-1].joiner {
			j--
		}
		run := toks[i:j]
		initials := 0
		for initials < len(run) && run[initials].short {
			initials++
		}
		if initials >= 2 {
			acronym(run[:initials], false)
		}
		// The tails, shortest first: the capitals counted from the end, so that a hostile text of
		// 256 capitalized words costs a walk, not a walk per word.
		caps := 0
		for k := len(run) - 1; k >= 0 && caps < maxAcronym; k-- {
			if run[k].joiner {
				continue
			}
			if caps++; caps >= 2 {
				acronym(run[k:], false)
				acronym(run[k:], true)
			}
		}
		i = j
	}
	insertionSort(dst[base:]) // at most maxWords, unique: faster than slices.Sort here
	// The subject: the title's first name, a word capitalized wherever the text has it, and
	// somewhere other than first in a sentence, or more than once (the headline's first word
	// alone says nothing: Daily brisk walking…).
	for _, t := range toks {
		if !t.title || t.v == 0 || !t.cap {
			continue
		}
		name, seen, inner := true, 0, false
		for _, u := range toks {
			if u.v == t.v {
				name = name && u.cap
				seen++
				inner = inner || !u.first
			}
		}
		if name && (inner || seen > 1) {
			return append(dst, t.v-wordBase+subjectBase)
		}
	}
	return dst
}

// hasWord: s holds word v, of the headline or not.
func hasWord(s []uint32, v uint32) bool {
	for _, x := range s {
		if x|wordTitle == v|wordTitle {
			return true
		}
	}
	return false
}

// wordValue is the value of the word w (lower-case letters), stemmed, and false when it is no
// content word.
func wordValue(w []byte) (uint32, bool) {
	if len(w) < 2 || stopWord(string(w)) {
		return 0, false
	}
	w = stem(w)
	h := uint32(fnvOffset)
	for _, c := range w {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return wordBase + fmix32(h)>>(32-20)&^wordTitle, true
}

// stem strips the commonest English inflections, so that recalls, recalled and recalling are one
// word, and raise, raises and raised: -ies/-ied → -y, -ing, -ed, -es, -s (not -ss), then a final
// -e. Words of four letters or fewer keep theirs (news, bus, gas). Over-stemming merges a few
// words (rate, rated); under-stemming (liquidate, liquidation) only loses a shared word. It may
// rewrite w's bytes (-ies → -y in place).
func stem(w []byte) []byte {
	if len(w) <= 4 {
		return w
	}
	n := len(w)
	switch {
	case hasSuffix(w, "ies") || hasSuffix(w, "ied"):
		w = append(w[:n-3], 'y')
	case hasSuffix(w, "ing") && n >= 6:
		w = w[:n-3]
	case hasSuffix(w, "ed"):
		w = w[:n-2]
	case hasSuffix(w, "es"):
		w = w[:n-2]
	case w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u':
		w = w[:n-1]
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// stopWord reports whether w carries no story of its own: function words, reporting verbs,
// weekdays and months (dates are facts), the words of figures (billion, percent: the figure is a
// fact) and the words of wire boilerplate.
func stopWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
		"with", "from", "as", "into", "onto", "over", "under", "about", "after", "before", "than",
		"then", "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when",
		"where", "while", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am",
		"has", "have", "had", "do", "does", "did", "will", "would", "could", "should", "may",
		"might", "can", "must", "shall", "it", "its", "he", "she", "his", "her", "him", "they",
		"them", "their", "we", "our", "you", "your", "my", "me", "not", "no", "so", "such", "also",
		"just", "more", "most", "less", "least", "very", "up", "down", "out", "off", "if", "all",
		"any", "some", "each", "other", "own", "same", "there", "here", "via", "per", "amid",
		"against", "between", "during", "through", "since", "until", "still", "yet", "now",
		"new", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"first", "last", "s", "t", "re", "ve", "ll", "d", "mr", "ms", "mrs", "dr",
		"said", "says", "say", "saying", "told", "tells", "according", "reported", "reports",
		"announced", "added", "noted", "statement", "breaking", "update", "updated", "exclusive",
		"reuters", "ap", "afp", "bloomberg", "reporting", "editing", "writing", "staff", "desk",
		"source", "sources", "news", "today", "yesterday", "tomorrow", "week", "month", "year",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec",
		"percent", "pct", "billion", "bln", "bn", "million", "mln", "mn", "trillion",
		"tn", "thousand", "hundred", "dollar", "dollars", "cent", "cents", "usd":
		return true
	}
	return false
}
