package refresh

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
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/internal/memwatch"
	"tributary/aggregator/internal/rawhttp"
	"tributary/aggregator/parse"
	"tributary/aggregator/testenv"
)

// The tests in this file run hostile servers and hostile feeds through the daemon's pipeline: the
// real fetch client, the Refresher and the Scheduler, normalize, and a real bbolt store.

// snapshot is what a source has stored: article ids with their titles.
func (h *harness) snapshot() map[string]string {
	h.t.Helper()
	arts, err := h.store.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		h.t.Fatal(err)
	}
	m := make(map[string]string, len(arts))
	for _, a := range arts {
		m[a.ID] = a.Title + "\x00" + a.Body
	}
	return m
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestHostileServersDoNotStallOthers runs the scheduler with three sources whose servers hang (one
// never answers, one trickles its body a byte a second, one stalls mid-body) and one healthy source
// on another server scheduled every second: each hostile fetch ends at the fetch deadline, and the
// healthy source keeps being refreshed on schedule while they hang.
func TestHostileServersDoNotStallOthers(t *testing.T) {
	t.Parallel()
	const deadline = 3 * time.Second
	head := "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 2000\r\n\r\n"
	hang := map[string]string{
		"never-answers": rawhttp.Server(t, func(c net.Conn, done <-chan struct{}) { rawhttp.ReadHead(c); <-done }),
		"trickles": rawhttp.Server(t, func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			c.Write([]byte(head))
			rawhttp.Trickle(c, "<rss>"+strings.Repeat(" ", 1990)+"</rss>", done)
		}),
		"stalls-mid-body": rawhttp.Server(t, func(c net.Conn, done <-chan struct{}) {
			rawhttp.ReadHead(c)
			c.Write([]byte(head + `<rss version="2.0"><channel><title>half`))
			<-done
		}),
	}
	var mu sync.Mutex
	var healthyAt []time.Time
	healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("healthy", 2))
	}))
	defer healthy.Close()

	type done struct {
		at  time.Time
		res aggregator.RefreshResult
	}
	results := make(chan done, 100)
	var sources []aggregator.Source
	for name, url := range hang {
		s := src(name, url+"/feed")
		s.Schedule = "@every 1s"
		sources = append(sources, s)
	}
	ok := src("healthy", healthy.URL+"/feed")
	ok.Schedule = "@every 1s"
	sources = append(sources, ok)
	h := newHarness(t, sources, Options{
		Fetcher:     fetch.New(fetch.Options{Timeout: deadline}),
		BackoffBase: time.Hour, BackoffMax: time.Hour,
		PerHost: len(sources), // every server is on 127.0.0.1, one host whatever the port
		OnResult: func(r aggregator.RefreshResult) {
			if r.Source == "healthy" && r.Status == aggregator.StatusUpdated {
				mu.Lock()
				healthyAt = append(healthyAt, time.Now())
				mu.Unlock()
			}
			select {
			case results <- done{time.Now(), r}:
			default:
			}
		},
	})
	s := NewScheduler(h.r, nil)
	start := time.Now()
	if err := s.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Start()
	defer func() { <-s.Stop().Done() }()

	// Wait for the three hostile fetches to end.
	hostile := map[string]done{}
	timeout := time.After(deadline + 10*time.Second)
	for len(hostile) < len(hang) {
		select {
		case d := <-results:
			if d.res.Source != "healthy" {
				hostile[d.res.Source] = d
			}
		case <-timeout:
			t.Fatalf("hostile fetches still running %v after their %v deadline: %v", 10*time.Second, deadline, hostile)
		}
	}
	mu.Lock()
	at := slices.Clone(healthyAt)
	mu.Unlock()
	firstHostileEnd := time.Now()
	for name, d := range hostile {
		took := d.at.Sub(start)
		t.Logf("%s: ended after %v: %s", name, took.Round(10*time.Millisecond), d.res.Error)
		if d.res.Status != aggregator.StatusError || !strings.Contains(d.res.Error, "timed out after 3s") {
			t.Errorf("%s: %+v, want a timeout at the fetch deadline", name, d.res)
		}
		if took < deadline || took > deadline+5*time.Second {
			t.Errorf("%s ended after %v, want about the %v deadline", name, took, deadline)
		}
		if d.at.Before(firstHostileEnd) {
			firstHostileEnd = d.at
		}
		st := h.r.State(name)
		if st.ConsecutiveFailures != 1 || st.BackoffUntil.Before(time.Now().Add(30*time.Minute)) {
			t.Errorf("%s: state %+v, want one failure backing off", name, st)
		}
	}
	// While the hostile fetches hung, the healthy source was fetched at once and again on its
	// schedule: at least twice, never more than ~2 s apart.
	var during []time.Time
	for _, a := range at {
		if a.Before(firstHostileEnd) {
			during = append(during, a)
		}
	}
	t.Logf("healthy source refreshed %d times while the hostile fetches hung (%v after start: %v)", len(during), deadline, at)
	if len(during) < 2 {
		t.Fatalf("healthy source refreshed %d times while the hostile ones hung, want at least 2 (catch-up and schedule)", len(during))
	}
	prev := start
	for _, a := range during {
		if gap := a.Sub(prev); gap > 2500*time.Millisecond {
			t.Errorf("healthy source waited %v between refreshes, scheduled every second", gap)
		}
		prev = a
	}
}

// hugeRSS is an RSS document whose n items are ~50 bytes each.
func hugeRSS(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>huge</title>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><guid>g%d</guid><title>t%d</title></item>", i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// TestHostileBodiesThroughRefresh: bodies that are too large (100 MiB, a gzip bomb), too deep or too
// many are refused or truncated at the caps during a refresh, nothing of a refused feed is stored,
// and the heap stays bounded (the peak is logged).
func TestHostileBodiesThroughRefresh(t *testing.T) {
	const capBytes = fetch.DefaultMaxBodyBytes // the shipped 15 MiB
	const huge = 100 << 20
	var bomb bytes.Buffer
	{
		var one bytes.Buffer
		zw := gzip.NewWriter(&one)
		zw.Write(make([]byte, 1<<20))
		zw.Close()
		for range huge >> 20 {
			bomb.Write(one.Bytes())
		}
	}
	chunk := bytes.Repeat([]byte("<item><title>x</title></item>\n"), 1<<15)
	deepExt := `<rss version="2.0" xmlns:x="urn:x"><channel><title>deep</title><item><title>deep</title><guid>deep</guid>` +
		strings.Repeat("<x:a>", 200000) + strings.Repeat("</x:a>", 200000) + `</item></channel></rss>`
	deepChannel := `<rss version="2.0"><channel><title>deep</title>` + strings.Repeat("<a>", 200000) +
		strings.Repeat("</a>", 200000) + `<item><title>deep</title><guid>deep</guid></item></channel></rss>`
	longGUID := `<rss version="2.0"><channel><title>long</title><item><guid isPermaLink="false">` + strings.Repeat("g", 100<<10) +
		`</guid><title>` + strings.Repeat("長", 30000) + `</title><category>` + strings.Repeat("c", 100<<10) +
		`</category><description>body</description></item></channel></rss>`
	many := hugeRSS(200000)

	var mode atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		switch mode.Load().(string) {
		case "ok":
			fmt.Fprint(w, rss("ok", 5))
		case "100 MiB":
			w.Header().Set("Content-Length", strconv.Itoa(huge))
			for n := 0; n < huge; n += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "100 MiB chunked":
			for n := 0; n < huge; n += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
		case "gzip bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		case "nested 200,000 deep in an item":
			io.WriteString(w, deepExt)
		case "nested 200,000 deep in the channel":
			io.WriteString(w, deepChannel)
		case "100 KB guid, title and category":
			io.WriteString(w, longGUID)
		case "200,000 items":
			w.Write(many)
		}
	}))
	defer srv.Close()

	const maxItems = 1000
	tests := []struct {
		mode    string
		wantErr string // "" for a stored feed
		stored  int    // articles stored from it
	}{
		{mode: "100 MiB", wantErr: "exceeds the 15728640-byte cap"},
		{mode: "100 MiB chunked", wantErr: "exceeds the 15728640-byte cap"},
		{mode: "gzip bomb", wantErr: "exceeds the 15728640-byte cap (after decompression)"},
		{mode: "nested 200,000 deep in an item", wantErr: ErrTooDeep.Error()},
		{mode: "nested 200,000 deep in the channel", wantErr: ErrTooDeep.Error()},
		{mode: "100 KB guid, title and category", stored: 1},
		{mode: "200,000 items", stored: maxItems},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			mode.Store("ok")
			h := newHarness(t, []aggregator.Source{src("s", srv.URL+"/feed")}, Options{
				Fetcher:  fetch.New(fetch.Options{Timeout: 60 * time.Second, MaxBodyBytes: capBytes}),
				MaxItems: maxItems,
			})
			if res := h.refresh(true); res[0].Status != aggregator.StatusUpdated || res[0].New != 5 {
				t.Fatalf("healthy refresh: %+v", res[0])
			}
			before := h.snapshot()
			mode.Store(tt.mode)
			var res []aggregator.RefreshResult
			start := time.Now()
			peak, _ := memwatch.Peak(func() { res = h.refresh(true) })
			t.Logf("%s: %s in %v, peak heap +%.1f MiB (cap %d MiB): %s", tt.mode, res[0].Status,
				time.Since(start).Round(time.Millisecond), float64(peak)/(1<<20), capBytes>>20, res[0].Error)
			after := h.snapshot()
			if tt.wantErr != "" {
				if res[0].Status != aggregator.StatusError || !strings.Contains(res[0].Error, tt.wantErr) {
					t.Fatalf("result %+v, want an error saying %q", res[0], tt.wantErr)
				}
				if !sameSnapshot(before, after) {
					t.Errorf("stored articles changed: %d before, %d after", len(before), len(after))
				}
				if st := h.r.State("s"); st.ConsecutiveFailures != 1 || !strings.Contains(st.LastError, tt.wantErr) {
					t.Errorf("state %+v", st)
				}
			} else {
				if res[0].Status != aggregator.StatusUpdated || res[0].New != tt.stored {
					t.Fatalf("result %+v, want %d new", res[0], tt.stored)
				}
				if len(after) != len(before)+tt.stored {
					t.Errorf("%d articles stored, want %d", len(after), len(before)+tt.stored)
				}
			}
			// Bounded: under a few times the cap (a refused body is never held whole; gofeed's
			// model of a capped body is a small multiple of it).
			if peak > 20*capBytes {
				t.Errorf("peak heap +%d MiB", peak>>20)
			}
			if err := h.store.Check(context.Background()); err != nil {
				t.Errorf("store check: %v", err)
			}
		})
	}
}

// TestCheckNesting: the nesting guard counts what encoding/xml's non-strict mode (gofeed's) would
// open and close, and refuses no real feed.
func TestCheckNesting(t *testing.T) {
	deep := func(open, close string, n int) string {
		return `<rss><channel>` + strings.Repeat(open, n) + strings.Repeat(close, n) + `</channel></rss>`
	}
	tests := []struct {
		name string
		doc  string
		max  int
		deep bool
	}{
		{"flat", `<rss><channel><item><title>x</title></item></channel></rss>`, 4, false},
		{"exactly the limit", deep("<a>", "</a>", 8), 10, false},
		{"one over", deep("<a>", "</a>", 9), 10, true},
		{"prefixed names", deep("<x:a>", "</x:a>", 9), 10, true},
		{"self-closing elements do not nest", `<rss><channel>` + strings.Repeat("<a/>", 100) + `</channel></rss>`, 3, false},
		{"self-closing with attributes", `<rss><channel>` + strings.Repeat(`<a href="/x>y"/>`, 100) + `</channel></rss>`, 3, false},
		{"quoted > in attributes", `<rss><channel>` + strings.Repeat(`<a t='>'></a>`, 100) + `</channel></rss>`, 3, false},
		{"unclosed HTML inside items is closed by the item's end tag", `<rss><channel>` +
			strings.Repeat(`<item><description><p><br><img src="x"><br></description></item>`, 100) + `</channel></rss>`, 8, false},
		{"CDATA is text", `<rss><channel><item><description><![CDATA[` + strings.Repeat("<div>", 5000) + `]]></description></item></channel></rss>`, 10, false},
		{"comments are text", `<rss><!--` + strings.Repeat("<a>", 5000) + `--><channel/></rss>`, 10, false},
		{"processing instructions", `<?xml version="1.0"?><?xml-stylesheet href="a>b"?><rss/>`, 1, false},
		{"doctype with an internal subset", `<!DOCTYPE rss [<!ENTITY a "<b>"><!ENTITY c '>'>]><rss><channel/></rss>`, 2, false},
		{"stray < in text", `<rss><channel><title>a < b</title></channel></rss>`, 3, false},
		{"JSON is not checked", `{"items":[{"content_html":"` + strings.Repeat("<div>", 5000) + `"}]}`, 10, false},
		{"unterminated", `<rss><channel><a href="`, 10, false},
		{"200,000 deep", deep("<a>", "</a>", 200000), maxNesting, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkNesting([]byte(tt.doc), tt.max)
			if tt.deep != errors.Is(err, ErrTooDeep) || (!tt.deep && err != nil) {
				t.Errorf("checkNesting = %v, want too deep: %v", err, tt.deep)
			}
		})
	}
	// No false refusal of any fixture or conformance corpus file that gofeed parses.
	t.Run("fixtures", func(t *testing.T) {
		fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "*"))
		checkParseableNotTooDeep(t, fixtures)
	})
	t.Run("corpus", func(t *testing.T) {
		var files []string
		filepath.WalkDir(testenv.Shared(t, "corpus"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".rss") ||
				strings.HasSuffix(p, ".atom") || strings.HasSuffix(p, ".rdf") || strings.HasSuffix(p, ".json")) {
				files = append(files, p)
			}
			return nil
		})
		checkParseableNotTooDeep(t, files)
	})
}

// checkParseableNotTooDeep checks that the nesting guard refuses none of the files that parse.
func checkParseableNotTooDeep(t *testing.T, files []string) {
	t.Helper()
	checked := 0
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if _, err := parse.Parse(b, ""); err != nil {
			continue
		}
		checked++
		if err := checkNesting(b, maxNesting); err != nil {
			t.Errorf("%s: parses, but refused: %v", p, err)
		}
	}
	if checked == 0 {
		t.Fatal("no parseable file checked")
	}
	t.Logf("%d parseable files pass the nesting guard", checked)
}

// TestFailuresThroughRefresh: every kind of failing answer, through a scheduled refresh of a source
// that has stored articles: the right status, the right next attempt (backoff, Retry-After, gone),
// validators and stored articles untouched.
func TestFailuresThroughRefresh(t *testing.T) {
	retryDate := time.Now().Add(90 * time.Minute).UTC().Truncate(time.Second)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mode := strings.TrimPrefix(r.URL.Path, "/")
		mode, phase, _ := strings.Cut(mode, "/")
		if phase == "ok" {
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, rss("ok", 3))
			return
		}
		status := func(code int, retryAfter string) {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(code)
			io.WriteString(w, "<!DOCTYPE html><h1>RSSHub error</h1>")
		}
		switch {
		case mode == "304-no-validators":
			w.WriteHeader(http.StatusNotModified)
		case mode == "404":
			status(404, "")
		case mode == "410":
			status(410, "")
		case mode == "429":
			status(429, "")
		case mode == "429-seconds":
			status(429, "120")
		case mode == "429-date":
			status(429, retryDate.Format(http.TimeFormat))
		case mode == "429-next-year":
			status(429, strconv.Itoa(365*24*3600))
		case mode == "503":
			status(503, "")
		case mode == "503-seconds":
			status(503, "120")
		case mode == "503-date":
			status(503, retryDate.Format(http.TimeFormat))
		case mode == "500":
			status(500, "")
		case mode == "html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<!DOCTYPE html><html><head><title>Login</title></head><body>please log in</body></html>")
		case mode == "empty":
			w.Header().Set("Content-Type", "application/rss+xml")
		case mode == "truncated-feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, strings.TrimSuffix(rss("t", 3), "</item></channel></rss>")[:200])
		case mode == "truncated-body":
			hj, _ := w.(http.Hijacker)
			c, buf, _ := hj.Hijack()
			body := rss("t", 3)
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:len(body)/2])
			buf.Flush()
			c.Close()
		case mode == "redirect-loop":
			http.Redirect(w, r, "/redirect-loop", http.StatusFound)
		case strings.HasPrefix(mode, "r"):
			n, _ := strconv.Atoi(strings.TrimPrefix(mode, "r"))
			if n == 0 {
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, rss("redirected", 3))
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/r%d", n-1), http.StatusFound)
		case mode == "ftp":
			http.Redirect(w, r, "ftp://127.0.0.1/feed.xml", http.StatusFound)
		case mode == "javascript":
			http.Redirect(w, r, "javascript:alert(1)", http.StatusFound)
		}
	}))
	defer srv.Close()

	const base, maxBackoff = time.Minute, 6 * time.Hour
	type next int
	const (
		backoff    next = iota // base ±20 %
		retryAfter             // the Retry-After time
		capped                 // BackoffMax
		gone                   // stopped until a reload or a manual refresh
		none                   // a success: no backoff
	)
	tests := []struct {
		mode   string
		status aggregator.Status
		errSub string
		next   next
		retry  time.Duration // for retryAfter: from now; zero means retryDate
	}{
		{mode: "304-no-validators", status: aggregator.StatusNotModified, next: none},
		{mode: "404", status: aggregator.StatusError, errSub: "status 404 Not Found", next: backoff},
		{mode: "410", status: aggregator.StatusError, errSub: "status 410 Gone", next: gone},
		{mode: "429", status: aggregator.StatusError, errSub: "status 429", next: backoff},
		{mode: "429-seconds", status: aggregator.StatusError, errSub: "status 429", next: retryAfter, retry: 2 * time.Minute},
		{mode: "429-date", status: aggregator.StatusError, errSub: "status 429", next: retryAfter},
		{mode: "429-next-year", status: aggregator.StatusError, errSub: "status 429", next: capped},
		{mode: "503", status: aggregator.StatusError, errSub: "status 503", next: backoff},
		{mode: "503-seconds", status: aggregator.StatusError, errSub: "status 503", next: retryAfter, retry: 2 * time.Minute},
		{mode: "503-date", status: aggregator.StatusError, errSub: "retry after " + retryDate.Format(time.RFC3339), next: retryAfter},
		{mode: "500", status: aggregator.StatusError, errSub: "status 500", next: backoff},
		{mode: "html", status: aggregator.StatusError, errSub: fetch.ErrNotFeed.Error(), next: backoff},
		{mode: "empty", status: aggregator.StatusError, errSub: fetch.ErrEmptyBody.Error(), next: backoff},
		{mode: "truncated-feed", status: aggregator.StatusError, errSub: "parse", next: backoff},
		{mode: "truncated-body", status: aggregator.StatusError, errSub: "unexpected EOF", next: backoff},
		{mode: "redirect-loop", status: aggregator.StatusError, errSub: "redirect loop", next: backoff},
		{mode: "r15", status: aggregator.StatusError, errSub: "stopped after 10 redirects", next: backoff},
		{mode: "r10", status: aggregator.StatusUpdated, next: none},
		{mode: "ftp", status: aggregator.StatusError, errSub: fetch.ErrRedirectScheme.Error(), next: backoff},
		{mode: "javascript", status: aggregator.StatusError, errSub: fetch.ErrRedirectScheme.Error(), next: backoff},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			// The source first succeeds (3 articles, ETag "v1"), then answers as the mode says.
			okSrc := src(tt.mode, srv.URL+"/"+tt.mode+"/ok")
			h := newHarness(t, []aggregator.Source{okSrc}, Options{BackoffBase: base, BackoffMax: maxBackoff})
			if res := h.refresh(false); res[0].Status != aggregator.StatusUpdated {
				t.Fatalf("first refresh: %+v", res[0])
			}
			before := h.snapshot()
			okState := h.r.State(tt.mode)
			hostile := src(tt.mode, srv.URL+"/"+tt.mode)
			h.r.SetSources(context.Background(), []aggregator.Source{hostile})
			sched := NewScheduler(h.r, nil)

			now := time.Now()
			res := h.refresh(false)[0]
			st := h.r.State(tt.mode)
			t.Logf("%s: %s %q; backoff until %v, gone %v", tt.mode, res.Status, res.Error, st.BackoffUntil.Sub(now).Round(time.Second), st.Gone)
			if res.Status != tt.status || !strings.Contains(res.Error, tt.errSub) {
				t.Fatalf("result %+v, want %s with %q", res, tt.status, tt.errSub)
			}
			if tt.status == aggregator.StatusError {
				if st.ConsecutiveFailures != 1 || st.LastError != res.Error || st.LastStatus != aggregator.StatusError {
					t.Errorf("state %+v", st)
				}
				if !st.LastSuccess.Equal(okState.LastSuccess) {
					t.Errorf("a failure moved the last success")
				}
			}
			if tt.mode != "r10" && (st.ETag != `"v1"` || st.ETag != okState.ETag) {
				t.Errorf("validators after %s: ETag %q, want the stored %q", tt.mode, st.ETag, okState.ETag)
			}
			switch tt.next {
			case none:
				if !st.BackoffUntil.IsZero() || st.ConsecutiveFailures != 0 || st.Gone {
					t.Errorf("state after success: %+v", st)
				}
				if n := sched.Next(tt.mode); n.Before(now) || n.After(now.Add(time.Minute+5*time.Second)) {
					t.Errorf("next run %v, want within the schedule's minute", n)
				}
			case backoff:
				if d := st.BackoffUntil.Sub(now); d < base*8/10-time.Second || d > base*12/10+time.Second {
					t.Errorf("backing off %v, want %v ±20%%", d, base)
				}
			case retryAfter:
				want := retryDate
				if tt.retry != 0 {
					want = now.Add(tt.retry)
				}
				if d := st.BackoffUntil.Sub(want); d < -2*time.Second || d > 2*time.Second {
					t.Errorf("backing off until %v, want Retry-After's %v", st.BackoffUntil, want)
				}
			case capped:
				if d := st.BackoffUntil.Sub(now.Add(maxBackoff)); d < -2*time.Second || d > 2*time.Second {
					t.Errorf("backing off until %v, want the %v cap", st.BackoffUntil, maxBackoff)
				}
			case gone:
				if !st.Gone || !sched.Next(tt.mode).IsZero() {
					t.Errorf("410: state %+v, next run %v; want gone with no next run", st, sched.Next(tt.mode))
				}
			}
			if tt.next != none && tt.next != gone {
				if n := sched.Next(tt.mode); n.Before(st.BackoffUntil) {
					t.Errorf("next run %v before the end of the backoff %v", n, st.BackoffUntil)
				}
			}
			if tt.status == aggregator.StatusError {
				if again := h.refresh(false)[0]; again.Status != aggregator.StatusSkipped {
					t.Errorf("scheduled refresh right after the failure: %+v, want skipped", again)
				}
			}
			// Stored state survives a restart as the refresher holds it.
			states, err := h.store.States(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got := states[tt.mode]; got.ConsecutiveFailures != st.ConsecutiveFailures || got.Gone != st.Gone ||
				!got.BackoffUntil.Equal(st.BackoffUntil) || got.ETag != st.ETag {
				t.Errorf("stored state %+v, refresher holds %+v", got, st)
			}
			after := h.snapshot()
			if tt.mode == "r10" {
				if len(after) != len(before)+3 {
					t.Errorf("%d articles after 10 redirects, want %d", len(after), len(before)+3)
				}
			} else if !sameSnapshot(before, after) {
				t.Errorf("stored articles changed: %d before, %d after", len(before), len(after))
			}
		})
	}
	t.Run("304 to an unconditional request", func(t *testing.T) {
		h := newHarness(t, []aggregator.Source{src("n", srv.URL+"/304-no-validators")}, Options{})
		res := h.refresh(false)[0]
		st := h.r.State("n")
		if res.Status != aggregator.StatusNotModified || st.ETag != "" || st.LastModified != "" || st.ConsecutiveFailures != 0 {
			t.Errorf("result %+v, state %+v", res, st)
		}
		if n := len(h.snapshot()); n != 0 {
			t.Errorf("%d articles stored from a 304", n)
		}
	})
}
