package story

// Facts tell templated stories apart: 全国铁路预计发送旅客1050万人次 on 10月3日 and on 10月5日 share
// nearly all their shingles. A fact is either a date (month and day, or a day alone as in 10日短期限
// Shibor) or a number with its unit (1050万, 3.25%, 621列, the period 1-7月, a month 10月). Dates are
// stored as values, so that a day alone can agree with a full date; numbers as 20-bit hashes.

// dateFact encodes month m (0 when unknown) and day d.
func dateFact(m, d int) uint32 { return factDateBase + uint32(m)<<5 + uint32(d) }

func isDate(f uint32) bool { return f >= factDateBase }

func factMonthDay(f uint32) (m, d int) {
	v := f - factDateBase
	return int(v >> 5), int(v & 31)
}

type facts struct {
	nums  [maxNumbers]uint32
	dates [maxDates]uint32
	nn    int
	nd    int
	// title: the numbers being scanned are the title's.
	title bool
	// english: the text is English (its print keeps content words), whose outlets write one
	// figure several ways: 4,000 and 4000, 212,000 and 212K. Its numbers are read as values
	// (English). Other prints' facts are read as they always were (TestFingerprintStable).
	english bool
}

func (fx *facts) date(m, d int) {
	if d < 1 || d > 31 || m < 0 || m > 12 || fx.nd == maxDates {
		return
	}
	fx.dates[fx.nd] = dateFact(m, d)
	fx.nd++
}

// number records the number rs (digits and at most one '.') followed by unit (0 for none).
func (fx *facts) number(tag rune, rs []rune, unit rune) {
	if fx.nn == maxNumbers {
		return
	}
	// 1050.0 and 1050 are one number; leading zeros are not part of it.
	for len(rs) > 1 && rs[0] == '0' && rs[1] != '.' {
		rs = rs[1:]
	}
	if dot := indexRune(rs, '.'); dot >= 0 {
		for len(rs) > dot+1 && rs[len(rs)-1] == '0' {
			rs = rs[:len(rs)-1]
		}
		if len(rs) == dot+1 {
			rs = rs[:dot]
		}
	}
	h := uint32(fnvOffset)
	h = (h ^ uint32(tag)) * fnvPrime
	for _, r := range rs {
		h = (h ^ uint32(r)) * fnvPrime
	}
	h = (h ^ uint32(unit)) * fnvPrime
	v := fmix32(h) >> (32 - 20)
	switch tag {
	case 'n':
	case 's':
		v |= factScore
	default:
		v |= factPeriod
	}
	if fx.title {
		v |= factTitle
	}
	for _, x := range fx.nums[:fx.nn] {
		if x == v {
			return // a repeat would take the place of another number
		}
	}
	fx.nums[fx.nn] = v
	fx.nn++
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' }

// digits returns the end of the run of digits (and, when dot, one inner '.') starting at i.
func digits(rs []rune, i int, dot bool) int {
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	if dot && j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
			j++
		}
	}
	return j
}

func atoi(rs []rune) int {
	n := 0
	for _, r := range rs {
		if n > 1e6 {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// at reports whether rs[i] is r.
func at(rs []rune, i int, r rune) bool { return i < len(rs) && rs[i] == r }

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var unitWords = map[string]rune{
	"million": 'm', "m": 'm', "mn": 'm', "mln": 'm', "billion": 'b', "bn": 'b', "bln": 'b', "b": 'b',
	"trillion": 't', "tn": 't', "trln": 't',
	"percent": '%', "pct": '%', "k": 'k', "thousand": 'k', "bp": 'p', "bps": 'p',
}

// word12 is a short Latin word, held without allocating.
type word12 struct {
	b [12]byte
	n int
}

// latinWord returns the lower-case word starting at i and its end (i when it is longer than 12).
func latinWord(rs []rune, i int) (word12, int) {
	var w word12
	j := i
	for j < len(rs) && j-i < 12 && isLatin(rs[j]) {
		w.b[j-i] = byte(rs[j])
		j++
	}
	if j < len(rs) && isLatin(rs[j]) {
		return word12{}, i
	}
	w.n = j - i
	return w, j
}

// scan records the facts of normalized text.
func (fx *facts) scan(rs []rune) {
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isLatin(r) && (i == 0 || !isLatin(rs[i-1]) && !isDigit(rs[i-1])) {
			// English dates: "oct 3", "october 3".
			k := i
			for k < len(rs) && isLatin(rs[k]) {
				k++
			}
			// Only a word followed by a number may be a month: the map is not asked about every
			// word of an English text (a fifth of an English print's cost was these lookups).
			if w, j := latinWord(rs, i); j == k && j+1 < len(rs) && rs[j] == ' ' && isDigit(rs[j+1]) {
				if m, ok := monthNames[string(w.b[:w.n])]; ok {
					e := digits(rs, j+1, false)
					if e-j-1 <= 2 && (e == len(rs) || !isDigit(rs[e]) && rs[e] != '.' || latinSuffix(rs, e)) {
						fx.date(m, atoi(rs[j+1:e]))
						k = e
					}
				}
			}
			i = k - 1
			continue
		}
		if r == '第' && fx.title {
			// An ordinal in Chinese numerals (第十二次, 第八届) in a headline: the number 12次 or
			// 8届, as 第12次 reads. Two of one company's announcements of one template tell their
			// meetings apart by it alone (第八届董事会第十二次会议 against 第八届监事会第九次会议, the
			// same day). Not in the text: a report that names the board's session (第八届董事会)
			// where the other copy does not would count it as a figure the other lacks.
			if n, e := hanOrdinal(rs, i+1); n > 0 {
				var buf [8]rune
				fx.number('n', appendDecimal(buf[:0], n), rs[e])
				i = e
			}
			continue
		}
		if !isDigit(r) || i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' || isLatin(rs[i-1])) {
			continue
		}
		e := digits(rs, i, true)
		num := rs[i:e]
		var joined [32]rune
		if fx.english {
			// Thousands separators (folded to spaces): 4,000 is 4000, 1,250,000 is 1250000.
			num, e = thousands(joined[:0], rs, i, e)
		}
		n := atoi(num)
		isInt := indexRune(num, '.') < 0
		switch {
		case isInt && at(rs, e, '月'):
			if e2 := digits(rs, e+1, false); e2 > e+1 && (at(rs, e2, '日') || at(rs, e2, '号')) {
				// A dateline (财联社10月3日电) dates the telegram, not the news: a story re-sent the
				// next day keeps its facts. The window already measures publication dates.
				if !at(rs, e2+1, '电') {
					fx.date(n, atoi(rs[e+1:e2]))
				}
				i = e2
				continue
			}
			fx.number('m', num, 0) // a month alone: 10月房地产贷款 vs 9月…
			i = e
			continue
		case isInt && at(rs, e, '-') && e+1 < len(rs) && isDigit(rs[e+1]):
			e2 := digits(rs, e+1, false)
			switch {
			case at(rs, e2, '月'): // a period: 1-7月
				fx.number('p', rs[i:e2], 0)
				i = e2
				continue
			case e-i == 4 && at(rs, e2, '-') && e2+1 < len(rs) && isDigit(rs[e2+1]): // 2026-10-03
				e3 := digits(rs, e2+1, false)
				fx.date(atoi(rs[e+1:e2]), atoi(rs[e2+1:e3]))
				i = e3 - 1
				continue
			case fx.english && e-i <= 2 && e2-e-1 <= 2 && !at(rs, e2, '-') && !at(rs, e2, '.') && !at(rs, e2, '%'):
				// A score or a vote (beat Rangers 3-1, voted 7-2): what tells one match from the
				// next, whose report is the same words.
				fx.number('s', rs[i:e2], 0)
				i = e2 - 1
				continue
			}
		case isInt && e-i == 4 && at(rs, e, '年'):
			// A year says little on its own (今年 vs 2021年); the date after it is read next.
			i = e
			continue
		case isInt && (at(rs, e, '日') || at(rs, e, '号')) && n >= 1 && n <= 31:
			if !at(rs, e+1, '电') {
				fx.date(0, n)
			}
			i = e
			continue
		}
		// A number with its unit: the next Han rune or '%', or an English unit word.
		var unit rune
		j := e
		if j < len(rs) && rs[j] == ' ' && j+1 < len(rs) && isLatin(rs[j+1]) {
			j++
		}
		switch {
		case at(rs, e, '%'):
			unit = '%'
		case e < len(rs) && rs[e] >= 0x3400 && isHan(rs[e]):
			unit = rs[e]
		case j < len(rs) && isLatin(rs[j]):
			w, we := latinWord(rs, j)
			if u, ok := unitWords[string(w.b[:w.n])]; ok {
				unit = u
			} else if fx.english && string(w.b[:w.n]) == "per" && we+1 < len(rs) && rs[we] == ' ' {
				if c, _ := latinWord(rs, we+1); string(c.b[:c.n]) == "cent" {
					unit = '%' // 6 per cent, as British outlets write 6%
				}
			} else if m, ok := monthNames[string(w.b[:w.n])]; ok && isInt && n >= 1 && n <= 31 && j > e {
				fx.date(m, n) // "3 october"
				i = we - 1
				continue
			}
		}
		// Bare short numbers (list items, "5g") are noise, not facts.
		if unit == 0 && (e-i < 2 || latinSuffix(rs, e)) {
			i = e - 1
			continue
		}
		var scaled [40]rune
		if unit == 'k' && fx.english {
			num, unit = thousandfold(scaled[:0], num), 0 // 212K and 212 thousand are 212,000
		}
		fx.number('n', num, unit)
		i = e - 1
	}
}

// thousands returns the number of rs starting at i, whose digits end at e, with the groups of
// three digits that follow it after a thousands separator (folded to a space) appended, and
// where it ends: 4 000 → 4000. Only a first group of one to three digits is followed (2024 300 is
// two numbers), and only by groups of exactly three digits; a decimal part may end the last.
func thousands(dst, rs []rune, i, e int) ([]rune, int) {
	if e-i > 3 || indexRune(rs[i:e], '.') >= 0 {
		return rs[i:e], e
	}
	dst = append(dst, rs[i:e]...)
	for e+4 <= len(rs) && rs[e] == ' ' && isDigit(rs[e+1]) && isDigit(rs[e+2]) && isDigit(rs[e+3]) &&
		(e+4 == len(rs) || !isDigit(rs[e+4])) && len(dst)+3 < cap(dst)-8 {
		dst = append(dst, rs[e+1:e+4]...)
		e += 4
		if end := digits(rs, e-3, true); end > e { // 1,234.5
			dst = append(dst, rs[e:end]...)
			e = end
			break
		}
	}
	if len(dst) == e-i { // no group followed
		return rs[i:e], e
	}
	return dst, e
}

// thousandfold returns num (digits, at most one '.') times a thousand: 212 → 212000, 1.5 → 1500.
func thousandfold(dst, num []rune) []rune {
	dot := indexRune(num, '.')
	if dot < 0 {
		return append(append(dst, num...), '0', '0', '0')
	}
	dst = append(dst, num[:dot]...)
	frac := num[dot+1:]
	for k := range 3 {
		if k < len(frac) {
			dst = append(dst, frac[k])
		} else {
			dst = append(dst, '0')
		}
	}
	if len(frac) > 3 {
		dst = append(append(dst, '.'), frac[3:]...)
	}
	return dst
}

// latinSuffix: a letter right after the digits, as in 5g, 3rd, 2nd.
func latinSuffix(rs []rune, e int) bool { return e < len(rs) && isLatin(rs[e]) }

// finish returns the facts sorted and unique.
func (fx *facts) finish() []uint32 {
	if fx.nn+fx.nd == 0 {
		return nil
	}
	out := make([]uint32, 0, fx.nn+fx.nd)
	out = append(out, fx.nums[:fx.nn]...)
	out = append(out, fx.dates[:fx.nd]...)
	return sortUnique(out)
}

// hanOrdinal reads the Chinese numeral at rs[i:] (一 to 九十九, with 十 and 两) followed by an
// ordinal's counter (次 届 期 批 轮): its value and the counter's index; 0 when there is none. 第一
// alone (第一时间, 第一大股东) and a quarter (第三季度, which outlets also write 三季度) are not
// ordinals of a meeting or a batch.
func hanOrdinal(rs []rune, i int) (int, int) {
	tens, digit, j := 0, -1, i
	for ; j < len(rs) && j-i < 4; j++ {
		if d := hanDigit(rs[j]); d >= 0 {
			if digit >= 0 {
				return 0, 0 // 一二: not a numeral
			}
			digit = d
		} else if rs[j] == '十' && tens == 0 {
			tens, digit = max(digit, 1), -1
		} else {
			break
		}
	}
	if j == len(rs) {
		return 0, 0
	}
	switch n := tens*10 + max(digit, 0); rs[j] {
	case '次', '届', '期', '批', '轮':
		if n > 0 {
			return n, j
		}
	}
	return 0, 0
}

// hanDigit is the value of a Chinese digit, -1 for any other rune.
func hanDigit(r rune) int {
	switch r {
	case '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// appendDecimal appends n's decimal digits (n ≥ 0) as runes.
func appendDecimal(dst []rune, n int) []rune {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	for _, c := range b[i:] {
		dst = append(dst, rune(c))
	}
	return dst
}
