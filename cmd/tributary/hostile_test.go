package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
	"tributary/store"
)

// rawHTTP sends req as raw bytes on a new connection to addr (host:port) and returns the status of
// the answer ("" body and code 0 when the server answered nothing before closing). The request is
// written while the answer is read: a server may refuse a request before reading all of it.
func rawHTTP(t *testing.T, addr string, req []byte) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(15 * time.Second))
	go c.Write(req) //nolint: the error shows as the answer's
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(body)
}

// badRequest is one hostile request and where it goes.
type badRequest struct {
	name  string
	admin bool // to the admin listener, else the public one
	raw   []byte
}

func badRequests() []badRequest {
	get := func(target string) []byte { return []byte("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
	method := func(m, target string) []byte {
		return []byte(m + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	}
	huge := bytes.Repeat([]byte("a"), 1<<20+1<<16)
	hugeHeader := append(append([]byte("GET /feeds/all.rss HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "), huge...), "\r\n\r\n"...)
	manyHeaders := []byte("GET /feeds/all.rss HTTP/1.1\r\nHost: 127.0.0.1\r\n")
	for i := 0; len(manyHeaders) < 1<<20+1<<16; i++ {
		manyHeaders = fmt.Appendf(manyHeaders, "X-H%d: %s\r\n", i, strings.Repeat("b", 100))
	}
	manyHeaders = append(manyHeaders, "\r\n"...)
	bigBody := func(target string) []byte {
		return append(fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", target, 10<<20),
			bytes.Repeat([]byte("{"), 10<<20)...)
	}
	chunked := func(target string) []byte {
		b := fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", target)
		chunk := bytes.Repeat([]byte("x"), 1<<16)
		for range 160 { // 10 MiB
			b = fmt.Appendf(b, "%x\r\n%s\r\n", len(chunk), chunk)
		}
		return append(b, "0\r\n\r\n"...)
	}
	var list []badRequest
	for _, admin := range []bool{false, true} {
		feed, other := "/feeds/all.rss", "/api/sources"
		if admin {
			feed, other = "/api/sources", "/metrics"
		}
		add := func(name string, raw []byte) { list = append(list, badRequest{name, admin, raw}) }
		add("header over 1 MiB", hugeHeader)
		add("1 MiB of headers", manyHeaders)
		add("/../", get("/../../../../etc/passwd"))
		add("/feeds/../../", get("/feeds/../../../etc/passwd"))
		add("dot segment to another endpoint", get(feed+"/../.."+other))
		add("%2e%2e", get("/%2e%2e/%2e%2e/etc/passwd"))
		add("%2e%2e inside", get("/feeds/%2e%2e/%2e%2e/etc/passwd"))
		add("..%2f", get("/feeds/..%2f..%2fetc%2fpasswd"))
		add("//", get("/"+feed))
		add("double slash inside", get(strings.Replace(feed, "/", "//", 2)))
		add("backslashes", get(feed+`\..\..\windows\win.ini`))
		add("encoded NUL", get("/"+strings.Replace(feed[1:], "/", "/%00", 1)))
		add("encoded NUL at the end", get(feed+"%00"))
		add("raw NUL", []byte("GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
		add("bad percent-encoding", get("/feeds/%zz.rss"))
		add("no Host", []byte("GET "+feed+" HTTP/1.1\r\n\r\n"))
		add("malformed header line", []byte("GET "+feed+" HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n"))
		add("unknown method", method("FOO", feed))
		add("PROPFIND", method("PROPFIND", "/"))
		add("TRACE", method("TRACE", feed))
		add("DELETE", method("DELETE", feed))
		add("PUT", method("PUT", other))
		if admin {
			add("GET of a POST endpoint", get("/api/refresh"))
			add("10 MiB body", bigBody("/api/refresh"))
			add("10 MiB chunked body", chunked("/api/refresh"))
			add("10 MiB body to export", bigBody("/api/export"))
		} else {
			add("POST", method("POST", feed))
			add("10 MiB body", bigBody(feed))
		}
	}
	return list
}

// TestBinaryBadRequests sends hostile requests to both listeners of the real daemon: huge headers and
// bodies, path tricks, unknown methods and slow clients. Each gets a clean 4xx (slow clients are cut
// off by the server's header timeout while others are served), and a flood of them logs nothing at
// level ERROR.
func TestBinaryBadRequests(t *testing.T) {
	t.Parallel()
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "",
		fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\nschedule = \"@yearly\"\n[[output]]\nname = \"all\"\n", src.URL))
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	if code, body := httpDo(t, "POST", d.admin+"/api/refresh", ""); code != 200 {
		t.Fatalf("refresh: %d %s", code, body)
	}
	if code, _ := httpDo(t, "GET", d.public+"/feeds/all.rss", ""); code != 200 {
		t.Fatalf("output: %d", code)
	}

	addr := func(admin bool) string {
		if admin {
			return strings.TrimPrefix(d.admin, "http://")
		}
		return strings.TrimPrefix(d.public, "http://")
	}
	listener := func(admin bool) string {
		if admin {
			return "admin"
		}
		return "public"
	}

	t.Run("each request", func(t *testing.T) {
		for _, br := range badRequests() {
			t.Run(listener(br.admin)+"/"+br.name, func(t *testing.T) {
				code, body := rawHTTP(t, addr(br.admin), br.raw)
				t.Logf("%d %s", code, strings.SplitN(body, "\n", 2)[0])
				if code < 400 || code > 499 {
					t.Errorf("status %d (%q), want a 4xx", code, body)
				}
				if strings.Contains(body, "root:") || strings.Contains(body, "[extensions]") {
					t.Errorf("a file leaked: %q", body)
				}
			})
		}
	})

	t.Run("slow clients", func(t *testing.T) {
		// 20 clients per listener send their headers one byte a second; the server's
		// ReadHeaderTimeout (5 s) must close each within ~10 s while other requests are served.
		var wg sync.WaitGroup
		closedAfter := make(chan time.Duration, 40)
		for _, isAdmin := range []bool{false, true} {
			for range 20 {
				c, err := net.Dial("tcp", addr(isAdmin))
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
				wg.Go(func() {
					start := time.Now()
					c.SetDeadline(start.Add(20 * time.Second))
					if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "); err != nil {
						closedAfter <- time.Since(start)
						return
					}
					closed := make(chan struct{})
					go func() { // the server closes: the read ends (EOF or reset), maybe after a 408
						io.Copy(io.Discard, c)
						close(closed)
					}()
					tick := time.NewTicker(time.Second)
					defer tick.Stop()
					for {
						select {
						case <-closed:
							closedAfter <- time.Since(start)
							return
						case <-tick.C:
							c.Write([]byte("a"))
						}
					}
				})
			}
		}
		// Meanwhile, everyone else is served.
		served := 0
		for deadline := time.Now().Add(4 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			for _, url := range []string{d.public + "/feeds/all.rss", d.public + "/healthz", d.admin + "/api/sources"} {
				start := time.Now()
				if code, _ := httpDo(t, "GET", url, ""); code != 200 {
					t.Errorf("GET %s during the slow clients: %d", url, code)
				}
				if took := time.Since(start); took > 2*time.Second {
					t.Errorf("GET %s took %v during the slow clients", url, took)
				}
				served++
			}
		}
		wg.Wait()
		close(closedAfter)
		var longest time.Duration
		for d := range closedAfter {
			longest = max(longest, d)
		}
		t.Logf("%d requests served while 40 slow clients held connections; the last slow client was cut off after %v",
			served, longest.Round(10*time.Millisecond))
		if longest > 10*time.Second {
			t.Errorf("a slow client held its connection %v, want it closed by the 5 s header timeout", longest)
		}
	})

	t.Run("a flood logs no error", func(t *testing.T) {
		list := badRequests()
		var wg sync.WaitGroup
		sem := make(chan struct{}, 8)
		for i := range 200 {
			br := list[i%len(list)]
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				rawHTTP(t, addr(br.admin), br.raw)
			})
		}
		wg.Wait()
		if code, _ := httpDo(t, "GET", d.public+"/feeds/all.rss", ""); code != 200 {
			t.Errorf("output after the flood: %d", code)
		}
		lines := 0
		sc := bufio.NewScanner(strings.NewReader(d.stderr.String()))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			lines++
			var rec struct{ Level string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Errorf("log line is not JSON: %q", sc.Text())
				continue
			}
			if rec.Level == "ERROR" {
				t.Errorf("logged at level ERROR: %s", sc.Text())
			}
		}
		t.Logf("%d log lines after 200 bad requests, none at level ERROR", lines)
	})
}

// appWithLog runs the daemon in-process, as startApp does, logging JSON at debug level into the
// returned buffer.
func appWithLog(t *testing.T, cfgPath string) (*testApp, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return startAppWith(t, cfgPath, logger), logs
}

// TestRedirectToMetadataNeverRepublished: a source on a loopback host (allowed: it is the operator's
// own choice) redirects to another loopback port that plays a cloud metadata service serving a feed
// of credentials. The redirect is refused at dial time and the secret appears nowhere: not in the
// outputs, the index page, the admin API, the metrics, the log or the database. With
// allow_networks = ["127.0.0.0/8"] the same redirect is followed, which shows that the checks
// below would see the secret.
func TestRedirectToMetadataNeverRepublished(t *testing.T) {
	t.Parallel()
	const secret = "AKIAIOSFODNN7EXAMPLE-wJalrXUtnFEMI-K7MDENG"
	var metadataHits atomic.Int32
	metadata := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metadataHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%[1]s</title><link>http://169.254.169.254/</link>`+
			`<item><title>credentials %[1]s</title><link>http://169.254.169.254/latest/meta-data/iam/%[1]s</link>`+
			`<description>SecretAccessKey: %[1]s</description><category>%[1]s</category></item></channel></rss>`, secret)
	}))
	defer metadata.Close()
	source := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, metadata.URL+"/latest/meta-data/iam/security-credentials/feed.xml", http.StatusFound)
	}))
	defer source.Close()

	for _, allowed := range []bool{false, true} {
		t.Run(fmt.Sprintf("allow_networks %v", allowed), func(t *testing.T) {
			fetchBlock := ""
			if allowed {
				fetchBlock = "[fetch]\nallow_networks = [\"127.0.0.0/8\"]\n"
			}
			dir := t.TempDir()
			cfgPath := writeConfig(t, dir, fetchBlock+fmt.Sprintf("[[source]]\nname = \"rsshub\"\nurl = \"%s/feed\"\nschedule = \"@yearly\"\n[[output]]\nname = \"all\"\n", source.URL))
			app, logs := appWithLog(t, cfgPath)
			hitsBefore := metadataHits.Load()

			resp, err := http.Post(app.admin+"/api/refresh?source=rsshub", "application/json", nil)
			if err != nil {
				t.Fatal(err)
			}
			var out refreshResponse
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if len(out.Results) != 1 {
				t.Fatalf("refresh: %+v", out)
			}
			res := out.Results[0]
			t.Logf("refresh: %s %s", res.Status, res.Error)

			// Everything a reader, an operator or a log collector can see.
			var seen []string
			for _, u := range []string{app.public + "/feeds/all.rss", app.public + "/feeds/all.atom", app.public + "/feeds/all.json",
				app.public + "/", app.admin + "/api/sources", app.admin + "/api/outputs", app.admin + "/metrics"} {
				_, body := get(t, u)
				seen = append(seen, u+"\n"+string(body))
			}
			seen = append(seen, "log\n"+logs.String())
			arts, err := app.store.Articles(context.Background(), aggregator.Query{})
			if err != nil {
				t.Fatal(err)
			}
			dump, _ := json.Marshal(arts)
			seen = append(seen, "database\n"+string(dump))
			leaked := 0
			for _, s := range seen {
				if strings.Contains(s, secret) {
					leaked++
					if !allowed {
						where, _, _ := strings.Cut(s, "\n")
						t.Errorf("the secret appears in %s", where)
					}
				}
			}

			if allowed {
				if res.Status != aggregator.StatusUpdated || len(arts) != 1 || leaked == 0 {
					t.Errorf("with 127.0.0.0/8 allowed: %+v, secret seen in %d places; want the redirect followed", res, leaked)
				}
				return
			}
			if res.Status != aggregator.StatusError || !strings.Contains(res.Error, "private network address refused") {
				t.Errorf("refresh %+v, want the redirect refused as a private network", res)
			}
			if n := metadataHits.Load() - hitsBefore; n != 0 {
				t.Errorf("the metadata server was reached %d times", n)
			}
			if len(arts) != 0 {
				t.Errorf("%d articles stored", len(arts))
			}
		})
	}
}

// TestBinaryDiskFull fills a small tmpfs holding the database by refreshing big feeds until a write
// fails: the refresh fails cleanly naming the cause, the daemon keeps serving the outputs it had
// (HTTP 200, the same bytes), and once space is freed the next refresh succeeds. It needs root (to
// mount) and is skipped elsewhere.
func TestBinaryDiskFull(t *testing.T) {
	t.Parallel()
	mnt := t.TempDir()
	mount := testenv.Tool(t, "mount", "apt-get install -y mount")
	if out, err := exec.Command(mount, "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", mnt).CombinedOutput(); err != nil {
		testenv.Missing(t, fmt.Sprintf("needs root to mount a 3 MB tmpfs (run the tests as root): mount: %v %s", err,
			strings.Join(strings.Fields(string(out)), " ")))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	filler := filepath.Join(mnt, "filler")
	if err := os.WriteFile(filler, bytes.Repeat([]byte{1}, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}

	// Every fetch of /big is a new feed of 40 articles with 8 KB bodies of random hex, which the
	// store's compression cannot shrink much.
	var round atomic.Int32
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := round.Add(1)
		rng := rand.New(rand.NewPCG(uint64(n), 1))
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
		for i := range 40 {
			noise := make([]byte, 4000)
			for j := range noise {
				noise[j] = byte(rng.Uint32())
			}
			fmt.Fprintf(w, `<item><title>round %d item %d</title><link>http://example.com/%d/%d</link><pubDate>%s</pubDate><description>%x</description></item>`,
				n, i, n, i, time.Now().Add(-time.Duration(i)*time.Minute).UTC().Format(http.TimeFormat), noise)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer big.Close()

	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "",
		fmt.Sprintf("[[source]]\nname = \"big\"\nurl = \"%s/big\"\nschedule = \"@yearly\"\n[[output]]\nname = \"all\"\nlimit = 20\n", big.URL))
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), `path = "tributary.db"`, fmt.Sprintf("path = %q", filepath.Join(mnt, "tributary.db")), 1))
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	// The catch-up refresh of the never-fetched source, then ours.
	waitUntil(t, func() bool { return round.Load() >= 1 })

	refresh := func() aggregator.RefreshResult {
		t.Helper()
		code, body := httpDo(t, "POST", d.admin+"/api/refresh?source=big", "")
		var out refreshResponse
		if err := json.Unmarshal([]byte(body), &out); err != nil || code != 200 || len(out.Results) != 1 {
			t.Fatalf("refresh: %d %s", code, body)
		}
		return out.Results[0].RefreshResult
	}
	var lastGood []byte
	var failure aggregator.RefreshResult
	rounds := 0
	for ; rounds < 60; rounds++ {
		res := refresh()
		if res.Status == aggregator.StatusError {
			failure = res
			break
		}
		if res.Status != aggregator.StatusUpdated || res.New != 40 {
			t.Fatalf("refresh %d: %+v", rounds, res)
		}
		code, body := httpDo(t, "GET", d.public+"/feeds/all.rss", "")
		if code != 200 {
			t.Fatalf("output after refresh %d: %d", rounds, code)
		}
		lastGood = []byte(body)
	}
	if failure.Status != aggregator.StatusError {
		t.Fatalf("%d refreshes of 40 big articles fit in a 3 MiB file system", rounds)
	}
	t.Logf("after %d refreshes: %s", rounds, failure.Error)
	if !strings.Contains(failure.Error, "no space left on device") {
		t.Errorf("the failed refresh does not name the cause: %q", failure.Error)
	}
	// The daemon keeps serving, the old content.
	for range 3 {
		code, body := httpDo(t, "GET", d.public+"/feeds/all.rss", "")
		if code != 200 || body != string(lastGood) {
			t.Errorf("output while the disk is full: %d, same content as before: %v", code, body == string(lastGood))
		}
	}
	if code, _ := httpDo(t, "GET", d.public+"/readyz", ""); code != 200 {
		t.Errorf("readyz while the disk is full: %d", code)
	}
	if code, body := httpDo(t, "GET", d.admin+"/api/sources", ""); code != 200 || !strings.Contains(body, "no space left on device") {
		t.Errorf("sources while the disk is full: %d %s", code, body)
	}
	select {
	case <-d.exited:
		t.Fatalf("the daemon exited when the disk was full: %v", d.exitErr)
	default:
	}

	// Space returns: the next refresh succeeds and shows.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	res := refresh()
	if res.Status != aggregator.StatusUpdated || res.New != 40 {
		t.Fatalf("refresh after freeing space: %+v", res)
	}
	if code, body := httpDo(t, "GET", d.public+"/feeds/all.rss", ""); code != 200 || body == string(lastGood) {
		t.Errorf("output after the recovery: %d, changed: %v", code, body != string(lastGood))
	}

	// A clean stop, and a database that checks out.
	d.cmd.Process.Signal(syscall.SIGTERM)
	if code := d.wait(t, 15*time.Second); code != 0 {
		t.Errorf("exit code %d after SIGTERM", code)
	}
	st, err := store.Open(context.Background(), filepath.Join(mnt, "tributary.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Errorf("store check after the disk was full: %v", err)
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Every fetched feed was stored but the one that met the full disk.
	if want := 40 * (int(round.Load()) - 1); stats.Articles != want {
		t.Errorf("%d articles stored, want %d (%d feeds fetched, one refused)", stats.Articles, want, round.Load())
	}
}
