package story

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Han words: the signal for Chinese told in other words. Two outlets that report one
// announcement each in their own words (恒川新材：预计前三季度净利润同比增长85%-110% ‖ 隔膜需求回暖
// 恒川新材前三季度净利最高预增110%) share its figures, its names and many pairs of characters, but
// few runs of four: shingles found 7 of the 40 same-story pairs of zh_holdout.py, written to a
// brief by a helper who never saw the detector. So a print of a Chinese text also keeps, as its
// words, the Han bigrams of its title and lead (stop bigrams aside: the outlets' datelines, 同比,
// 公司, 亿元), scored like English content words (score.go), and as its subject what its headline
// says of the day, the direction (涨 or 跌, 增持 or 减持, or a hold: 维持…不变) and who it names
// first: two copies whose headlines tell another day or the other direction (each where both say
// it), or whose first names neither copy's words hold, are two stories, whatever their texts
// share. The same template of two
// days (two days' 《新闻联播》要闻, 国债期货全线收涨 and 收跌), or of two companies (天禧股份 and
// 鸿屹科技 被证监会立案), shares most of its bigrams, and its headlines tell them apart.
const (
	// minHanWords: a text of fewer Han characters keeps no Han words.
	minHanWords = 16
	// hanLead bounds the body runes whose Han bigrams are a print's words.
	hanLead = 200
	// maxHanWords bounds them: the title's first, then the lead's. 36 left a long article's lead
	// at its first sentence. Measured blind, each set once: zh_holdout6.py 0.325 at 36, 0.375 at
	// 48; zh_holdout7.py 0.450 at 48, 0.575 at 64. The words past 36 are keyed three in eight,
	// past 48 one in four (index.go), so that a print stays under BytesPerPrint.
	maxHanWords = 64
)

// hanWords appends to dst the values of the distinct Han bigrams of the title (flagged) and of the
// body's first hanLead runes, stop bigrams aside, at most maxHanWords, sorted, and then the
// subject (0: none). A text of fewer than minWords bigrams keeps none. It appends to names the
// names (names.go) among the lead's bigrams it reads, once or more, at most maxNames.
func hanWords(dst []uint32, title, body []rune, subject uint32, names []uint32) ([]uint32, []uint32) {
	base := len(dst)
	var seen wordSet
	// A text that opens with its headline (财联社's 【…】) names nothing by that copy: names are
	// what the text repeats of its headline, read past it.
	named := headlineEnd(title, body)
	add := func(rs []rune, flag uint32) {
		for i := 0; i+1 < len(rs) && len(dst)-base < maxHanWords; i++ {
			v, ok := hanBigram(rs[i], rs[i+1])
			switch {
			case !ok:
			case seen.add(v | flag):
				dst = append(dst, v|flag)
			case flag == 0 && i >= named && len(names) < maxNames && seen.stored(v)&wordTitle != 0:
				names = append(names, hanPairName(rs[i], rs[i+1]))
			}
		}
	}
	add(title, wordTitle)
	add(body[:min(len(body), hanLead)], 0)
	if len(dst)-base < minWords {
		return dst[:base], names[:0]
	}
	sortWords(dst[base:])
	if subject != 0 {
		dst = append(dst, subject)
	}
	return dst, names
}

// headlineEnd is where a body that opens with its title (spaces aside) has it behind it, 0 when it
// does not open so.
func headlineEnd(title, body []rune) int {
	i := 0
	for i < len(body) && body[i] == ' ' {
		i++
	}
	for len(title) > 0 && title[0] == ' ' {
		title = title[1:]
	}
	for len(title) > 0 && title[len(title)-1] == ' ' {
		title = title[:len(title)-1]
	}
	if len(title) == 0 || len(body)-i < len(title) || !slices.Equal(body[i:i+len(title)], title) {
		return 0
	}
	return i + len(title)
}

// hanBigram is the word value of two characters, false unless both are CJK ideographs and they
// are no stop bigram.
func hanBigram(a, b rune) (uint32, bool) {
	if a < 0x4E00 || a > 0x9FFF || b < 0x4E00 || b > 0x9FFF || stopBigram(a, b) {
		return 0, false
	}
	h := fmix32((uint32(a)*0x9E3779B1^fnvOffset)*polyMul ^ uint32(b)*0x85EBCA6B)
	return wordBase + h>>(32-20)&^wordTitle, true
}

// headlineSubject is the subject value of a Chinese headline: its first date's day, its direction
// and who it names first (the top bits of that bigram's value: 天晟文旅, 央行, 国家统计局; see
// headlineName), 0 when it says none of them.
func headlineSubject(raw string, title []rune, dates []uint32) uint32 {
	day := 0
	if len(dates) > 0 {
		_, day = factMonthDay(dates[0])
	}
	dir := direction(title)
	name, spoken := uint32(0), uint32(0)
	if v, s := headlineName(raw, title); v != 0 {
		name, spoken = hanName(v), uint32(b2i(s))
	}
	if day == 0 && dir == 0 && name == 0 {
		return 0
	}
	return subjectBase + name<<subjectNameShift | spoken*subjectSpoken | uint32(day&15)<<3 | uint32(dir)<<1 | hanSubject
}

// subjectNameShift: a Chinese subject's name is the top 12 bits of a bigram's 20, above its day
// and direction.
const subjectNameShift = 8

// headlineName is the value of who a headline names first: the two Han characters it opens with
// (firstBigram), or, when it opens with a public body that speaks of someone (深交所上市委：锦瑟光电创业板IPO获通过,
// 证监会：…, 国务院办公厅：…), the two it opens with after the colon, and spoken. The body names
// itself in every such headline, so two companies' approvals of one template, whose texts are the
// body's words, were one story by their names (zh_holdout4.py's texts, TestAllChineseWrittenPairs);
// but a body may be the story's subject too (国务院办公厅：出台20条措施… and 国办印发若干措施…), so a
// spoken name is compared only with another spoken one (subjects). A company that speaks for
// itself (天禧股份：…, 澜江银行：…) is the name: its suffix is no body's.
func headlineName(raw string, title []rune) (v uint32, spoken bool) {
	if rest, ok := afterColumn(raw); ok {
		a, n := utf8.DecodeRuneInString(rest)
		b, _ := utf8.DecodeRuneInString(rest[n:])
		v, _ = hanBigram(a, b)
		return v, false
	}
	i := strings.IndexAny(raw, "：:")
	if i <= 0 {
		return firstBigram(title), false
	}
	if last, _ := utf8.DecodeLastRuneInString(raw[:i]); !strings.ContainsRune("所会局部委院署办厅", last) {
		if v := prefixedName(raw[:i]); v != 0 {
			return v, false
		}
		return firstBigram(title), false
	}
	rest := strings.TrimLeft(raw[i:], "：: 　")
	a, n := utf8.DecodeRuneInString(rest)
	b, _ := utf8.DecodeRuneInString(rest[n:])
	v, _ = hanBigram(a, b)
	return v, true
}

// namePrefixes open many companies' short names: a country's, a province's or a city's name
// (中国平安, 中国人寿; 上海机场, 上海银行), a group's (中信证券, 中信银行; 招商银行, 招商蛇口). Two of
// them speaking for themselves under one template the same day (中国平安：获批开展保险资金长期股票
// 投资试点 and 中国人寿：…, 0.95; 上海机场：董事王明辞职 and 上海银行：…, 0.97) were one story by a
// name that is only the prefix.
var namePrefixes = [...]string{"中国", "中华", "华夏", "中信", "中金", "中航", "中铁", "中建", "中交", "中冶", "中远", "中粮", "中化", "中核",
	"招商", "光大", "国泰", "华泰", "海通", "东方", "长江", "平安", "国投", "华能", "华电", "大唐", "万科",
	"北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京", "宁波", "苏州", "武汉", "成都", "西安", "青岛", "厦门", "大连", "长沙", "合肥",
	"浙江", "江苏", "山东", "广东", "福建", "安徽", "湖南", "湖北", "河南", "河北", "四川", "云南", "贵州", "陕西", "山西", "辽宁", "吉林",
	"江西", "甘肃", "海南", "广西", "内蒙", "新疆", "西藏", "青海", "宁夏", "黑龙"}

// prefixedName is the name of a company that speaks for itself under a short name of four Han
// characters opening with one of namePrefixes (中国平安：…): the bigram across the prefix and the
// rest (国平), which tells 中国平安 from 中国人寿 (国人) and 上海银行 (海银) from 北京银行 (京银), and
// which a copy that names the company in full holds among its words (a copy that names it 平安
// names it by the words the subject holds: hanNamed). 0 for any other label.
func prefixedName(label string) uint32 {
	var r [5]rune
	n := 0
	for _, c := range label {
		if n == len(r) {
			return 0
		}
		r[n] = c
		n++
	}
	if n != 4 || !slices.Contains(namePrefixes[:], string(r[:2])) {
		return 0
	}
	v, _ := hanBigram(r[1], r[2])
	return v
}

// withoutDate returns a normalized title less a date that opens it (12月1日, 12月1号, 1日), and the
// spaces after it, when a Han character follows: the name it then opens with is who the headline
// names (12月1日云岭股份获12家机构调研: 云岭). A month alone (10月金融数据出炉) is kept: what follows it
// is the month's data, not a name.
func withoutDate(title []rune) []rune {
	i := 0
	for i < len(title) && title[i] >= '0' && title[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i >= len(title) {
		return title
	}
	switch title[i] {
	case '月':
		j := i + 1
		for j < len(title) && title[j] >= '0' && title[j] <= '9' {
			j++
		}
		if j == i+1 || j-i-1 > 2 || j >= len(title) || title[j] != '日' && title[j] != '号' {
			return title
		}
		i = j
	case '日', '号':
	default:
		return title
	}
	i++
	for i < len(title) && title[i] == ' ' {
		i++
	}
	if i >= len(title) || title[i] < 0x4E00 || title[i] > 0x9FFF {
		return title
	}
	return title[i:]
}

// stockStatuses mark a listed company's short name (*ST云岭, ST海川: risk warnings; XD, XR, DR:
// ex-dividend or ex-rights days), lower-cased as a print's text has them (the * is a space there).
var stockStatuses = [...]string{"st", "sst", "xd", "xr", "dr"}

// withoutStatus returns a normalized title less a stock's status that opens it, when Han
// characters, the name, follow it at once: *ST云岭 and *ST海川 were one name, none, and two of the
// year-end's risk warnings of one template one story (0.98).
func withoutStatus(title []rune) []rune {
	n := 0
	for n < len(title) && n < 4 && isLatin(title[n]) {
		n++
	}
	if n == 0 || n >= len(title) || title[n] < 0x4E00 || title[n] > 0x9FFF {
		return title
	}
	for _, st := range stockStatuses {
		if string(title[:n]) == st {
			return title[n:]
		}
	}
	return title
}

// columnEnds end the label of a site's column that some headlines open with (公告速递：…, 快讯：…,
// 【早间快讯】…, 机构调研：…, 龙虎榜：…): the label names no one, and two companies' items of one
// template under it were one story by their names (公告速递：云岭股份拟以1亿元至2亿元回购股份 and
// 公告速递：海川科技拟…, 0.91; 机构调研：云岭股份在手订单饱满 and 机构调研：海川科技…, 0.93). Who the
// headline names comes after it. Not 公告 (云岭股份公告：…) or 异动, which follow a company's name
// as often.
var columnEnds = [...]string{"速递", "快讯", "快报", "早报", "午报", "晚报", "早参", "必读", "直击", "聚焦", "精选", "一览", "追踪", "要闻", "简讯",
	"调研", "龙虎榜", "大宗交易", "融资融券"}

// afterColumn returns what follows a column's label that the headline raw opens with (in 【】, or
// before a colon; at most six characters, ending in one of columnEnds), and whether it has one.
func afterColumn(raw string) (string, bool) {
	raw = strings.TrimLeft(raw, " 　")
	label, rest, ok := "", "", false
	if b, found := strings.CutPrefix(raw, "【"); found {
		label, rest, ok = strings.Cut(b, "】")
	}
	if !ok {
		i := strings.IndexAny(raw, "：:")
		if i <= 0 {
			return "", false
		}
		label, rest = raw[:i], raw[i:]
	}
	if utf8.RuneCountInString(label) > 6 || !slices.ContainsFunc(columnEnds[:], func(e string) bool { return strings.HasSuffix(label, e) }) {
		return "", false
	}
	return strings.TrimLeft(rest, "：: 　"), true
}

// firstBigram is the value of the two Han characters a title opens with, past a date (12月1日) or a
// stock's status (*ST) that opens it; 0 when it opens with anything else: a month or a figure
// (10月金融数据出炉, 12家机构调研), a Latin name (OPEC+, A股), a stop bigram (宣布). A headline's first
// name is its first word; the first bigram after a month, a figure or a stop word straddles two
// words (月金, 股半, 布明), which the other copy's words hold by chance or not at all, while a whole
// date ends at its 日.
func firstBigram(title []rune) uint32 {
	for len(title) > 0 && title[0] == ' ' {
		title = title[1:]
	}
	title = withoutStatus(withoutDate(title))
	if len(title) < 2 {
		return 0
	}
	v, _ := hanBigram(title[0], title[1])
	return v
}

// hanNamed reports whether the name of a Chinese subject (as wordsAndSubject returns it) is among
// words: whether the other copy names who this one's headline names first.
func hanNamed(subject uint32, words []uint32) bool {
	name := hanName(subject)
	if name == 0 {
		return true
	}
	for _, w := range words {
		if hanName(w) == name {
			return true
		}
	}
	return false
}

// hanName is the name bits of a Chinese subject (as wordsAndSubject returns it; 0 for none) or
// of a Han bigram's word value: the top bits that a subject keeps of its name's bigram.
func hanName(subject uint32) uint32 { return (subject - wordBase) >> subjectNameShift }

// sameName reports whether two Chinese headlines' subjects name one name first (boosted).
func sameName(as, bs uint32) bool {
	return as&bs&hanSubject != 0 && hanName(as) != 0 && hanName(as) == hanName(bs)
}

// hanSpoken reports whether a Chinese subject's name was spoken of by a public body (headlineName).
// A print stored before the flag existed held the fifth bit of a day there (16日 to 31日): for a
// window, such a print may be taken for a spoken one, which only spares it the names' check.
func hanSpoken(subject uint32) bool { return (subject-wordBase)&subjectSpoken != 0 }

// hanSubject flags a Chinese headline's subject (its lowest bit: an English subject, a word's
// value, has it clear); the day of the month, modulo 16, is in its bits 3–6 (two days 16 apart are
// one to it: far outside any window), whether its name was spoken in bit 7 (headlineName), the
// direction in bits 1–2.
const (
	hanSubject    = 1
	subjectSpoken = 1 << 7
)

// hanConflict reports whether two Chinese headlines' subjects (as wordsAndSubject returns them)
// tell another day or the other direction: each only where both say it.
func hanConflict(a, b uint32) bool {
	if a&hanSubject == 0 || b&hanSubject == 0 {
		return false
	}
	a, b = a-wordBase, b-wordBase
	da, db := a>>3&15, b>>3&15
	ra, rb := a>>1&3, b>>1&3
	return da != 0 && db != 0 && da != db || ra != 0 && rb != 0 && ra != rb
}

// direction is 1 for a headline of rises (涨, 升, 增, 买入, 流入, 上调, 加息), 2 for one of falls (跌, 降,
// 减, 卖出, 流出, 下调), 3 for one of neither that holds (维持…不变, 按兵不动: a central bank's hold is
// another decision than its cut), 0 for one of none of them or of both rises and falls.
func direction(title []rune) int {
	up, down, hold := false, false, false
	for i, r := range title {
		next := rune(0)
		if i+1 < len(title) {
			next = title[i+1]
		}
		switch {
		case r == '涨' || r == '升' || r == '增' || r == '买' && next == '入' || r == '流' && next == '入' ||
			r == '上' && next == '调' || r == '加' && next == '息':
			up = true
		case r == '跌' || r == '降' || r == '减' || r == '卖' && next == '出' || r == '流' && next == '出' ||
			r == '下' && next == '调':
			down = true
		case r == '维' && next == '持' || r == '不' && next == '变' || r == '按' && next == '兵':
			hold = true
		}
	}
	switch {
	case up && !down:
		return 1
	case down && !up:
		return 2
	case hold && !up && !down:
		return 3
	}
	return 0
}

// stopBigram: two Han characters that every finance flash writes (the outlets' datelines, 同比,
// 公司, 亿元) and say nothing of which story it is.
func stopBigram(a, b rune) bool {
	switch uint64(a)<<32 | uint64(b) {
	case '财'<<32 | '联', '联'<<32 | '社', '证'<<32 | '券', '券'<<32 | '时', '时'<<32 | '报', '公'<<32 | '司',
		'司'<<32 | '讯', '中'<<32 | '证', '证'<<32 | '网', '网'<<32 | '讯', '记'<<32 | '者', '日'<<32 | '电',
		'同'<<32 | '比', '比'<<32 | '增', '增'<<32 | '长', '环'<<32 | '比', '比'<<32 | '下', '下'<<32 | '降',
		'亿'<<32 | '元', '万'<<32 | '元', '今'<<32 | '日', '昨'<<32 | '日', '近'<<32 | '日', '日'<<32 | '前',
		'公'<<32 | '告', '告'<<32 | '称', '表'<<32 | '示', '显'<<32 | '示', '消'<<32 | '息', '报'<<32 | '道',
		'获'<<32 | '悉', '据'<<32 | '悉', '其'<<32 | '中', '此'<<32 | '外', '以'<<32 | '及', '我'<<32 | '国',
		'发'<<32 | '布', '宣'<<32 | '布', '新'<<32 | '浪', '财'<<32 | '经', '第'<<32 | '一':
		return true
	}
	return false
}
