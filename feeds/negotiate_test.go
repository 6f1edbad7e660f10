package feeds

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

func TestChooseEncoding(t *testing.T) {
	const (
		id   = encIdentity
		gz   = encGzip
		zstd = encZstd
	)
	cases := []struct {
		values []string
		want   encoding
	}{
		// The cases of gzip alone; where zstd is now served, "*" or the list offers it as well.
		{nil, id},
		{[]string{""}, id},
		{[]string{"gzip"}, gz},
		{[]string{"gzip, deflate, br"}, gz},
		{[]string{"gzip, deflate, br, zstd"}, zstd},
		{[]string{" GZip ; Q=0.8 "}, gz},
		{[]string{"x-gzip"}, gz},
		{[]string{"X-GZIP;q=0.3"}, gz},
		{[]string{"gzip;q=0"}, id},
		{[]string{"gzip;q=0."}, id},
		{[]string{"gzip;q=0.000"}, id},
		{[]string{"gzip;q=0.0000"}, gz}, // not a valid qvalue: not taken as a refusal
		{[]string{"gzip;q=0.01"}, gz},
		{[]string{"gzip;q=1"}, gz},
		{[]string{"gzip;level=1;q=0"}, id},
		{[]string{"gzip;q="}, gz},
		{[]string{"gzip;q=abc"}, gz},
		{[]string{"*"}, zstd},
		{[]string{"*;q=0"}, id},
		{[]string{"*", "gzip;q=0"}, zstd},
		{[]string{"gzip;q=0", "*"}, zstd},
		{[]string{"*", "gzip;q=0", "zstd;q=0"}, id},
		{[]string{"gzip;q=0, gzip"}, gz},
		{[]string{"deflate", "gzip"}, gz},
		{[]string{"identity"}, id},
		{[]string{"gzipx"}, id},
		{[]string{",,,;;;==="}, id},

		// zstd.
		{[]string{"zstd"}, zstd},
		{[]string{"ZSTD"}, zstd},
		{[]string{" zStD ;Q=0.5"}, zstd},
		{[]string{"br, zstd"}, zstd},
		{[]string{"zstd;q=0"}, id},
		{[]string{"zstd;q=0, *"}, gz},
		{[]string{"*, zstd;q=0"}, gz},
		{[]string{"*;q=0.5, gzip;q=0"}, zstd},
		{[]string{"zstd;q=0.5, gzip"}, gz},
		{[]string{"gzip;q=1.0, zstd;q=0.9"}, gz},
		{[]string{"gzip;q=0.9, zstd;q=1.0"}, zstd},
		{[]string{"gzip;q=0.5, zstd;q=0.500"}, zstd}, // a tie goes to the smaller bytes
		{[]string{"zstd;q=0.001"}, zstd},             // above the unnamed identity
		{[]string{"*;q=0.2, gzip;q=0.1"}, zstd},      // "*" weighs the codings not named
		{[]string{"\tzstd\t;\tq=0.7 ,  gzip ; q = 0.6 "}, zstd},
		{[]string{"gzip;q=0.5", "zstd;q=0.4"}, gz},
		{[]string{"zstd;q=0.4", "gzip;q=0.5, zstd"}, zstd}, // named twice: the best weight
		{[]string{"zstd;q=0.5;q=0"}, zstd},                 // the first q parameter counts
		{[]string{"x-zstd"}, id},
		{[]string{"z\u017ftd"}, id}, // "ſ" folds to "s" in Unicode, not in a token

		// Malformed q-values: acceptable, below anything weighed properly.
		{[]string{"zstd;q=1.5"}, zstd},
		{[]string{"zstd;q=1.001, gzip;q=0.5"}, gz},
		{[]string{"zstd;q=abc, gzip;q=0.002"}, gz},
		{[]string{"zstd;q=abc, gzip;q=0.001"}, zstd},
		{[]string{"zstd;q=-1, gzip;q=0"}, zstd},
		{[]string{"zstd;q=.5, gzip;q=0.1"}, gz},
		{[]string{"zstd;q=0.5x"}, zstd},

		// identity.
		{[]string{"identity;q=0"}, id}, // refused too, but a feed is better than a 406
		{[]string{"identity;q=0, *;q=0"}, id},
		{[]string{"identity;q=0, gzip;q=0.1"}, gz},
		{[]string{"identity, gzip;q=0.5"}, id},
		{[]string{"identity;q=0.5, gzip;q=0.5"}, gz},
		{[]string{"IDENTITY;q=0.9, zstd;q=0.8, *;q=0"}, id},
		{[]string{"*;q=0.5, identity"}, id},
		{[]string{"*;q=0, identity;q=0.1"}, id},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.values), func(t *testing.T) {
			if got := chooseEncoding(c.values); got != c.want {
				t.Errorf("chooseEncoding(%q) = %v, want %v", c.values, got, c.want)
			}
		})
	}
}

// TestAcceptsGzip: the choice between gzip and identity alone (a response that has no zstd form),
// weighed as chooseEncoding weighs them.
func TestAcceptsGzip(t *testing.T) {
	cases := []struct {
		values []string
		want   bool
	}{
		{nil, false},
		{[]string{"gzip"}, true},
		{[]string{"X-Gzip"}, true},
		{[]string{"deflate, gzip;q=0.5"}, true},
		{[]string{"gzip, zstd"}, true},
		{[]string{"zstd"}, false},
		{[]string{"br"}, false},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip;q=abc"}, true}, // malformed: acceptable, above the unnamed identity
		{[]string{"*"}, true},
		{[]string{"*;q=0"}, false},
		{[]string{"*", "gzip;q=0"}, false},
		{[]string{"identity, gzip;q=0.5"}, false},
		{[]string{"identity;q=0.5, gzip;q=0.5"}, true},
	}
	for _, c := range cases {
		if got := AcceptsGzip(c.values); got != c.want {
			t.Errorf("AcceptsGzip(%q) = %v, want %v", c.values, got, c.want)
		}
	}
}

func TestParseQValue(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true},
		{"0.", 0, true},
		{"0.5", 500, true},
		{"0.05", 50, true},
		{"0.123", 123, true},
		{"1", 1000, true},
		{"1.", 1000, true},
		{"1.000", 1000, true},
		{"1.001", 0, false},
		{"0.1234", 0, false},
		{"2", 0, false},
		{"", 0, false},
		{".5", 0, false},
		{"0,5", 0, false},
		{"0.5x", 0, false},
		{"0.-1", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got, ok := parseQValue(c.in); got != c.want || ok != c.ok {
				t.Errorf("parseQValue(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

// FuzzChooseEncoding checks properties of the negotiation that hold for any field value: a known
// coding comes out, the field's lines count as one comma-separated list, and ASCII case does not
// matter.
func FuzzChooseEncoding(f *testing.F) {
	f.Add("gzip, deflate, br, zstd")
	f.Add("zstd;q=0, *;q=0.5")
	f.Add("gzip;q=1.0, zstd;q=0.9")
	f.Add("identity;q=0")
	f.Add(" GZip ; Q=0.8 ,,;;==*")
	f.Fuzz(func(t *testing.T, v string) {
		got := chooseEncoding([]string{v})
		if got >= numEncodings {
			t.Fatalf("chooseEncoding(%q) = %d", v, got)
		}
		if i := strings.IndexByte(v, ','); i >= 0 {
			if split := chooseEncoding([]string{v[:i], v[i+1:]}); split != got {
				t.Errorf("%q gives %v, split in two lines at its first comma %v", v, got, split)
			}
		}
		if upper := chooseEncoding([]string{asciiUpper(v)}); upper != got {
			t.Errorf("%q gives %v, in upper case %v", v, got, upper)
		}
	})
}

// asciiUpper upper-cases the ASCII letters of s and leaves every other byte alone.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestETagMatches(t *testing.T) {
	const etag = `"abc"`
	cases := []struct {
		values []string
		want   bool
	}{
		{nil, false},
		{[]string{`"abc"`}, true},
		{[]string{`W/"abc"`}, true},
		{[]string{`"x", "abc"`}, true},
		{[]string{`"x"`, `W/"abc"`}, true},
		{[]string{` , "x" ,W/"y",  "abc" `}, true},
		{[]string{`*`}, true},
		{[]string{`"abc-gz"`}, false},
		{[]string{`"abc-zstd"`}, false},
		{[]string{`abc`}, false},
		{[]string{`"ab`}, false},
		{[]string{`"x" junk "abc"`}, false},
		{[]string{`W/`}, false},
		{[]string{`""`}, false},
		{[]string{`"ABC"`}, false},
	}
	for _, c := range cases {
		if got := etagMatches(c.values, etag); got != c.want {
			t.Errorf("etagMatches(%q) = %v, want %v", c.values, got, c.want)
		}
	}
}

func TestNotModified(t *testing.T) {
	lm := time.Date(2021, 11, 18, 1, 6, 1, 0, time.UTC)
	lms := lm.Format(http.TimeFormat)
	cases := []struct {
		name   string
		header http.Header
		want   bool
	}{
		{"none", http.Header{}, false},
		{"etag", http.Header{"If-None-Match": {`"e"`}}, true},
		{"etag wins", http.Header{"If-None-Match": {`"x"`}, "If-Modified-Since": {lms}}, false},
		{"same date", http.Header{"If-Modified-Since": {lms}}, true},
		{"later", http.Header{"If-Modified-Since": {lm.Add(time.Second).Format(http.TimeFormat)}}, true},
		{"earlier", http.Header{"If-Modified-Since": {lm.Add(-time.Second).Format(http.TimeFormat)}}, false},
		{"ANSI C", http.Header{"If-Modified-Since": {lm.Format(time.ANSIC)}}, true},
		{"garbage", http.Header{"If-Modified-Since": {"garbage"}}, false},
		{"two dates", http.Header{"If-Modified-Since": {lms, lms}}, false},
	}
	for _, c := range cases {
		if got := notModified(c.header, `"e"`, lm, lms); got != c.want {
			t.Errorf("%s: notModified = %v, want %v", c.name, got, c.want)
		}
	}
}

// FuzzServeRequest sends arbitrary paths, methods and conditional or negotiation headers straight
// to the handler: it must answer with a known status and never panic.
func FuzzServeRequest(f *testing.F) {
	f.Add("GET", "/feeds/all.rss", "gzip", `"x"`, "Thu, 18 Nov 2021 01:06:01 GMT")
	f.Add("GET", "/feeds/all.json", "zstd;q=0.9, gzip;q=0.9", `"x-zstd"`, "")
	f.Add("HEAD", "/feeds/../all.atom", "*;q=0", "*", "")
	f.Add("POST", "/", "gzip;q=0.", `W/"`, "yesterday")
	f.Add("GET", "/feeds/a%2Fb.json", ";;,,q=", `"a", W/"b"`, "Monday, 02-Jan-06 15:04:05 GMT")
	f.Add("GET", "/feeds/.rss", "\x00", "\xff", "\x00")
	st := openStore(f)
	save(f, st, "cls-depth", fixtureArticles(f))
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, BaseURL: testBase, Status: fixtureStatus})
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, method, path, acceptEncoding, ifNoneMatch, ifModifiedSince string) {
		if method == "" || strings.ContainsAny(method, " \r\n") {
			method = "GET"
		}
		req := &http.Request{
			Method: method,
			URL:    &url.URL{Path: path},
			Header: http.Header{
				"Accept-Encoding":   {acceptEncoding},
				"If-None-Match":     {ifNoneMatch},
				"If-Modified-Since": {ifModifiedSince},
			},
			Host: "127.0.0.1",
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 304, 404, 405:
		default:
			t.Fatalf("%s %q: status %d", method, path, rec.Code)
		}
		if rec.Code == 304 && rec.Body.Len() > 0 {
			t.Fatal("304 with a body")
		}
	})
}
