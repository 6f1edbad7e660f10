package normalize

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"tributary/aggregator"
)

// allowedElements are the elements a sanitized body may keep: everything harmless that real sources
// use (the seed's <div class="m-b-10"><p>…<img …>, 深度 posts' h2-h4 slugs, <u>, <span class="underLine">,
// blockquote, hr), and nothing that runs, loads, navigates by itself or takes input. <a> and <img>
// are kept only while an allowed attribute is left on them; td and th may carry colspan and rowspan.
var allowedElements = []string{
	"p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "sub", "sup",
	"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
	"blockquote", "pre", "code", "figure", "figcaption", "a", "img",
}

// skippedContent are elements dropped together with their content: their text is never meant to be
// read (foreign SVG/MathML content, templates, form controls, frames, plug-ins, media fallbacks).
// Void elements (embed, frame, input…) and elements whose end tag is optional (option) must not be
// listed: the content would be skipped until an end tag that never comes, so the rest of the body
// would go. nostyle is not HTML; it is listed because bluemonday skips it, and stored bodies must
// stay what bluemonday made of them (the oracle of sanitize_oracle_test.go). script and style are not counted here (see
// elemScript).
var skippedContent = []string{
	"svg", "math", "template", "noscript", "noembed", "noframes", "nostyle", "iframe",
	"frameset", "object", "applet", "textarea", "select", "button", "title", "head",
	"xmp", "plaintext", "canvas", "audio", "video", "map",
}

// elemKind is what the sanitizer does with an element.
type elemKind uint8

const (
	// elemOther elements are dropped and their content kept: unknown or presentational markup
	// (font, center, section, custom elements) whose text is part of the body.
	elemOther elemKind = iota
	// elemAllowed elements are kept with class and id.
	elemAllowed
	// elemLink is <a>: href (http, https, mailto) and title too, and it goes when none is left.
	elemLink
	// elemImage is <img>: src, alt, width, height; it goes without a usable src.
	elemImage
	// elemCell is td and th: colspan and rowspan too.
	elemCell
	// elemSkip elements go with everything up to their end tag, nested ones counted.
	elemSkip
	// elemScript is script and style. The tokenizer reads their content as one raw text token,
	// which is dropped; their tags do not count as skipped elements, so a stray </script> cannot
	// end the skipping of an enclosing <svg>.
	elemScript
)

// newElements builds the element table of a Normalizer from the lists above.
func newElements() map[string]elemKind {
	m := make(map[string]elemKind, len(allowedElements)+len(skippedContent)+2)
	for _, e := range allowedElements {
		m[e] = elemAllowed
	}
	m["a"], m["img"], m["td"], m["th"] = elemLink, elemImage, elemCell, elemCell
	for _, e := range skippedContent {
		m[e] = elemSkip
	}
	m["script"], m["style"] = elemScript, elemScript
	return m
}

// Sanitize makes an entry body safe to republish in one pass of the HTML tokenizer. It keeps only
// the allowlist above (no script, style, event handler, form, frame, object, svg, math, base, meta
// or srcset; URLs only http, https and mailto, with entity and whitespace tricks rejected), resolves
// relative href/src against base (the entry link, else the feed URL; a relative URL is dropped when
// base is empty or not http(s)), drops any URL that did not end up http(s) (mailto is kept on links),
// gives every <img> referrerpolicy="no-referrer" (cls.cn and weibo refuse hotlinks that send a
// Referer), removes XML-illegal characters, and notes the first image. firstImage is that image's
// src, absolute when base allowed it, or "".
//
// Text is never wrapped or re-flowed and is escaped only where HTML needs it (& < > in text, & and
// " in attribute values, and a carriage return decoded from &#13; so that sanitizing again keeps
// it), so markup that is already clean — the seed's body — comes out byte for byte, and a plain-text
// telegraph body stays that text. A body with nothing but white space left is "".
//
// The output is what bluemonday with the same allowlist followed by a second pass for the URLs and
// images produced before (sanitize_oracle_test.go keeps that pipeline as the test oracle), including
// its handling of malformed markup: an <a> or <img> left without attributes has its next matching end
// tag dropped, and skipped elements are counted by start and end tags, not by a tree.
func (n *Normalizer) Sanitize(body, base string) (clean string, firstImage string) {
	if !isXMLText(body) {
		body = cleanText(body)
	}
	if strings.TrimSpace(body) == "" {
		return "", ""
	}
	// Plain text (telegraph flashes) is one text token that nothing would change: no tag, no entity,
	// no > to escape, no CR to normalize; body is already XML-legal.
	if isPlainText(body) {
		return body, ""
	}
	s := sanitizer{
		z:     html.NewTokenizer(strings.NewReader(body)),
		elems: n.elems,
		base:  parseBase(base),
		attrs: make([]byte, 0, 512),
	}
	s.out.Grow(len(body) + len(body)/8 + 64)
	return s.run()
}

// sanitizer is the state of one Sanitize call.
type sanitizer struct {
	z     *html.Tokenizer
	elems map[string]elemKind
	base  *url.URL
	out   strings.Builder
	attrs []byte // the attributes of the current tag, written before it is known whether it is kept;
	// also the escaped copy of a text with entities
	first string // src of the first image kept

	// skip is set inside a skipped element; depth counts their start tags minus their end tags.
	// As in bluemonday (the oracle), a stray end tag makes the count negative rather than being ignored,
	// and skipping goes on until it is back at zero: stricter, never laxer.
	skip  bool
	depth int
	// inRaw is "script" or "style" after that start tag, until its end tag or another start tag:
	// the raw text token the tokenizer reads in between is dropped.
	inRaw string
	// bare are the <a> (elemLink) and <img> (elemImage) start tags dropped for having no allowed
	// attribute; an end tag matching the last of them is dropped with it.
	bare []elemKind
	// droppedLinks counts <a> start tags dropped because their only attribute was a URL refused
	// once resolved; as many following </a> are dropped too.
	droppedLinks int
}

// run tokenizes the whole body and returns the sanitized body and its first image.
func (s *sanitizer) run() (string, string) {
	z := s.z
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF: a strings.Reader fails with nothing else, and no buffer limit is set.
			if strings.TrimSpace(s.out.String()) == "" {
				// Only white space is left (&nbsp; around dropped markup): the body is empty, as
				// it is for a blank input, and as sanitizing this output again would make it.
				return "", ""
			}
			return s.out.String(), s.first
		case html.TextToken:
			if !s.skip && s.inRaw == "" {
				s.text()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := s.tagName()
			kind := s.elems[string(name)]
			if tt == html.StartTagToken {
				// Only a start tag opens raw text: <script/> is read as raw text by the tokenizer
				// too, but bluemonday (the oracle) keeps that text, escaped, and so does this.
				s.inRaw = ""
				if kind == elemScript {
					s.inRaw = "style"
					if string(name) == "script" {
						s.inRaw = "script"
					}
				}
			}
			switch kind {
			case elemOther, elemScript:
			case elemSkip:
				// A self-closing <svg/> or <iframe/> has no content to skip.
				if tt == html.StartTagToken {
					s.skip = true
					s.depth++
				}
			default:
				s.tag(kind, name, hasAttr, tt == html.SelfClosingTagToken)
			}
		case html.EndTagToken:
			name, _ := s.tagName()
			if s.inRaw != "" && string(name) == s.inRaw {
				s.inRaw = ""
			}
			s.endTag(s.elems[string(name)], name)
		}
		// Comments and doctypes are dropped.
	}
}

// tagName returns the current tag's name and whether it has attributes, like the tokenizer's
// TagName, which copies the name (to replace any NUL in it) on every call. Most tags are a bare
// lower-case name — <p>, </p>, <br/> — read in place from the raw bytes.
func (s *sanitizer) tagName() (name []byte, hasAttr bool) {
	raw := s.z.Raw()
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	j := i
	for j < len(raw) && (raw[j] >= 'a' && raw[j] <= 'z' || raw[j] >= '0' && raw[j] <= '9') {
		j++
	}
	if rest := string(raw[j:]); j > i && (rest == ">" || rest == "/>" && i == 1) {
		return raw[i:j], false
	}
	return s.z.TagName()
}

// endTag handles the end tag of an element of kind kind.
func (s *sanitizer) endTag(kind elemKind, name []byte) {
	switch {
	case kind == elemScript:
		return
	case len(s.bare) > 0 && s.bare[len(s.bare)-1] == kind:
		s.bare = s.bare[:len(s.bare)-1]
		return
	case kind == elemOther:
		return
	case kind == elemSkip:
		s.depth--
		if s.depth == 0 {
			s.skip = false
		}
		return
	case s.skip:
		return
	case kind == elemLink && s.droppedLinks > 0:
		s.droppedLinks--
		return
	}
	s.out.WriteString("</")
	s.out.Write(name)
	s.out.WriteByte('>')
}

// text copies the current text token, escaped, unless a skipped element holds it.
func (s *sanitizer) text() {
	// Most text (prose) has no entity, CR or angle bracket: then the raw bytes are the text, and
	// they are XML-legal because the whole body was cleaned before tokenizing, so they are copied
	// as they are, without the unescaping copy.
	raw := s.z.Raw()
	if !needsEscape(raw) {
		s.out.Write(raw)
		return
	}
	// Entities may decode to characters XML cannot carry (&#1;, &#xFFFE;).
	if t := s.z.Text(); aggregator.IsXMLText(t) {
		s.attrs = appendEscaped(s.attrs[:0], t, false)
	} else {
		s.attrs = appendEscaped(s.attrs[:0], cleanText(string(t)), false)
	}
	s.out.Write(s.attrs)
}

// needsEscape reports whether raw text holds & < > or CR: four vectorized byte searches are faster
// than one byte-by-byte search for any of them, and all four usually run to the end.
func needsEscape(raw []byte) bool {
	return bytes.IndexByte(raw, '<') >= 0 || bytes.IndexByte(raw, '>') >= 0 ||
		bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\r') >= 0
}

// isPlainText reports whether body has no tag, entity, > or CR (needsEscape for a string).
func isPlainText(body string) bool {
	return strings.IndexByte(body, '<') < 0 && strings.IndexByte(body, '>') < 0 &&
		strings.IndexByte(body, '&') < 0 && strings.IndexByte(body, '\r') < 0
}

// tag handles the start tag (or self-closing tag) of an allowed element: its attributes are
// filtered, URLs resolved, and it is written unless it has to go.
func (s *sanitizer) tag(kind elemKind, name []byte, hasAttr, selfClosing bool) {
	z := s.z
	// kept counts the attributes the allowlist accepts; a URL attribute counts once it parses with
	// an allowed scheme, even when it is refused afterwards for not resolving to http(s) (the <a> or
	// <img> is then dropped below, but its end tag is not matched against bare).
	kept := 0
	hasURL, hasPolicy := false, false
	s.attrs = s.attrs[:0]
	for more := hasAttr; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		switch attrRule(kind, key, val) {
		case attrDrop:
			continue
		case attrText:
			kept++
			if s.skip {
				continue
			}
			s.attrs = appendAttr(s.attrs, key, val)
		case attrPolicy:
			kept++
			hasPolicy = true
			s.attrs = append(s.attrs, ` referrerpolicy="no-referrer"`...)
		case attrURL:
			v, parseable, ok := sanitizeURL(string(val), s.base, kind == elemLink)
			if !parseable {
				continue
			}
			kept++
			if !ok || s.skip {
				continue
			}
			hasURL = true
			if kind == elemImage && s.first == "" {
				s.first = v
			}
			s.attrs = appendURLAttr(s.attrs, key, v)
		}
	}
	if kept == 0 && (kind == elemLink || kind == elemImage) {
		if !selfClosing {
			s.bare = append(s.bare, kind)
		}
		return
	}
	switch {
	case s.skip:
		return
	case kind == elemImage && !hasURL:
		return
	case kind == elemLink && len(s.attrs) == 0:
		// The link's target was refused once resolved: its end tag goes too.
		if !selfClosing {
			s.droppedLinks++
		}
		return
	}
	s.out.WriteByte('<')
	s.out.Write(name)
	s.out.Write(s.attrs)
	if kind == elemImage && !hasPolicy {
		s.out.WriteString(` referrerpolicy="no-referrer"`)
	}
	if selfClosing {
		s.out.WriteString("/>")
	} else {
		s.out.WriteByte('>')
	}
}

// attrAction is what happens to one attribute.
type attrAction uint8

const (
	attrDrop   attrAction = iota // not on the allowlist, or a value it refuses
	attrText                     // kept, its value cleaned and escaped
	attrURL                      // href of <a>, src of <img>: see sanitizeURL
	attrPolicy                   // referrerpolicy of <img>: kept in place, always no-referrer
)

// attrRule applies the attribute allowlist: class and id everywhere, href and title on <a>, src,
// alt, width, height and referrerpolicy on <img>, colspan and rowspan on td and th. Sizes must be
// plain numbers (in px or %), so no CSS or script rides in them.
func attrRule(kind elemKind, key, val []byte) attrAction {
	switch string(key) {
	case "class", "id":
		return attrText
	case "href":
		if kind == elemLink {
			return attrURL
		}
	case "title":
		if kind == elemLink {
			return attrText
		}
	case "src":
		if kind == elemImage {
			return attrURL
		}
	case "alt":
		if kind == elemImage {
			return attrText
		}
	case "width", "height":
		if kind == elemImage && isDimension(val) {
			return attrText
		}
	case "referrerpolicy":
		if kind == elemImage {
			return attrPolicy
		}
	case "colspan", "rowspan":
		if kind == elemCell && isSpan(val) {
			return attrText
		}
	}
	return attrDrop
}

// isDimension reports whether v is an image size: 1 to 5 digits, an optional fraction, and an
// optional "%" or "px" (^[0-9]{1,5}(?:\.[0-9]+)?(?:%|px)?$, matched without a regexp).
func isDimension(v []byte) bool {
	i := digits(v)
	if i == 0 || i > 5 {
		return false
	}
	if i < len(v) && v[i] == '.' {
		n := digits(v[i+1:])
		if n == 0 {
			return false
		}
		i += 1 + n
	}
	rest := string(v[i:])
	return rest == "" || rest == "%" || rest == "px"
}

// isSpan reports whether v is a table cell span: 1 to 3 digits.
func isSpan(v []byte) bool {
	n := digits(v)
	return n > 0 && n <= 3 && n == len(v)
}

// digits returns how many ASCII digits v starts with.
func digits(v []byte) int {
	i := 0
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	return i
}

// appendAttr appends ` key="value"`, the value cleaned of XML-illegal characters (entities may
// decode to them) and escaped.
func appendAttr(dst, key, val []byte) []byte {
	dst = append(dst, ' ')
	dst = append(dst, key...)
	dst = append(dst, '=', '"')
	if aggregator.IsXMLText(val) {
		dst = appendEscaped(dst, val, true)
	} else {
		dst = appendEscaped(dst, cleanText(string(val)), true)
	}
	return append(dst, '"')
}

// appendURLAttr appends ` key="url"` for a URL sanitizeURL returned: ASCII without controls, since
// escapeURL encoded everything else, so only & needs escaping.
func appendURLAttr(dst, key []byte, url string) []byte {
	dst = append(dst, ' ')
	dst = append(dst, key...)
	dst = append(dst, '=', '"')
	dst = appendEscaped(dst, url, true)
	return append(dst, '"')
}

// parseBase returns base as a URL usable to resolve references, or nil.
func parseBase(base string) *url.URL {
	if base == "" {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !validHost(u.Host) {
		return nil
	}
	return u
}

// sanitizeURL checks the value of an href or src. parseable reports whether the allowlist accepts
// it: once trimmed it holds no space, tab or newline (so "jav&#x09;ascript:" cannot pass), it parses,
// and its scheme, if any, is http, https or mailto. ok reports whether it is kept: resolved against
// base it is http(s) with a valid host (or mailto on a link, link); v is then the URL to write.
func sanitizeURL(raw string, base *url.URL, link bool) (v string, parseable, ok bool) {
	ref := strings.TrimSpace(raw)
	if strings.ContainsAny(ref, " \t\n") {
		return "", false, false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false, false
	}
	switch u.Scheme { // url.Parse lower-cases it
	case "", "http", "https", "mailto":
	default:
		return "", false, false
	}
	str := u.String()
	if str == "" {
		return "", false, false
	}
	// The old sanitizer wrote str, then cleaned, trimmed and parsed it again before resolving it.
	// Where that changes nothing — str is the reference as written, which is the rule — u is what
	// parsing again would give.
	if str == ref && cleanText(str) == str {
		v, ok = resolveParsed(u, str, base, link)
		return v, true, ok
	}
	v, ok = resolveURL(cleanText(str), base, link)
	return v, true, ok
}

// resolveURL resolves ref against base and accepts only http(s) results (and mailto on links).
// A relative reference is dropped when there is no usable base to make it absolute.
func resolveURL(ref string, base *url.URL, link bool) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	return resolveParsed(u, "", base, link)
}

// resolveParsed is resolveURL after parsing: u is the reference, str its String() or "" when not
// yet known.
func resolveParsed(u *url.URL, str string, base *url.URL, link bool) (string, bool) {
	if u.Scheme == "" && base != nil {
		u, str = base.ResolveReference(u), ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if !validHost(u.Host) {
			return "", false
		}
	case "mailto":
		if !link {
			return "", false
		}
	default:
		// Also a relative reference without a usable base: republished in another feed it would
		// resolve against tributary's host, never the source's, so it is dropped.
		return "", false
	}
	if str == "" {
		str = u.String()
	}
	return escapeURL(str), true
}

// validHost reports whether an authority's host[:port] is made of the characters a host name, an
// IP literal or a port may hold (non-ASCII allowed for internationalized names). net/url accepts
// quotes, angle brackets and more in a host; such a URL could not be written back in a form that
// parses.
func validHost(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 0x80, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~:[]%", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// escapeURL percent-encodes the bytes that may not appear in a URL (url.URL.String leaves them in a
// query as written): spaces and controls, non-ASCII, and " < > \ ^ ` { | }. A stored link can then be
// written into any attribute or feed without meaning anything but a URL.
func escapeURL(s string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > 0x20 && c < 0x7f && !strings.ContainsRune("\"<>\\^`{|}", rune(c)) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+16), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}

// appendEscaped appends s escaped for HTML: & < > always, the double quote in an attribute value
// (attr), so quotes and everything else in text are kept as written. A carriage return (only an
// entity can produce one: the tokenizer turns raw CR and CR LF into LF) is written as &#13;, or
// sanitizing the output again would turn it into a LF.
func appendEscaped[T string | []byte](dst []byte, s T, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#13;"
		case '"':
			if !attr {
				continue
			}
			esc = "&#34;"
		default:
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, esc...)
		last = i + 1
	}
	return append(dst, s[last:]...)
}

// isXMLText reports whether cleanText(s) == s, several times faster than cleanText, which decodes
// Chinese text rune by rune: beyond invalid UTF-8 and surrogates (which utf8.ValidString refuses),
// cleanText removes only the C0 controls but tab, LF and CR, and U+FFFE and U+FFFF.
func isXMLText(s string) bool {
	return utf8.ValidString(s) && !hasControl(s) && !hasNonCharacter(s)
}

// hasControl reports whether s holds a C0 control other than tab, LF and CR. It reads eight bytes at
// a time; a word holding a byte below 0x20 (most often a line feed) is then looked at byte by byte.
func hasControl(s string) bool {
	const highs, below = 0x8080808080808080, 0x20 * 0x0101010101010101
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// Some byte of w is below 0x20 exactly when this is not zero (bit-twiddling "hasless").
		if (w-below)&^w&highs == 0 {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}

// hasNonCharacter reports whether s holds U+FFFE or U+FFFF (EF BF BE, EF BF BF). EF also leads the
// full-width punctuation of Chinese text (，：（）), so hits are checked and passed over.
func hasNonCharacter(s string) bool {
	for {
		i := strings.IndexByte(s, 0xEF)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF) {
			return true
		}
		s = s[i+1:]
	}
}

// cleanText is aggregator.XMLText: see there why every string is cleaned.
func cleanText(s string) string { return aggregator.XMLText(s) }

// textOf returns the text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed.
// A tag left unterminated at the end, which the tokenizer drops, is kept as text with its entities
// decoded ("x<y" is a formula, not markup); plainText neutralizes what could open a tag in it.
func textOf(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return collapse(fragment)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(fragment))
	skip, read := 0, 0
	for {
		tt := z.Next()
		if tt != html.ErrorToken {
			read += len(z.Raw())
		}
		switch tt {
		case html.ErrorToken:
			if read < len(fragment) {
				b.WriteString(html.UnescapeString(fragment[read:]))
			}
			return collapse(cleanText(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "svg", "math", "noscript", "iframe", "object", "textarea", "title", "select":
				skip++
			case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "svg", "math", "noscript", "iframe", "object", "textarea", "title", "select":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
				b.WriteByte(' ')
			}
		}
	}
}

// collapse trims s and turns every run of white space into one ASCII space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
