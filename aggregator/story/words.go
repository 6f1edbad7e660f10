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
// A print keeps these words only when at least wordShare of its tokens are words, and when the
// text looks English (isEnglish: the stopwords and the stemming are English's). A Chinese text
// keeps Han bigrams instead (hanwords.go); a text in another language keeps none.
const (
	// wordBase/wordSpace: content word values live above the title's in the same sorted slice.
	wordBase  = titleBase + titleSpace
	wordSpace = 1 << 20
	// maxWords bounds the content words kept: the title's and the lead's, where two copies of a
	// story name the same things.
	maxWords = 48
	// maxPrintWords bounds a print's words of either kind (Han bigrams: maxHanWords).
	maxPrintWords = max(maxWords, maxHanWords)
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
	// shout: the word is of a headline in capitals, whose case says nothing (inCapitals).
	shout bool
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
	// A headline in capitals (a wire flash: EU FINES CORVANE 1.1 BLN EUROS) says nothing of which
	// of its words are names: none of them is taken for one.
	shouting := title && inCapitals(s)
	var w [maxWordLen]byte
	n, runesOf, long, capital := 0, 0, false, false
	broken, last, first := true, 0, true
	end := func() {
		if n > 0 && !long && ws.n < len(ws.toks) {
			t := wordToken{cap: capital, title: title, initial: w[0], glued: !broken, first: first, shout: shouting}
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
				capital = r <= 'Z' && !shouting
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
				capital = unicode.IsUpper(r) && !shouting
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

// inCapitals: s has capital letters and no small ones (in ASCII: a flash's headline).
func inCapitals(s string) bool {
	capitals := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			capitals = true
		}
	}
	return capitals
}

// finish appends to dst the values of the text's first maxWords distinct content words, the
// acronyms of its names among them (European Central Bank → ecb, U.S. → us: an outlet writes one,
// another the other), sorted, and the subject's value (subjectBase and above) when it has one.
func (ws *wordScan) finish(dst []uint32) []uint32 {
	base := len(dst)
	toks := ws.toks[:ws.n]
	limit := maxWords - maxAcronyms
	var seen wordSet
	add := func(v uint32) {
		if v != 0 && len(dst)-base < limit && seen.add(v) {
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
	sortWords(dst[base:])
	// The subject: the title's first name, a word capitalized wherever the text has it, and
	// somewhere other than first in a sentence, or more than once (the headline's first word
	// alone says nothing: Daily brisk walking…).
	// A headline in capitals names its subject as the text writes it: capitalized there.
	for _, t := range toks {
		if !t.title || t.v == 0 || !t.cap && !t.shout {
			continue
		}
		name, seen, inner := true, 0, false
		for k, u := range toks {
			if u.v == t.v && !u.shout {
				name = name && u.cap
				seen++
				// First in a sentence, a word followed by another capitalized one opens a name
				// (Acme Corp said…): a wire's text names its company so, once, and an all-caps
				// headline (ACME SAYS BOARD APPROVES SHARE BUYBACK) had no subject.
				inner = inner || !u.first || t.shout && k+1 < len(toks) && toks[k+1].glued && toks[k+1].cap && toks[k+1].title == u.title
			}
		}
		if name && seen > 0 && (inner || seen > 1) {
			return append(dst, t.v-wordBase+subjectBase)
		}
	}
	return dst
}

// wordSet holds the words a print has gathered, of the headline or not, to tell a repeat in
// constant time. A linear search of the words gathered so far and the insertion sort of the 64
// random values that followed it were 16 % of the farm's prints (BenchmarkFarmStoryWork/fingerprint
// in cmd/tributary-bench, a CPU profile); with this set and sortWords, six alternating runs gave
// 16.7 → 15.3 µs a print (medians), and BenchmarkFingerprint/pairs 38.2 → 35.1 ms. Word values are
// hashes, so their bits index it; a hostile text whose words share a slot makes its probes as long
// as that search was, no longer. It holds fewer than half its slots (callers add at most
// maxPrintWords), so a probe always ends.
type wordSet [wordSlots]uint32

const wordSlots = 4 * maxPrintWords

// add adds v, as given (a word of the headline flagged), unless a word of its value is there, and
// reports whether it was not there yet.
func (s *wordSet) add(v uint32) bool {
	for i := ((v | wordTitle) >> 1) % wordSlots; ; i = (i + 1) % wordSlots {
		switch {
		case s[i] == 0: // never a word: word values are wordBase and above
			s[i] = v
			return true
		case s[i]|wordTitle == v|wordTitle:
			return false
		}
	}
}

// stored is the word of v's value as it was added (flagged when of the headline), 0 when none was.
func (s *wordSet) stored(v uint32) uint32 {
	for i := ((v | wordTitle) >> 1) % wordSlots; ; i = (i + 1) % wordSlots {
		if s[i] == 0 || s[i]|wordTitle == v|wordTitle {
			return s[i]
		}
	}
}

// sortWords sorts distinct word values in place, in linear time: a bucket sort on the top bits of
// their wordSpace (hashes, spread evenly), then an insertion sort of each bucket, a value or two.
func sortWords(b []uint32) {
	if len(b) <= 16 || len(b) > maxPrintWords {
		insertionSort(b)
		return
	}
	const shift = 20 - 6 // wordSpace = 1<<20, smallestBuckets = 1<<6
	var start [smallestBuckets + 1]uint8
	for _, v := range b {
		start[(v-wordBase)>>shift%smallestBuckets+1]++
	}
	for i := 1; i <= smallestBuckets; i++ {
		start[i] += start[i-1]
	}
	var tmp [maxPrintWords]uint32
	next := start
	for _, v := range b {
		i := (v - wordBase) >> shift % smallestBuckets
		tmp[next[i]] = v
		next[i]++
	}
	copy(b, tmp[:len(b)])
	for i := range smallestBuckets {
		insertionSort(b[start[i]:start[i+1]])
	}
}

// wordValue is the value of the word w (lower-case letters), stemmed, and false when it is no
// content word. Words of one meaning in news copy (approves and clears, quits and resigns) are
// one value (synonym).
func wordValue(w []byte) (uint32, bool) {
	if len(w) < 2 || stopWord(string(w)) {
		return 0, false
	}
	w = stem(w)
	var c []byte
	if s := synonym(string(w)); s != "" {
		c = append(c, s...) // on the stack: the compiler sees the bytes do not escape
		w = c
	}
	h := uint32(fnvOffset)
	for _, c := range w {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return wordBase + fmix32(h)>>(32-20)&^wordTitle, true
}

// stem strips the commonest English inflections, so that recalls, recalled and recalling are one
// word, and raise, raises and raised: -ies/-ied → -y, -ing, -ed (then a doubled consonant:
// dropped, cutting), -es after ss, x, z, ch or sh (presses, taxes, launches), else -s (not -ss, -us
// or -is), then a final -e. Words of four letters keep theirs (bus, gas) but a plural -s (cuts, wins);
// short words their -e (rise, rises). Over-stemming merges a few words (rate, rated);
// under-stemming (liquidate, liquidation) only loses a shared word. It may rewrite w's bytes
// (-ies → -y in place).
func stem(w []byte) []byte {
	n := len(w)
	if n <= 4 {
		if n == 4 && w[3] == 's' && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is") && string(w) != "news" {
			return w[:3]
		}
		return w
	}
	switch {
	case hasSuffix(w, "ies") || hasSuffix(w, "ied"):
		w = append(w[:n-3], 'y')
	case hasSuffix(w, "ing") && n >= 6:
		w = undouble(w[:n-3])
	case hasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	case hasSuffix(w, "es") && (hasSuffix(w[:n-2], "ss") || hasSuffix(w[:n-2], "x") || hasSuffix(w[:n-2], "z") ||
		hasSuffix(w[:n-2], "ch") || hasSuffix(w[:n-2], "sh")):
		w = w[:n-2]
	case w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// undouble drops the second of a doubled final consonant that an inflection added (dropp →
// drop, cutt → cut), not of one the word has (fall, press, buzz).
func undouble(w []byte) []byte {
	if n := len(w); n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// synonym returns the word that stands for the stemmed word w in its class of words one meaning
// in news copy, or "" when it has none. Outlets telling one story choose their verbs apart (a
// regulator approves or clears; a chief executive quits, resigns or departs; profit jumps or
// climbs); what the story is about they name alike. The classes are the wire's common verbs and
// nouns of events, each narrow enough that two different stories of one kind share no more
// through it than they did through the word itself (TestAllEnglishPairs).
func synonym(w string) string {
	switch w {
	case "approval", "clear", "authoriz", "authoris", "authorization", "authorisation", "greenlight":
		return "approv"
	case "ris", "rose", "risen", "climb", "jump", "gain", "increas", "surg", "soar", "advanc", "rally", "grew", "grow":
		return "rise"
	case "fell", "fallen", "drop", "declin", "slid", "slip", "tumbl", "plung", "sink", "sank", "slump", "dip", "decreas":
		return "fall"
	case "lower", "reduc", "reduction", "trim", "slash", "curb":
		return "cut"
	case "held", "maintain", "unchang", "steady":
		return "hold"
	case "resignation", "quit", "depart", "departur":
		return "resign"
	case "acquisition", "buy", "bought", "purchas", "takeover":
		return "acquir"
	case "merger", "combin", "combination":
		return "merg"
	case "halt", "bar":
		return "block"
	case "won", "victory", "beat", "beaten", "defeat", "triumph":
		return "win"
	case "walkout", "stoppag":
		return "strik"
	case "earthquak", "tremor":
		return "quak"
	case "extension", "prolong":
		return "extend"
	case "sued", "lawsuit":
		return "sue"
	case "detain", "detention":
		return "arrest"
	case "dead", "death", "die", "died", "fatal":
		return "kill"
	case "unveil", "debut", "introduc":
		return "launch"
	case "earning":
		return "profit"
	case "outlook", "guidanc", "projection":
		return "forecast"
	case "judg", "tribunal":
		return "court"
	case "chief":
		return "ceo"
	case "children", "kid":
		return "child"
	case "disruption", "disrupt", "glitch":
		return "outag"
	case "watchdog":
		return "regulator"
	case "lunar":
		return "moon"
	case "cabinet":
		return "government"
	case "vot", "vote", "poll", "ballot":
		return "election"
	case "american", "america":
		return "us"
	case "british", "britain":
		return "uk"
	}
	return demonym(w)
}

// demonym returns the stem of the country that the stemmed adjective or people w names (Finnish,
// Finland; the Dutch, the Netherlands; Swiss voters, Switzerland), or "": one outlet writes
// "Finnish lawmakers", the other "Finland's parliament", and the country is often the story's
// subject (subjects).
func demonym(w string) string {
	switch w {
	case "finnish", "finn":
		return "finland"
	case "swedish", "swed":
		return "sweden"
	case "norwegian":
		return "norway"
	case "danish", "dane":
		return "denmark"
	case "dutch", "holland":
		return "netherland"
	case "swiss":
		return "switzerland"
	case "german":
		return "germany"
	case "french":
		return "franc"
	case "spanish":
		return "spain"
	case "italian":
		return "italy"
	case "japanes":
		return "japan"
	case "chines":
		return "china"
	case "korean":
		return "korea"
	case "indian":
		return "india"
	case "canadian":
		return "canada"
	case "australian", "aussi":
		return "australia"
	case "irish":
		return "ireland"
	case "portugues":
		return "portugal"
	case "greek":
		return "greec"
	case "turkish":
		return "turkey"
	case "mexican":
		return "mexico"
	case "brazilian":
		return "brazil"
	case "russian":
		return "russia"
	case "chilean":
		return "chil"
	case "colombian":
		return "colombia"
	case "argentin", "argentinian":
		return "argentina"
	case "lithuanian":
		return "lithuania"
	case "scottish", "scot":
		return "scotland"
	case "welsh":
		return "wale"
	case "belgian":
		return "belgium"
	case "austrian":
		return "austria"
	case "israeli":
		return "israel"
	case "egyptian":
		return "egypt"
	case "indonesian":
		return "indonesia"
	case "filipino":
		return "philippin"
	case "vietnames":
		return "vietnam"
	case "thai":
		return "thailand"
	case "taiwanes":
		return "taiwan"
	case "ukrainian":
		return "ukrain"
	case "iranian":
		return "iran"
	case "pakistani":
		return "pakistan"
	case "nigerian":
		return "nigeria"
	case "kenyan":
		return "kenya"
	case "peruvian":
		return "peru"
	case "icelandic":
		return "iceland"
	case "hungarian":
		return "hungary"
	case "polish":
		return "poland"
	case "european":
		return "europ"
	}
	return ""
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
