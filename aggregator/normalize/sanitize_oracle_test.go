package normalize

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"

	"tributary/aggregator"
)

// This file keeps the sanitizer tributary used before the single tokenizer pass of sanitize.go,
// unchanged: bluemonday with the allowlist policy, then a second tokenizer pass over its output. It
// is the oracle of the differential tests and benchmarks: the new pass must produce what it produces
// (oracleDiff lists the two deliberate differences), and the fuzz target checks that
// bluemonday with this policy finds nothing left to remove in the new output.

// oracleElements are the old allowlist's elements, as the old code listed them.
var oracleElements = []string{
	"p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "sub", "sup",
	"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
	"blockquote", "pre", "code", "figure", "figcaption", "a", "img",
}

// oracleSkipped are the old policy's skipped-content elements, as the old code listed them ("frame"
// included, then allowed again below).
var oracleSkipped = []string{
	"script", "style", "svg", "math", "template", "noscript", "noembed", "noframes", "iframe", "frame",
	"frameset", "object", "applet", "textarea", "select", "button", "title", "head",
	"xmp", "plaintext", "canvas", "audio", "video", "map",
}

// oraclePolicy builds the old bluemonday policy.
func oraclePolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(oracleElements...)
	p.AllowAttrs("class", "id").Globally()
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,5}(?:\.[0-9]+)?(?:%|px)?$`)).OnElements("img")
	p.AllowAttrs("referrerpolicy").OnElements("img")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	p.SkipElementsContent(oracleSkipped...)
	p.AllowElementsContent("frame")
	return p
}

// oracle is the old sanitizer. Its policy is safe for concurrent use once built.
type oracle struct{ policy *bluemonday.Policy }

// newOracle builds the old sanitizer.
func newOracle() *oracle { return &oracle{policy: oraclePolicy()} }

// Sanitize is the old (*Normalizer).Sanitize.
func (o *oracle) Sanitize(body, base string) (clean string, firstImage string) {
	body = cleanText(body)
	if strings.TrimSpace(body) == "" {
		return "", ""
	}
	safe := o.policy.Sanitize(body)
	return oracleRewrite(safe, parseBase(base))
}

// oracleRewrite is the old second pass over bluemonday's output.
func oracleRewrite(safe string, base *url.URL) (string, string) {
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
			if raw := z.Raw(); !bytes.ContainsAny(raw, "&\r<>") && aggregator.IsXMLText(raw) {
				b.Write(raw)
				continue
			}
			oracleEscape(&b, cleanText(string(z.Text())), false)
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
				oracleEscape(&attrs, val, true)
				attrs.WriteByte('"')
			}
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
	}
}

// oracleEscape is the old escapeHTML: & < > and, in an attribute, the double quote (a carriage
// return is written as it is).
func oracleEscape(b *strings.Builder, s string, attr bool) {
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
