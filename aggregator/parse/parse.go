// Package parse turns the UTF-8 bytes of one fetched feed into a *gofeed.Feed.
//
// It is the only place where tributary calls gofeed, and it exists because calling gofeed directly on
// untrusted bytes has sharp edges (see ../shared/REFERENCE.md):
//
//   - gofeed.Parse peeks only 4 KiB to detect the format, so a feed whose root element comes after a
//     long comment is "not a feed"; Parse detects on the whole document, or skips detection when the
//     Content-Type names one format.
//   - a JSON Feed with "items":[null] or "authors":[null] panics in gofeed's translator (gofeed #355),
//     and one field of the wrong type makes gofeed reject the whole feed; Parse decodes JSON Feeds
//     tolerantly itself (null and ill-typed members are dropped, numeric ids become strings) and only
//     then hands the result to gofeed's translator.
//   - gofeed takes a JSON Feed's content_text as the item's content, which every reader of
//     gofeed.Item treats as HTML, so "<img onerror=…>" written as text became an image; Parse escapes
//     content_text and summary (plain text in JSON Feed) into HTML that shows them as written.
//   - any other panic is recovered and returned as an error wrapping ErrPanic.
//   - charset conversion happens upstream (aggregator/fetch); a stale non-UTF-8 encoding in the XML
//     declaration of bytes that are already valid UTF-8 would make gofeed decode them twice (silent
//     mojibake), so Parse rewrites such a declaration to UTF-8 first.
//   - the RSS translator is run with DisableContentImageScan: normalize finds the first image of each
//     body itself while sanitizing it, and gofeed's scan parsed every body a second time (about 28 % of
//     parse time). Item.Image is therefore set only from explicit sources (itunes:image, media:content,
//     image enclosures, JSON image/banner_image), and Feed.Image never from the channel description.
//   - gofeed makes an RSS channel's webMaster (its technical contact) the feed author when there is no
//     managingEditor; every RSSHub feed names i@diygod.me (DIYgod) there, so Parse leaves the feed
//     author empty in that case and the source's configured author applies.
//
// RSS 2.0 (root <rss>) and Atom 1.0 (root <feed> in the Atom 1.0 namespace) first take a fast path
// (fast.go), because parsing was over a third of a refresh's CPU and most of that was gofeed's
// bookkeeping, not XML: goxpp copies every token and keeps a namespace map per element, and gofeed
// decodes every text element a second time to get its inner XML. The fast path reads the document
// once with the same encoding/xml settings, takes inner XML by byte offset, lets the decoder skip
// over character data it has already checked, and fills gofeed's rss.Feed / atom.Feed for the
// same translators. Its result equals gofeed's on every field tributary reads (normalize and the
// field fingerprints of listing.go: titles, bodies, links, guid, dates as text, authors, categories,
// enclosures, images, extensions, Dublin Core); fields nothing reads (parsed dates, the feed's
// description and generator, Custom, …) may be left empty. Whatever it does not reproduce exactly — a
// DOCTYPE, xml:base, a non-UTF-8 charset, RSS 1.0, Atom 0.3, xhtml or base64 Atom text, malformed
// XML — makes it decline, and gofeed parses the document as before. The differential test and
// FuzzFastPathAgrees hold the two paths equal.
//
// ParseListed (listing.go) is Parse for a source parsed before: given what the source's previous
// document listed, it leaves out the items listed again unchanged, and the fast path does not even
// decode them, so that a refresh costs what changed rather than what is listed.
//
// DTD entities are never expanded and external entities are never fetched: gofeed uses encoding/xml,
// which reads a DOCTYPE as an opaque directive and leaves undefined entity references as literal text
// in its non-strict mode. The tests prove it with billion laughs and an external entity pointing at a
// local HTTP server.
package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html/charset"
)

// ErrNotFeed is wrapped by the error Parse returns when the bytes are neither RSS, Atom nor JSON Feed.
var ErrNotFeed = errors.New("not a feed")

// ErrPanic is wrapped by the error Parse returns when gofeed panicked on the input.
var ErrPanic = errors.New("gofeed panicked")

// format is the feed format Parse hands the bytes to.
type format int

const (
	formatUnknown format = iota
	formatRSS
	formatAtom
	formatJSON
)

func (f format) String() string {
	switch f {
	case formatRSS:
		return "rss"
	case formatAtom:
		return "atom"
	case formatJSON:
		return "json"
	}
	return "unknown"
}

// Parse parses body, the UTF-8 bytes of a feed, into gofeed's universal model. contentType is the
// response's Content-Type (may be empty): when it names exactly one format (application/rss+xml,
// application/rdf+xml, application/atom+xml, application/feed+json, application/json) that format's
// parser runs without sniffing, and only if it fails is the format detected from the bytes; any other
// value (text/xml, application/xml, text/html, …) means detection. Parse never panics.
func Parse(body []byte, contentType string) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed = nil
			err = fmt.Errorf("parse: %w: %v", ErrPanic, r)
		}
	}()
	return parseWith(body, contentType, nil)
}

// parseWith is Parse, listing what the fast path reads into l when l is not nil (ParseListed).
func parseWith(body []byte, contentType string, l *lister) (feed *gofeed.Feed, err error) {
	body = fixUTF8Declaration(body)

	declared := formatFromContentType(contentType)
	if declared != formatUnknown {
		feed, err = parseAs(declared, body, l)
		if err == nil {
			return feed, nil
		}
		// Servers mislabel feeds (an Atom feed served as application/rss+xml): trust the bytes
		// when they say otherwise, and keep the first error when they agree.
		detected := detect(body)
		if detected == formatUnknown {
			return nil, fmt.Errorf("parse: %w (served as %s, starts with %s)", ErrNotFeed, declared, preview(body))
		}
		if detected != declared {
			if feed, err2 := parseAs(detected, body, l); err2 == nil {
				return feed, nil
			}
		}
		return nil, fmt.Errorf("parse: %s: %w", declared, err)
	}

	detected := detect(body)
	if detected == formatUnknown {
		return nil, fmt.Errorf("parse: %w (starts with %s)", ErrNotFeed, preview(body))
	}
	feed, err = parseAs(detected, body, l)
	if err != nil {
		return nil, fmt.Errorf("parse: %s: %w", detected, err)
	}
	return feed, nil
}

// parseAs parses body as one format: RSS 2.0 and Atom 1.0 with the fast path when it accepts the
// document, everything else with gofeed's parser and translator. l (may be nil) holds a listing
// afterwards only when the fast path made the feed.
func parseAs(f format, body []byte, l *lister) (*gofeed.Feed, error) {
	if f == formatRSS || f == formatAtom {
		// The fast path either reproduces gofeed's result or declines; declining costs the time
		// spent up to that point, and gofeed then parses the document from the start.
		if feed, err := parseFastListed(f, body, l); err == nil {
			return feed, nil
		}
	}
	if l != nil {
		l.listing, l.keys, l.skipped = nil, nil, nil
	}
	return parseGofeed(f, body)
}

// parseGofeed runs gofeed's parser and translator for one format: the reference the fast path
// agrees with, and the path for every document the fast path declines.
func parseGofeed(f format, body []byte) (*gofeed.Feed, error) {
	switch f {
	case formatRSS:
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return translateRSS(rf)
	case formatAtom:
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultAtomTranslator{}).Translate(af)
	case formatJSON:
		jf, err := decodeJSONFeed(body)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultJSONTranslator{}).Translate(jf)
	}
	return nil, ErrNotFeed
}

// translateRSS runs gofeed's RSS translator the way tributary wants it (no image scan of the bodies,
// no feed author taken from webMaster), on a feed from either gofeed's parser or the fast path.
func translateRSS(rf *rss.Feed) (*gofeed.Feed, error) {
	feed, err := (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
	if err == nil && rf.ManagingEditor == "" && rf.WebMaster != "" && feed.Author != nil &&
		(rf.DublinCoreExt == nil || (rf.DublinCoreExt.Author == nil && rf.DublinCoreExt.Creator == nil)) {
		// gofeed falls back to webMaster, the feed's technical contact, for the feed author:
		// every RSSHub feed would then be written by "DIYgod" (i@diygod.me).
		feed.Author, feed.Authors = nil, nil
	}
	return feed, err
}

// formatFromContentType maps the media types that name exactly one feed format.
func formatFromContentType(contentType string) format {
	if contentType == "" {
		return formatUnknown
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	switch mt {
	case "application/rss+xml", "application/rdf+xml":
		return formatRSS
	case "application/atom+xml":
		return formatAtom
	case "application/feed+json", "application/json":
		return formatJSON
	}
	return formatUnknown
}

// detect finds the format from the whole document (gofeed's own Parse looks at 4 KiB only). It is
// gofeed.DetectFeedType restated without the copy of the body that function makes (a tenth of
// Parse's time on a 200 KB feed once the fast path had removed the rest): leading white space and
// byte-order-mark bytes skipped, '{' is JSON, '<' is XML whose first element names the format, as
// the same non-strict, charset-converting decoder reads it.
func detect(body []byte) format {
	i := 0
skip:
	for ; i < len(body); i++ {
		switch body[i] {
		case ' ', '\r', '\n', '\t', 0xFE, 0xFF, 0x00, 0xEF, 0xBB, 0xBF:
		default:
			break skip
		}
	}
	switch {
	case i == len(body):
		return formatUnknown
	case body[i] == '{':
		return formatJSON
	case body[i] != '<':
		return formatUnknown
	}
	d := xml.NewDecoder(bytes.NewReader(body[i:]))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := d.Token()
		if err != nil {
			return formatUnknown
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "rdf":
				return formatRSS
			case "feed":
				return formatAtom
			}
			return formatUnknown
		}
	}
}

// preview quotes the start of body for an error message: what a "feed" that is an HTML error page
// or an empty body really was, in one glance.
func preview(body []byte) string {
	b := bytes.TrimLeft(body, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return "nothing: empty body"
	}
	const max = 40
	cut := b
	if len(cut) > max {
		cut = cut[:max]
		for len(cut) > 0 && !utf8.Valid(cut) {
			cut = cut[:len(cut)-1]
		}
	}
	s := fmt.Sprintf("%q", cut)
	if len(cut) < len(b) {
		s += "…"
	}
	return s
}

// xmlDeclEncoding finds the encoding pseudo-attribute of an XML declaration at the start of a document.
var xmlDeclEncoding = regexp.MustCompile(`^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]*)["']`)

// fixUTF8Declaration rewrites encoding="…" to UTF-8 when the bytes already are valid UTF-8 but the
// declaration names another charset: upstream transcoded them (or the server lied), and gofeed would
// otherwise decode them a second time into mojibake. Bytes that are not valid UTF-8 are left alone,
// so a GBK document with its gb2312 declaration still parses when no decoder ran before.
func fixUTF8Declaration(body []byte) []byte {
	m := xmlDeclEncoding.FindSubmatchIndex(body)
	if m == nil {
		return body
	}
	label := strings.ToLower(string(body[m[2]:m[3]]))
	if label == "utf-8" || label == "utf8" {
		return body
	}
	if !utf8.Valid(body) {
		return body
	}
	out := make([]byte, 0, len(body)+8)
	out = append(out, body[:m[2]]...)
	out = append(out, "UTF-8"...)
	out = append(out, body[m[3]:]...)
	return out
}
