package feeds

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
	"tributary/store"
)

// openStore opens a real store in a temporary directory.
func openStore(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "tributary.db"), store.Options{Timeout: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// save stores articles as one fetched feed of source.
func save(tb testing.TB, st *store.Store, source string, articles []aggregator.Article) {
	tb.Helper()
	for i := range articles {
		articles[i].Sources = []string{source}
	}
	state := aggregator.FetchState{LastFetch: time.Now(), LastSuccess: time.Now(), LastStatus: aggregator.StatusUpdated}
	if _, err := st.SaveFeed(context.Background(), source, articles, state); err != nil {
		tb.Fatal(err)
	}
}

type testEnv struct {
	st  *store.Store
	srv *Server
	ts  *httptest.Server

	mu       sync.Mutex
	observed []string
}

// newEnv serves the fixture articles as output "all" (every source) and "depth" (cls-depth only)
// from a real store, over a real HTTP server on 127.0.0.1.
func newEnv(tb testing.TB) *testEnv {
	tb.Helper()
	env := &testEnv{st: openStore(tb)}
	arts := fixtureArticles(tb)
	save(tb, env.st, "cls-telegraph", arts[:1])
	save(tb, env.st, "cls-depth", arts[1:])
	env.srv = New(Options{
		Store:   env.st,
		Outputs: []aggregator.Output{fixtureOutput(), {Name: "depth", Title: "财联社 - 深度", Sources: []string{"cls-depth"}, Limit: 2}},
		BaseURL: testBase + "/",
		Status:  fixtureStatus,
		Observe: func(output, format string, code int) {
			env.mu.Lock()
			env.observed = append(env.observed, fmt.Sprintf("%s.%s:%d", output, format, code))
			env.mu.Unlock()
		},
	})
	env.ts = httptest.NewServer(env.srv.Handler())
	tb.Cleanup(env.ts.Close)
	return env
}

func fixtureStatus(context.Context) []aggregator.SourceStatus {
	return []aggregator.SourceStatus{
		{
			Source:   aggregator.Source{Name: "cls-depth", Title: "财联社 - 深度"},
			State:    aggregator.FetchState{LastSuccess: time.Date(2021, 11, 18, 1, 10, 0, 0, time.UTC)},
			Articles: 3,
		},
		{
			Source: aggregator.Source{Name: "cls-telegraph", Title: "财联社 - 电报 <script>alert(1)</script>"},
			State: aggregator.FetchState{
				LastError:           `fetch: 503 Service Unavailable: <img src=x onerror="alert(2)">`,
				ConsecutiveFailures: 4,
			},
			Articles: 1,
		},
	}
}

// do sends a request with the given header fields ("Name: value"; a name given twice is sent on two
// lines) and returns the response and its body, read whole.
func (env *testEnv) do(tb testing.TB, method, path string, fields ...string) (*http.Response, []byte) {
	tb.Helper()
	req, err := http.NewRequest(method, env.ts.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range fields {
		name, value, _ := strings.Cut(f, ":")
		req.Header.Add(name, strings.TrimSpace(value))
	}
	// A transport that leaves Accept-Encoding alone and never decompresses: the test sees the bytes.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, body
}

func TestServeFormats(t *testing.T) {
	env := newEnv(t)
	want := fixtureArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			resp, body := env.do(t, "GET", "/feeds/all."+f.Ext())
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			for name, value := range map[string]string{
				"Content-Type":           f.ContentType(),
				"Cache-Control":          cacheControl,
				"Vary":                   "Accept-Encoding",
				"X-Content-Type-Options": "nosniff",
				"Content-Length":         fmt.Sprint(len(body)),
			} {
				if got := resp.Header.Get(name); got != value {
					t.Errorf("%s = %q, want %q", name, got, value)
				}
			}
			if resp.Header.Get("Content-Encoding") != "" {
				t.Error("compressed without being asked")
			}
			if etag := resp.Header.Get("ETag"); len(etag) < 10 || etag[0] != '"' || strings.HasPrefix(etag, "W/") {
				t.Errorf("ETag = %q, want a strong entity tag", etag)
			}
			if _, err := http.ParseTime(resp.Header.Get("Last-Modified")); err != nil {
				t.Errorf("Last-Modified: %v", err)
			}
			checkWellFormed(t, f, body)
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) != len(want) {
				t.Fatalf("%d items, want %d", len(feed.Items), len(want))
			}
			for i, it := range feed.Items {
				if it.Title != want[i].Title {
					t.Errorf("item %d: title %q, want %q", i, it.Title, want[i].Title)
				}
				if it.Link != want[i].Link {
					t.Errorf("item %d: link %q, want %q", i, it.Link, want[i].Link)
				}
			}
			if f != JSON && !strings.Contains(string(body), testBase+"/feeds/all."+f.Ext()) {
				t.Error("no self link built from BaseURL")
			}
		})
	}
	// The limit and the source filter of an output apply.
	_, body := env.do(t, "GET", "/feeds/depth.json")
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 2 || feed.Items[0].Title != want[1].Title || feed.Items[1].Title != seedTitle {
		t.Errorf("depth output: %d items, want the 2 newest of cls-depth", len(feed.Items))
	}
}

func TestServeBadRequests(t *testing.T) {
	env := newEnv(t)
	h := env.srv.Handler()
	cases := []struct {
		method, path string
		code         int
	}{
		{"GET", "/feeds/nope.rss", 404},
		{"GET", "/feeds/all.xml", 404},
		{"GET", "/feeds/all.RSS", 404},
		{"GET", "/feeds/all", 404},
		{"GET", "/feeds/.rss", 404},
		{"GET", "/feeds/", 404},
		{"GET", "/feeds", 404},
		{"GET", "/feeds/all.rss/", 404},
		{"GET", "/feeds/all.rss/x.rss", 404},
		{"GET", "/feeds/../feeds/all.rss", 404},
		{"GET", "/feeds/..%2Fall.rss", 404},
		{"GET", "/feeds/all%2Erss", 200}, // decoded: /feeds/all.rss
		{"GET", "/feeds/a%2Fb.rss", 404},
		{"GET", "/feeds/all.rss%00", 404},
		{"GET", "/feeds/%E4%B8%AD.rss", 404},
		{"GET", "/feeds/" + strings.Repeat("a", 100_000) + ".rss", 404},
		{"GET", "/" + strings.Repeat("../", 1000), 404},
		{"GET", "/index.html", 404},
		{"GET", "/feeds/all.rss?x=1", 200},
		{"POST", "/feeds/all.rss", 405},
		{"PUT", "/feeds/all.atom", 405},
		{"DELETE", "/feeds/all.json", 405},
		{"OPTIONS", "/feeds/all.json", 405},
		{"PATCH", "/", 405},
		{"BREW", "/", 405},
		{"TRACE", "/", 405},
		{"POST", "/feeds/nope.rss", 404},
		{"GET", "/feeds/nope.html", 404},
		{"GET", "/feeds/all.htm", 404},
		{"GET", "/feeds/all.HTML", 404},
		{"GET", "/feeds/.html", 404},
		{"GET", "/feeds/all.html/", 404},
		{"POST", "/feeds/all.html", 405},
		{"GET", "/feeds/all%2Ehtml", 200},
	}
	for _, c := range cases {
		name := c.method + " " + c.path
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			// Straight to the handler, so that no ServeMux cleans the path first.
			req := httptest.NewRequest(c.method, "http://127.0.0.1"+c.path, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.code {
				t.Fatalf("status %d, want %d", rec.Code, c.code)
			}
			if c.code == 200 {
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if rec.Body.Len() == 0 || rec.Body.Len() > 200 {
				t.Errorf("body of %d bytes, want a short text", rec.Body.Len())
			}
			if strings.Contains(rec.Body.String(), "aaaa") || strings.Contains(rec.Body.String(), "..") {
				t.Error("the body echoes the request path")
			}
			if c.code == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", rec.Header().Get("Allow"))
			}
		})
	}
}

// TestServeRawRequests sends requests that no Go client would, over TCP to the real server.
func TestServeRawRequests(t *testing.T) {
	env := newEnv(t)
	cases := []struct {
		name, target string
		code         int
	}{
		{"dot segments", "/feeds/../feeds/all.rss", 404},
		{"encoded slash", "/feeds/all%2F..%2Fall.rss", 404},
		{"huge path", "/feeds/" + strings.Repeat("%2e", 50_000) + ".rss", 404},
		{"bad escape", "/feeds/%zz.rss", 400},
		{"absolute form", "http://evil.example/feeds/all.rss", 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", env.ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", c.target)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != c.code {
				t.Errorf("status %d, want %d", resp.StatusCode, c.code)
			}
		})
	}
}

func TestServeHead(t *testing.T) {
	env := newEnv(t)
	for _, path := range []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/", "/feeds/nope.rss"} {
		for _, ae := range []string{"", "gzip", "zstd", "gzip, zstd;q=0"} {
			get, getBody := env.do(t, "GET", path, "Accept-Encoding: "+ae)
			head, headBody := env.do(t, "HEAD", path, "Accept-Encoding: "+ae)
			if len(headBody) != 0 {
				t.Errorf("HEAD %s: %d body bytes", path, len(headBody))
			}
			if head.StatusCode != get.StatusCode {
				t.Errorf("HEAD %s: status %d, GET %d", path, head.StatusCode, get.StatusCode)
			}
			for _, name := range []string{"Content-Type", "Content-Length", "ETag", "Last-Modified", "Content-Encoding"} {
				if head.Header.Get(name) != get.Header.Get(name) {
					t.Errorf("HEAD %s: %s = %q, GET has %q", path, name, head.Header.Get(name), get.Header.Get(name))
				}
			}
			if get.Header.Get("Content-Length") != fmt.Sprint(len(getBody)) {
				t.Errorf("GET %s: Content-Length %s for %d bytes", path, get.Header.Get("Content-Length"), len(getBody))
			}
		}
	}
}

func TestServeConditional(t *testing.T) {
	env := newEnv(t)
	const path = "/feeds/all.atom"
	first, _ := env.do(t, "GET", path)
	etag, lastMod := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	firstGz, _ := env.do(t, "GET", path, "Accept-Encoding: gzip")
	etagGz := firstGz.Header.Get("ETag")
	firstZstd, _ := env.do(t, "GET", path, "Accept-Encoding: zstd")
	etagZstd := firstZstd.Header.Get("ETag")
	if etag == etagGz || etag == etagZstd || etagGz == etagZstd {
		t.Fatalf("representations share an ETag: plain %s, gzip %s, zstd %s", etag, etagGz, etagZstd)
	}
	lm, err := http.ParseTime(lastMod)
	if err != nil {
		t.Fatal(err)
	}
	before := lm.Add(-time.Hour).Format(http.TimeFormat)
	after := lm.Add(time.Hour).Format(http.TimeFormat)
	weak := "W/" + etag
	cases := []struct {
		name   string
		fields []string
		code   int
		// etag is the ETag the response must carry when set; the plain one otherwise.
		etag string
	}{
		{"none", nil, 200, ""},
		{"etag", []string{"If-None-Match: " + etag}, 304, ""},
		{"weak etag", []string{"If-None-Match: " + weak}, 304, ""},
		{"etag in a list", []string{`If-None-Match: "x", W/"y",` + etag}, 304, ""},
		{"star", []string{"If-None-Match: *"}, 304, ""},
		{"other etag", []string{`If-None-Match: "nope"`}, 200, ""},
		{"gzip etag without gzip", []string{"If-None-Match: " + etagGz}, 200, ""},
		{"gzip etag with gzip", []string{"If-None-Match: " + etagGz, "Accept-Encoding: gzip"}, 304, etagGz},
		{"plain etag with gzip", []string{"If-None-Match: " + etag, "Accept-Encoding: gzip"}, 200, etagGz},
		{"zstd etag with zstd", []string{"If-None-Match: " + etagZstd, "Accept-Encoding: zstd"}, 304, etagZstd},
		{"zstd etag with a browser's list", []string{"If-None-Match: " + etagZstd, "Accept-Encoding: gzip, deflate, br, zstd"}, 304, etagZstd},
		{"zstd etag in a list with zstd", []string{`If-None-Match: "x", ` + etagGz + ", " + etagZstd, "Accept-Encoding: zstd"}, 304, etagZstd},
		{"zstd etag with gzip", []string{"If-None-Match: " + etagZstd, "Accept-Encoding: gzip"}, 200, etagGz},
		{"zstd etag with zstd refused", []string{"If-None-Match: " + etagZstd, "Accept-Encoding: zstd;q=0, *"}, 200, etagGz},
		{"zstd etag without coding", []string{"If-None-Match: " + etagZstd}, 200, ""},
		{"gzip etag with zstd", []string{"If-None-Match: " + etagGz, "Accept-Encoding: zstd"}, 200, etagZstd},
		{"plain etag with zstd", []string{"If-None-Match: " + etag, "Accept-Encoding: zstd"}, 200, etagZstd},
		{"star with zstd", []string{"If-None-Match: *", "Accept-Encoding: zstd"}, 304, etagZstd},
		{"malformed etag", []string{"If-None-Match: " + strings.Trim(etag, `"`)}, 200, ""},
		{"same date", []string{"If-Modified-Since: " + lastMod}, 304, ""},
		{"later date", []string{"If-Modified-Since: " + after}, 304, ""},
		{"earlier date", []string{"If-Modified-Since: " + before}, 200, ""},
		{"RFC 850 date", []string{"If-Modified-Since: " + lm.Format("Monday, 02-Jan-06 15:04:05 GMT")}, 304, ""},
		{"invalid date", []string{"If-Modified-Since: yesterday"}, 200, ""},
		// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
		{"etag mismatch, date match", []string{`If-None-Match: "nope"`, "If-Modified-Since: " + after}, 200, ""},
		{"etag match, date mismatch", []string{"If-None-Match: " + etag, "If-Modified-Since: " + before}, 304, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, method := range []string{"GET", "HEAD"} {
				resp, body := env.do(t, method, path, c.fields...)
				if resp.StatusCode != c.code {
					t.Fatalf("%s: status %d, want %d", method, resp.StatusCode, c.code)
				}
				wantETag := c.etag
				if wantETag == "" {
					wantETag = etag
				}
				if got := resp.Header.Get("ETag"); got != wantETag {
					t.Errorf("%s: ETag %s, want %s", method, got, wantETag)
				}
				if c.code != 304 {
					continue
				}
				if len(body) != 0 {
					t.Errorf("304 with %d body bytes", len(body))
				}
				if resp.Header.Get("ETag") == "" || resp.Header.Get("Cache-Control") == "" || resp.Header.Get("Vary") == "" {
					t.Errorf("304 without ETag, Cache-Control or Vary: %v", resp.Header)
				}
				if resp.Header.Get("Content-Type") != "" || resp.Header.Get("Content-Encoding") != "" {
					t.Errorf("304 with representation metadata: %v", resp.Header)
				}
			}
		})
	}
}

// decode returns body decompressed from the content coding ce ("" for none): gzip with the
// standard library, zstd with klauspost's decoder, limited to the 8 MB window that RFC 9659 lets
// browsers enforce.
func decode(tb testing.TB, ce string, body []byte) []byte {
	tb.Helper()
	switch ce {
	case "":
		return body
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			tb.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		return plain
	case "zstd":
		zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(8<<20))
		if err != nil {
			tb.Fatal(err)
		}
		defer zr.Close()
		plain, err := zr.DecodeAll(body, nil)
		if err != nil {
			tb.Fatalf("zstd: %v", err)
		}
		return plain
	}
	tb.Fatalf("unknown Content-Encoding %q", ce)
	return nil
}

func TestServeEncoding(t *testing.T) {
	env := newEnv(t)
	cases := []struct {
		accept []string // one Accept-Encoding line each
		want   string   // the Content-Encoding
	}{
		{nil, ""},
		{[]string{""}, ""},
		{[]string{"gzip"}, "gzip"},
		{[]string{"GZIP"}, "gzip"},
		{[]string{"x-gzip"}, "gzip"},
		{[]string{"deflate, gzip;q=1.0, br"}, "gzip"},
		{[]string{"br;q=1, gzip;q=0.5"}, "gzip"},
		{[]string{"gzip;q=0"}, ""},
		{[]string{"gzip; q=0.000"}, ""},
		{[]string{"gzip;q=0.001"}, "gzip"},
		{[]string{"*"}, "zstd"},
		{[]string{"*;q=0"}, ""},
		{[]string{"*;q=0.5, gzip;q=0"}, "zstd"},
		{[]string{"identity"}, ""},
		{[]string{"br, zstd"}, "zstd"},
		{[]string{"identity;q=0"}, ""}, // identity is then refused too, but a feed is better than a 406
		{[]string{"gzip, deflate, br, zstd"}, "zstd"},
		{[]string{"ZSTD"}, "zstd"},
		{[]string{" zstd ; q=0.7 ,\tgzip;q=0.6"}, "zstd"},
		{[]string{"zstd;q=0, *"}, "gzip"},
		{[]string{"zstd;q=0.5, gzip"}, "gzip"},
		{[]string{"gzip;q=1.0, zstd;q=0.9"}, "gzip"},
		{[]string{"zstd;q=abc, gzip;q=0.5"}, "gzip"},
		{[]string{"identity;q=0, zstd;q=0"}, ""},
		{[]string{"zstd;q=0.4", "gzip;q=0.5"}, "gzip"},
		{[]string{"gzip;q=0.5", "zstd;q=0.6"}, "zstd"},
	}
	for _, f := range Formats() {
		path := "/feeds/all." + f.Ext()
		_, plain := env.do(t, "GET", path)
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%q", f, c.accept), func(t *testing.T) {
				var fields []string
				for _, a := range c.accept {
					fields = append(fields, "Accept-Encoding: "+a)
				}
				resp, body := env.do(t, "GET", path, fields...)
				if resp.Header.Get("Vary") != "Accept-Encoding" {
					t.Errorf("Vary = %q", resp.Header.Get("Vary"))
				}
				if got := resp.Header.Get("Content-Encoding"); got != c.want {
					t.Fatalf("Content-Encoding = %q, want %q", got, c.want)
				}
				if got := resp.Header.Get("Content-Length"); got != fmt.Sprint(len(body)) {
					t.Errorf("Content-Length %s for %d bytes", got, len(body))
				}
				etag := resp.Header.Get("ETag")
				suffix := map[string]string{"": "", "gzip": `-gz"`, "zstd": `-zstd"`}[c.want]
				if c.want == "" && (strings.HasSuffix(etag, `-gz"`) || strings.HasSuffix(etag, `-zstd"`)) ||
					!strings.HasSuffix(etag, suffix) {
					t.Errorf("ETag of the %q variant = %q", c.want, etag)
				}
				if c.want != "" && len(body) >= len(plain)*3/4 {
					t.Errorf("%s body of %d bytes for %d plain", c.want, len(body), len(plain))
				}
				if !bytes.Equal(decode(t, c.want, body), plain) {
					t.Errorf("the %q body does not decode to the plain body", c.want)
				}
			})
		}
	}
}

// TestServeZstdRebuilt checks that a store change rebuilds the zstd variant with the plain one, and
// that an output the change does not touch keeps it.
func TestServeZstdRebuilt(t *testing.T) {
	env := newEnv(t)
	type state struct {
		etag, etagZstd string
		plain          []byte
	}
	get := func(t *testing.T, path string) state {
		t.Helper()
		resp, plain := env.do(t, "GET", path)
		zresp, zbody := env.do(t, "GET", path, "Accept-Encoding: zstd")
		if ce := zresp.Header.Get("Content-Encoding"); ce != "zstd" {
			t.Fatalf("Content-Encoding %q, want zstd", ce)
		}
		if !bytes.Equal(decode(t, "zstd", zbody), plain) {
			t.Fatal("the zstd body does not decode to the plain body")
		}
		st := state{etag: resp.Header.Get("ETag"), etagZstd: zresp.Header.Get("ETag"), plain: plain}
		if want := strings.TrimSuffix(st.etag, `"`) + `-zstd"`; st.etagZstd != want {
			t.Errorf("zstd ETag %s, want %s: derived from other bytes than the plain variant", st.etagZstd, want)
		}
		return st
	}
	paths := []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/feeds/depth.rss"}
	before := map[string]state{}
	for _, p := range paths {
		before[p] = get(t, p)
	}
	fresh := aggregator.Article{
		ID: "zs01", Key: "https://www.cls.cn/detail/2000001", Title: "新文章：沪深两市成交额突破万亿元",
		Categories: []string{"金融"}, Date: time.Now().Add(-time.Minute), Body: "<p>正文</p>",
		Link: "https://www.cls.cn/detail/2000001",
	}
	save(t, env.st, "cls-telegraph", []aggregator.Article{fresh})
	cases := []struct {
		path    string
		changed bool
	}{
		{"/feeds/all.rss", true},
		{"/feeds/all.atom", true},
		{"/feeds/all.json", true},
		{"/feeds/depth.rss", false}, // cls-depth only
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			old := before[c.path]
			now := get(t, c.path)
			if changed := now.etagZstd != old.etagZstd; changed != c.changed {
				t.Errorf("zstd ETag %s → %s, want changed = %v", old.etagZstd, now.etagZstd, c.changed)
			}
			if has := bytes.Contains(now.plain, []byte("沪深两市成交额突破万亿元")); has != c.changed {
				t.Errorf("new article in the output: %v, want %v", has, c.changed)
			}
			code := 304
			if c.changed {
				code = 200
			}
			if resp, _ := env.do(t, "GET", c.path, "Accept-Encoding: zstd", "If-None-Match: "+old.etagZstd); resp.StatusCode != code {
				t.Errorf("old zstd ETag: status %d, want %d", resp.StatusCode, code)
			}
		})
	}
	// A reload that changes the title changes the bytes without a store change.
	out := fixtureOutput()
	out.Title = "财经速递（zstd）"
	env.srv.SetOutputs([]aggregator.Output{out})
	if now := get(t, "/feeds/all.rss"); !bytes.Contains(now.plain, []byte("<title>财经速递（zstd）</title>")) {
		t.Error("the zstd variant was not rebuilt after a reload")
	}
}

// TestCompressedSizes renders the bench output (100 财联社 depth stories) in every format and checks
// that each variant is smaller than the one before it, and that the cache keeps no spare capacity.
func TestCompressedSizes(t *testing.T) {
	st := openStore(t)
	save(t, st, "cls-depth", benchArticles(t, 100))
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, BaseURL: testBase})
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			e, err := srv.current(context.Background(), srv.outputs.Load().byName["all"], f)
			if err != nil {
				t.Fatal(err)
			}
			plain, gz, zst := e.plain(), e.variants[encGzip].body, e.variants[encZstd].body
			t.Logf("plain %d, gzip %d (%.1f %%), zstd %d (%.1f %%, %.1f %% under gzip)", len(plain),
				len(gz), 100*float64(len(gz))/float64(len(plain)),
				len(zst), 100*float64(len(zst))/float64(len(plain)), 100-100*float64(len(zst))/float64(len(gz)))
			if len(zst) >= len(gz) || len(gz) >= len(plain) {
				t.Errorf("sizes plain %d, gzip %d, zstd %d: want zstd < gzip < plain", len(plain), len(gz), len(zst))
			}
			if !bytes.Equal(decode(t, "zstd", zst), plain) || !bytes.Equal(decode(t, "gzip", gz), plain) {
				t.Error("a compressed variant does not decode to the plain bytes")
			}
			for enc := range numEncodings {
				if b := e.variants[enc].body; cap(b)-len(b) > len(b)/8 {
					t.Errorf("%v variant: %d bytes kept in %d", enc, len(b), cap(b))
				}
			}
		})
	}
}

// TestServeCurlZstd fetches every format with the real curl --compressed, which decodes zstd with
// libzstd: a second decoder, independent of the one the server encodes with.
func TestServeCurlZstd(t *testing.T) {
	curl := testenv.Tool(t, "curl", "apt-get install -y curl")
	version, err := exec.Command(curl, "--version").Output()
	if err != nil {
		t.Fatalf("curl --version: %v", err)
	}
	if !bytes.Contains(bytes.ToLower(version), []byte("zstd")) {
		testenv.Missing(t, "needs a curl built with zstd (Debian's: apt-get install -y curl)")
	}
	env := newEnv(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			path := "/feeds/all." + f.Ext()
			_, plain := env.do(t, "GET", path)
			dir := t.TempDir()
			headers, body := filepath.Join(dir, "headers"), filepath.Join(dir, "body")
			cmd := exec.Command(curl, "--silent", "--show-error", "--fail", "--compressed",
				"--dump-header", headers, "--output", body, env.ts.URL+path)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("curl: %v: %s", err, out)
			}
			hdr, err := os.ReadFile(headers)
			if err != nil {
				t.Fatal(err)
			}
			ce := ""
			for line := range strings.Lines(string(hdr)) {
				if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(name, "Content-Encoding") {
					ce = strings.TrimSpace(value)
				}
			}
			if ce != "zstd" {
				t.Errorf("curl --compressed got Content-Encoding %q, want zstd; headers:\n%s", ce, hdr)
			}
			got, err := os.ReadFile(body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, plain) {
				t.Errorf("curl decoded %d bytes, not the %d plain ones", len(got), len(plain))
			}
		})
	}
}

func TestServeCacheInvalidation(t *testing.T) {
	env := newEnv(t)
	get := func(path string) (etag, lastMod string, feed *gofeed.Feed) {
		t.Helper()
		resp, body := env.do(t, "GET", path)
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		return resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), feed
	}
	allTag, allLM, _ := get("/feeds/all.rss")
	depthTag, depthLM, _ := get("/feeds/depth.rss")
	builds := env.srv.builds.Load()

	// Unchanged store: served from the cache, nothing rendered.
	if tag, _, _ := get("/feeds/all.rss"); tag != allTag {
		t.Errorf("ETag changed without a store change: %s then %s", allTag, tag)
	}
	if n := env.srv.builds.Load(); n != builds {
		t.Errorf("%d renders without a store change", n-builds)
	}

	// A new article in another source: "all" changes, "depth" (cls-depth only) keeps its bytes,
	// ETag and Last-Modified although the generation moved.
	gen := env.st.Generation()
	fresh := aggregator.Article{
		ID: "f00d", Key: "https://www.cls.cn/detail/2000000", Title: "新文章：央行宣布降准0.5个百分点",
		Categories: []string{"金融"}, Date: time.Now().Add(-time.Minute), Body: "<p>正文</p>",
		Link: "https://www.cls.cn/detail/2000000",
	}
	save(t, env.st, "cls-telegraph", []aggregator.Article{fresh})
	if env.st.Generation() == gen {
		t.Fatal("the store's generation did not change")
	}
	tag, lm, feed := get("/feeds/all.rss")
	if tag == allTag {
		t.Error("ETag of all.rss unchanged after a new article")
	}
	if feed.Items[0].Title != fresh.Title {
		t.Errorf("newest item %q, want the new article", feed.Items[0].Title)
	}
	if !laterDate(t, lm, allLM) && lm != allLM {
		t.Errorf("Last-Modified went back: %s then %s", allLM, lm)
	}
	if tag, lm, _ := get("/feeds/depth.rss"); tag != depthTag || lm != depthLM {
		t.Errorf("depth.rss changed for an article it does not include: %s %s → %s %s", depthTag, depthLM, tag, lm)
	}
	// A conditional request with the old validator now gets the new feed.
	if resp, _ := env.do(t, "GET", "/feeds/all.rss", "If-None-Match: "+allTag); resp.StatusCode != 200 {
		t.Errorf("old ETag: status %d, want 200", resp.StatusCode)
	}
}

func laterDate(t *testing.T, a, b string) bool {
	t.Helper()
	ta, err1 := http.ParseTime(a)
	tb, err2 := http.ParseTime(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("bad dates %q %q", a, b)
	}
	return ta.After(tb)
}

// TestServeLastModifiedMoves checks that If-Modified-Since does not hide a change that brings no
// newer article: here an output's limit shrinks, so an article leaves it.
func TestServeLastModifiedMoves(t *testing.T) {
	env := newEnv(t)
	clock := time.Now().Add(time.Hour) // later than every FirstSeen the store stamped
	env.srv.now = func() time.Time { return clock }
	resp, _ := env.do(t, "GET", "/feeds/all.json")
	lm := resp.Header.Get("Last-Modified")
	out := fixtureOutput()
	out.Limit = 2
	env.srv.SetOutputs([]aggregator.Output{out})
	resp, _ = env.do(t, "GET", "/feeds/all.json", "If-Modified-Since: "+lm)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d after the output changed, want 200", resp.StatusCode)
	}
	if got := resp.Header.Get("Last-Modified"); !laterDate(t, got, lm) {
		t.Errorf("Last-Modified %s → %s, want a later date", lm, got)
	}
	// A reload that changes nothing in the bytes keeps the validators.
	resp, _ = env.do(t, "GET", "/feeds/all.json")
	etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	out.Limit = 2
	out.Sources = []string{"cls-telegraph", "cls-depth"}
	env.srv.SetOutputs([]aggregator.Output{out})
	resp, _ = env.do(t, "GET", "/feeds/all.json", "If-None-Match: "+etag)
	if resp.StatusCode != 304 || resp.Header.Get("ETag") != etag {
		t.Errorf("status %d, ETag %s after a reload that changed no byte; want 304 and %s", resp.StatusCode, resp.Header.Get("ETag"), etag)
	}
	if resp, _ := env.do(t, "GET", "/feeds/all.json"); resp.Header.Get("Last-Modified") != lm {
		t.Errorf("Last-Modified changed after a reload that changed no byte")
	}
}

func TestServeSetOutputs(t *testing.T) {
	env := newEnv(t)
	_, before := env.do(t, "GET", "/feeds/all.rss")
	env.do(t, "GET", "/feeds/depth.rss")
	depthEntry := env.srv.outputs.Load().byName["depth"].entries[RSS].Load()

	renamed := fixtureOutput()
	renamed.Title = "财经速递（新）"
	depth, _ := env.srv.Output("depth")
	env.srv.SetOutputs([]aggregator.Output{renamed, depth, {Name: "hot", Title: "热门", Categories: []string{"深度"}}})

	resp, body := env.do(t, "GET", "/feeds/all.rss")
	if resp.StatusCode != 200 || bytes.Equal(body, before) || !strings.Contains(string(body), "<title>财经速递（新）</title>") {
		t.Errorf("all.rss still served with the old configuration")
	}
	if got := env.srv.outputs.Load().byName["depth"].entries[RSS].Load(); got != depthEntry {
		t.Error("an unchanged output lost its cache on reload")
	}
	resp, body = env.do(t, "GET", "/feeds/hot.json")
	if resp.StatusCode != 200 {
		t.Fatalf("new output: status %d", resp.StatusCode)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil || len(feed.Items) != 1 || feed.Items[0].Title != seedTitle {
		t.Errorf("hot output (category 深度): %v, %+v", err, feed)
	}
	env.srv.SetOutputs([]aggregator.Output{renamed})
	if resp, _ := env.do(t, "GET", "/feeds/hot.json"); resp.StatusCode != 404 {
		t.Errorf("removed output: status %d, want 404", resp.StatusCode)
	}
	if _, ok := env.srv.Output("depth"); ok {
		t.Error("Output finds a removed output")
	}
	if got := env.srv.Outputs(); len(got) != 1 || got[0].Title != renamed.Title {
		t.Errorf("Outputs() = %+v", got)
	}
}

func TestServeStoreFailure(t *testing.T) {
	st := openStore(t)
	save(t, st, "cls-depth", fixtureArticles(t))
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput(), {Name: "depth", Sources: []string{"cls-depth"}}}, BaseURL: testBase})
	h := srv.Handler()
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	if rec := get("/feeds/all.rss"); rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// Rendered before the store failed, or renderable from the articles already read: served.
	for _, path := range []string{"/feeds/all.rss", "/feeds/all.atom"} {
		if rec := get(path); rec.Code != 200 {
			t.Errorf("%s: status %d after the store closed", path, rec.Code)
		}
	}
	// Never read: 503 with Retry-After, not a panic or a 500 with the error text.
	rec := get("/feeds/depth.atom")
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || strings.Contains(rec.Body.String(), "store") {
		t.Errorf("status %d, Retry-After %q, body %q", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if _, err := srv.ArticleCount(context.Background(), "all"); err != nil {
		t.Errorf("ArticleCount with a current snapshot: %v", err)
	}
}

func TestArticleCount(t *testing.T) {
	env := newEnv(t)
	cases := []struct {
		output string
		want   int
		err    error
	}{
		{"all", 4, nil},
		{"depth", 2, nil},
		{"nope", 0, aggregator.ErrNotFound},
	}
	for _, c := range cases {
		n, err := env.srv.ArticleCount(context.Background(), c.output)
		if n != c.want || !errors.Is(err, c.err) {
			t.Errorf("ArticleCount(%q) = %d, %v; want %d, %v", c.output, n, err, c.want, c.err)
		}
	}
	// The count was read once; serving the feed reuses those articles.
	builds := env.srv.builds.Load()
	env.do(t, "GET", "/feeds/all.rss")
	if env.srv.builds.Load() != builds+1 {
		t.Error("serving after ArticleCount did not render exactly once")
	}
}

func TestServeObserve(t *testing.T) {
	env := newEnv(t)
	env.do(t, "GET", "/feeds/all.rss")
	resp, _ := env.do(t, "GET", "/feeds/all.rss")
	env.do(t, "GET", "/feeds/all.rss", "If-None-Match: "+resp.Header.Get("ETag"))
	env.do(t, "GET", "/feeds/"+strings.Repeat("x", 300)+".rss")
	env.do(t, "POST", "/feeds/depth.json")
	env.do(t, "GET", "/")
	want := []string{"all.rss:200", "all.rss:200", "all.rss:304", ".:404", "depth.json:405", ".html:200"}
	env.mu.Lock()
	defer env.mu.Unlock()
	if fmt.Sprint(env.observed) != fmt.Sprint(want) {
		t.Errorf("observed %v, want %v", env.observed, want)
	}
}

// TestServeSingleRender sends concurrent requests for a stale feed: it is rendered once.
func TestServeSingleRender(t *testing.T) {
	env := newEnv(t)
	for round := range 3 {
		if round > 0 {
			save(t, env.st, "cls-telegraph", []aggregator.Article{{
				ID: fmt.Sprintf("round%d", round), Key: fmt.Sprint(round), Title: fmt.Sprint("第", round, "轮"),
				Date: time.Now(), Body: "x",
			}})
		}
		builds := env.srv.builds.Load()
		var wg sync.WaitGroup
		for range 32 {
			wg.Go(func() {
				resp, err := env.ts.Client().Get(env.ts.URL + "/feeds/all.atom")
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			})
		}
		wg.Wait()
		if n := env.srv.builds.Load() - builds; n != 1 {
			t.Errorf("round %d: %d renders for 32 concurrent requests, want 1", round, n)
		}
	}
}

// TestServeConcurrent runs readers against writes and reloads; -race checks the rest.
func TestServeConcurrent(t *testing.T) {
	env := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			paths := []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/depth.json", "/"}
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			for n := 0; ctx.Err() == nil; n++ {
				req, _ := http.NewRequest("GET", env.ts.URL+paths[(i+n)%len(paths)], nil)
				switch n % 3 {
				case 1:
					req.Header.Set("Accept-Encoding", "gzip")
				case 2:
					req.Header.Set("Accept-Encoding", "zstd")
				}
				resp, err := client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 && resp.StatusCode != 404 {
					t.Errorf("status %d", resp.StatusCode)
				}
			}
		})
	}
	for i := range 20 {
		save(t, env.st, "cls-telegraph", []aggregator.Article{{
			ID: fmt.Sprint("c", i), Key: fmt.Sprint("c", i), Title: fmt.Sprint("快讯", i), Date: time.Now(), Body: "x",
		}})
		out := fixtureOutput()
		out.Limit = 3 + i%5
		env.srv.SetOutputs([]aggregator.Output{out, {Name: "depth", Sources: []string{"cls-depth"}}})
		env.srv.ArticleCount(ctx, "all")
	}
	cancel()
	wg.Wait()
}

func TestNewWithoutStore(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New without a Store did not panic")
		}
	}()
	New(Options{})
}

func TestFeedURL(t *testing.T) {
	cases := []struct{ base, name, want string }{
		{"http://127.0.0.1:8080", "all", "http://127.0.0.1:8080/feeds/all.rss"},
		{"https://news.example.com/tributary/", "cls-depth", "https://news.example.com/tributary/feeds/cls-depth.rss"},
		{"", "all", "/feeds/all.rss"},
		{"http://x", "a b/c", "http://x/feeds/a%20b%2Fc.rss"},
	}
	st := openStore(t)
	for _, c := range cases {
		if got := New(Options{Store: st, BaseURL: c.base}).feedURL(c.name, RSS); got != c.want {
			t.Errorf("feedURL(%q, %q) = %q, want %q", c.base, c.name, got, c.want)
		}
	}
}
