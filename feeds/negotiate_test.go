package feeds

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

func TestAcceptsGzip(t *testing.T) {
	cases := []struct {
		values []string
		want   bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"gzip"}, true},
		{[]string{"gzip, deflate, br, zstd"}, true},
		{[]string{" GZip ; Q=0.8 "}, true},
		{[]string{"x-gzip"}, true},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip;q=0."}, false},
		{[]string{"gzip;q=0.000"}, false},
		{[]string{"gzip;q=0.0000"}, true}, // not a valid qvalue: not taken as a refusal
		{[]string{"gzip;q=0.01"}, true},
		{[]string{"gzip;q=1"}, true},
		{[]string{"gzip;level=1;q=0"}, false},
		{[]string{"gzip;q="}, true},
		{[]string{"gzip;q=abc"}, true},
		{[]string{"*"}, true},
		{[]string{"*;q=0"}, false},
		{[]string{"*", "gzip;q=0"}, false},
		{[]string{"gzip;q=0", "*"}, false},
		{[]string{"gzip;q=0, gzip"}, true},
		{[]string{"deflate", "gzip"}, true},
		{[]string{"identity"}, false},
		{[]string{"gzipx"}, false},
		{[]string{",,,;;;==="}, false},
	}
	for _, c := range cases {
		if got := acceptsGzip(c.values); got != c.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", c.values, got, c.want)
		}
	}
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
