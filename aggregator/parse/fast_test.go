package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"tributary/aggregator/testenv"
)

// person is the part of a gofeed.Person tributary reads.
type person struct{ Name, Email string }

// enclosure is the part of a gofeed.Enclosure tributary reads.
type enclosure struct{ URL, Type, Length string }

// itemView is every field of a gofeed.Item that aggregator/normalize or the field listing reads.
type itemView struct {
	Title, Description, Content, Link string
	Links                             []string
	GUID, Published, Updated          string
	Author                            *person
	Authors                           []*person
	Categories                        []string
	Enclosures                        []*enclosure
	Image                             *string
	Extensions                        ext.Extensions
	DublinCore                        *ext.DublinCoreExtension
}

// feedView is every field of a gofeed.Feed that aggregator/normalize or the field listing reads.
type feedView struct {
	Title, Link, FeedLink, Language string
	Author                          *person
	Authors                         []*person
	Image                           *string
	Items                           []*itemView
}

// project keeps the fields tributary reads: the fast path must agree with gofeed on exactly these.
// Extensions and DublinCoreExt are kept whole, because the field listing's fingerprint hashes them whole.
func project(f *gofeed.Feed) *feedView {
	if f == nil {
		return nil
	}
	v := &feedView{
		Title: f.Title, Link: f.Link, FeedLink: f.FeedLink, Language: f.Language,
		Author: projectPerson(f.Author), Authors: projectPersons(f.Authors), Image: imageURL(f.Image),
	}
	for _, it := range f.Items {
		if it == nil {
			v.Items = append(v.Items, nil)
			continue
		}
		iv := &itemView{
			Title: it.Title, Description: it.Description, Content: it.Content, Link: it.Link,
			Links: it.Links, GUID: it.GUID, Published: it.Published, Updated: it.Updated,
			Author: projectPerson(it.Author), Authors: projectPersons(it.Authors),
			Categories: it.Categories, Image: imageURL(it.Image),
			Extensions: it.Extensions, DublinCore: it.DublinCoreExt,
		}
		for _, e := range it.Enclosures {
			if e == nil {
				iv.Enclosures = append(iv.Enclosures, nil)
				continue
			}
			iv.Enclosures = append(iv.Enclosures, &enclosure{URL: e.URL, Type: e.Type, Length: e.Length})
		}
		v.Items = append(v.Items, iv)
	}
	return v
}

func projectPerson(p *gofeed.Person) *person {
	if p == nil {
		return nil
	}
	return &person{Name: p.Name, Email: p.Email}
}

func projectPersons(ps []*gofeed.Person) []*person {
	var out []*person
	for _, p := range ps {
		out = append(out, projectPerson(p))
	}
	return out
}

func imageURL(img *gofeed.Image) *string {
	if img == nil {
		return nil
	}
	return &img.URL
}

// agreement is what checkAgreement found for one document and one format.
type agreement struct {
	accepted bool
	reason   string // why the fast path declined
	problem  string // non-empty: the fast path accepted and disagrees with gofeed
}

// checkAgreement runs the fast path and gofeed on the bytes Parse would give them. When the fast
// path accepts, gofeed must succeed too and both must project to the same view.
func checkAgreement(body []byte, f format) agreement {
	body = fixUTF8Declaration(body)
	fast, err := parseFast(f, body)
	if err != nil {
		if !errors.Is(err, errFallback) {
			return agreement{problem: fmt.Sprintf("error %v does not wrap errFallback", err)}
		}
		return agreement{reason: fallbackReason(err)}
	}
	slow, serr := gofeedNoPanic(f, body)
	if serr != nil {
		return agreement{accepted: true, problem: fmt.Sprintf("fast path accepted, gofeed failed: %v", serr)}
	}
	fv, sv := project(fast), project(slow)
	if !reflect.DeepEqual(fv, sv) {
		return agreement{accepted: true, problem: describeDiff(fv, sv)}
	}
	return agreement{accepted: true}
}

// gofeedNoPanic is parseGofeed with a gofeed panic turned into an error.
func gofeedNoPanic(f format, body []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("gofeed panicked: %v", r)
		}
	}()
	return parseGofeed(f, body)
}

// fallbackReason shortens a fallback error to its reason, for the census.
func fallbackReason(err error) string {
	s := strings.TrimPrefix(err.Error(), errFallback.Error()+": ")
	if strings.HasPrefix(s, "malformed") {
		return "malformed XML"
	}
	if strings.HasPrefix(s, "root ") {
		return "root element not RSS / Atom 1.0"
	}
	if strings.HasPrefix(s, "declared charset") {
		return "declared charset"
	}
	return s
}

// describeDiff names the first field where two views differ.
func describeDiff(got, want *feedView) string {
	if (got == nil) != (want == nil) {
		return fmt.Sprintf("fast %v, gofeed %v", got != nil, want != nil)
	}
	if len(got.Items) != len(want.Items) {
		return fmt.Sprintf("fast has %d items, gofeed %d", len(got.Items), len(want.Items))
	}
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := 0; i < gv.NumField(); i++ {
		if name := gv.Type().Field(i).Name; name != "Items" && !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			return fmt.Sprintf("feed %s: fast %s, gofeed %s", name, jsonOf(gv.Field(i).Interface()), jsonOf(wv.Field(i).Interface()))
		}
	}
	for n := range got.Items {
		gi, wi := reflect.ValueOf(got.Items[n]).Elem(), reflect.ValueOf(want.Items[n]).Elem()
		for i := 0; i < gi.NumField(); i++ {
			if !reflect.DeepEqual(gi.Field(i).Interface(), wi.Field(i).Interface()) {
				return fmt.Sprintf("item %d %s: fast %s, gofeed %s", n, gi.Type().Field(i).Name,
					jsonOf(gi.Field(i).Interface()), jsonOf(wi.Field(i).Interface()))
			}
		}
	}
	return "views differ (nil against empty?)"
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// census counts, for one set of documents, how often the fast path accepted and why it declined.
type census struct {
	docs, accepted int
	reasons        map[string]int
}

func (c *census) add(accepted bool, reason string) {
	c.docs++
	if accepted {
		c.accepted++
		return
	}
	if c.reasons == nil {
		c.reasons = map[string]int{}
	}
	c.reasons[reason]++
}

func (c *census) String() string {
	var rs []string
	for r, n := range c.reasons {
		rs = append(rs, fmt.Sprintf("%d %s", n, r))
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] > rs[j] })
	return fmt.Sprintf("%d documents, fast path accepted %d, declined %d (%s)", c.docs, c.accepted, c.docs-c.accepted, strings.Join(rs, ", "))
}

// docFormats are the formats the fast path is tried as: the one the root names, and the other, as
// a mislabeled Content-Type makes Parse do.
func docFormats() []format { return []format{formatRSS, formatAtom} }

// readDir returns every file under dir (recursively) with its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[path] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFastPathAgrees is the differential test: for every corpus file, every shared fixture and the
// farm dumps, whenever the fast path accepts a document its result equals gofeed's on every field
// tributary reads. It logs how many documents the fast path takes and why it declines the others.
func TestFastPathAgrees(t *testing.T) {
	sets := []struct{ name, dir string }{
		{"fixtures", filepath.Join("..", "testdata")},
		{"farm", "testdata"},
		{"corpus", ""}, // ../shared/corpus
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			var files map[string][]byte
			if set.dir != "" {
				files = readTree(t, set.dir)
			} else {
				corpusDir := needCorpus(t)
				files = map[string][]byte{}
				for _, rel := range corpusFiles(t, corpusDir) {
					b, err := os.ReadFile(filepath.Join(corpusDir, rel))
					if err != nil {
						t.Fatal(err)
					}
					files[rel] = b
				}
			}
			names := make([]string, 0, len(files))
			for name := range files {
				if strings.HasSuffix(name, ".md") {
					continue // the folder's README
				}
				names = append(names, name)
			}
			sort.Strings(names)
			var c census
			for _, name := range names {
				bodies := [][]byte{files[name]}
				// feedparser's own harness decodes UTF-16/32 and drops a BOM first (corpus README §1.1).
				if strings.Contains(name, "feedparser") {
					if dec, _ := decodeHarness(files[name]); string(dec) != string(files[name]) {
						bodies = append(bodies, dec)
					}
				}
				accepted, reason := false, ""
				for _, body := range bodies {
					detected := detect(fixUTF8Declaration(body))
					for _, f := range docFormats() {
						a := checkAgreement(body, f)
						if a.problem != "" {
							t.Errorf("%s as %s: %s", name, f, a.problem)
						}
						if f != detected {
							continue
						}
						if a.accepted {
							accepted = true
						} else if reason == "" {
							reason = detected.String() + ": " + a.reason
						}
					}
					if detected != formatRSS && detected != formatAtom && reason == "" {
						reason = "not RSS or Atom (" + detected.String() + ")"
					}
				}
				c.add(accepted, reason)
			}
			t.Logf("%s: %s", set.name, &c)
			if set.name == "corpus" && c.docs < 3000 {
				t.Errorf("only %d corpus files", c.docs)
			}
		})
	}
}

// TestFastPathAccepts checks that the feeds tributary reads most, RSSHub's and the benchmark farm's,
// take the fast path: a fast path that declines them would save nothing.
func TestFastPathAccepts(t *testing.T) {
	tests := []struct {
		file string
		f    format
	}{
		{"../testdata/cls-depth.xml", formatRSS},
		{"../testdata/cls-depth-edited.xml", formatRSS},
		{"../testdata/cls-telegraph.xml", formatRSS},
		{"../testdata/cls-telegraph-app.xml", formatRSS},
		{"../testdata/hostile.xml", formatRSS},
		{"../testdata/farm-rss.xml", formatRSS},
		{"../testdata/farm-atom.xml", formatAtom},
		{"testdata/farm-mixed-2.xml", formatRSS},
		{"testdata/farm-mixed-3.xml", formatAtom},
		{"testdata/farm-mixed-6.xml", formatRSS},
		{"testdata/farm-mixed-7.xml", formatAtom},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			body, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if got := detect(body); got != tt.f {
				t.Fatalf("detected as %s, want %s", got, tt.f)
			}
			a := checkAgreement(body, tt.f)
			if !a.accepted {
				t.Fatalf("fast path declined: %s", a.reason)
			}
			if a.problem != "" {
				t.Fatal(a.problem)
			}
			feed, err := Parse(body, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) == 0 {
				t.Fatal("no items")
			}
		})
	}
}

// TestFastPathDeclines lists what the fast path leaves to gofeed: each document must be declined
// with errFallback, and Parse must still return gofeed's result.
func TestFastPathDeclines(t *testing.T) {
	const atomHead = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>`
	tests := []struct {
		name, doc string
		f         format
		reason    string
	}{
		{"doctype", `<!DOCTYPE rss [<!ENTITY x "y">]><rss><channel><title>&x;</title></channel></rss>`, formatRSS, "directive"},
		{"xml:base on an item", `<rss><channel><item xml:base="http://a.example/d/"><link>p</link></item></channel></rss>`, formatRSS, "xml:base"},
		{"xml:base on the feed", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a.example/"><entry><link href="p"/></entry></feed>`, formatAtom, "xml:base"},
		{"rss 1.0", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel><item><title>i</title></item></rdf:RDF>`, formatRSS, "root"},
		{"atom 0.3", `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title><entry><title>e</title></entry></feed>`, formatAtom, "root"},
		{"atom without namespace", `<feed><title>t</title><entry><title>e</title></entry></feed>`, formatAtom, "root"},
		{"xhtml content", atomHead + `<entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>`, formatAtom, "xhtml"},
		{"base64 mode", atomHead + `<entry><content mode="base64">aGk=</content></entry></feed>`, formatAtom, "mode"},
		{"binary content", atomHead + `<entry><content type="image/png">aGk=</content></entry></feed>`, formatAtom, "binary"},
		{"html holding raw markup", atomHead + `<entry><content type="html"><div><p>x</p></div></content></entry></feed>`, formatAtom, "markup"},
		{"gbk charset", "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><title>\xb2\xe2</title></channel></rss>", formatRSS, "charset"},
		{"malformed", `<rss><channel><title>x</title>`, formatRSS, "malformed"},
		{"illegal character reference", `<rss><channel><item><title>a&#1;b</title></item></channel></rss>`, formatRSS, "malformed"},
		{"reference to U+FFFE", `<rss><channel><item><description>&#xFFFE;</description></item></channel></rss>`, formatRSS, "malformed"},
		{"raw U+FFFF", "<rss><channel><item><description>a\uffffb</description></item></channel></rss>", formatRSS, "malformed"},
		{"invalid UTF-8", "<rss><channel><item><description>a\xe4b</description></item></channel></rss>", formatRSS, "malformed"},
		{"]]> outside CDATA", `<rss><channel><item><title>a ]]> b</title></item></channel></rss>`, formatRSS, "malformed"},
		{"unterminated CDATA", `<rss><channel><item><title><![CDATA[a</title></item></channel></rss>`, formatRSS, "malformed"},
		{"atom served as rss", atomHead + `</feed>`, formatRSS, "root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := fixUTF8Declaration([]byte(tt.doc))
			_, err := parseFast(tt.f, body)
			if !errors.Is(err, errFallback) {
				t.Fatalf("fast path: err = %v, want errFallback", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("fast path declined with %q, want a reason naming %q", err, tt.reason)
			}
			want, wantErr := parseGofeed(tt.f, body)
			got, gotErr := parseAs(tt.f, body, nil)
			if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(project(got), project(want)) {
				t.Errorf("parseAs = %v, %v; gofeed = %v, %v", jsonOf(project(got)), gotErr, jsonOf(project(want)), wantErr)
			}
		})
	}
}

// edgeDoc is a small document exercising one of gofeed's rules that the fast path restates.
type edgeDoc struct {
	name, doc string
	f         format
}

// edgeDocs are TestFastPathEdges' documents, and seeds of FuzzFastPathAgrees.
func edgeDocs() []edgeDoc {
	const rssHead = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>`
	const atomHead = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">`
	return []edgeDoc{
		{"entities outside and inside CDATA", rssHead + `<item><title> a &amp;lt; &copy=2; &nbsp; &#x4e2d; <![CDATA[&amp;]]> &bogus; </title><description>x<!-- <![CDATA[ -->y &amp;</description><author><!-- ]]> --></author></item></channel></rss>`, formatRSS},
		{"raw markup in description", rssHead + `<item><description><p>a &amp; <b>b</b></p></description></item></channel></rss>`, formatRSS},
		{"mismatched end tags repaired", rssHead + `<title>x</channel></rss>`, formatRSS},
		{"mismatched end tag repaired", rssHead + `<item><description><p>a</description><title>t</title></item></channel></rss>`, formatRSS},
		{"authors and dates", rssHead + `<managingEditor>ed@example.com (Ed)</managingEditor><item><author>Jo (jo@example.com)</author><dc:creator>C</dc:creator><dc:date>2021-11-18</dc:date><pubDate>Thu, 18 Nov 2021 01:06:01 GMT</pubDate></item><item><dc:creator>Only (Creator)</dc:creator><dc:subject>s1</dc:subject><category>c1</category><atom:category term="t1"/></item></channel></rss>`, formatRSS},
		{"webMaster dropped", rssHead + `<webMaster>i@diygod.me (DIYgod)</webMaster><item><title>x</title></item></channel></rss>`, formatRSS},
		{"links and guid", rssHead + `<link>http://s.example/</link><atom:link href="HTTP://S.example/feed" rel="self"/><item><link href="http://h.example/a b"></link><guid isPermaLink="false">g1</guid></item><item><guid>http://g.example/2</guid><link> http://l.example/x </link><link>second</link></item></channel></rss>`, formatRSS},
		{"media and enclosures", rssHead + `<item><media:group><media:content url="http://m.example/a.jpg" medium="image"><media:thumbnail url="http://m.example/t.jpg"/></media:content></media:group><media:thumbnail url="t2.jpg" foo:bar="x" xmlns:foo="urn:foo"/><enclosure url="http://e.example/e.png" type="image/png" length="10"/><itunes:image href="http://i.example/i.jpg"/></item></channel></rss>`, formatRSS},
		{"unknown namespace prefix", `<rss xmlns:x="urn:x" xmlns:y="urn:x"><channel><item><x:thing a="1">v<!-- c -->w</x:thing><y:thing/><undeclared:z>q</undeclared:z></item></channel></rss>`, formatRSS},
		{"bogus default namespace on rss", `<rss xmlns="urn:bogus"><channel><title>t</title><item><title>i</title></item></channel></rss>`, formatRSS},
		{"items at the root and two channels", `<rss><channel><item><title>lost</title></item></channel><channel><title>c2</title><image><url>http://i.example/l.png</url></image></channel><item><title>root</title></item></rss>`, formatRSS},
		{"content:encoded under another prefix", `<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><item><c:encoded><![CDATA[<p>body</p>]]></c:encoded><encoded>native</encoded></item></channel></rss>`, formatRSS},
		{"control characters", "<rss><channel><item><title>a\x01b\x0bc</title></item></channel></rss>", formatRSS},
		{"trailing garbage after the root", `<rss><channel><title>t</title></channel></rss><junk>`, formatRSS},
		{"atom text types", atomHead + `<title type="html">A &amp;amp; B</title><entry><title type="text">x &lt; y</title><summary type="html">&lt;p&gt;s&lt;/p&gt;</summary><content type="html"><![CDATA[<p>c</p>]]></content><id> HTTP://ID.example/1 </id></entry><entry><content type="application/json">{"a":1}</content><id>urn:uuid:1</id></entry></feed>`, formatAtom},
		{"atom links, persons, categories", atomHead + `<link href="http://s.example/"/><link rel="self" href="/feed"/><author><name>A</name><email>a@example.com</email></author><logo>http://s.example/logo.png</logo><icon>i.png</icon><entry><link rel="enclosure" href="http://e.example/x.jpg" type="image/jpeg" length="3"/><link rel="related" href="http://r.example/"/><link href="http://a.example/1"/><author><name>B</name></author><author><email>c@example.com</email></author><category term="t" label="L"/><category term="u"/><updated>2021-11-18T00:00:00Z</updated><media:thumbnail url="http://t.example/t.jpg"/></entry><entry><published>2021-11-17T00:00:00Z</published><issued>2021-11-16T00:00:00Z</issued></entry></feed>`, formatAtom},
		{"atom lang", `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><title>t</title></feed>`, formatAtom},
		{"character references skipped over", rssHead + `<item><title>&#x4e2d;&#20013;&#X41;&#;&#x;</title><description>&#xD800; ]]&gt; ]] > &#99999999999999999999;</description><category>&#x110000;<![CDATA[]]]]><![CDATA[>]]></category></item></channel></rss>`, formatRSS},
	}
}

// TestFastPathEdges pins gofeed's rules that the fast path restates, on small documents: each
// must be accepted and agree with gofeed.
func TestFastPathEdges(t *testing.T) {
	for _, tt := range edgeDocs() {
		t.Run(tt.name, func(t *testing.T) {
			a := checkAgreement([]byte(tt.doc), tt.f)
			if !a.accepted {
				t.Fatalf("fast path declined: %s", a.reason)
			}
			if a.problem != "" {
				t.Fatal(a.problem)
			}
		})
	}
}

// FuzzFastPathAgrees feeds arbitrary bytes to the fast path as RSS and as Atom: it must never
// panic (it runs here without Parse's recover), and whenever it accepts, gofeed must succeed on the
// same bytes with the same fields tributary reads.
func FuzzFastPathAgrees(f *testing.F) {
	fuzzing := false
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		fuzzing = true
	}
	for _, dir := range []string{filepath.Join("..", "testdata"), "testdata"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
				f.Add(b)
			}
		}
	}
	if corpusDir, ok := testenv.HasShared("corpus"); ok {
		for i, rel := range corpusFiles(f, corpusDir) {
			if !fuzzing && i%20 != 0 {
				continue
			}
			if b, err := os.ReadFile(filepath.Join(corpusDir, rel)); err == nil {
				f.Add(b)
			}
		}
	}
	for _, d := range edgeDocs() {
		f.Add([]byte(d.doc))
	}
	f.Add([]byte(`<rss><channel><item><title>a &amp;lt; <![CDATA[b]]> &copy=2;</title><link href="HTTP://x/ y"/><x:e xmlns:x="urn:x" a="1"><x:c>v</x:c></x:e></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>HTTP://x</id><content type="html">&lt;p&gt;</content><link href="y"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if got, want := detect(body), detectGofeed(body); got != want {
			t.Fatalf("detect = %s, gofeed.DetectFeedType = %s", got, want)
		}
		for _, fm := range docFormats() {
			if a := checkAgreement(body, fm); a.problem != "" {
				t.Fatalf("as %s: %s", fm, a.problem)
			}
		}
	})
}

// TestDropControlChars checks the word-at-a-time scan against gofeed's byte filter, with each C0
// byte and its neighbours at every position of a word.
func TestDropControlChars(t *testing.T) {
	naive := func(b []byte) []byte {
		var out []byte
		for _, c := range b {
			if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
				out = append(out, c)
			}
		}
		return out
	}
	var bytesToTry []int
	for c := 0; c <= 0x21; c++ {
		bytesToTry = append(bytesToTry, c)
	}
	bytesToTry = append(bytesToTry, 0x7f, 0x80, 0xa0, 0xdf, 0xff)
	for _, c := range bytesToTry {
		for pos := 0; pos < 17; pos++ {
			t.Run(fmt.Sprintf("%#02x at %d", c, pos), func(t *testing.T) {
				b := []byte(strings.Repeat("a中\x7f\xff ", 4))
				b[pos] = byte(c)
				got, want := dropControlChars(b), naive(b)
				if string(got) != string(want) {
					t.Errorf("dropControlChars(%q) = %q, want %q", b, got, want)
				}
			})
		}
	}
}

// detectGofeed is what detect restates: gofeed.DetectFeedType.
func detectGofeed(body []byte) format {
	switch gofeed.DetectFeedType(bytes.NewReader(body)) {
	case gofeed.FeedTypeRSS:
		return formatRSS
	case gofeed.FeedTypeAtom:
		return formatAtom
	case gofeed.FeedTypeJSON:
		return formatJSON
	}
	return formatUnknown
}

// TestDetectMatchesGofeed checks detect against gofeed.DetectFeedType on every corpus file and
// shared fixture, and on the prefixes that decide it.
func TestDetectMatchesGofeed(t *testing.T) {
	docs := map[string][]byte{
		"empty":              nil,
		"white space":        []byte(" \r\n\t"),
		"bom and rss":        []byte("\xef\xbb\xbf <rss/>"),
		"utf-16 bom":         []byte("\xff\xfe<\x00r\x00s\x00s\x00/\x00>\x00"),
		"json":               []byte(" {\"items\":[]}"),
		"text before":        []byte("x<rss/>"),
		"comment then feed":  []byte("<!-- c --><?pi x?><!DOCTYPE feed><FEED/>"),
		"rdf with prefix":    []byte(`<rdf:RDF xmlns:rdf="x"/>`),
		"html":               []byte("<html><body>503</body></html>"),
		"broken":             []byte("<rss"),
		"control before":     []byte("<?xml version=\"1.0\"?>\x01<rss/>"),
		"gb2312 declaration": []byte("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss/>"),
		"unknown charset":    []byte("<?xml version=\"1.0\" encoding=\"x-bogus\"?><rss/>"),
	}
	for _, dir := range []string{filepath.Join("..", "testdata"), "testdata"} {
		for name, b := range readTree(t, dir) {
			docs[name] = b
		}
	}
	if corpusDir, ok := testenv.HasShared("corpus"); ok {
		for _, rel := range corpusFiles(t, corpusDir) {
			b, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			docs[rel] = b
		}
	}
	for name, b := range docs {
		t.Run(name, func(t *testing.T) {
			if got, want := detect(b), detectGofeed(b); got != want {
				t.Errorf("detect = %s, gofeed.DetectFeedType = %s", got, want)
			}
		})
	}
}
