package refresh

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/aggregator/testenv"
)

// bodyFetcher is a Fetcher that serves one body through fetch.Decode, the charset layer of the real
// client, as if a server had sent it with the given Content-Type.
type bodyFetcher struct {
	mu                    sync.Mutex
	body                  []byte
	contentType, override string
}

func (f *bodyFetcher) set(body []byte, contentType, override string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.body, f.contentType, f.override = body, contentType, override
}

func (f *bodyFetcher) Fetch(ctx context.Context, r fetch.Request) (*fetch.Response, error) {
	f.mu.Lock()
	body, ct, override := f.body, f.contentType, f.override
	f.mu.Unlock()
	out, cs, err := fetch.Decode(body, ct, override)
	if err != nil {
		return nil, err
	}
	return &fetch.Response{StatusCode: 200, Body: out, Charset: cs, ContentType: ct, URL: r.URL}, nil
}

// memStore is an aggregator.Store that keeps the articles of the last SaveFeed in memory. The fuzz
// target uses it rather than bbolt, whose coverage depends on what earlier inputs stored and on map
// order (its freelist): the fuzzer needs inputs whose coverage reproduces, or it spends its time
// minimizing inputs that never do. The store has fuzz and property tests of its own.
type memStore struct {
	aggregator.Store // nil: the methods the Refresher does not call panic
	last             []aggregator.Article
	state            aggregator.FetchState
}

func (s *memStore) SaveFeed(ctx context.Context, source string, articles []aggregator.Article, state aggregator.FetchState) (aggregator.SaveResult, error) {
	return s.SaveListed(ctx, source, articles, nil, state)
}

func (s *memStore) SaveListed(_ context.Context, _ string, articles []aggregator.Article, _ []string, state aggregator.FetchState) (aggregator.SaveResult, error) {
	s.last, s.state = append(s.last[:0], articles...), state
	return aggregator.SaveResult{New: len(articles)}, nil
}

func (s *memStore) SaveState(_ context.Context, _ string, state aggregator.FetchState) error {
	s.state = state
	return nil
}

func (s *memStore) States(context.Context) (map[string]aggregator.FetchState, error) {
	return map[string]aggregator.FetchState{}, nil
}

// FuzzIngest runs the whole ingest path on arbitrary bytes, through Refresher.RefreshSource as the
// daemon runs it: charset decoding (fetch.Decode), the nesting and item caps, parse.Parse and
// normalize, up to the articles handed to the store. Nothing may panic (refresh recovers panics, so a
// result mentioning one is a finding), a failure is recorded as one, and every article must be safe
// to republish.
func FuzzIngest(f *testing.F) {
	for _, name := range []string{"cls-depth.xml", "cls-telegraph.xml", "gbk.xml", "atom.xml", "feed.json", "hostile.xml"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		ct := "application/rss+xml"
		switch filepath.Ext(name) {
		case ".json":
			ct = "application/feed+json"
		default:
			if name == "atom.xml" {
				ct = "application/atom+xml"
			}
		}
		f.Add(b, ct, "")
		f.Add(b, "", "")
	}
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		// A fuzzing run also starts from the conformance corpus's encodings.
		for _, p := range testenv.Glob("corpus/feedparser/encoding/*.xml", "corpus/miniflux/encoding/testdata/*.xml") {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b, "text/xml", "")
			}
		}
	}
	f.Add([]byte(`<rss><channel><item><title>x</title>`+strings.Repeat("<a>", 1100)+`</item></channel></rss>`), "", "")
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><item><title>\xb2\xe2\xca\xd4</title><link>/a?utm_source=x</link>"+
		"<description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>"), "text/xml; charset=gbk", "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[null,{"id":1e400,"url":"javascript:alert(1)","content_html":"<svg onload=alert(1)>","tags":[null,"x"]}]}`), "application/json", "")
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"), "", "utf-16")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>`+strings.Repeat("g", 40000)+`</id><category term="`+strings.Repeat("c", 40000)+`"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="&#x6A;avascript:x">x</a></div></content></entry></feed>`), "", "")

	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		f.Fatal(err)
	}
	source := aggregator.Source{Name: "fuzz", Title: "Fuzz", URL: "https://rsshub.app/fuzz/feed",
		Schedule: "@hourly", Categories: []string{"金融"}, Author: "财联社", Location: shanghai}
	norm := normalize.New(normalize.Options{})

	f.Fuzz(func(t *testing.T, body []byte, contentType, override string) {
		ctx := context.Background()
		st := &memStore{}
		fetcher := &bodyFetcher{}
		fetcher.set(body, contentType, override)
		r, err := New(ctx, Options{Store: st, Fetcher: fetcher, Normalizer: norm, MaxItems: 500})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close(ctx)
		r.SetSources(ctx, []aggregator.Source{source})
		res := r.RefreshSource(ctx, "fuzz", true)
		switch res.Status {
		case aggregator.StatusError:
			if strings.Contains(res.Error, "panic") {
				t.Fatalf("the ingest path panicked: %s", res.Error)
			}
			if st.state.ConsecutiveFailures != 1 || st.state.LastError != res.Error {
				t.Fatalf("failure recorded as %+v", st.state)
			}
			return
		case aggregator.StatusUpdated:
		default:
			t.Fatalf("result %+v", res)
		}
		if len(st.last) > 500 {
			t.Fatalf("%d articles saved from one feed, over the cap of 500", len(st.last))
		}
		if res.New != len(st.last) || st.state.LastStatus != aggregator.StatusUpdated {
			t.Fatalf("result %+v for %d saved articles, state %+v", res, len(st.last), st.state)
		}
		ids := map[string]bool{}
		for _, a := range st.last {
			if err := checkIngested(a); err != nil {
				t.Fatalf("%v\narticle: %+v", err, a)
			}
			if ids[a.ID] {
				t.Fatalf("id %s twice in one feed", a.ID)
			}
			ids[a.ID] = true
			if len(a.Sources) != 1 || a.Sources[0] != "fuzz" || a.Categories[0] != "金融" {
				t.Fatalf("article %s: sources %q, categories %q", a.ID, a.Sources, a.Categories)
			}
		}
	})
}

// checkIngested checks what must hold of every article before it is republished: text that XML can
// carry, an id, absolute http(s) links, and a body where nothing can run or load from another scheme.
func checkIngested(a aggregator.Article) error {
	if len(a.ID) != 32 {
		return fmt.Errorf("id %q", a.ID)
	}
	fields := append([]string{a.Title, a.Author, a.Body, a.Link, a.GUID, a.HeadImg, a.Thumbnail}, a.Categories...)
	for _, v := range fields {
		if !utf8.ValidString(v) {
			return fmt.Errorf("invalid UTF-8 in %q", v)
		}
		for _, r := range v {
			if !xmlChar(r) {
				return fmt.Errorf("XML-illegal character %U in %q", r, v)
			}
		}
	}
	if len(a.Categories) > normalize.MaxCategories {
		return fmt.Errorf("%d categories", len(a.Categories))
	}
	limits := map[string]int{"title": normalize.MaxTitleRunes, "author": normalize.MaxAuthorRunes, "category": normalize.MaxCategoryRunes}
	plain := [][2]string{{"title", a.Title}, {"author", a.Author}}
	for _, c := range a.Categories {
		plain = append(plain, [2]string{"category", c})
	}
	for _, f := range plain {
		if err := normalize.CheckPlainText(f[1], limits[f[0]]); err != nil {
			return fmt.Errorf("%s %q: %w", f[0], f[1], err)
		}
	}
	if len(a.GUID) > normalize.MaxGUIDBytes {
		return fmt.Errorf("guid of %d bytes", len(a.GUID))
	}
	for _, u := range []string{a.Link, a.HeadImg, a.Thumbnail} {
		if u == "" {
			continue
		}
		if len(u) > normalize.MaxURLBytes {
			return fmt.Errorf("url of %d bytes", len(u))
		}
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("url %q is not absolute http(s)", u)
		}
	}
	return checkBody(a.Body)
}

func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// activeElements can run code, load a document or submit data: none may survive sanitizing.
var activeElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Frame: true, atom.Frameset: true,
	atom.Object: true, atom.Embed: true, atom.Applet: true, atom.Form: true, atom.Input: true,
	atom.Button: true, atom.Textarea: true, atom.Select: true, atom.Base: true, atom.Meta: true,
	atom.Link: true, atom.Svg: true, atom.Math: true, atom.Template: true, atom.Noscript: true,
}

// checkBody parses the body as a browser would and reports anything active.
func checkBody(body string) error {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(body), ctx)
	if err != nil {
		return err
	}
	var walk func(n *html.Node) error
	walk = func(n *html.Node) error {
		if n.Type == html.ElementNode {
			if n.Namespace != "" || activeElements[n.DataAtom] {
				return fmt.Errorf("body keeps <%s> (namespace %q)", n.Data, n.Namespace)
			}
			for _, at := range n.Attr {
				key := strings.ToLower(at.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
					return fmt.Errorf("body keeps attribute %s on <%s>", at.Key, n.Data)
				}
				if key == "href" || key == "src" || key == "srcset" || key == "action" || key == "background" || key == "poster" {
					if s := scheme(at.Val); s != "" && s != "http" && s != "https" && !(key == "href" && s == "mailto") {
						return fmt.Errorf("body keeps <%s %s=%q>", n.Data, at.Key, at.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range nodes {
		if err := walk(n); err != nil {
			return err
		}
	}
	return nil
}

// scheme returns the lower-cased scheme a browser would see in a URL attribute: tabs and newlines
// anywhere, and leading control characters and spaces, are ignored; "" when the URL is relative.
func scheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}

// TestCheckIngested shows that FuzzIngest's checks can fail: each unsafe article is caught.
func TestCheckIngested(t *testing.T) {
	ok := aggregator.Article{ID: strings.Repeat("a", 32), Title: "t", Link: "https://example.com/a",
		Body: `<p class="x">text <a href="https://example.com/" title="t">link</a> <a href="mailto:a@b">m</a><img src="https://img.cls.cn/a.png" referrerpolicy="no-referrer"></p>`}
	if err := checkIngested(ok); err != nil {
		t.Fatalf("a safe article: %v", err)
	}
	for _, bad := range []func(a *aggregator.Article){
		func(a *aggregator.Article) { a.Body = `<img src=x onerror=alert(1)>` },
		func(a *aggregator.Article) { a.Body = `<a href=" java&#x09;script:alert(1)">x</a>` },
		func(a *aggregator.Article) { a.Body = `<svg><a href="https://x/">x</a></svg>` },
		func(a *aggregator.Article) { a.Body = `<p style="background:url(x)">x</p>` },
		func(a *aggregator.Article) { a.Body = `<img src="data:image/svg+xml,<svg onload=alert(1)>">` },
		func(a *aggregator.Article) { a.Body = `<iframe src="https://x/"></iframe>` },
		func(a *aggregator.Article) { a.Title = "bell \x07" },
		func(a *aggregator.Article) { a.Categories = []string{"\xff"} },
		func(a *aggregator.Article) { a.Link = "javascript:alert(1)" },
		func(a *aggregator.Article) { a.HeadImg = "/relative.png" },
		func(a *aggregator.Article) { a.ID = "" },
	} {
		a := ok
		bad(&a)
		if err := checkIngested(a); err == nil {
			t.Errorf("not caught: %+v", a)
		}
	}
}
