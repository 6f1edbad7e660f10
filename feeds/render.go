// Package feeds renders tributary's outputs as RSS 2.0, Atom 1.0 (RFC 4287) and JSON Feed 1.1 and
// serves them over HTTP, with an HTML index page that lists the outputs and the health of every
// source.
//
// Rendering is deterministic: the same output configuration and the same articles give the same bytes,
// whatever the time or the host's time zone, so that ETags stay valid across rebuilds and restarts.
// The server renders an output only when the store's generation or the output's configuration changed,
// keeps the plain, gzip- and zstd-compressed bytes, and answers conditional requests from them.
package feeds

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/feeds"

	"tributary/aggregator"
)

// generator names tributary in every output.
const generator = "tributary"

// Render writes articles, newest first as given, as output out in format f. self is the absolute URL
// this feed is served at and site the base URL of the server (its index page); both end up in the
// feed's links. Every string is cleaned of XML-illegal characters on the way, so the result is
// well-formed XML or valid JSON whatever the articles hold.
func Render(w io.Writer, f Format, out aggregator.Output, self, site string, articles []aggregator.Article) error {
	return RenderHub(w, f, out, self, site, "", articles)
}

// RenderHub is Render for a feed whose updates a WebSub hub announces: when hub is not empty the
// feed names it (Atom and RSS: a link rel="hub"; JSON Feed: "hubs"), beside its self link, which
// is the topic readers subscribe to.
func RenderHub(w io.Writer, f Format, out aggregator.Output, self, site, hub string, articles []aggregator.Article) error {
	var err error
	switch f {
	case RSS:
		err = renderRSS(w, out, self, site, hub, articles)
	case Atom:
		err = renderAtom(w, out, self, site, hub, articles)
	case JSON:
		err = renderJSON(w, out, self, site, hub, articles)
	default:
		return fmt.Errorf("feeds: render %q: unknown format %d", out.Name, int(f))
	}
	if err != nil {
		return fmt.Errorf("feeds: render %q as %s: %w", out.Name, f, err)
	}
	return nil
}

// item is an article prepared for rendering: cleaned, with the fallbacks every format shares.
type item struct {
	id, title, link, author, body string
	image, imageType, thumbnail   string
	categories                    []string
	published, updated            time.Time
	// also are the story's other copies (merged outputs), the same in every format: Atom related
	// links, the JSON Feed "_tributary" extension, RSS's "Also reported by:" paragraph.
	also  []copyLink
	story string
}

// copyLink is one other copy of a story, cleaned: only copies with a web link are shown.
type copyLink struct{ source, url, title string }

// maxAlso bounds the copies one item names.
const maxAlso = 32

func prepare(a *aggregator.Article) item {
	it := item{
		id:        cleanText(articleID(a)),
		title:     cleanText(a.Title),
		link:      webURL(a.Link),
		author:    cleanText(strings.TrimSpace(a.Author)),
		body:      cleanText(a.Body),
		image:     webURL(a.HeadImg),
		thumbnail: webURL(a.Thumbnail),
		published: clampTime(a.Date),
	}
	if it.image == "" {
		it.image = it.thumbnail
	}
	if it.thumbnail == "" {
		it.thumbnail = it.image
	}
	if it.image != "" {
		it.imageType = imageType(it.image)
	}
	if it.published.IsZero() {
		it.published = clampTime(a.FirstSeen)
	}
	it.updated = it.published
	if u := clampTime(a.Updated); u.After(it.updated) {
		it.updated = u
	}
	if len(a.Also) > 0 {
		it.story = cleanText(a.Story)
		seen := []string{it.link}
		for _, c := range a.Also {
			u := webURL(c.URL)
			if u == "" || contains(seen, u) || len(it.also) == maxAlso {
				continue
			}
			seen = append(seen, u)
			it.also = append(it.also, copyLink{source: cleanText(c.Source), url: u, title: cleanText(strings.TrimSpace(c.Title))})
		}
	}
	if len(a.Categories) > 0 {
		it.categories = make([]string, 0, len(a.Categories))
		for _, c := range a.Categories {
			c = cleanText(strings.TrimSpace(c))
			if c != "" && !contains(it.categories, c) {
				it.categories = append(it.categories, c)
			}
		}
	}
	return it
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// alsoParagraph is the RSS form of the story's other copies, appended to the description: a paragraph
// of links that every reader shows, since RSS has no element for related links.
func alsoParagraph(also []copyLink) string {
	if len(also) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n<p>Also reported by: ")
	for i, c := range also {
		if i > 0 {
			b.WriteString(", ")
		}
		label := c.source
		if c.title != "" {
			label = cmp.Or(c.source, "?") + ": " + c.title
		}
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, html.EscapeString(c.url), html.EscapeString(cmp.Or(label, c.url)))
	}
	b.WriteString("</p>")
	return b.String()
}

// articleID returns the article's ID, the guid/id of its items in every format. Normalize always sets
// it; the fallback keeps an article that arrives without one from getting a random id (gorilla/feeds
// would invent a urn:uuid per render) and so from showing up as new on every rebuild.
func articleID(a *aggregator.Article) string {
	if a.ID != "" {
		return a.ID
	}
	seed := a.Key
	if seed == "" {
		seed = a.Link + "\x00" + a.Title + "\x00" + a.Date.UTC().Format(time.RFC3339)
	}
	sum := sha256.Sum256([]byte(seed))
	return "h" + hex.EncodeToString(sum[:12])
}

// AtomID returns the Atom entry id of the article whose ID is id: a URN in tributary's namespace,
// derived from the ID alone so that it never changes with the base URL. RSS guids and JSON Feed ids
// carry the article ID itself; Atom needs an IRI.
func AtomID(id string) string { return "urn:tributary:article:" + escapeNSS(id) }

// escapeNSS percent-encodes what RFC 8141 does not allow in a URN's namespace-specific string.
func escapeNSS(s string) string {
	const hexdigits = "0123456789ABCDEF"
	ok := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; ok(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hexdigits[c>>4], hexdigits[c&15])
		}
	}
	return string(b)
}

// webURL returns u when it is an absolute http(s) URL and "" otherwise. Ingest sanitizes links
// already; checking again here is cheap and keeps a javascript: or data: URL that slipped through
// out of links and enclosures that feed readers follow.
//
// Characters that RFC 3986 never allows in a URL (space, quotes, angle brackets, …) are
// percent-encoded: a sloppy link keeps working, and no reader that pastes the URL into HTML without
// escaping it can be made to close an attribute.
func webURL(u string) string {
	u = cleanText(strings.TrimSpace(u))
	if !hasPrefixFold(u, "https://") && !hasPrefixFold(u, "http://") {
		return ""
	}
	if strings.IndexFunc(u, notInURL) < 0 {
		return u
	}
	const hexdigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c < utf8.RuneSelf && notInURL(rune(c)) {
			b.WriteByte('%')
			b.WriteByte(hexdigits[c>>4])
			b.WriteByte(hexdigits[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// notInURL reports the ASCII characters that may not appear literally in a URL.
func notInURL(r rune) bool {
	return r <= ' ' || r == 0x7f || (r < utf8.RuneSelf && strings.ContainsRune("\"<>\\^`{|}", r))
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// imageType guesses an image's media type from the extension of its URL's path, as RSS enclosures
// require one. Images without a known extension are most often JPEG photos.
func imageType(u string) string {
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".png":
		return "image/png"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".svg":
		return "image/svg+xml"
	case ".bmp":
		return "image/bmp"
	case ".ico":
		return "image/x-icon"
	}
	return "image/jpeg"
}

// clampTime returns t in UTC, within the years that RFC 3339 and RFC 1123 can write (a hostile feed
// can date a story in the year 20000). The zero time stays zero.
func clampTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	t = t.UTC()
	switch y := t.Year(); {
	case y < 1:
		return time.Time{}
	case y > 9999:
		return time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	}
	return t
}

// lastChange returns the newest Date, Updated or FirstSeen of articles, clamped like clampTime; zero
// when there are none. It dates the feed (Atom updated, RSS lastBuildDate) and its Last-Modified.
func lastChange(articles []aggregator.Article) time.Time {
	var t time.Time
	for i := range articles {
		a := &articles[i]
		for _, c := range [...]time.Time{a.Date, a.Updated, a.FirstSeen} {
			if c = clampTime(c); c.After(t) {
				t = c
			}
		}
	}
	return t
}

// feedTitle and feedDescription never return "": RSS requires both and Atom requires the title.
func feedTitle(out aggregator.Output) string {
	if t := cleanText(strings.TrimSpace(out.Title)); t != "" {
		return t
	}
	if n := cleanText(out.Name); n != "" {
		return n
	}
	return generator
}

func feedDescription(out aggregator.Output) string {
	if d := cleanText(strings.TrimSpace(out.Description)); d != "" {
		return d
	}
	return feedTitle(out)
}

// --- RSS 2.0 ---------------------------------------------------------------------------------------

// rssDoc is the <rss> root. gorilla/feeds' RssFeedXml declares only the content namespace; the items
// also use dc:creator (RSS <author> must be an e-mail address, dc:creator takes a name), media:* and an
// atom:link to the feed itself.
type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	NSContent string   `xml:"xmlns:content,attr"`
	NSDC      string   `xml:"xmlns:dc,attr"`
	NSMedia   string   `xml:"xmlns:media,attr"`
	NSAtom    string   `xml:"xmlns:atom,attr"`
	Channel   *rssChannel
}

// rssChannel is gorilla/feeds' RssFeed (title, link, description, dates, generator, …) with the
// items replaced by rssItem: encoding/xml lets a field of the outer struct hide an embedded field of
// the same XML name, so RssFeed.Items (one category at most, no media) is never written.
type rssChannel struct {
	feeds.RssFeed
	// AtomLinks are the channel's own links: to itself and, with WebSub, to its hub. One slice,
	// since encoding/xml refuses two fields of one element name.
	AtomLinks []*rssAtomLink
	Items     []*rssItem `xml:"item"`
}

// rssAtomLink is <atom:link rel="self">, which feeds.AtomLink cannot be: its XMLName fixes the name
// "link", which would clash with the channel's own <link>.
type rssAtomLink struct {
	XMLName xml.Name `xml:"atom:link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr"`
	Type    string   `xml:"type,attr,omitempty"`
}

// rssItem is gorilla/feeds' RssItem (title, link, description, content:encoded, enclosure, guid,
// pubDate) plus what it lacks: every category (its Category holds one and is hidden by Categories),
// dc:creator, media:content and media:thumbnail.
type rssItem struct {
	feeds.RssItem
	Categories     []string `xml:"category"`
	Creator        string   `xml:"dc:creator,omitempty"`
	MediaContent   *mediaContent
	MediaThumbnail *mediaThumbnail
}

type mediaContent struct {
	XMLName xml.Name `xml:"media:content"`
	URL     string   `xml:"url,attr"`
	Type    string   `xml:"type,attr,omitempty"`
	Medium  string   `xml:"medium,attr"`
}

type mediaThumbnail struct {
	XMLName xml.Name `xml:"media:thumbnail"`
	URL     string   `xml:"url,attr"`
}

func renderRSS(w io.Writer, out aggregator.Output, self, site, hub string, articles []aggregator.Article) error {
	ch := &rssChannel{
		RssFeed: feeds.RssFeed{
			Title:       feedTitle(out),
			Link:        cleanText(site),
			Description: feedDescription(out),
			Generator:   generator,
		},
		Items: make([]*rssItem, 0, len(articles)),
	}
	if t := lastChange(articles); !t.IsZero() {
		ch.LastBuildDate = t.Format(time.RFC1123Z)
	}
	if self != "" {
		ch.AtomLinks = append(ch.AtomLinks, &rssAtomLink{Href: cleanText(self), Rel: "self", Type: RSS.mediaType()})
	}
	if hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, &rssAtomLink{Href: cleanText(hub), Rel: "hub"})
	}
	for i := range articles {
		it := prepare(&articles[i])
		it.body += alsoParagraph(it.also)
		ri := &rssItem{
			RssItem: feeds.RssItem{
				Title:       it.title,
				Link:        it.link,
				Description: it.body,
				Guid:        &feeds.RssGuid{Id: it.id, IsPermaLink: "false"},
			},
			Categories: it.categories,
			Creator:    it.author,
		}
		if it.body != "" {
			// CDATA: encoding/xml splits a "]]>" in the body across two sections itself.
			ri.Content = &feeds.RssContent{Content: it.body}
		}
		if !it.published.IsZero() {
			ri.PubDate = it.published.Format(time.RFC1123Z)
		}
		if it.image != "" {
			// The length of a remote image is unknown without fetching it; RSS readers accept 0.
			ri.Enclosure = &feeds.RssEnclosure{Url: it.image, Length: "0", Type: it.imageType}
			ri.MediaContent = &mediaContent{URL: it.image, Type: it.imageType, Medium: "image"}
			ri.MediaThumbnail = &mediaThumbnail{URL: it.thumbnail}
		}
		ch.Items = append(ch.Items, ri)
	}
	doc := &rssDoc{
		Version:   "2.0",
		NSContent: "http://purl.org/rss/1.0/modules/content/",
		NSDC:      "http://purl.org/dc/elements/1.1/",
		NSMedia:   "http://search.yahoo.com/mrss/",
		NSAtom:    "http://www.w3.org/2005/Atom",
		Channel:   ch,
	}
	return writeXML(w, doc)
}

// mediaType is the content type without parameters, as atom:link type attributes want it.
func (f Format) mediaType() string {
	ct := f.ContentType()
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		return ct[:i]
	}
	return ct
}

// --- Atom 1.0 --------------------------------------------------------------------------------------

// atomDoc is gorilla/feeds' AtomFeed (xmlns, title, id, updated, subtitle, author) with what it
// cannot say: several links (alternate and self; its single Link is hidden by Links), a generator,
// and entries of type atomEntry (its Entries are hidden).
type atomDoc struct {
	feeds.AtomFeed
	NSMedia   string           `xml:"xmlns:media,attr"`
	Links     []feeds.AtomLink `xml:"link"`
	Generator string           `xml:"generator"`
	Entries   []*atomEntry     `xml:"entry"`
}

// atomEntry is gorilla/feeds' AtomEntry (title, id, updated, published, content, links, author) with
// categories that RFC 4287 accepts: AtomEntry.Category writes the name as element text, but
// atom:category is an empty element with a term attribute, and an entry can have many.
type atomEntry struct {
	feeds.AtomEntry
	// Links hides AtomEntry.Links, whose AtomLink has no title attribute: related links carry the
	// copy's title.
	Links          []atomLink     `xml:"link"`
	Categories     []atomCategory `xml:"category"`
	MediaThumbnail *mediaThumbnail
}

// atomLink is atom:link with every attribute tributary writes.
type atomLink struct {
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr,omitempty"`
	Type  string `xml:"type,attr,omitempty"`
	Title string `xml:"title,attr,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func renderAtom(w io.Writer, out aggregator.Output, self, site, hub string, articles []aggregator.Article) error {
	updated := lastChange(articles)
	if updated.IsZero() {
		// An empty output still needs a date; a fixed one keeps the bytes, and so the ETag, stable.
		updated = time.Unix(0, 0).UTC()
	}
	title := feedTitle(out)
	// The feed's id is its own URL, as is usual; an id must be an absolute IRI, so without a
	// base URL it is a URN naming the output.
	id := webURL(self)
	if id == "" {
		id = "urn:tributary:output:" + escapeNSS(cleanText(out.Name))
	}
	doc := &atomDoc{
		AtomFeed: feeds.AtomFeed{
			Xmlns:   "http://www.w3.org/2005/Atom",
			Title:   title,
			Id:      id,
			Updated: updated.Format(time.RFC3339),
			// The feed's author stands for entries without one, which RFC 4287 requires.
			Author: &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: title}},
		},
		NSMedia:   "http://search.yahoo.com/mrss/",
		Generator: generator,
		Entries:   make([]*atomEntry, 0, len(articles)),
	}
	if d := cleanText(strings.TrimSpace(out.Description)); d != "" {
		doc.Subtitle = d
	}
	if site = cleanText(site); site != "" {
		doc.Links = append(doc.Links, feeds.AtomLink{Href: site, Rel: "alternate", Type: "text/html"})
	}
	if self != "" {
		doc.Links = append(doc.Links, feeds.AtomLink{Href: cleanText(self), Rel: "self", Type: Atom.mediaType()})
	}
	if hub != "" {
		doc.Links = append(doc.Links, feeds.AtomLink{Href: cleanText(hub), Rel: "hub"})
	}
	for i := range articles {
		it := prepare(&articles[i])
		e := &atomEntry{
			AtomEntry: feeds.AtomEntry{
				Title:   it.title,
				Id:      AtomID(it.id),
				Updated: orEpoch(it.updated).Format(time.RFC3339),
				Content: &feeds.AtomContent{Content: it.body, Type: "html"},
			},
		}
		if !it.published.IsZero() {
			e.Published = it.published.Format(time.RFC3339)
		}
		if it.link != "" {
			e.Links = append(e.Links, atomLink{Href: it.link, Rel: "alternate", Type: "text/html"})
		}
		if it.image != "" {
			// Atom's length is optional: leave it out rather than claim 0 bytes.
			e.Links = append(e.Links, atomLink{Href: it.image, Rel: "enclosure", Type: it.imageType})
			e.MediaThumbnail = &mediaThumbnail{URL: it.thumbnail}
		}
		for _, c := range it.also {
			e.Links = append(e.Links, atomLink{Href: c.url, Rel: "related", Type: "text/html", Title: cmp.Or(c.title, c.source)})
		}
		if it.author != "" {
			e.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: it.author}}
		}
		for _, c := range it.categories {
			e.Categories = append(e.Categories, atomCategory{Term: c})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return writeXML(w, doc)
}

func orEpoch(t time.Time) time.Time {
	if t.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return t
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// --- JSON Feed 1.1 ---------------------------------------------------------------------------------

// jsonDoc is gorilla/feeds' JSONFeed with Items written even when empty: the spec requires the
// array, and JSONFeed tags it omitempty. Every item is a plain feeds.JSONItem, which can say
// everything tributary has (content_html, image, tags, dates, authors).
type jsonDoc struct {
	*feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

// jsonItem is a JSON Feed item with tributary's extension object (JSON Feed 1.1: keys starting with
// an underscore are extensions that readers ignore): the story and its other copies.
type jsonItem struct {
	*feeds.JSONItem
	Tributary *jsonTributary `json:"_tributary,omitempty"`
}

type jsonTributary struct {
	Story string     `json:"story"`
	Also  []jsonCopy `json:"also"`
}

type jsonCopy struct {
	Source string `json:"source"`
	URL    string `json:"url"`
	Title  string `json:"title"`
}

func renderJSON(w io.Writer, out aggregator.Output, self, site, hub string, articles []aggregator.Article) error {
	doc := jsonDoc{
		JSONFeed: &feeds.JSONFeed{
			Version:     "https://jsonfeed.org/version/1.1",
			Title:       feedTitle(out),
			HomePageUrl: webURL(site),
			FeedUrl:     webURL(self),
			Description: cleanText(strings.TrimSpace(out.Description)),
		},
		Items: make([]*jsonItem, 0, len(articles)),
	}
	if hub != "" {
		doc.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: cleanText(hub)}}
	}
	for i := range articles {
		it := prepare(&articles[i])
		ji := &feeds.JSONItem{
			Id:          it.id,
			Url:         it.link,
			Title:       it.title,
			ContentHTML: it.body,
			Image:       it.image,
			Tags:        it.categories,
		}
		if !it.published.IsZero() {
			ji.PublishedDate = &it.published
			ji.ModifiedDate = &it.updated
		}
		if it.author != "" {
			// author is JSON Feed 1.0, authors 1.1; readers of both versions are in use.
			a := &feeds.JSONAuthor{Name: it.author}
			ji.Author = a
			ji.Authors = []*feeds.JSONAuthor{a}
		}
		item := &jsonItem{JSONItem: ji}
		if len(it.also) > 0 {
			item.Tributary = &jsonTributary{Story: it.story}
			for _, c := range it.also {
				item.Tributary.Also = append(item.Tributary.Also, jsonCopy{Source: c.source, URL: c.url, Title: c.title})
			}
		}
		doc.Items = append(doc.Items, item)
	}
	enc := json.NewEncoder(w)
	// content_html is served as application/feed+json with nosniff, never as HTML: escaping every
	// < and > as \u003c would only make Chinese feeds 10 % bigger.
	enc.SetEscapeHTML(false)
	// No indentation: it makes encoding/json three times slower (it re-reads the whole output),
	// and JSON readers never look at the layout.
	return enc.Encode(doc)
}
