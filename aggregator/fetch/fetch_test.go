package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"tributary/aggregator/internal/memwatch"
	"tributary/aggregator/internal/rawhttp"
)

// newClient returns a Client that is closed with the test.
func newClient(tb testing.TB, o Options) *Client {
	tb.Helper()
	c := New(o)
	tb.Cleanup(c.CloseIdleConnections)
	return c
}

// serve starts an httptest server on 127.0.0.1 that is closed with the test.
func serve(tb testing.TB, h http.HandlerFunc) *httptest.Server {
	tb.Helper()
	s := httptest.NewServer(h)
	tb.Cleanup(s.Close)
	return s
}

// gzipped compresses b.
func gzipped(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestFetchOK(t *testing.T) {
	feed := rss("utf-8", titleGB)
	var got http.Header
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 18 Nov 2021 01:06:01 GMT")
		io.WriteString(w, feed)
	})
	c := newClient(t, Options{UserAgent: "tributary-test/1.0"})
	resp, err := c.Fetch(t.Context(), Request{URL: s.URL + "/cls/depth/1000"})
	if err != nil {
		t.Fatal(err)
	}
	want := Response{StatusCode: 200, Body: []byte(feed), Charset: "utf-8", ETag: `"v1"`,
		LastModified: "Thu, 18 Nov 2021 01:06:01 GMT", ContentType: "application/rss+xml; charset=utf-8",
		URL: s.URL + "/cls/depth/1000", WireBytes: int64(len(feed))}
	if !equalResponse(*resp, want) {
		t.Errorf("response = %+v\nwant       %+v", summary(resp), summary(&want))
	}
	for k, v := range map[string]string{"User-Agent": "tributary-test/1.0", "Accept-Encoding": "gzip",
		"If-None-Match": "", "If-Modified-Since": ""} {
		if got.Get(k) != v {
			t.Errorf("request header %s = %q, want %q", k, got.Get(k), v)
		}
	}
	if a := got.Get("Accept"); !strings.HasPrefix(a, "application/rss+xml, application/atom+xml, application/feed+json") {
		t.Errorf("Accept = %q, want feed types first", a)
	}
}

// equalResponse compares two responses field by field.
func equalResponse(a, b Response) bool {
	return a.NotModified == b.NotModified && a.StatusCode == b.StatusCode && bytes.Equal(a.Body, b.Body) &&
		a.Charset == b.Charset && a.ETag == b.ETag && a.LastModified == b.LastModified &&
		a.ContentType == b.ContentType && a.URL == b.URL && a.WireBytes == b.WireBytes
}

// summary renders a response without its body, for messages.
func summary(r *Response) string {
	if r == nil {
		return "<nil>"
	}
	return fmt.Sprintf("{NotModified:%v Status:%d Body:%d bytes Charset:%q ETag:%q LastModified:%q ContentType:%q URL:%q Wire:%d}",
		r.NotModified, r.StatusCode, len(r.Body), r.Charset, r.ETag, r.LastModified, r.ContentType, r.URL, r.WireBytes)
}

func TestFetchConditional(t *testing.T) {
	const oldETag, oldLM = `"old"`, "Mon, 01 Jan 2024 00:00:00 GMT"
	const newETag, newLM = `W/"new"`, "Tue, 02 Jan 2024 00:00:00 GMT"
	tests := []struct {
		name             string
		req              Request
		notModified      bool // the server answers 304 when the request carries validators
		sendValidators   bool // the server's 304 or 200 carries new validators
		wantNotModified  bool
		wantETag, wantLM string
	}{
		{name: "304 with new validators", req: Request{ETag: oldETag, LastModified: oldLM}, notModified: true,
			sendValidators: true, wantNotModified: true, wantETag: newETag, wantLM: newLM},
		{name: "304 without validators keeps the old ones", req: Request{ETag: oldETag, LastModified: oldLM},
			notModified: true, wantNotModified: true, wantETag: oldETag, wantLM: oldLM},
		{name: "only an ETag", req: Request{ETag: oldETag}, notModified: true, wantNotModified: true, wantETag: oldETag},
		{name: "only Last-Modified", req: Request{LastModified: oldLM}, notModified: true, wantNotModified: true, wantLM: oldLM},
		{name: "server ignores validators", req: Request{ETag: oldETag, LastModified: oldLM},
			sendValidators: true, wantETag: newETag, wantLM: newLM},
		{name: "200 without validators forgets the old ones", req: Request{ETag: oldETag, LastModified: oldLM}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inm, ims string
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				inm, ims = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
				if tt.sendValidators {
					w.Header().Set("ETag", newETag)
					w.Header().Set("Last-Modified", newLM)
				}
				if tt.notModified && (inm != "" || ims != "") {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				io.WriteString(w, rss("", "x"))
			})
			tt.req.URL = s.URL + "/feed"
			resp, err := newClient(t, Options{}).Fetch(t.Context(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if inm != tt.req.ETag || ims != tt.req.LastModified {
				t.Errorf("sent If-None-Match %q, If-Modified-Since %q; want %q, %q", inm, ims, tt.req.ETag, tt.req.LastModified)
			}
			if resp.NotModified != tt.wantNotModified || resp.ETag != tt.wantETag || resp.LastModified != tt.wantLM {
				t.Errorf("got %s; want NotModified=%v ETag=%q LastModified=%q", summary(resp), tt.wantNotModified, tt.wantETag, tt.wantLM)
			}
			if resp.NotModified && (resp.Body != nil || resp.StatusCode != 304) {
				t.Errorf("304 response has a body or status %d", resp.StatusCode)
			}
		})
	}
}

func TestFetchGzip(t *testing.T) {
	feed := []byte(strings.Repeat(rss("utf-8", titleGB), 20))
	gbk := mustEncode(t, simplifiedchinese.GBK, rss("gb2312", titleGB))
	tests := []struct {
		name, encoding, contentType string
		wire                        []byte
		wantBody                    []byte
		wantErr                     error
		wantErrText                 string
	}{
		{name: "gzip", encoding: "gzip", wire: gzipped(t, feed), wantBody: feed},
		{name: "x-gzip", encoding: "x-gzip", wire: gzipped(t, feed), wantBody: feed},
		{name: "gzip of GBK declared gb2312", encoding: "gzip", wire: gzipped(t, gbk)},
		{name: "corrupt gzip", encoding: "gzip", wire: []byte("\x1f\x8b\x08\x00garbage-not-deflate"), wantErrText: "gzip"},
		{name: "not gzip at all", encoding: "gzip", wire: feed, wantErrText: "gzip"},
		{name: "gzip with no bytes", encoding: "gzip", wire: nil, wantErr: ErrEmptyBody},
		{name: "two gzip members", encoding: "gzip", wire: append(gzipped(t, feed[:1000]), gzipped(t, feed[1000:])...), wantBody: feed},
		{name: "junk after a complete gzip member", encoding: "gzip", wire: append(gzipped(t, feed), "\r\n0\r\n"...), wantBody: feed},
		{name: "truncated gzip", encoding: "gzip", wire: gzipped(t, feed)[:200], wantErr: io.ErrUnexpectedEOF, wantErrText: "gzip body"},
		{name: "unrequested brotli", encoding: "br", wire: feed, wantErrText: `unsupported content-encoding "br"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.encoding)
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write(tt.wire)
			})
			resp, err := newClient(t, Options{}).Fetch(t.Context(), Request{URL: s.URL})
			if tt.wantErr != nil || tt.wantErrText != "" {
				if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.wantErrText) {
					t.Fatalf("err = %v, want %v / %q", err, tt.wantErr, tt.wantErrText)
				}
				if !strings.Contains(err.Error(), s.URL) {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantBody != nil && !bytes.Equal(resp.Body, tt.wantBody) {
				t.Error("body differs from what was compressed")
			}
			if tt.wantBody == nil && channelTitle(t, resp.Body) != titleGB {
				t.Errorf("title = %q", channelTitle(t, resp.Body))
			}
			if resp.WireBytes != int64(len(tt.wire)) {
				t.Errorf("WireBytes = %d, want the %d compressed bytes", resp.WireBytes, len(tt.wire))
			}
		})
	}
}

func TestFetchBodyCap(t *testing.T) {
	const capBytes = DefaultMaxBodyBytes // the shipped 15 MiB cap
	const huge = 100 << 20
	// A gzip bomb: 100 MiB of zeros, about 100 KiB on the wire, as 100 concatenated gzip members of
	// 1 MiB each (a multistream body that gzip readers must unpack whole; cheap to build).
	var bomb bytes.Buffer
	member := gzipped(t, make([]byte, 1<<20))
	for range huge >> 20 {
		bomb.Write(member)
	}

	chunk := bytes.Repeat([]byte("<item><title>x</title></item>\n"), 1<<15)
	stream := func(w http.ResponseWriter, n int) {
		for written := 0; written < n; written += len(chunk) {
			if _, err := w.Write(chunk[:min(len(chunk), n-written)]); err != nil {
				return // the client hung up: what a refused body looks like from here
			}
		}
	}
	exact := append([]byte("<rss>"), bytes.Repeat([]byte(" "), capBytes-len("<rss></rss>"))...)
	exact = append(exact, "</rss>"...)

	tests := []struct {
		name    string
		handler http.HandlerFunc
		wantErr error
		log     bool
	}{
		{name: "exactly the cap", handler: func(w http.ResponseWriter, r *http.Request) { w.Write(exact) }},
		{name: "one byte over, Content-Length", wantErr: ErrTooLarge, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Write(append(bytes.Clone(exact), ' '))
		}},
		{name: "100 MiB with Content-Length", wantErr: ErrTooLarge, log: true, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(huge))
			stream(w, huge)
		}},
		{name: "Content-Length over the cap, refused before the body", wantErr: ErrTooLarge, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(capBytes+1))
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-r.Context().Done() // no byte of the body: only the declared length can refuse it
		}},
		{name: "100 MiB chunked", wantErr: ErrTooLarge, log: true, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<rss>"))
			w.(http.Flusher).Flush() // no Content-Length: the cap must catch it while reading
			stream(w, huge)
		}},
		{name: "gzip bomb of 100 MiB", wantErr: ErrTooLarge, log: true, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, tt.handler)
			c := newClient(t, Options{MaxBodyBytes: capBytes, Timeout: 20 * time.Second})
			var (
				resp *Response
				err  error
			)
			start := time.Now()
			peak, alloc := memwatch.Peak(func() { resp, err = c.Fetch(t.Context(), Request{URL: s.URL}) })
			elapsed := time.Since(start)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr != nil && resp != nil {
				t.Fatal("a refused body was returned")
			}
			if tt.wantErr == nil && len(resp.Body) != capBytes {
				t.Fatalf("body = %d bytes, want %d", len(resp.Body), capBytes)
			}
			if tt.log {
				t.Logf("%s (cap %d MiB, gzip bomb %d KiB on the wire): refused in %v, peak heap +%.1f MiB, allocated %.1f MiB: %v",
					tt.name, capBytes>>20, bomb.Len()>>10, elapsed.Round(time.Millisecond), float64(peak)/(1<<20), float64(alloc)/(1<<20), err)
			}
		})
	}
}

func TestFetchTimeouts(t *testing.T) {
	const timeout = 300 * time.Millisecond
	const limit = 5 * time.Second // generous: only "it ended", not how fast
	headers := "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n"
	tests := []struct {
		name   string
		handle func(c net.Conn, done <-chan struct{})
	}{
		{"never answers", func(c net.Conn, done <-chan struct{}) { rawhttp.ReadHead(c); <-done }},
		{"accepts and never reads", func(c net.Conn, done <-chan struct{}) { <-done }},
		{"headers trickle one byte a second", func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			rawhttp.Trickle(c, headers, done)
		}},
		{"body trickles one byte a second", func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			c.Write([]byte(headers))
			rawhttp.Trickle(c, "<rss>"+strings.Repeat(" ", 990)+"</rss>", done)
		}},
		{"stalls mid-body", func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			c.Write([]byte(headers + "<rss><channel><title>half")) // then nothing
			<-done
		}},
		{"gzip body stalls mid-stream", func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			z := gzipped(t, []byte(rss("", strings.Repeat("x", 5000))))
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n", len(z))
			c.Write(z[:len(z)/2])
			<-done
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url := rawhttp.Server(t, tt.handle)
			c := newClient(t, Options{Timeout: timeout})
			start := time.Now()
			resp, err := c.Fetch(t.Context(), Request{URL: url + "/feed"})
			elapsed := time.Since(start)
			if resp != nil {
				t.Fatal("a response was returned")
			}
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timed out after 300ms") {
				t.Fatalf("err = %v, want a timeout", err)
			}
			if !strings.Contains(err.Error(), url+"/feed") {
				t.Errorf("error %q does not name the URL", err)
			}
			if elapsed > limit {
				t.Fatalf("ended after %v, want about %v", elapsed, timeout)
			}
			t.Logf("ended after %v: %v", elapsed.Round(time.Millisecond), err)
		})
	}
	t.Run("the caller's context ends first", func(t *testing.T) {
		t.Parallel()
		url := rawhttp.Server(t, func(c net.Conn, done <-chan struct{}) { rawhttp.ReadHead(c); <-done })
		ctx, cancel := context.WithTimeout(t.Context(), timeout)
		defer cancel()
		_, err := newClient(t, Options{Timeout: time.Minute}).Fetch(ctx, Request{URL: url})
		if !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "timed out after") {
			t.Fatalf("err = %v, want the caller's deadline, not the client's timeout", err)
		}
	})
}

func TestFetchRedirects(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case strings.HasPrefix(p, "/r/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "/r/"))
			if n == 0 {
				io.WriteString(w, rss("", "end"))
				return
			}
			http.Redirect(w, r, "/r/"+strconv.Itoa(n-1), http.StatusFound)
		case p == "/loop":
			http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
		case p == "/ping":
			http.Redirect(w, r, "/pong", http.StatusTemporaryRedirect)
		case p == "/pong":
			http.Redirect(w, r, "/ping", http.StatusPermanentRedirect)
		case p == "/to":
			w.Header().Set("Location", r.URL.Query().Get("u"))
			w.WriteHeader(http.StatusFound)
		}
	})
	tests := []struct {
		name         string
		path         string
		maxRedirects int
		wantErr      error
		wantText     string
	}{
		{name: "no redirect", path: "/r/0"},
		{name: "3 redirects", path: "/r/3"},
		{name: "10 redirects, the default limit", path: "/r/10"},
		{name: "11 redirects", path: "/r/11", wantErr: ErrTooManyRedirects, wantText: "stopped after 10 redirects"},
		{name: "15 redirects", path: "/r/15", wantErr: ErrTooManyRedirects},
		{name: "2 redirects with a limit of 2", path: "/r/2", maxRedirects: 2},
		{name: "3 redirects with a limit of 2", path: "/r/3", maxRedirects: 2, wantErr: ErrTooManyRedirects},
		{name: "no redirects allowed", path: "/r/1", maxRedirects: -1, wantErr: ErrTooManyRedirects},
		{name: "loop to itself", path: "/loop", wantErr: ErrTooManyRedirects, wantText: "redirect loop"},
		{name: "ping-pong loop", path: "/ping", wantErr: ErrTooManyRedirects, wantText: "redirect loop"},
		{name: "to ftp", path: "/to?u=ftp://127.0.0.1/feed.xml", wantErr: ErrRedirectScheme, wantText: "ftp://127.0.0.1/feed.xml"},
		{name: "to file", path: "/to?u=file:///etc/passwd", wantErr: ErrRedirectScheme},
		{name: "to gopher", path: "/to?u=gopher://127.0.0.1:70/", wantErr: ErrRedirectScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, Options{MaxRedirects: tt.maxRedirects})
			resp, err := c.Fetch(t.Context(), Request{URL: s.URL + tt.path})
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if resp.URL != s.URL+"/r/0" {
					t.Errorf("final URL = %q", resp.URL)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantText) {
				t.Fatalf("err = %v, want %v (%q)", err, tt.wantErr, tt.wantText)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), s.URL+tt.path) {
				t.Errorf("error %q does not name the source URL", err)
			}
		})
	}
}

func TestFetchPrivateNetwork(t *testing.T) {
	other := serve(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, rss("", "internal")) })
	port := other.Listener.Addr().(*net.TCPAddr).Port
	src := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/own" {
			io.WriteString(w, rss("", "own"))
			return
		}
		w.Header().Set("Location", r.URL.Query().Get("u"))
		w.WriteHeader(http.StatusFound)
	})
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	tests := []struct {
		name    string
		target  string // where src redirects to; "" fetches other directly
		allow   []netip.Prefix
		wantErr error
		want    string // channel title
	}{
		{name: "the source's own host on loopback", target: "", want: "internal"},
		{name: "redirect to the source's own host:port", target: "/own", want: "own"},
		{name: "redirect to another loopback port", target: fmt.Sprintf("http://127.0.0.1:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "redirect to localhost", target: fmt.Sprintf("http://localhost:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "redirect to 127.0.0.2", target: fmt.Sprintf("http://127.0.0.2:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "redirect to ::1", target: fmt.Sprintf("http://[::1]:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "redirect to cloud metadata", target: "http://169.254.169.254/latest/meta-data/", wantErr: ErrPrivateNetwork},
		{name: "redirect to RFC 1918", target: "http://10.1.2.3/feed", wantErr: ErrPrivateNetwork},
		{name: "redirect to CGNAT", target: "https://100.64.0.1/feed", wantErr: ErrPrivateNetwork},
		{name: "redirect to 0.0.0.0", target: fmt.Sprintf("http://0.0.0.0:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "redirect to IPv4-mapped loopback", target: fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), wantErr: ErrPrivateNetwork},
		{name: "allowed: another loopback port", target: fmt.Sprintf("http://127.0.0.1:%d/", port), allow: loopback, want: "internal"},
		{name: "allowed: localhost", target: fmt.Sprintf("http://localhost:%d/", port), allow: loopback, want: "internal"},
		{name: "allowed loopback does not open metadata", target: "http://169.254.169.254/", allow: loopback, wantErr: ErrPrivateNetwork},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, Options{AllowNetworks: tt.allow, Timeout: 5 * time.Second})
			u := other.URL + "/"
			if tt.target != "" {
				u = src.URL + "/to?u=" + tt.target
			}
			resp, err := c.Fetch(t.Context(), Request{URL: u})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), u) {
					t.Errorf("error %q does not name the source", err)
				}
				t.Log(err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := channelTitle(t, resp.Body); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("a trusted connection is not reused for another source's redirect", func(t *testing.T) {
		c := newClient(t, Options{})
		if _, err := c.Fetch(t.Context(), Request{URL: other.URL + "/"}); err != nil {
			t.Fatal(err) // leaves an idle connection to other in the trusted pool
		}
		_, err := c.Fetch(t.Context(), Request{URL: src.URL + "/to?u=" + other.URL + "/"})
		if !errors.Is(err, ErrPrivateNetwork) {
			t.Fatalf("err = %v, want ErrPrivateNetwork", err)
		}
	})
}

func TestGuardIsInternal(t *testing.T) {
	g := guard{deny: internalNetworks()}
	for _, tt := range []struct {
		addr     string
		internal bool
	}{
		{"127.0.0.1", true}, {"127.0.0.2", true}, {"::1", true}, {"10.0.0.1", true}, {"172.16.5.4", true},
		{"172.31.255.255", true}, {"192.168.1.1", true}, {"169.254.169.254", true}, {"fe80::1", true},
		{"fc00::1", true}, {"fd12:3456::1", true}, {"0.0.0.0", true}, {"::", true}, {"100.64.0.1", true},
		{"100.127.255.254", true}, {"::ffff:10.0.0.1", true}, {"::ffff:169.254.169.254", true},
		{"64:ff9b::a9fe:a9fe", true}, {"2002:7f00:1::", true}, {"224.0.0.1", true}, {"255.255.255.255", true},
		{"ff02::1", true}, {"198.18.0.1", true},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"172.32.0.1", false}, {"100.128.0.1", false},
		{"2001:4860:4860::8888", false}, {"64:ff9b::808:808", false}, {"2002:808:808::", false},
		{"::ffff:8.8.8.8", false}, {"115.239.210.27", false},
	} {
		if got := g.isInternal(netip.MustParseAddr(tt.addr)); got != tt.internal {
			t.Errorf("isInternal(%s) = %v, want %v", tt.addr, got, tt.internal)
		}
	}
	allow := guard{deny: internalNetworks(), allow: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	if !allow.allowed(netip.MustParseAddr("10.9.8.7")) || allow.allowed(netip.MustParseAddr("192.168.0.1")) {
		t.Error("AllowNetworks 10.0.0.0/8 should open 10.9.8.7 and nothing else")
	}
}

func TestFetchStatus(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	httpDate := time.Date(2026, 3, 1, 13, 30, 0, 0, time.UTC)
	tests := []struct {
		code       int
		retryAfter string
		want       time.Time
	}{
		{code: 404},
		{code: 410},
		{code: 500},
		{code: 500, retryAfter: "60"}, // only 429 and 503 are read
		{code: 429, retryAfter: "120", want: now.Add(120 * time.Second)},
		{code: 429, retryAfter: " 0 ", want: now},
		{code: 429, retryAfter: "soon"},
		{code: 503, retryAfter: httpDate.Format(http.TimeFormat), want: httpDate},
		{code: 503, retryAfter: "Sunday, 01-Mar-26 13:30:00 GMT", want: httpDate}, // RFC 850
		{code: 503},
		{code: 503, retryAfter: "-5"},
		{code: 503, retryAfter: "99999999999999999", want: now.Add(maxRetryAfter)},
		{code: 301}, // a redirect without Location
		{code: 403},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %q", tt.code, tt.retryAfter), func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(tt.code)
				io.WriteString(w, "<!DOCTYPE html><h1>RSSHub error</h1>")
			})
			c := newClient(t, Options{Now: func() time.Time { return now }})
			resp, err := c.Fetch(t.Context(), Request{URL: s.URL + "/cls/telegraph"})
			var se *StatusError
			if resp != nil || !errors.As(err, &se) {
				t.Fatalf("Fetch = %v, %v; want a StatusError", summary(resp), err)
			}
			if se.StatusCode != tt.code || !se.RetryAfter.Equal(tt.want) || se.URL != s.URL+"/cls/telegraph" {
				t.Errorf("StatusError = %+v, want code %d, retry %v", se, tt.code, tt.want)
			}
			if msg := err.Error(); !strings.Contains(msg, strconv.Itoa(tt.code)) || !strings.Contains(msg, s.URL+"/cls/telegraph") {
				t.Errorf("message %q lacks the status or the URL", msg)
			}
		})
	}
}

func TestFetchNotAFeed(t *testing.T) {
	feed := rss("utf-8", titleGB)
	tests := []struct {
		name, contentType, body string
		status                  int
		wantErr                 error
		wantText                string
	}{
		{name: "HTML page with a doctype", contentType: "text/html; charset=utf-8",
			body: "<!DOCTYPE html>\n<html><head><title>Login</title></head><body>…</body></html>", wantErr: ErrNotFeed},
		{name: "HTML page without a doctype", contentType: "text/html",
			body: "\n  <HTML><body>moved</body></HTML>", wantErr: ErrNotFeed},
		{name: "XHTML page", contentType: "application/xhtml+xml", body: "<html xmlns='http://www.w3.org/1999/xhtml'/>", wantErr: ErrNotFeed},
		{name: "feed served as text/html", contentType: "text/html; charset=utf-8", body: feed, wantText: titleGB},
		{name: "HTML-looking wrapper around a feed root", contentType: "text/html",
			body: "<html><rss version='2.0'><channel><title>odd</title></channel></rss></html>"},
		{name: "empty body", contentType: "application/rss+xml", body: "", wantErr: ErrEmptyBody},
		{name: "whitespace body", contentType: "application/rss+xml", body: " \r\n\t\n", wantErr: ErrEmptyBody},
		{name: "204 No Content", status: http.StatusNoContent, wantErr: ErrEmptyBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				if tt.status != 0 {
					w.WriteHeader(tt.status)
				}
				io.WriteString(w, tt.body)
			})
			resp, err := newClient(t, Options{}).Fetch(t.Context(), Request{URL: s.URL + "/feed"})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || resp != nil {
					t.Fatalf("Fetch = %v, %v; want %v", summary(resp), err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), s.URL+"/feed") {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(resp.Body), tt.wantText) {
				t.Errorf("body lacks %q", tt.wantText)
			}
		})
	}
}

func TestFetchTruncated(t *testing.T) {
	url := rawhttp.Server(t, func(c net.Conn, done <-chan struct{}) {
		rawhttp.ReadHead(c)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<rss><channel>")
		// and hang up
	})
	_, err := newClient(t, Options{}).Fetch(t.Context(), Request{URL: url})
	if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("err = %v, want a truncated body", err)
	}
}

func TestFetchCharset(t *testing.T) {
	gbk := mustEncode(t, simplifiedchinese.GBK, rss("", titleGB))
	tests := []struct {
		name, contentType, encoding string
		body                        []byte
		wantCharset                 string
		wantErr                     error
	}{
		{name: "GBK with only the HTTP charset", contentType: "application/rss+xml; charset=gbk", body: gbk, wantCharset: "gb18030"},
		{name: "GBK with the source's override", contentType: "application/rss+xml", encoding: "gb2312", body: gbk, wantCharset: "gb18030"},
		{name: "UTF-8 mislabelled gb2312", contentType: "text/xml; charset=gb2312", encoding: "gbk",
			body: []byte(rss("gb2312", titleGB)), wantCharset: "utf-8"},
		{name: "GBK with nothing to go by", contentType: "application/rss+xml", body: gbk, wantErr: ErrCharset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.Write(tt.body)
			})
			resp, err := newClient(t, Options{}).Fetch(t.Context(), Request{URL: s.URL, Encoding: tt.encoding})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), s.URL) {
					t.Fatalf("err = %v, want %v naming the URL", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.Charset != tt.wantCharset || channelTitle(t, resp.Body) != titleGB {
				t.Errorf("charset %q, title %q", resp.Charset, channelTitle(t, resp.Body))
			}
		})
	}
}

func TestFetchBadRequest(t *testing.T) {
	c := newClient(t, Options{})
	for _, u := range []string{"", "ftp://example.com/feed", "http://", "://x", "http://[::1", "/relative/feed", "javascript:alert(1)"} {
		resp, err := c.Fetch(t.Context(), Request{URL: u})
		if err == nil || resp != nil {
			t.Errorf("Fetch(%q) = %v, %v; want an error", u, summary(resp), err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "fetch: get "+u) {
			t.Errorf("Fetch(%q): error %q does not name the URL", u, err)
		}
	}
}

// TestFetchConcurrent shares one Client between many goroutines and sources on one host, for the
// race detector.
func TestFetchConcurrent(t *testing.T) {
	gbk := gzipped(t, mustEncode(t, simplifiedchinese.GBK, rss("gb2312", titleGB)))
	var hits atomic.Int64
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"same"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("ETag", `"same"`)
		w.Write(gbk)
	})
	c := newClient(t, Options{})
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			req := Request{URL: fmt.Sprintf("%s/route/%d", s.URL, i)}
			if i%3 == 0 {
				req.ETag = `"same"`
			}
			resp, err := c.Fetch(t.Context(), req)
			if err != nil {
				t.Error(err)
				return
			}
			if !resp.NotModified && channelTitle(t, resp.Body) != titleGB {
				t.Error("wrong title")
			}
		})
	}
	wg.Wait()
	if hits.Load() != 64 {
		t.Errorf("%d requests, want 64", hits.Load())
	}
}

// TestFetchRelease checks the lending of pooled read buffers: a Response's Body stays what was
// fetched until that Response is released, whatever other fetches run meanwhile (a buffer is
// never lent twice), and Release ends the loan once, nil and 304 responses included.
func TestFetchRelease(t *testing.T) {
	for _, tc := range []struct {
		name    string
		gzip    bool
		charset string
	}{
		{"plain", false, "utf-8"},
		{"gzip", true, "utf-8"},
		{"decoded charset", true, "gb2312"}, // Body is a fresh buffer: nothing is lent
	} {
		t.Run(tc.name, func(t *testing.T) {
			bodies := map[string][]byte{}
			for _, k := range []string{"a", "b", "c"} {
				b := []byte(rss(tc.charset, titleGB+k))
				if tc.charset != "utf-8" {
					b = mustEncode(t, simplifiedchinese.GBK, string(b))
				}
				bodies[k] = b
			}
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("If-None-Match") != "" {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				b := bodies[strings.TrimPrefix(r.URL.Path, "/")]
				if tc.gzip {
					w.Header().Set("Content-Encoding", "gzip")
					b = gzipped(t, b)
				}
				w.Write(b)
			})
			c := newClient(t, Options{})
			get := func(k string) *Response {
				t.Helper()
				resp, err := c.Fetch(t.Context(), Request{URL: s.URL + "/" + k})
				if err != nil {
					t.Fatal(err)
				}
				if got := channelTitle(t, resp.Body); got != titleGB+k {
					t.Fatalf("fetch %s: title %q, want %q", k, got, titleGB+k)
				}
				return resp
			}
			ra := get("a")
			wantA := bytes.Clone(ra.Body)
			rb := get("b")
			if !bytes.Equal(ra.Body, wantA) {
				t.Fatal("a later fetch changed an unreleased Body")
			}
			ra.Release()
			if ra.Body != nil {
				t.Error("Body not nil after Release")
			}
			ra.Release() // a second Release does nothing
			wantB := bytes.Clone(rb.Body)
			rc := get("c") // may reuse a's buffer, never b's
			if !bytes.Equal(rb.Body, wantB) {
				t.Fatal("a fetch after a Release changed another Response's Body")
			}
			rb.Release()
			rc.Release()

			nm, err := c.Fetch(t.Context(), Request{URL: s.URL + "/a", ETag: `"x"`})
			if err != nil || !nm.NotModified {
				t.Fatalf("conditional fetch: %+v, %v", summary(nm), err)
			}
			nm.Release()
			var none *Response
			none.Release()
		})
	}
}
