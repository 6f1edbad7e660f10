package story

import (
	"slices"
	"strings"
)

// Names: who a copy is about, against the same text about someone else. Wires, exchanges,
// regulators, rating agencies, law firms and fund sponsors publish one template a day for many
// companies, people or places: 深交所向云岭股份下发年报问询函 and 深交所向海川科技下发…, 证监会：同意X创业板
// IPO注册, 重磅！X筹划重大资产重组 明起停牌, two 易方达 funds' launches, two provinces' 防汛 responses,
// "Fitch Affirms X at 'BBB'", Rosen's class-action notices, two counties' thunderstorm warnings.
// Two such texts share every shingle but the name's, and their headlines open with the same
// publisher, verb or exclamation, so neither the subject (hanwords.go, words.go) nor the facts
// tell them apart: 0.59–0.99, 62 of 87 such Chinese pairs and 44 of 75 English ones written to
// attack the detector (2026-12-08; testdata/attacks.jsonl, TestAttacks).
//
// A copy's names are the words of its headline that its lead repeats: who and what the story is
// about, which a copy of the same story names too, in its own words or in the same ones. Two
// copies each of which has names the other copy's words lack are two stories. A Chinese name
// counts only when one of its two characters is nowhere in the other copy's title and lead: an
// outlet that writes 中国汽车工业协会 where the other wrote 中汽协, or 企业 for 公司, uses the same
// characters, where 海川科技 and 云岭股份 share none. Two such names are needed on either side in
// Chinese (one name is three bigrams; a single word swapped in the headline and the lead is one
// or two), one capitalized word in English, when the copies share most of their text
// (containment at namedContain or more: a template's case); one more otherwise, where two
// outlets' paraphrases each name things in their own words (and two stories of one company, its
// results and a director's resignation, name different things: apart).
const (
	// maxNames bounds a print's names (a subset of its words).
	maxNames = maxPrintWords
	// charsWords is the size of a Chinese print's filter of its title's and lead's characters, in
	// 32-bit words: 512 bits with two bits a character hold the 100–200 characters of a title
	// and a lead with a few per cent false hits, which only spare a pair (measured against exact
	// sets of characters, on the rule's first form: the same attack pairs left merged).
	charsWords = 16
	// namedContain is the shingle containment from which fewer missing names tell two copies
	// apart.
	namedContain = 0.7
	// hanNamesApart and wordNamesApart: the names each copy must have that the other lacks.
	hanNamesApart  = 2
	wordNamesApart = 1
	// functionChars are characters of wording, not of names: a bigram with one of them is no
	// name. Two outlets that word one statement apart (不急于进一步降息 / 无需急于再次降息,
	// 暂停执行 / 停止实施) repeat their wording in headline and lead as they do a name: 5 of 46
	// true copies a helper wrote were split by such "names", 2 with these set aside; 3 more of
	// the 87 attack pairs merge (wording had told them apart, not names) and 2 more of the
	// all-pairs list's (two futures days, 涨跌不一).
	functionChars = "的了是在和与及或为将于对以把被从向到由其已可会能要再又也都就而并但却无须需没未非所之此该这那些个次不一称说表示据拟"
	// hanNameFlag marks a Chinese name: its two characters (offsets from U+4E00, 15 bits each),
	// where an English name is its word value (wordBase and above, far below the flag).
	hanNameFlag = 1 << 31
)

// hanPairName is the name of the two ideographs a and b (see hanNameFlag).
func hanPairName(a, b rune) uint32 { return hanNameFlag | uint32(a-0x4E00)<<15 | uint32(b-0x4E00) }

// hanChars fills dst, charsWords long, with the filter of the Han characters of the title and the
// body's first hanLead runes (what a Chinese print's words read), and returns it.
func hanChars(dst []uint32, title, body []rune) []uint32 {
	clear(dst)
	for _, rs := range [...][]rune{title, body[:min(len(body), hanLead)]} {
		for _, r := range rs {
			if isIdeograph(r) {
				h1, h2 := charBits(r)
				dst[h1/32] |= 1 << (h1 % 32)
				dst[h2/32] |= 1 << (h2 % 32)
			}
		}
	}
	return dst
}

// names returns the names of an English text: the capitalized words of its headline that its text
// repeats capitalized, other than first in a sentence (a proper name, where a headline in Title
// Case capitalizes every word: Dow Jumps 500 Points … Bets Grow against a copy's Stocks Close …
// Price In were two stories by "names" its text writes bets, points, stocks), sorted.
func (ws *wordScan) names() []uint32 {
	toks := ws.toks[:ws.n]
	var inTitle, kept wordSet // each holds at most maxNames: a wordSet's bound
	n := 0
	for _, t := range toks {
		if t.title && t.v != 0 && t.cap && n < maxNames && inTitle.add(t.v) {
			n++
		}
	}
	var names []uint32
	for _, t := range toks {
		if !t.title && t.v != 0 && t.cap && !t.first && len(names) < maxNames && inTitle.stored(t.v) != 0 && kept.add(t.v) {
			names = append(names, t.v)
		}
	}
	insertionSort(names) // unique: kept
	return names
}

// validName: n is an English word's value or a Chinese name's two ideographs.
func validName(n uint32) bool {
	if n&hanNameFlag == 0 {
		return n >= wordBase && n < wordBase+wordSpace
	}
	return n&(1<<30) == 0 && n>>15&0x7FFF <= 0x9FFF-0x4E00 && n&0x7FFF <= 0x9FFF-0x4E00
}

// isIdeograph: r is a CJK unified ideograph, what a Chinese name is written in.
func isIdeograph(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// charBits are the two bits of r in a characters filter.
func charBits(r rune) (uint32, uint32) {
	h := fmix32(uint32(r) * 0x9E3779B1)
	return h % (32 * charsWords), h >> 16 % (32 * charsWords)
}

// hasChar reports whether the filter chars may hold r (false: it does not).
func hasChar(chars []uint32, r rune) bool {
	h1, h2 := charBits(r)
	return chars[h1/32]&(1<<(h1%32)) != 0 && chars[h2/32]&(1<<(h2%32)) != 0
}

// namesApart reports whether a and b each have names the other lacks (see above); aw and bw are
// their words (sorted), contain their shingles' containment.
func namesApart(a, b Print, aw, bw []uint32, contain float64) bool {
	more := 0
	if contain < namedContain {
		more = 1
	}
	return len(aw) > 0 && len(bw) > 0 && unnamed(a, b, bw, more) && unnamed(b, a, aw, more)
}

// unnamed reports whether enough of a's names (more than the least) are missing from b, whose
// words are bw.
func unnamed(a, b Print, bw []uint32, more int) bool {
	// A print without a filter (English, or stored before names) may hold any character: no
	// Chinese name of a's is missing from it.
	filtered := len(b.Chars) == charsWords
	han, word := 0, 0
	for _, n := range a.Names {
		if n&hanNameFlag == 0 {
			if !inWords(bw, n) {
				word++
			}
			continue
		}
		c1, c2 := rune(n>>15&0x7FFF)+0x4E00, rune(n&0x7FFF)+0x4E00
		switch {
		case !filtered, hasChar(b.Chars, c1) && hasChar(b.Chars, c2):
		case strings.ContainsRune(functionChars, c1) || strings.ContainsRune(functionChars, c2):
			// wording, not a name
		default:
			if v, ok := hanBigram(c1, c2); ok && !inWords(bw, v) {
				han++
			}
		}
	}
	return han >= hanNamesApart+more || word >= wordNamesApart+more
}

// inWords reports whether the sorted list words holds word v, of the headline or not: the
// headline's flag is a word value's lowest bit, so v's word is at the first place its unflagged
// value would take.
func inWords(words []uint32, v uint32) bool {
	i, _ := slices.BinarySearch(words, v&^wordTitle)
	return i < len(words) && words[i]|wordTitle == v|wordTitle
}
