package parse

import (
	"bytes"
	"encoding/xml"
	"flag"
	"hash/maphash"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator/testenv"
)

// rawItem is one item or entry of a document as the decoder read it, found independently of the
// fast path: its bytes, where they are, and whether the fast path may list it (a direct child of
// the first channel or of the Atom feed, with no item before that channel).
type rawItem struct {
	start, end int
	raw        string
	eligible   bool
}

// rawItems walks the document with encoding/xml as the fast path configures it and returns its
// items in gofeed's order (RSS items at the root come after the channel's); nil when the decoder
// fails or the document is neither RSS nor Atom.
func rawItems(body []byte) []rawItem {
	src := dropControlChars(fixUTF8Declaration(body))
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	var stack []string
	var channel, root []rawItem
	var open *rawItem
	openDepth, channels, firstChannel := -1, 0, false
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			path := strings.Join(stack, "/")
			if name == "channel" && path == "rss" {
				firstChannel = channels == 0 && len(channel)+len(root) == 0
				channels++
				if channels > 1 {
					channel = nil // the last channel wins
				}
			}
			if open == nil && ((name == "item" && (path == "rss/channel" || path == "rss")) || (name == "entry" && path == "feed")) {
				open = &rawItem{start: before, eligible: path == "feed" || path == "rss/channel" && firstChannel}
				openDepth = len(stack)
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if open != nil && len(stack) == openDepth {
				open.end = int(d.InputOffset())
				open.raw = string(src[open.start:open.end])
				if strings.Join(stack, "/") == "rss" {
					open.eligible = false
					root = append(root, *open)
				} else {
					channel = append(channel, *open)
				}
				open = nil
			}
		}
	}
	return append(channel, root...)
}

// plain reports whether an item's bytes are ones the fast path skips: a start tag without
// namespace declarations or xml: attributes, closed by its own literal end tag.
func plain(raw string) bool {
	tagEnd := strings.IndexByte(raw, '>')
	if tagEnd < 0 || raw[tagEnd-1] == '/' {
		return false
	}
	tag := raw[:tagEnd]
	if strings.Contains(tag, "xmlns") || strings.Contains(tag, "xml:") {
		return false
	}
	name := strings.FieldsFunc(tag[1:], func(r rune) bool { return strings.ContainsRune(" \t\r\n/", r) })
	return len(name) > 0 && strings.HasSuffix(raw, "</"+name[0]+">")
}

// listingOf parses body with no previous listing and returns its listing.
func listingOf(tb testing.TB, body []byte, finalURL string, seed maphash.Seed) *Listing {
	tb.Helper()
	_, l, skipped, err := ParseListed(body, "", finalURL, seed, nil, 0)
	if err != nil {
		tb.Fatalf("listing: %v", err)
	}
	if skipped != 0 {
		tb.Fatalf("skipped %d without a listing", skipped)
	}
	return l
}

// itemViews projects a feed's items as the differential test does.
func itemViews(f *gofeed.Feed) []*itemView {
	if f == nil {
		return nil
	}
	return project(f).Items
}

// removed aligns got, a subsequence of want, and returns the indexes of want it leaves out, or
// false when got is not a subsequence of want.
func removed(got, want []*itemView) ([]int, bool) {
	var out []int
	j := 0
	for i, w := range want {
		if j < len(got) && reflect.DeepEqual(got[j], w) {
			j++
			continue
		}
		out = append(out, i)
	}
	return out, j == len(got)
}

// checkListed holds ParseListed(e, listing(d)) to Parse(e): the items returned and the ones
// skipped are Parse's, in order, and every skipped item is one d listed. When exact, the skipped
// ones must be exactly the items of e whose bytes equal those of an item of d (eligible, plain).
func checkListed(t *testing.T, d, e []byte, exact bool) {
	t.Helper()
	seed := maphash.MakeSeed()
	dp, derr := ParseKeyed(d, "", "http://x.example/feed", seed, nil, 0)
	ep, err := ParseKeyed(e, "", "http://x.example/feed", seed, dp.Listing, 0)
	got, skipped := ep.Feed, len(ep.Skipped)
	want, werr := Parse(e, "")
	if (err == nil) != (werr == nil) {
		t.Fatalf("ParseListed error %v, Parse error %v", err, werr)
	}
	if err != nil || derr != nil {
		return
	}
	gv, wv := itemViews(got), itemViews(want)
	if len(gv)+skipped != len(wv) {
		t.Fatalf("%d items returned + %d skipped, Parse has %d", len(gv), skipped, len(wv))
	}
	gone, ok := removed(gv, wv)
	if !ok {
		t.Fatalf("the items returned are not Parse's in order")
	}
	dItems, _ := Parse(d, "")
	dv := itemViews(dItems)
	for _, i := range gone {
		if !slices.ContainsFunc(dv, func(x *itemView) bool { return reflect.DeepEqual(x, wv[i]) }) {
			t.Fatalf("item %d skipped but not listed before: %s", i, jsonOf(wv[i]))
		}
	}
	// The key of each skipped item is the key d's parse gave that same item: the refresher names
	// the article of a skipped item by it.
	if len(dp.Keys) != len(dp.Feed.Items) || len(ep.Keys) != len(ep.Feed.Items) {
		t.Fatalf("%d keys for %d items of d, %d for %d of e", len(dp.Keys), len(dp.Feed.Items), len(ep.Keys), len(ep.Feed.Items))
	}
	byKey := map[uint64]*itemView{}
	for i, v := range itemViews(dp.Feed) {
		if dp.Keys[i] != 0 {
			byKey[dp.Keys[i]] = v
		}
	}
	for j, i := range gone {
		if v, ok := byKey[ep.Skipped[j]]; !ok || !reflect.DeepEqual(v, wv[i]) {
			t.Fatalf("item %d skipped under key %x, which d's parse gave to %s", i, ep.Skipped[j], jsonOf(v))
		}
	}
	if !exact {
		return
	}
	eItems, dRaw := rawItems(e), rawItems(d)
	if len(eItems) != len(wv) {
		t.Logf("cannot align raw items (%d) with Parse's (%d): exactness not checked", len(eItems), len(wv))
		return
	}
	var inD []string
	for _, it := range dRaw {
		if it.eligible {
			inD = append(inD, it.raw)
		}
	}
	var wantGone []int
	sameHeader := header(d) == header(e)
	for i, it := range eItems {
		if sameHeader && it.eligible && plain(it.raw) && slices.Contains(inD, it.raw) {
			wantGone = append(wantGone, i)
		}
	}
	var expected []*itemView
	for i, v := range wv {
		if !slices.Contains(wantGone, i) {
			expected = append(expected, v)
		}
	}
	if !reflect.DeepEqual(gv, expected) || skipped != len(wantGone) {
		t.Fatalf("skipped %d (%v), want %d (%v)", skipped, gone, len(wantGone), wantGone)
	}
}

// header returns what, outside its own bytes, an item's parse and article depend on: the start
// tags of the root and of the first RSS channel (their namespace declarations), and the feed-level
// fields normalize reads. It is found independently of the lister: with encoding/xml's offsets and
// Parse.
func header(body []byte) string {
	src := dropControlChars(fixUTF8Declaration(body))
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	depth := 0
	for {
		before := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 || (depth == 2 && strings.EqualFold(tok.Name.Local, "channel")) {
				b.Write(src[before:d.InputOffset()])
				b.WriteByte(0)
			}
		case xml.EndElement:
			depth--
		}
		if depth == 2 && b.Len() > 0 && strings.Count(b.String(), "\x00") == 2 || depth == 0 && b.Len() > 0 {
			break
		}
	}
	if f, err := Parse(body, ""); err == nil {
		b.WriteString(jsonOf([]any{f.Title, f.Link, f.FeedLink, f.Language, f.Authors, f.Image}))
	}
	return b.String()
}

// fastBoth reports whether the fast path takes both documents, so that byte listings apply.
func fastBoth(docs ...[]byte) bool {
	for _, b := range docs {
		f := detect(fixUTF8Declaration(b))
		if f != formatRSS && f != formatAtom {
			return false
		}
		if _, err := parseFast(f, fixUTF8Declaration(b)); err != nil {
			return false
		}
	}
	return true
}

// splice replaces body[start:end] with repl.
func splice(body []byte, start, end int, repl string) []byte {
	out := append([]byte{}, body[:start]...)
	out = append(out, repl...)
	return append(out, body[end:]...)
}

// flipByte changes one ASCII letter or digit of raw, the last one before its body's end tag (or
// its end), so that the edit lands in character data.
func flipByte(raw string) string {
	end := len(raw)
	for _, tag := range []string{"</description>", "</content>", "</summary>", "</title>"} {
		if i := strings.LastIndex(raw, tag); i >= 0 {
			end = i
			break
		}
	}
	b := []byte(raw)
	for i := end - 1; i > 0; i-- {
		c := b[i]
		if c >= 'a' && c <= 'y' || c >= 'A' && c <= 'Y' || c >= '0' && c <= '8' {
			b[i] = c + 1
			return string(b)
		}
	}
	return raw
}

// edit is one change to a document, made on its raw items.
type edit struct {
	name  string
	apply func(body []byte, items []rawItem) []byte // nil result: not applicable
}

// itemEdits are the edits of the differential property.
func itemEdits() []edit {
	return []edit{
		{"drop first item", func(b []byte, its []rawItem) []byte {
			return splice(b, its[0].start, its[0].end, "")
		}},
		{"duplicate an item", func(b []byte, its []rawItem) []byte {
			it := its[len(its)/2]
			return splice(b, it.end, it.end, it.raw)
		}},
		{"change one byte inside an item", func(b []byte, its []rawItem) []byte {
			it := its[len(its)/2]
			if f := flipByte(it.raw); f != it.raw {
				return splice(b, it.start, it.end, f)
			}
			return nil
		}},
		{"append an item", func(b []byte, its []rawItem) []byte {
			it := its[len(its)-1]
			tag := "<item><title>新条目</title><guid>new-1</guid><description>新</description></item>"
			if strings.HasPrefix(strings.ToLower(it.raw), "<entry") {
				tag = "<entry><title>新条目</title><id>urn:new-1</id><summary>新</summary></entry>"
			}
			return splice(b, it.end, it.end, tag)
		}},
	}
}

// TestParseListedEdits is the differential property: for every document D of the fixtures, the
// farm dumps and the corpus, and every edit E, ParseListed(E(D)) with D's listing returns
// Parse(E(D))'s items minus those byte-identical to items of D, in order.
func TestParseListedEdits(t *testing.T) {
	docs := map[string][]byte{}
	for _, dir := range []string{filepath.Join("..", "testdata"), "testdata"} {
		for name, b := range readTree(t, dir) {
			if !strings.HasSuffix(name, ".md") {
				docs[name] = b
			}
		}
	}
	if corpusDir, ok := testenv.HasShared("corpus"); ok {
		for i, rel := range corpusFiles(t, corpusDir) {
			if testing.Short() && i%10 != 0 {
				continue
			}
			if b, err := os.ReadFile(filepath.Join(corpusDir, rel)); err == nil {
				docs[rel] = b
			}
		}
	}
	tried, exact := 0, 0
	for name, d := range docs {
		its := rawItems(d)
		if len(its) == 0 {
			continue
		}
		for _, ed := range itemEdits() {
			e := ed.apply(d, its)
			if e == nil {
				continue
			}
			tried++
			isExact := fastBoth(d, e)
			if isExact {
				exact++
			}
			t.Run(name+"/"+ed.name, func(t *testing.T) { checkListed(t, d, e, isExact) })
		}
	}
	t.Logf("%d edited documents, %d through the fast path (exact)", tried, exact)
	if exact < 20 {
		t.Errorf("only %d edited documents went through the fast path", exact)
	}
}

// TestParseListedScenarios re-parses real feeds after the changes a source makes, with the
// listing of the version before.
func TestParseListedScenarios(t *testing.T) {
	const url = "http://x.example/feed"
	type result struct {
		url  string
		doc  []byte
		none bool // nothing may be skipped
	}
	tests := []struct {
		name string
		rss  bool // RSS only
		edit func(body []byte, its []rawItem) result
	}{
		{"same document", false, func(b []byte, its []rawItem) result { return result{doc: b} }},
		{"three items replaced", false, func(b []byte, its []rawItem) result {
			for i := 2; i >= 0; i-- {
				b = splice(b, its[i].start, its[i].end, strings.Replace(its[i].raw, "<title>", "<title>新", 1))
			}
			return result{doc: b}
		}},
		{"one byte of a body edited in place", false, func(b []byte, its []rawItem) result {
			return result{doc: splice(b, its[3].start, its[3].end, flipByte(its[3].raw))}
		}},
		{"items reversed", false, func(b []byte, its []rawItem) result {
			var mid []string
			for i := len(its) - 1; i >= 0; i-- {
				mid = append(mid, its[i].raw)
			}
			return result{doc: splice(b, its[0].start, its[len(its)-1].end, strings.Join(mid, "\n"))}
		}},
		{"last item moved first", false, func(b []byte, its []rawItem) result {
			last := its[len(its)-1]
			b = splice(b, last.start, last.end, "")
			return result{doc: splice(b, its[0].start, its[0].start, last.raw)}
		}},
		{"feed title changed", false, func(b []byte, its []rawItem) result {
			return result{doc: bytes.Replace(b, []byte("<title>"), []byte("<title>改"), 1), none: true}
		}},
		{"other final URL", false, func(b []byte, its []rawItem) result {
			return result{doc: b, url: "http://y.example/feed", none: true}
		}},
		{"namespace declared on the root", false, func(b []byte, its []rawItem) result {
			i := bytes.Index(b, []byte("<rss"))
			if i < 0 {
				i = bytes.Index(b, []byte("<feed"))
			}
			i += bytes.IndexAny(b[i:], " >")
			return result{doc: splice(b, i, i, ` xmlns:zz="urn:zz"`), none: true}
		}},
		{"feed date rewritten", false, func(b []byte, its []rawItem) result {
			// Feeds rewrite <lastBuildDate> or <updated> whenever they change; normalize reads
			// neither, so every unchanged item is still skipped.
			for _, tag := range []string{"<lastBuildDate>", "<updated>"} {
				if i := bytes.Index(b[:its[0].start], []byte(tag)); i >= 0 {
					i += len(tag)
					return result{doc: splice(b, i, i, "9")}
				}
			}
			panic("no feed date before the first item")
		}},
		{"item moved out of the channel", true, func(b []byte, its []rawItem) result {
			it := its[2]
			b = splice(b, it.start, it.end, "")
			i := bytes.LastIndex(b, []byte("</channel>")) + len("</channel>")
			return result{doc: splice(b, i, i, it.raw)}
		}},
		{"namespace declared on an item", false, func(b []byte, its []rawItem) result {
			// The listing is of the edited document too: the item is never skipped.
			it := its[1]
			sp := strings.IndexAny(it.raw, " >")
			return result{doc: splice(b, it.start, it.end, it.raw[:sp]+` xmlns:q="urn:q"`+it.raw[sp:])}
		}},
	}
	for _, file := range []string{"farm-rss.xml", "farm-atom.xml", "cls-depth.xml"} {
		base := fixture(t, file)
		for _, tt := range tests {
			isRSS := bytes.Contains(base, []byte("<rss"))
			if tt.rss && !isRSS {
				continue
			}
			t.Run(file+"/"+tt.name, func(t *testing.T) {
				its := rawItems(base)
				if len(its) < 5 {
					t.Fatalf("%d items", len(its))
				}
				res := tt.edit(base, its)
				d := base
				if tt.name == "namespace declared on an item" {
					d = res.doc
				}
				if res.url == "" {
					res.url = url
				}
				if res.none {
					seed := maphash.MakeSeed()
					got, _, skipped, err := ParseListed(res.doc, "", res.url, seed, listingOf(t, d, url, seed), 0)
					want, werr := Parse(res.doc, "")
					if err != nil || werr != nil {
						t.Fatal(err, werr)
					}
					if skipped != 0 || !reflect.DeepEqual(project(got), project(want)) {
						t.Fatalf("skipped %d, want none and Parse's feed", skipped)
					}
					return
				}
				checkListed(t, d, res.doc, true)
				if tt.name == "same document" || tt.name == "items reversed" || tt.name == "last item moved first" || tt.name == "feed date rewritten" {
					seed := maphash.MakeSeed()
					got, _, skipped, err := ParseListed(res.doc, "", url, seed, listingOf(t, d, url, seed), 0)
					if err != nil || len(got.Items) != 0 || skipped != len(its) {
						t.Fatalf("%d items returned, %d skipped (%v); want 0 and %d", len(got.Items), skipped, err, len(its))
					}
				}
			})
		}
	}
}

// TestParseListedFeedFieldsAfterItems: feed-level fields that come after the items are not in
// the header, and an article takes the feed's link and author: when they change, nothing is
// skipped although every item's bytes are the same.
func TestParseListedFeedFieldsAfterItems(t *testing.T) {
	items := `<item><title>a</title><link>/a</link></item><item><title>b</title><link>/b</link></item>`
	tests := []struct {
		name, before, after string
		wantSkipped         int
	}{
		{"rss link after items changed", `<rss><channel>` + items + `<link>http://one.example/</link></channel></rss>`, `<rss><channel>` + items + `<link>http://two.example/</link></channel></rss>`, 0},
		{"rss link after items unchanged", `<rss><channel>` + items + `<link>http://one.example/</link></channel></rss>`, `<rss><channel>` + items + `<link>http://one.example/</link></channel></rss>`, 2},
		{"atom author after entries changed", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id></entry><author><name>A</name></author></feed>`, `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id></entry><author><name>B</name></author></feed>`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := maphash.MakeSeed()
			got, _, skipped, err := ParseListed([]byte(tt.after), "", "", seed, listingOf(t, []byte(tt.before), "", seed), 0)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := Parse([]byte(tt.after), "")
			if skipped != tt.wantSkipped || len(got.Items)+skipped != len(want.Items) {
				t.Fatalf("skipped %d, returned %d; want %d skipped of %d", skipped, len(got.Items), tt.wantSkipped, len(want.Items))
			}
			if skipped == 0 && !reflect.DeepEqual(project(got), project(want)) {
				t.Fatal("feed differs from Parse's")
			}
		})
	}
}

// TestParseListedKinds: a gofeed-path or JSON document is listed by fields, and a source whose
// document changes kind skips nothing that round; maxItems cuts before anything is listed.
func TestParseListedKinds(t *testing.T) {
	rss1 := `<rss><channel><title>t</title><item><title>a</title></item><item><title>b</title></item><item><title>c</title></item></channel></rss>`
	// A DOCTYPE makes the fast path decline: gofeed parses the same items.
	rssGofeed := `<!DOCTYPE rss><rss><channel><title>t</title><item><title>a</title></item><item><title>b</title></item><item><title>c</title></item></channel></rss>`
	json1 := `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"a"},{"id":"2","title":"b"}]}`
	tests := []struct {
		name                string
		before, after       string
		maxItems            int
		wantSkip, wantItems int
	}{
		{"bytes to bytes", rss1, rss1, 0, 3, 0},
		{"fields to fields (gofeed)", rssGofeed, rssGofeed, 0, 3, 0},
		{"fields to fields (json)", json1, json1, 0, 2, 0},
		{"json item edited", json1, strings.Replace(json1, `"b"`, `"B"`, 1), 0, 1, 1},
		{"json under another final URL", json1, json1, 0, 0, 2},
		{"bytes to fields", rss1, rssGofeed, 0, 0, 3},
		{"fields to bytes", rssGofeed, rss1, 0, 0, 3},
		{"maxItems: an item beyond the cut moves up", `<rss><channel><item><title>a</title></item><item><title>b</title></item><item><title>c</title></item></channel></rss>`, `<rss><channel><item><title>b</title></item><item><title>c</title></item></channel></rss>`, 2, 1, 1},
		{"maxItems fields", `<!DOCTYPE x><rss><channel><item><title>a</title></item><item><title>b</title></item><item><title>c</title></item></channel></rss>`, `<!DOCTYPE x><rss><channel><item><title>b</title></item><item><title>c</title></item></channel></rss>`, 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := maphash.MakeSeed()
			_, last, _, err := ParseListed([]byte(tt.before), "", "", seed, nil, tt.maxItems)
			if err != nil {
				t.Fatal(err)
			}
			finalURL := ""
			if strings.Contains(tt.name, "final URL") {
				finalURL = "http://moved.example/feed"
			}
			got, l, skipped, err := ParseListed([]byte(tt.after), "", finalURL, seed, last, tt.maxItems)
			if err != nil {
				t.Fatal(err)
			}
			if skipped != tt.wantSkip || len(got.Items) != tt.wantItems {
				t.Fatalf("skipped %d, returned %d; want %d and %d", skipped, len(got.Items), tt.wantSkip, tt.wantItems)
			}
			if want, _ := Parse([]byte(tt.after), ""); l.Items() != len(want.Items) {
				t.Fatalf("listing counts %d items, Parse has %d", l.Items(), len(want.Items))
			}
		})
	}
}

// TestFieldListingSeesEveryField: an entry that differs in any field normalize reads must not be
// skipped by a field listing; the same bytes parsed twice must be.
func TestFieldListingSeesEveryField(t *testing.T) {
	seed := maphash.MakeSeed()
	base := `<item><title>标题</title><link>http://e.com/1</link><guid>g1</guid><pubDate>Thu, 18 Nov 2021 01:06:01 GMT</pubDate><description>摘要</description><category>甲</category><dc:creator>作者</dc:creator><enclosure url="http://e.com/a.jpg" type="image/jpeg" length="1"/><media:thumbnail url="http://e.com/t.jpg"/></item>`
	feedOf := func(item string) string {
		return `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>f</title>` + item + `</channel></rss>`
	}
	fp := func(doc string) uint64 {
		t.Helper()
		feed, err := parseGofeed(formatRSS, []byte(doc))
		if err != nil || len(feed.Items) != 1 {
			t.Fatalf("parse: %v", err)
		}
		_, fps := fingerprints(seed, "http://x.example/feed", feed)
		return fps[0]
	}
	want := fp(feedOf(base))
	if fp(feedOf(base)) != want {
		t.Fatal("the same entry fingerprints differently twice")
	}
	tests := []struct{ name, old, new string }{
		{"title", "<title>标题", "<title>标题2"}, {"link", "/1</link>", "/2</link>"}, {"guid", "g1", "g2"},
		{"date", "01:06:01", "01:06:02"}, {"description", "摘要", "摘要2"}, {"category", "甲", "乙"},
		{"author", "作者", "作者2"}, {"enclosure", "a.jpg", "b.jpg"}, {"thumbnail", "t.jpg", "u.jpg"},
		{"feed title", "<title>f</title>", "<title>g</title>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := feedOf(strings.Replace(base, tt.old, tt.new, 1))
			if tt.name == "feed title" {
				doc = strings.Replace(feedOf(base), tt.old, tt.new, 1)
			}
			if fp(doc) == want {
				t.Errorf("an edited %s is not seen", tt.name)
			}
		})
	}
}

// FuzzParseListed: for two documents A and B, the items ParseListed(B) returns with A's listing,
// plus the ones it skipped, are Parse(B)'s, and each skipped one is an item A listed; it never
// panics.
func FuzzParseListed(f *testing.F) {
	fuzzing := false
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		fuzzing = true
	}
	add := func(a, b []byte) {
		f.Add(a, b)
	}
	for _, name := range []string{"farm-rss.xml", "farm-atom.xml", "cls-depth.xml"} {
		d := fixture(f, name)
		its := rawItems(d)
		if fuzzing {
			// Large inputs slow the mutator to a crawl: three items carry the same structure.
			end := "</channel></rss>"
			if strings.HasPrefix(strings.ToLower(its[0].raw), "<entry") {
				end = "</feed>"
			}
			d = append(d[:its[2].end:its[2].end], end...)
			its = its[:3]
		}
		for _, ed := range itemEdits() {
			if e := ed.apply(d, its); e != nil {
				add(d, e)
			}
		}
	}
	small := `<rss><channel><title>t</title><item><title>a</title></item><item><title>b</title><x:y xmlns:x="urn:x">1</x:y></item></channel><item><title>r</title></item></rss>`
	add([]byte(small), []byte(strings.Replace(small, "<title>a</title>", "<title>A</title>", 1)))
	add([]byte(small), []byte(strings.Replace(small, "</channel>", "</channel><channel><title>2</title><item><title>a</title></item></channel>", 1)))
	atom := `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id></entry><entry><id>2</id><title type="html">&lt;b&gt;</title></entry></feed>`
	add([]byte(atom), []byte(strings.Replace(atom, "<id>1</id>", "<id>3</id>", 1)))
	add([]byte(`<rss><channel><item><a></item></channel></rss>`), []byte(`<rss><channel><item><a></item><item></channel></rss>`))
	if !fuzzing {
		for _, d := range edgeDocs() {
			add([]byte(d.doc), []byte(d.doc))
		}
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		checkListed(t, a, b, false)
	})
}

// BenchmarkParseListed compares Parse of a farm feed with 10 % of its items changed to
// ParseListed of the same bytes with the listing of the version before.
func BenchmarkParseListed(b *testing.B) {
	for _, name := range []string{"farm-rss.xml", "farm-atom.xml"} {
		before := fixture(b, name)
		its := rawItems(before)
		after := before
		for i := len(its)/10 - 1; i >= 0; i-- {
			after = splice(after, its[i].start, its[i].end, strings.Replace(its[i].raw, "<title>", "<title>新", 1))
		}
		seed := maphash.MakeSeed()
		last := listingOf(b, before, "http://x.example/feed", seed)
		b.Run(name+"/Parse", func(b *testing.B) {
			b.SetBytes(int64(len(after)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(after, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/ParseListed", func(b *testing.B) {
			b.SetBytes(int64(len(after)))
			b.ReportAllocs()
			for b.Loop() {
				feed, _, skipped, err := ParseListed(after, "", "http://x.example/feed", seed, last, 0)
				if err != nil || skipped != len(its)-len(its)/10 || len(feed.Items) != len(its)/10 {
					b.Fatalf("skipped %d, returned %v: %v", skipped, feed, err)
				}
			}
		})
	}
}
