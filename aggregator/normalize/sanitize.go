package normalize

import (
	"tributary/aggregator"

	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// allowedElements are the elements a sanitized body may keep: everything harmless that real sources
// use (the seed's <div class="m-b-10"><p>…<img …>, 深度 posts' h2-h4 slugs, <u>, <span class="underLine">,
// blockquote, hr), and nothing that runs, loads, navigates by itself or takes input.
var allowedElements = []string{
	"p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "sub", "sup",
	"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
	"blockquote", "pre", "code", "figure", "figcaption", "a", "img",
}

// skippedContent are elements dropped together with their content: their text is never meant to be
// read (scripts, styles, foreign SVG/MathML content, templates, form controls). Void elements (embed,
// frame, input…) and elements whose end tag is optional (option) must not be listed: bluemonday would
// wait for an end tag that never comes and drop the rest of the body.
var skippedContent = []string{
	"script", "style", "svg", "math", "template", "noscript", "noembed", "noframes", "iframe", "frame",
	"frameset", "object", "applet", "textarea", "select", "button", "title", "head",
	"xmp", "plaintext", "canvas", "audio", "video", "map",
}

var dimension = regexp.MustCompile(`^[0-9]{1,5}(?:\.[0-9]+)?(?:%|px)?$`)

// newPolicy builds the allowlist once; a bluemonday Policy is safe for concurrent use once built.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(allowedElements...)
	p.AllowAttrs("class", "id").Globally()
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("width", "height").Matching(dimension).OnElements("img")
	p.AllowAttrs("referrerpolicy").OnElements("img") // always rewritten to no-referrer below
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	p.SkipElementsContent(skippedContent...)
	p.AllowElementsContent("frame") // void, yet in bluemonday's default skip list (see skippedContent)
	return p
}

// Sanitize makes an entry body safe to republish: bluemonday keeps only the allowlist above (no
// script, style, event handler, form, frame, object, svg, math, base, meta or srcset; URLs only
// http, https and mailto, with entity and whitespace tricks rejected), then one tokenizer pass over
// its output resolves relative href/src against base (the entry link, else the feed URL; links stay
// relative when base is empty or not http(s)), drops any URL that did not end up http(s) (mailto is
// kept on links), gives every <img> referrerpolicy="no-referrer" (cls.cn and weibo refuse hotlinks
// that send a Referer), removes XML-illegal characters, and notes the first image. firstImage is that
// image's src, absolute when base allowed it, or "".
//
// Text is never wrapped or re-flowed and is escaped only where HTML needs it (& < > in text, & and
// " in attribute values), so markup that is already clean — the seed's body — comes out byte for
// byte, and a plain-text telegraph body stays that text.
func (n *Normalizer) Sanitize(body, base string) (clean string, firstImage string) {
	body = cleanText(body)
	if strings.TrimSpace(body) == "" {
		return "", ""
	}
	safe := n.policy.Sanitize(body)
	return rewrite(safe, parseBase(base))
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

// rewrite is the single pass over bluemonday's output described at Sanitize.
func rewrite(safe string, base *url.URL) (string, string) {
	var b strings.Builder
	b.Grow(len(safe) + 64)
	first := ""
	droppedLinks := 0
	z := html.NewTokenizer(strings.NewReader(safe))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String(), first
		case html.TextToken:
			// Most text (prose) has no entity, CR or angle bracket and is XML-legal: then Text
			// would return the raw bytes unchanged and cleaning and escaping them would too, so
			// they are copied as they are, without the unescaping copy and the string conversion.
			if raw := z.Raw(); bytes.IndexAny(raw, "&\r<>") < 0 && aggregator.IsXMLText(raw) {
				b.Write(raw)
				continue
			}
			escapeText(&b, cleanText(string(z.Text())))
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			isImg := tok.Data == "img"
			var attrs strings.Builder
			hasPolicy, hasURL := false, false
			for _, a := range tok.Attr {
				val := cleanText(a.Val)
				switch a.Key {
				case "href", "src":
					v, ok := resolveURL(val, base, a.Key == "href")
					if !ok {
						continue
					}
					val, hasURL = v, true
					if isImg && first == "" {
						first = v
					}
				case "referrerpolicy":
					if !isImg {
						continue
					}
					val, hasPolicy = "no-referrer", true
				}
				attrs.WriteByte(' ')
				attrs.WriteString(a.Key)
				attrs.WriteString(`="`)
				escapeAttr(&attrs, val)
				attrs.WriteByte('"')
			}
			// An image whose source was refused goes entirely; a link whose target was refused and that
			// has nothing else left goes too (with its end tag), as bluemonday drops bare <a>.
			if isImg && !hasURL {
				continue
			}
			if tok.Data == "a" && attrs.Len() == 0 {
				if tt == html.StartTagToken {
					droppedLinks++
				}
				continue
			}
			b.WriteByte('<')
			b.WriteString(tok.Data)
			b.WriteString(attrs.String())
			if isImg && !hasPolicy {
				b.WriteString(` referrerpolicy="no-referrer"`)
			}
			if tt == html.SelfClosingTagToken {
				b.WriteString("/>")
			} else {
				b.WriteByte('>')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if droppedLinks > 0 && string(name) == "a" {
				droppedLinks--
				continue
			}
			b.WriteString("</")
			b.Write(name)
			b.WriteByte('>')
		}
		// Comments and doctypes: bluemonday already removed them; nothing else to keep.
	}
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
	if u.Scheme == "" && base != nil {
		u = base.ResolveReference(u)
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
	return escapeURL(u.String()), true
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

// escapeText writes s escaped for an HTML text node: & < > only, so quotes and everything else are
// kept as written.
func escapeText(b *strings.Builder, s string) { escapeHTML(b, s, false) }

// escapeAttr writes s escaped for a double-quoted attribute value.
func escapeAttr(b *strings.Builder, s string) { escapeHTML(b, s, true) }

// escapeHTML escapes & < > and, in an attribute, the double quote.
func escapeHTML(b *strings.Builder, s string, attr bool) {
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
		case '"':
			if !attr {
				continue
			}
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// cleanText is aggregator.XMLText: see there why every string is cleaned.
func cleanText(s string) string { return aggregator.XMLText(s) }

// textOf returns the text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed.
func textOf(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return collapse(fragment)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(fragment))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
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
