package story

import (
	"slices"
	"strings"
)

// Boilerplate: words a publisher puts around every item, whatever it says. Two different stories
// of one company, short and from one source, share little but such words, and a print of them was
// mostly those words: 东方财富's 郑重声明 under two flashes of one company made one story of its
// results and of a director's resignation (0.69), the disclaimer that every A-share announcement
// opens with (本公司董事会及全体董事保证本公告内容不存在任何虚假记载…) one story of a shareholders'
// meeting and a resignation (0.78), with the name's boost or without. A print therefore leaves out
// a leading announcement header and mandated disclaimer, and a trailing footer, when it finds one
// of the known forms below. The forms are fixed: the disclaimer's two wordings are the exchanges'
// (SSE and SZSE rules), the footers those of the Chinese finance sites that RSSHub's routes and
// ../shared's archives carry (新浪财经's 海量资讯…/责任编辑, 东方财富's 郑重声明 and 文章来源). A
// text's closing sections end it too: a press release's About <company> and forward-looking
// statements, a Chinese site's 相关阅读 list (prSections). Any other publisher's boilerplate is
// learnt from its items by the stores (Repeats).

const (
	// headerWithin bounds where an announcement's header is looked for (the body's first bytes),
	// disclaimerAt where its disclaimer may start after it, disclaimerLen the disclaimer. footMax
	// bounds a footer: its marker must be followed by at most this many bytes of the body, so that
	// a story that quotes a disclaimer or names an editor in its text keeps its words. The searches
	// are bounded so that a print of a text without boilerplate, nearly every text, pays for a few
	// kilobytes scanned at most.
	headerWithin  = 256
	disclaimerAt  = 64
	disclaimerLen = 384
	footMax       = 256
)

// footMarkers open a footer; each is markerLen bytes (four Han characters).
const markerLen = 12

var footMarkers = [...]string{"海量资讯", "责任编辑", "郑重声明", "免责声明", "文章来源"}

// withoutBoilerplate returns body less a leading announcement header and mandated disclaimer, a
// trailing footer and closing sections (see above); body itself when it has none.
func withoutBoilerplate(body string) string {
	lo, hi := 0, len(body)
	// The footer: the earliest marker in the body's last footMax bytes. Every marker is followed by
	// ： or 、: the tail is searched for those, and a marker looked for right before each. Searching
	// the markers themselves tested most of the tail's bytes (most of a Chinese text's bytes open a
	// Han character), and ：'s first byte opens the frequent ， too: its last two bytes are searched.
	tail := max(0, len(body)-footMax)
	if k := marked(body, tail, hi, "\xbc\x9a", 1); k >= 0 {
		hi = k
	}
	if k := marked(body, tail, hi, "、", 0); k >= 0 {
		hi = k
	}
	// An announcement's header (证券代码：600123 证券简称：云岭股份 公告编号：2026-058): up to the
	// end of its number.
	if i := strings.Index(body[:min(len(body), headerWithin)], "证券代码"); i >= 0 {
		head := body[:min(len(body), i+headerWithin)]
		if j := strings.Index(head[i:], "公告编号"); j >= 0 {
			number := strings.TrimLeft(head[i+j+len("公告编号"):], " :：")
			end := strings.IndexFunc(number, func(r rune) bool {
				return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '_')
			})
			if end < 0 {
				end = len(number)
			}
			lo = len(head) - len(number) + end
		}
	}
	// The mandated disclaimer, right after the header or at the start (not a story that quotes
	// it): the sentence from its 本公司 to the 。 after its 虚假记载.
	if i := strings.Index(body[lo:min(len(body), lo+disclaimerAt)], "本公司"); i >= 0 {
		start := lo + i
		if j := strings.Index(body[start:min(len(body), start+disclaimerLen)], "虚假记载"); j >= 0 {
			if end := strings.Index(body[start+j:min(len(body), start+disclaimerLen)], "。"); end >= 0 {
				lo = start + j + end + len("。")
			}
		}
	}
	// Closing sections: a press release's About the company and forward-looking statements, a
	// Chinese site's list of related articles.
	if k := closingSections(body[:hi]); k > lo {
		hi = k
	}
	if lo == 0 && hi == len(body) {
		return body
	}
	if lo >= hi {
		return ""
	}
	return body[lo:hi]
}

// marked returns where the first footer marker ends right before an occurrence of needle in
// s[from:to], or -1; needle is a punctuation mark less its first skip bytes.
func marked(s string, from, to int, needle string, skip int) int {
	for i := from; i < to; {
		j := strings.Index(s[i:to], needle)
		if j < 0 {
			return -1
		}
		if k := i + j - skip; k-from >= markerLen && slices.Contains(footMarkers[:], s[k-markerLen:k]) {
			return k - markerLen
		}
		i += j + 1
	}
	return -1
}

// closeWindow bounds where a text's closing sections are looked for: about what a print reads
// (maxRunes) of an English text with its tags.
const closeWindow = 2048

// closingSections returns where a text's closing sections begin in body — a paragraph that is only a
// heading: a press release's About <name>, Forward-Looking Statements, Safe Harbor Statement,
// Media Contact, Investor Contacts… or PR Newswire's SOURCE line; a Chinese site's 相关阅读,
// 延伸阅读, 推荐阅读… over a list of other articles — or -1. Two releases of one company, short,
// share those sections and little else (a CFO's appointment and a conference presentation scored
// 0.72): the wires put them under every release; two stories of one company under one list of its
// other news scored 0.65. A heading must follow closeLead bytes of the body, so that a
// text that opens with one keeps it. The paragraphs are found after each tag's '>', which a
// vector search finds; a Chinese text's tags are tested and passed over.
func closingSections(body string) int {
	w := body[:min(len(body), closeWindow)]
	for i := strings.IndexByte(w, '>'); i >= 0; {
		rest := w[i+1:]
		for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\n') {
			rest = rest[1:]
		}
		// The headings' first letters (About, Forward, Safe, SOURCE, Media, Investor, Contact,
		// Cautionary, Press) and characters (相 延 推 热 往 【): any other paragraph is passed over
		// without a look.
		if len(rest) > 0 && i+1 >= closeLead && !inLink(w, i) {
			switch rest[0] {
			case 'A', 'F', 'S', 'M', 'I', 'C', 'P':
				if prHeading(rest) {
					return i + 1
				}
			case 0xE3, 0xE5, 0xE6, 0xE7:
				if len(rest) >= 3 && relatedHeading(rest) {
					return i + 1
				}
			}
		}
		j := strings.IndexByte(rest, '>')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}

// closeLead: see closingSections.
const closeLead = 64

// prHeadings are the closing sections' headings, lower-case, a trailing colon aside.
var prHeadings = [...]string{"forward-looking statements", "forward looking statements", "safe harbor statement",
	"cautionary note regarding forward-looking statements", "cautionary statement regarding forward-looking statements",
	"media contact", "media contacts", "investor contact", "investor contacts", "contacts", "contact", "investor relations",
	"media inquiries", "press contact"}

// prHeading reports whether the paragraph that s opens (up to the next tag) is a closing section's
// heading.
func prHeading(s string) bool {
	s = paragraph(s)
	if len(s) < 5 || len(s) > 80 {
		return false
	}
	if strings.HasPrefix(s, "SOURCE ") {
		return true
	}
	if strings.HasPrefix(s, "About ") {
		// A heading, not a sentence that begins with the word (About 200 people attended.): few
		// words, no full stop, each capitalized or a joining word.
		words := strings.Fields(s[len("About "):])
		if len(words) == 0 || len(words) > 6 || strings.ContainsAny(s, ".,;:") && !strings.HasSuffix(s, "Inc.") && !strings.HasSuffix(s, "Corp.") {
			return false
		}
		for _, w := range words {
			if c := w[0]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && w != "the" && w != "of" && w != "and" && w != "&" {
				return false
			}
		}
		return true
	}
	return slices.Contains(prHeadings[:], strings.ToLower(strings.TrimSuffix(s, ":")))
}

// relatedHeadings head a list of other articles under a Chinese text.
var relatedHeadings = [...]string{"相关阅读", "相关新闻", "相关报道", "相关文章", "延伸阅读", "推荐阅读", "热门推荐", "往期回顾"}

// relatedHeading reports whether the paragraph that s opens (up to the next tag) is such a heading,
// in 【】 or not, a colon after it or not.
func relatedHeading(s string) bool {
	s = paragraph(s)
	if len(s) > 32 {
		return false
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, ":"), "：")
	return slices.Contains(relatedHeadings[:], strings.TrimSuffix(strings.TrimPrefix(s, "【"), "】"))
}

// paragraph is the text that s opens, up to the next tag, trimmed.
func paragraph(s string) string {
	if j := strings.IndexByte(s, '<'); j >= 0 {
		s = s[:j]
	}
	return strings.TrimSpace(s)
}

// inLink reports whether the tag that ends at w[i] opens a link: its text is a link's (相关阅读 as
// the anchor of a link inside a paragraph), not a heading.
func inLink(w string, i int) bool {
	j := strings.LastIndexByte(w[:i], '<')
	return j >= 0 && j+2 <= i && (w[j+1] == 'a' || w[j+1] == 'A') && (w[j+2] == ' ' || w[j+2] == '>')
}
