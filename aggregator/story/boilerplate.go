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
// statements, a Chinese site's 相关阅读 list (closingSections); promotions and an opening editor's note
// are left out wherever they weigh (withoutPromotions). Any other publisher's boilerplate is
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
// trailing footer, closing sections and promotions (see above); body itself when it has none.
func withoutBoilerplate(body string) string {
	lo, hi := 0, len(body)
	// The footer: the earliest marker in the body's last footMax bytes. Every marker is followed by
	// ： or 、: the tail is searched for those, and a marker looked for right before each. Searching
	// the markers themselves tested most of the tail's bytes (most of a Chinese text's bytes open a
	// Han character), and ：'s first two bytes open the frequent ， too: the marks' last bytes are
	// searched (fewer: a Han character ends in either about once in 64, though finance's 业 ends
	// in ：'s). The farm's prints spent 0.29 s of 4.6 here, now 0.17 (BenchmarkFarmStoryWork).
	tail := max(0, len(body)-footMax)
	if k := marked(body, tail, hi, "："); k >= 0 {
		hi = k
	}
	if k := marked(body, tail, hi, "、"); k >= 0 {
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
	if lo >= hi {
		return ""
	}
	return withoutPromotions(body[lo:hi])
}

// Promotions: what a site puts inside its items, between their paragraphs, whatever they say — a
// call to download its app or follow its account (【下载财经头条APP，第一时间获取更多独家资讯…点击
// 进入>>】, 》》》热点事件找专家解读，请下载鲸平台App, 股民福利来了！…点击查看>>), and an editor's
// note that opens every piece of a column (编者按：财联社推出“产业深度”系列报道…). Two of a
// publisher's short stories that share one are mostly that (0.64–0.66 with a promotion between their
// paragraphs, 0.63 under one editor's note), and Repeats learns only what opens or closes half of a
// source's items. A print leaves out, within its first promoWindow bytes, every short paragraph
// that calls to action (ctaMarkers) or ends in a link's >>, and an editor's
// note that opens the text, up to its paragraph's end (promoWindow says where they weigh).
const (
	// promoMax bounds a promotion: the text bytes of a short paragraph, a line of a call to action.
	// A story's sentence that names an app is kept by what it lacks (a call) and, most often, by
	// its length.
	promoMax = 180
	// noteMax bounds an opening editor's note: one paragraph.
	noteMax = 1024
	// promoWindow bounds where promotions are looked for: a print's lead (its first leadRunes
	// letters, whose every sampled shingle it keeps) and the whole of a short text. What two
	// stories share there weighs: two stories of 111 to 615 bytes under one opening promotion
	// scored 0.66 to 0.45, under one editor's note 0.72 to 0.69 whatever their length; with a
	// promotion between or after their paragraphs 0.67 at 111 bytes, 0.55 at 193, under 0.4 from
	// 241 on. Past the lead of a longer text, a promotion is a small share of its print.
	promoWindow = 1024
)

// ctaMarkers are the Chinese calls to action of a promotion, by the word each holds: a piece that
// holds none of the words (nearly every one) is passed over after five searches.
var ctaMarkers = [...]struct {
	word  string
	calls []string
}{
	{"点击", []string{"点击查看", "点击进入", "点击阅读", "点击下载", "点击了解", "点击观看"}},
	{"下载", []string{"请下载", "欢迎下载", "立即下载"}},
	{"扫", []string{"扫码", "扫描二维码"}},
	{"长按", []string{"长按识别", "长按二维码"}},
	{"关注", []string{"关注公众号", "关注微信公众号", "欢迎关注", "敬请关注"}},
}

// enCalls open an English promotion's paragraph.
var enCalls = [...]string{"Sign up", "SIGN UP", "Subscribe", "SUBSCRIBE", "Click here", "CLICK HERE", "Download the", "Follow us",
	"Like us on", "Read more", "READ MORE", "Related:", "RELATED", "Related Articles", "Related Stories", "Related Coverage",
	"ADVERTISEMENT", "Advertisement", "Get the latest", "Get our", "Don't miss", "Don’t miss", "Want more", "More from"}

// noteOpenings open an editor's note.
var noteOpenings = [...]string{"编者按", "【编者按】", "编者注", "编辑按", "Editor's note", "Editor's Note", "EDITOR'S NOTE", "Editor’s note", "Editor’s Note"}

// withoutPromotions returns s less its promotions (see above); s itself when it has none.
func withoutPromotions(s string) string {
	w := min(len(s), promoWindow)
	var out []byte
	copied := 0
	drop := func(from, to int) {
		if out == nil {
			out = make([]byte, 0, len(s))
		}
		out = append(out, s[copied:from]...)
		copied = to
	}
	start := 0
	for start < w && (s[start] == '<' || s[start] == ' ' || s[start] == '\n') {
		if s[start] != '<' {
			start++
			continue
		}
		j := strings.IndexByte(s[start:], '>')
		if j < 0 {
			return s
		}
		start += j + 1
	}
	if note(s[start:]) {
		if end := paragraphEnd(s, start); end > start && end < len(s) {
			drop(start, end)
			start = end
		}
	}
	// The text is walked piece by piece, a piece ending at a tag or a line; the pieces of one
	// paragraph (its inline tags, <strong> or <a>, are inside it) are judged together, once it ends
	// at a block's tag or a line. Only a short paragraph is searched for a call to action: most of
	// a text's are long, and a text's short pieces are mostly inside them (a link's words, a bold
	// lead-in).
	para, text := start, 0 // the paragraph's start, and its text's bytes so far
	// A line ends a paragraph in a text without tags; in HTML it is a space.
	nl, html := -1, strings.IndexByte(s[:w], '<') >= 0
	for start < w {
		// The pieces are looked for within the window: a piece that runs past it is no promotion's.
		if html {
			nl = w
		} else if nl < start {
			if nl = strings.IndexByte(s[start:w], '\n'); nl < 0 {
				nl = w
			} else {
				nl += start
			}
		}
		end := nl
		if j := strings.IndexByte(s[start:nl], '<'); j >= 0 {
			end = start + j
		}
		if end == w && w < len(s) {
			break
		}
		text += end - start
		next, block := end+1, true
		if end < len(s) && s[end] == '<' {
			j := strings.IndexByte(s[end:], '>')
			if j < 0 {
				break
			}
			next, block = end+j+1, blockTag(s[end+1:end+j])
		}
		if block {
			if text <= promoMax && promotion(s[para:end]) {
				drop(para, end)
			}
			para, text = next, 0
		}
		if end == len(s) {
			break
		}
		start = next
	}
	if out == nil {
		return s
	}
	out = append(out, s[copied:]...)
	if !hasText(out) {
		return s // nothing but a promotion or a note: the text is what it is
	}
	return string(out)
}

// blockTag reports whether tag, the inside of a tag (p, /div, br/…), opens or closes a block: a
// paragraph's end. Any other tag (strong, a, span, img) is inside a paragraph.
func blockTag(tag string) bool {
	if len(tag) > 0 && tag[0] == '/' {
		tag = tag[1:]
	}
	var name [10]byte
	n := 0
	for ; n < len(tag); n++ {
		c := tag[n] | 0x20 // lower case; digits keep theirs
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			break
		}
		if n == len(name) {
			return false
		}
		name[n] = c
	}
	switch string(name[:n]) {
	case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "td", "th", "tr", "dd", "dt",
		"pre", "table", "figure", "header", "footer", "section", "article", "blockquote", "figcaption":
		return true
	}
	return false
}

// promotion reports whether piece, a short paragraph (its inline tags in it), is a call to action.
func promotion(piece string) bool {
	piece = strings.TrimSpace(piece)
	if len(piece) < 6 {
		return false
	}
	if strings.HasSuffix(piece, ">>") || strings.HasSuffix(piece, "&gt;&gt;") || strings.HasSuffix(piece, "》》") {
		return true
	}
	if c := piece[0]; c >= 'A' && c <= 'Z' {
		// An English call: a paragraph that opens with one (Sign up for our newsletter…,
		// RELATED: …, Follow us on…), or that asks to follow or subscribe.
		for _, o := range enCalls {
			// A whole word: "Subscribed to the outputs…" is a story's sentence.
			if strings.HasPrefix(piece, o) && (len(piece) == len(o) || !(piece[len(o)]|0x20 >= 'a' && piece[len(o)]|0x20 <= 'z')) {
				return true
			}
		}
		return strings.Contains(piece, "newsletter") || strings.Contains(piece, "Follow us on")
	}
	for _, m := range ctaMarkers {
		if strings.Contains(piece, m.word) {
			for _, c := range m.calls {
				if strings.Contains(piece, c) {
					return true
				}
			}
		}
	}
	return false
}

// note reports whether s opens with an editor's note.
func note(s string) bool {
	for _, o := range noteOpenings {
		if strings.HasPrefix(s, o) {
			return true
		}
	}
	return false
}

// paragraphEnd returns where the paragraph that starts at s[start] ends (its closing tag, line
// break or tag of a break), within noteMax bytes; start when none is found.
func paragraphEnd(s string, start int) int {
	w := s[start:min(len(s), start+noteMax)]
	end := -1
	for _, m := range [...]string{"</p>", "</P>", "<br", "</div>", "\n"} {
		if j := strings.Index(w, m); j >= 0 && (end < 0 || j < end) {
			end = j
		}
	}
	if end < 0 {
		return start
	}
	return start + end
}

// marked returns where the first footer marker ends right before an occurrence of the
// punctuation mark punct in s[from:to], or -1.
func marked(s string, from, to int, punct string) int {
	last := punct[len(punct)-1]
	for i := from; i < to; {
		j := strings.IndexByte(s[i:to], last)
		if j < 0 {
			return -1
		}
		end := i + j + 1
		if k := end - len(punct); k-from >= markerLen && s[k:end] == punct && slices.Contains(footMarkers[:], s[k-markerLen:k]) {
			return k - markerLen
		}
		i = end
	}
	return -1
}

// closeWindow bounds where a text's closing sections are looked for: about what a print reads
// (maxRunes) of an English text with its tags.
const closeWindow = 2048

// closingSections returns where a text's closing sections begin in body — a paragraph that is only a
// heading: a press release's About <name>, Forward-Looking Statements, Safe Harbor Statement,
// Media Contact, Investor Contacts… or PR Newswire's SOURCE line; a Chinese site's 相关阅读,
// 延伸阅读, 推荐阅读… over a list of other articles; a Chinese release's 关于<company> over its
// description (aboutHeading) — or -1. Two releases of one company, short,
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
				if len(rest) >= 3 && (relatedHeading(rest) || aboutHeading(rest)) {
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

// aboutHeading reports whether the paragraph that s opens is a Chinese release's 关于<name>, the
// heading of the company's description that closes each of its releases, followed by a paragraph
// that opens with the name (关于云岭股份 / 云岭股份有限公司成立于…): two of one company's releases
// over it scored 0.66. A heading of the story's own (关于估值) is followed by anything else.
func aboutHeading(s string) bool {
	if !strings.HasPrefix(s, "关于") {
		return false
	}
	p := paragraph(s)
	name, ok := strings.CutPrefix(p, "关于")
	if !ok || len(name) < 6 || len(name) > 30 || strings.ContainsAny(name, "，。：:、；") {
		return false
	}
	rest := s[strings.Index(s, p)+len(p):]
	for {
		rest = strings.TrimLeft(rest, " \n\t\r")
		if !strings.HasPrefix(rest, "<") {
			break
		}
		j := strings.IndexByte(rest, '>')
		if j < 0 {
			return false
		}
		rest = rest[j+1:]
	}
	return strings.HasPrefix(rest, name)
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

// hasText reports whether b holds text outside its tags.
func hasText(b []byte) bool {
	in := false
	for _, c := range b {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in && c != ' ' && c != '\n' && c != '\t' && c != '\r':
			return true
		}
	}
	return false
}
