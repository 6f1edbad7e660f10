// Package normalize turns the entries of one parsed feed into tributary's article model
// (aggregator.Article, the model of ../shared/seed/cls-depth-article.md): plain-text titles,
// categories, images, author, dates read in the source's time zone, a body sanitized once at ingest,
// and the dedup key and stable id.
//
// Everything that reaches an Article passes through here, so this is where untrusted feed content is
// made safe: bodies go through an allowlist sanitizer, titles, authors and categories become plain
// text, URLs must be absolute http(s), and characters that XML cannot carry are removed from every
// republished field.
package normalize

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"tributary/aggregator"
)

// Options tune a Normalizer. The zero value gives the documented defaults.
type Options struct {
	// FutureSkew is how far after the time of the fetch an entry's date may lie and still be
	// believed; a later date is rejected like an unparsable one, so the entry falls back to its next
	// date (published → updated → first seen) instead of pinning itself to the top of every output
	// for years. Zero means 24 hours (room for a feed that writes Beijing wall time as GMT); a
	// negative value disables the check.
	FutureSkew time.Duration
	// TitleRunes is how many characters of the body's text become the title of an untitled entry
	// (telegraph flashes). Zero means 60; it is at most MaxTitleRunes.
	TitleRunes int
}

// Normalizer converts parsed feeds to articles. It holds the sanitizer's element table, built once by
// New and only read afterwards, and is safe for concurrent use.
type Normalizer struct {
	elems      map[string]elemKind
	futureSkew time.Duration
	titleRunes int
}

// New builds a Normalizer and its sanitizer's element table.
func New(opts Options) *Normalizer {
	n := &Normalizer{elems: newElements(), futureSkew: opts.FutureSkew, titleRunes: opts.TitleRunes}
	if n.futureSkew == 0 {
		n.futureSkew = 24 * time.Hour
	}
	if n.titleRunes <= 0 {
		n.titleRunes = 60
	}
	n.titleRunes = min(n.titleRunes, MaxTitleRunes)
	return n
}

// earliest bounds the dates believed: one at or before the Unix epoch is a placeholder (0001-01-01,
// a zero timestamp), never a real publication date of a feed entry.
var earliest = time.Unix(0, 0).UTC()

// Cuts counts the fields of one feed that normalizing cut to their limits (MaxTitleRunes…), so the caller
// can log a hostile or broken feed once per fetch rather than once per entry. Each counts fields
// (one title, one list of categories), not entries.
type Cuts struct {
	// Titles, Authors and Categories count fields longer than MaxTitleRunes, MaxAuthorRunes and
	// MaxCategoryRunes, cut to them.
	Titles, Authors, Categories int
	// CategoryLists counts entries whose categories went over MaxCategories.
	CategoryLists int
	// Lists counts the reads of a repeated element (categories, authors, links, enclosures, media)
	// that stopped at MaxListed; media:content is read twice, for the image and the thumbnail.
	Lists int
	// URLs and GUIDs count links and images over MaxURLBytes and guids over MaxGUIDBytes, dropped.
	URLs, GUIDs int
}

// Any reports whether anything was cut.
func (c Cuts) Any() bool { return c != Cuts{} }

// Feed returns one Article per entry of feed, in feed order, as src carried it. feedURL is the URL
// the feed was fetched from (it resolves relative links when an entry has no absolute link), and now
// is the time of the fetch: the first-seen time, and the date of entries that carry none. Entries with
// the same Key within the feed are kept once, the first one winning.
func (n *Normalizer) Feed(src aggregator.Source, feed *gofeed.Feed, feedURL string, now time.Time) []aggregator.Article {
	return n.Normalize(src, feed, feedURL, now).Articles
}

// Result is what Normalize makes of one feed.
type Result struct {
	// Articles are Feed's articles.
	Articles []aggregator.Article
	// Of says which article each item of the feed became: Of[i] indexes the article of
	// feed.Items[i] in Articles, or is -1 for a nil item. Items of one story share an article.
	Of []int
	// Warnings are what the operator should be told about the feed once per fetch, each saying
	// the source setting that fixes it: dates written with a zone abbreviation that was read as
	// UTC ("CST" on a source without a timezone).
	Warnings []string
	// Cuts counts what was cut to the limits, to be logged once per fetch.
	Cuts Cuts
}

// Normalize is Feed with what the caller needs beyond the articles: which article each item
// became (to remember entries a later fetch leaves out as unchanged), the warnings and the cuts
// to log.
func (n *Normalizer) Normalize(src aggregator.Source, feed *gofeed.Feed, feedURL string, now time.Time) Result {
	var cuts Cuts
	if feed == nil {
		return Result{}
	}
	var zones []string // abbreviations read as UTC wall time
	now = now.UTC()
	feedBase := parseBase(feedURL)
	if feedBase == nil {
		feedBase = parseBase(feed.Link)
	}
	feedAuthor := personName(feed.Author, feed.Authors, &cuts)
	out := make([]aggregator.Article, 0, len(feed.Items))
	of := make([]int, len(feed.Items))
	seen := make(map[string]int, len(feed.Items))
	for i, it := range feed.Items {
		of[i] = -1
		if it == nil {
			continue
		}
		a, zone := n.article(src, it, feedBase, feedAuthor, now, &cuts)
		if zone != "" && !slices.Contains(zones, zone) {
			zones = append(zones, zone)
		}
		if first, dup := seen[a.Key]; dup {
			of[i] = first
			continue
		}
		seen[a.Key] = len(out)
		of[i] = len(out)
		out = append(out, a)
	}
	return Result{Articles: out, Of: of, Warnings: zoneWarnings(zones, src.Location), Cuts: cuts}
}

// zoneWarnings words the abbreviations that dates in loc were read with, when loc is UTC (a source
// without a timezone): the dates are hours off unless the feed really means UTC.
func zoneWarnings(zones []string, loc *time.Location) []string {
	if loc != nil && loc != time.UTC {
		return nil
	}
	var out []string
	for _, z := range zones {
		hint := `set timezone to the feed's zone on the source, such as timezone = "Asia/Shanghai"`
		if z == "CST" {
			hint = `set timezone on the source: timezone = "Asia/Shanghai" for China Standard Time, "America/Chicago" for US Central`
		}
		out = append(out, fmt.Sprintf("dates written with the ambiguous zone %q were read as UTC: %s", z, hint))
	}
	return out
}

// article normalizes one entry, counting in cuts what it cut; it also returns the zone abbreviation
// its dates were read with, when they were read as UTC wall time.
func (n *Normalizer) article(src aggregator.Source, it *gofeed.Item, feedBase *url.URL, feedAuthor string, now time.Time, cuts *Cuts) (aggregator.Article, string) {
	guid := strings.TrimSpace(cleanText(it.GUID))
	if len(guid) > MaxGUIDBytes {
		guid = ""
		cuts.GUIDs++
	}
	link := entryLink(it, guid, feedBase, cuts)
	base := parseBase(link)
	if base == nil {
		base = feedBase
	}

	raw := it.Content
	if len(strings.TrimSpace(it.Description)) > len(strings.TrimSpace(raw)) {
		raw = it.Description
	}
	body, bodyImage := n.Sanitize(raw, baseString(base))

	title := cuts.text(it.Title, MaxTitleRunes, &cuts.Titles)
	if title == "" {
		// The body's text is decoded once more than the body: it goes through the rule like any
		// title, or a body showing "&lt;img onerror=…&gt;" would give a title holding the tag.
		title, _ = plainText(firstRunes(textOf(body), n.titleRunes), n.titleRunes)
	}

	headImg := firstNonEmpty(
		absImage(mediaContentImage(it.Extensions, cuts), base, cuts),
		absImage(enclosureImage(it.Enclosures, cuts), base, cuts),
		absImage(itemImage(it.Image), base, cuts),
		bodyImage,
	)
	thumb := firstNonEmpty(absImage(mediaThumbnail(it.Extensions, cuts), base, cuts), headImg)

	author := firstNonEmpty(itemAuthor(it, cuts), feedAuthor,
		cuts.text(src.Author, MaxAuthorRunes, &cuts.Authors), cuts.text(src.Title, MaxAuthorRunes, &cuts.Authors))

	published, _, zone := n.date(it.Published, src.Location, now)
	updated, _, zone2 := n.date(it.Updated, src.Location, now)
	zone = cmp.Or(zone, zone2)
	own := published
	if own.IsZero() {
		own = updated
	}
	date := own
	if date.IsZero() {
		date = now
	}

	key := Key(src.Name, guid, link, title, own)
	return aggregator.Article{
		ID:         ID(key),
		Key:        key,
		Title:      title,
		Categories: categories(src.Categories, it.Categories, cuts),
		HeadImg:    headImg,
		Thumbnail:  thumb,
		Author:     author,
		Comments:   src.Comments,
		Date:       date,
		Updated:    updated,
		FirstSeen:  now,
		Body:       body,
		Link:       link,
		GUID:       guid,
		Sources:    []string{src.Name},
	}, zone
}

// date parses a raw feed date in loc and rejects implausible ones (not after 1970, or more than the
// allowed skew after now); zero when there is none.
func (n *Normalizer) date(raw string, loc *time.Location, now time.Time) (time.Time, bool, string) {
	if strings.TrimSpace(raw) == "" || len(raw) > maxDateBytes {
		return time.Time{}, false, ""
	}
	t, zone, err := parseDateZone(raw, loc)
	if err != nil || !t.After(earliest) {
		return time.Time{}, false, ""
	}
	if n.futureSkew > 0 && t.After(now.Add(n.futureSkew)) {
		return time.Time{}, false, zone
	}
	return t, true, zone
}

// entryLink returns the entry's absolute http(s) link: its link, else its other links, else a guid
// that is itself an http(s) URL (RSS guids are permalinks by default), resolved against the feed.
func entryLink(it *gofeed.Item, guid string, feedBase *url.URL, cuts *Cuts) string {
	cands := append([]string{it.Link}, listed(it.Links, cuts)...)
	cands = append(cands, guid)
	for i, c := range cands {
		c = strings.TrimSpace(cleanText(c))
		if c == "" {
			continue
		}
		if len(c) > MaxURLBytes {
			cuts.URLs++
			continue
		}
		if i == len(cands)-1 { // the guid must be absolute on its own
			if u, err := url.Parse(c); err != nil || u.Host == "" {
				continue
			}
		}
		if v, ok := resolveURL(c, feedBase, false); ok && isAbsHTTP(v) {
			return v
		}
	}
	return ""
}

func isAbsHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func baseString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}

// absImage resolves an image URL and keeps it only when it is absolute http(s) and at most
// MaxURLBytes long.
func absImage(raw string, base *url.URL, cuts *Cuts) string {
	raw = strings.TrimSpace(cleanText(raw))
	if raw == "" {
		return ""
	}
	if len(raw) > MaxURLBytes {
		cuts.URLs++
		return ""
	}
	v, ok := resolveURL(raw, base, false)
	if !ok || !isAbsHTTP(v) || len(v) > MaxURLBytes {
		return ""
	}
	return v
}

func itemImage(img *gofeed.Image) string {
	if img == nil {
		return ""
	}
	return img.URL
}

// mediaContentImage returns the first media:content that is an image, at the item level or in a
// media:group.
func mediaContentImage(exts ext.Extensions, cuts *Cuts) string {
	media := exts["media"]
	if media == nil {
		return ""
	}
	candidates := append([]ext.Extension(nil), listed(media["content"], cuts)...)
	for _, g := range listed(media["group"], cuts) {
		candidates = append(candidates, listed(g.Children["content"], cuts)...)
	}
	for _, c := range candidates {
		u := c.Attrs["url"]
		if u == "" {
			continue
		}
		medium, typ := strings.ToLower(c.Attrs["medium"]), strings.ToLower(c.Attrs["type"])
		if medium == "image" || strings.HasPrefix(typ, "image/") || (medium == "" && typ == "" && looksLikeImage(u)) {
			return u
		}
	}
	return ""
}

// mediaThumbnail returns the first media:thumbnail: at the item level, in a media:group, or inside a
// media:content.
func mediaThumbnail(exts ext.Extensions, cuts *Cuts) string {
	media := exts["media"]
	if media == nil {
		return ""
	}
	lists := [][]ext.Extension{media["thumbnail"]}
	for _, g := range listed(media["group"], cuts) {
		lists = append(lists, g.Children["thumbnail"])
		for _, c := range listed(g.Children["content"], cuts) {
			lists = append(lists, c.Children["thumbnail"])
		}
	}
	for _, c := range listed(media["content"], cuts) {
		lists = append(lists, c.Children["thumbnail"])
	}
	for _, l := range lists {
		for _, t := range listed(l, cuts) {
			if u := t.Attrs["url"]; u != "" {
				return u
			}
		}
	}
	return ""
}

func enclosureImage(encs []*gofeed.Enclosure, cuts *Cuts) string {
	for _, e := range listed(encs, cuts) {
		if e == nil || e.URL == "" {
			continue
		}
		typ := strings.ToLower(e.Type)
		if strings.HasPrefix(typ, "image/") || (typ == "" && looksLikeImage(e.URL)) {
			return e.URL
		}
	}
	return ""
}

func looksLikeImage(u string) bool {
	p := strings.ToLower(u)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// itemAuthor is the entry's author. gofeed splits "name (email)" forms with regular expressions and
// returns nothing for a name they do not expect (one with parentheses, or markup); the raw
// dc:creator / dc:author is used then.
func itemAuthor(it *gofeed.Item, cuts *Cuts) string {
	if s := personName(it.Author, it.Authors, cuts); s != "" {
		return s
	}
	if dc := it.DublinCoreExt; dc != nil {
		for _, list := range [][]string{dc.Creator, dc.Author} {
			for _, v := range listed(list, cuts) {
				if s := cuts.text(v, MaxAuthorRunes, &cuts.Authors); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

// personName returns the first named person: the single author, else the first of authors with a
// name, else an e-mail address.
func personName(p *gofeed.Person, ps []*gofeed.Person, cuts *Cuts) string {
	all := append([]*gofeed.Person{p}, listed(ps, cuts)...)
	for _, q := range all {
		if q != nil {
			if s := cuts.text(q.Name, MaxAuthorRunes, &cuts.Authors); s != "" {
				return s
			}
		}
	}
	for _, q := range all {
		if q != nil {
			if s := cuts.text(q.Email, MaxAuthorRunes, &cuts.Authors); s != "" {
				return s
			}
		}
	}
	return ""
}

// categories merges the source's categories and the entry's, in that order, each once, at most
// MaxCategories of them from the first MaxListed the entry lists.
func categories(src, entry []string, cuts *Cuts) []string {
	entry = listed(entry, cuts)
	out := make([]string, 0, min(len(src)+len(entry), MaxCategories))
	seen := make(map[string]bool, cap(out))
	for _, list := range [][]string{src, entry} {
		for _, c := range list {
			c = cuts.text(c, MaxCategoryRunes, &cuts.Categories)
			if c == "" || seen[c] {
				continue
			}
			if len(out) == MaxCategories {
				cuts.CategoryLists++
				return out
			}
			seen[c] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// text applies the plain-text rule to a raw field of at most maxRunes runes, counting a cut in
// *counter.
func (c *Cuts) text(raw string, maxRunes int, counter *int) string {
	s, cut := plainText(raw, maxRunes)
	if cut {
		*counter++
	}
	return s
}

// listed returns the first MaxListed elements of an entry's repeated element, counting a cut list.
func listed[T any](list []T, cuts *Cuts) []T {
	if len(list) > MaxListed {
		cuts.Lists++
		return list[:MaxListed]
	}
	return list
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j])
		}
		i++
	}
	return s
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
