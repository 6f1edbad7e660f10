package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sourceSecret is in a source URL's query string, as an API key would be: the admin API shows it,
// so a request that must read nothing is checked for it.
const sourceSecret = "key-9f8e7d6c5b4a"

// adminDo sends one request to an admin listener with the given Host (empty: the address's own)
// and headers, without following redirects, and returns the status and body.
func adminDo(t *testing.T, method, rawURL, host string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(b)
}

// fetchHits is how often the fixture server served path.
func (fs *fixtureServer) fetchHits(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.hits[path]
}

// guardedApp runs the daemon with one source whose URL holds sourceSecret, an output, an
// [[export]] block and extra [server] keys, and returns it with the fixture server once the
// first refresh is done (so that the source is fetched again only when a refresh is asked for).
func guardedApp(t *testing.T, serverExtra string) (*testApp, *fixtureServer, string) {
	t.Helper()
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a?key=%s\"\nschedule = \"@yearly\"\n"+
		"[[output]]\nname = \"all\"\n[[export]]\ndir = \"site/source/_posts\"\noutput = \"all\"\n", src.URL, sourceSecret))
	if serverExtra != "" {
		cfg := mustRead(t, cfgPath)
		for _, line := range strings.Split(serverExtra, "\n") { // a key given replaces writeConfig's
			key, _, _ := strings.Cut(line, " = ")
			cfg = regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(key)+` = .*\n`).ReplaceAllString(cfg, "")
		}
		writeFile(t, dir, "config.toml", strings.Replace(cfg, "[server]\n", "[server]\n"+serverExtra+"\n", 1))
	}
	app := startApp(t, cfgPath)
	waitUntil(t, func() bool { return !app.refresher.Running("a") && !app.refresher.State("a").LastFetch.IsZero() })
	return app, src, dir
}

// TestAdminRefusesCrossSiteWrites sends what a web page in the operator's browser can send without
// a CORS preflight — forms and simple fetches, cross-site, same-site (a page on the public
// listener, another port of 127.0.0.1) and from sandboxed frames (Origin: null) — to the admin
// API's state-changing endpoints. Each is refused and nothing runs: no directory is written, the
// source is not fetched. A request with Content-Type: application/json from a same-origin page or
// a tool runs.
func TestAdminRefusesCrossSiteWrites(t *testing.T) {
	app, src, _ := guardedApp(t, "")
	evil := filepath.Join(t.TempDir(), "evil")
	publicOrigin := app.public // a page of tributary's own public listener: same-site, other origin
	adminHost := strings.TrimPrefix(app.admin, "http://")
	const (
		form      = "application/x-www-form-urlencoded"
		multipart = "multipart/form-data; boundary=x"
		text      = "text/plain;charset=UTF-8"
	)
	browser := func(origin, site, ctype string) map[string]string {
		h := map[string]string{"Content-Type": ctype}
		if origin != "" {
			h["Origin"] = origin
		}
		if site != "" {
			h["Sec-Fetch-Site"] = site
			h["Sec-Fetch-Mode"] = "no-cors"
		}
		return h
	}
	refused := []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"cross-site form", browser("https://evil.example", "cross-site", form), 403},
		{"cross-site multipart form", browser("https://evil.example", "cross-site", multipart), 403},
		{"cross-site text/plain fetch", browser("https://evil.example", "cross-site", text), 403},
		{"cross-site fetch without content type", browser("https://evil.example", "cross-site", ""), 403},
		{"cross-site claiming JSON", browser("https://evil.example", "cross-site", "application/json"), 403},
		{"browser without Fetch Metadata, form", browser("https://evil.example", "", form), 403},
		{"sandboxed frame (Origin null)", browser("null", "cross-site", text), 403},
		{"Origin null without Fetch Metadata", browser("null", "", form), 403},
		{"same-site page on the public listener", browser(publicOrigin, "same-site", form), 403},
		{"same-site page, no Fetch Metadata", browser(publicOrigin, "", text), 403},
		{"same-site page claiming JSON", browser(publicOrigin, "same-site", "application/json"), 403},
		{"localhost page of another port", browser("http://localhost:3000", "same-site", text), 403},
		{"no browser headers, form", browser("", "", form), 415},
		{"no browser headers, text/plain", browser("", "", text), 415},
		{"no content type", browser("", "", ""), 415},
		{"same-origin form", browser("http://"+adminHost, "same-origin", form), 415},
	}
	hitsBefore := src.fetchHits("/a")
	for _, tt := range refused {
		for _, target := range []string{"/api/export?format=hexo&dir=" + url.QueryEscape(evil), "/api/refresh?source=a"} {
			t.Run(tt.name+" "+strings.SplitN(target, "?", 2)[0], func(t *testing.T) {
				code, body := adminDo(t, "POST", app.admin+target, "", tt.header)
				if code != tt.want {
					t.Errorf("status %d (%s), want %d", code, strings.TrimSpace(body), tt.want)
				}
				if tt.want == 415 && !strings.Contains(body, "application/json") {
					t.Errorf("the 415 does not say which content type to send: %s", body)
				}
				if _, err := os.Stat(evil); err == nil {
					t.Fatalf("%s was created", evil)
				}
			})
		}
	}
	if n := src.fetchHits("/a") - hitsBefore; n != 0 {
		t.Errorf("refused refreshes fetched the source %d times", n)
	}

	allowed := []struct {
		name   string
		header map[string]string
	}{
		{"tool (CLI, curl)", map[string]string{"Content-Type": "application/json"}},
		{"tool with charset", map[string]string{"Content-Type": "application/json; charset=utf-8"}},
		{"same-origin page", browser("http://"+adminHost, "same-origin", "application/json")},
		{"typed by the user (Sec-Fetch-Site none)", browser("", "none", "application/json")},
	}
	for _, tt := range allowed {
		t.Run(tt.name, func(t *testing.T) {
			before := src.fetchHits("/a")
			code, body := adminDo(t, "POST", app.admin+"/api/refresh?source=a", "", tt.header)
			if code != 200 {
				t.Fatalf("status %d (%s), want 200", code, body)
			}
			if src.fetchHits("/a") == before {
				t.Error("the refresh did not fetch the source")
			}
		})
	}
}

// TestAdminRefusesForeignHost plays DNS rebinding: a page on evil.example whose name now resolves
// to 127.0.0.1 reads the admin API with its own name in Host. Every such request is refused and
// shows nothing (the source URL's secret, metrics, profiles); the names and addresses the listener
// is really reached by are served.
func TestAdminRefusesForeignHost(t *testing.T) {
	app, src, _ := guardedApp(t, "")
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(app.admin, "http://"))
	reads := []string{"/api/sources", "/api/outputs", "/metrics", "/debug/pprof/", "/debug/pprof/goroutine?debug=2"}
	foreign := []string{
		"evil.example", "evil.example:" + port, "EVIL.example.:" + port, "127.0.0.1.evil.example:" + port,
		"localhost.evil.example:" + port, "evil.localhost:" + port, "0.0.0.0:" + port, "10.1.2.3:" + port,
		"[2001:db8::1]:" + port, "[::ffff:10.1.2.3]:" + port, "tributary:" + port,
	}
	for _, host := range foreign {
		for _, path := range reads {
			t.Run(host+path, func(t *testing.T) {
				code, body := adminDo(t, "GET", app.admin+path, host, nil)
				if code != 403 {
					t.Errorf("status %d, want 403", code)
				}
				if strings.Contains(body, sourceSecret) || strings.Contains(body, "goroutine") || strings.Contains(body, "go_memstats") {
					t.Errorf("the answer shows what it must not: %.200s", body)
				}
				if code == 403 && !strings.Contains(body, "Host") {
					t.Errorf("the refusal does not say why: %s", body)
				}
			})
		}
		t.Run(host+" POST", func(t *testing.T) {
			before := src.fetchHits("/a")
			if code, body := adminDo(t, "POST", app.admin+"/api/refresh?source=a", host, map[string]string{"Content-Type": "application/json"}); code != 403 {
				t.Errorf("status %d (%s), want 403", code, body)
			}
			if n := src.fetchHits("/a") - before; n != 0 {
				t.Errorf("the source was fetched %d times", n)
			}
		})
	}
	// Health probes answer whatever the Host: a supervisor may use any name, and they tell nothing.
	if code, _ := adminDo(t, "GET", app.admin+"/healthz", "evil.example", nil); code != 200 {
		t.Errorf("healthz with a foreign Host: %d, want 200", code)
	}
	for _, host := range []string{"", "127.0.0.1", "127.0.0.1:" + port, "localhost:" + port, "LocalHost.:" + port,
		"localhost", "[::1]:" + port, "[::1]", "127.0.0.2:" + port} {
		t.Run("served "+host, func(t *testing.T) {
			code, body := adminDo(t, "GET", app.admin+"/api/sources", host, nil)
			if code != 200 || !strings.Contains(body, sourceSecret) {
				t.Errorf("status %d, secret shown %v; want 200 with the sources", code, strings.Contains(body, sourceSecret))
			}
		})
	}
}

// TestAdminHostsOfAPublicListener: on 0.0.0.0 with a token, the addresses a request really reached
// and the names of server.admin_hosts are served (with the token); a rebinding name is refused
// even with the token.
func TestAdminHostsOfAPublicListener(t *testing.T) {
	app, _, _ := guardedApp(t, "admin_listen = \"0.0.0.0:0\"\nadmin_token = \"tok\"\nadmin_hosts = [\"Tributary.Internal.\"]")
	_, port, _ := net.SplitHostPort(app.adminLn.Addr().String())
	base := "http://127.0.0.1:" + port
	auth := map[string]string{"Authorization": "Bearer tok"}
	for _, tt := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"tributary.internal:" + port, 200},
		{"TRIBUTARY.INTERNAL", 200},
		{"evil.example:" + port, 403},
		{"tributary.internal.evil.example", 403},
		{"0.0.0.0:" + port, 403},
	} {
		t.Run(tt.host, func(t *testing.T) {
			if code, body := adminDo(t, "GET", base+"/api/sources", tt.host, auth); code != tt.want {
				t.Errorf("status %d (%.200s), want %d", code, body, tt.want)
			}
		})
	}
}

// TestAdminPprof: /debug/pprof/ is served behind a token, or with server.pprof = true; with
// neither it is not there.
func TestAdminPprof(t *testing.T) {
	for _, tt := range []struct {
		name, server string
		token        string
		want         int
	}{
		{"default", "", "", 404},
		{"pprof = false", "pprof = false", "", 404},
		{"opt-in", "pprof = true", "", 200},
		{"token", "admin_token = \"tok\"", "tok", 200},
		{"token, no token sent", "admin_token = \"tok\"", "", 401},
		{"token, pprof = false", "admin_token = \"tok\"\npprof = false", "tok", 404},
	} {
		t.Run(tt.name, func(t *testing.T) {
			app, _, _ := guardedApp(t, tt.server)
			h := map[string]string{}
			if tt.token != "" {
				h["Authorization"] = "Bearer " + tt.token
			}
			for _, path := range []string{"/debug/pprof/", "/debug/pprof/goroutine?debug=1", "/debug/pprof/cmdline"} {
				code, body := adminDo(t, "GET", app.admin+path, "", h)
				if path == "/debug/pprof/cmdline" && tt.want == 200 {
					continue // not served in any setting
				}
				if code != tt.want {
					t.Errorf("%s: status %d (%.100s), want %d", path, code, body, tt.want)
				}
				if tt.want == 404 && !strings.Contains(body, "server.pprof") {
					t.Errorf("%s: the 404 does not name the key that turns profiles on: %s", path, body)
				}
			}
		})
	}
}

// TestAdminExportDirs: POST /api/export writes only into the directories the configuration names
// ([[export]] dir and server.export_dirs, also reached through a symlink or with a trailing slash),
// never into another path, a path with .. or a relative one; without dir it syncs the [[export]]
// blocks.
func TestAdminExportDirs(t *testing.T) {
	app, _, dir := guardedApp(t, `export_dirs = ["extra/posts"]`)
	extra := filepath.Join(dir, "extra", "posts")
	block := filepath.Join(dir, "site", "source", "_posts")
	if err := os.MkdirAll(filepath.Join(dir, "extra"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(dir, "extra"), link); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	json := map[string]string{"Content-Type": "application/json"}
	for _, tt := range []struct {
		name, dir string
		want      int
		wantDir   string // where the posts are, when the export runs
	}{
		{"unconfigured absolute path", filepath.Join(outside, "evil"), 403, ""},
		{"the file system root", "/", 403, ""},
		{"parent of a configured dir", filepath.Join(dir, "extra"), 403, ""},
		{"child of a configured dir", filepath.Join(extra, "sub"), 403, ""},
		{".. out of a configured dir", extra + "/../../../" + filepath.Base(outside) + "/evil", 400, ""},
		{".. back into a configured dir", extra + "/../posts", 400, ""},
		{"relative", "extra/posts", 400, ""},
		{"export_dirs entry", extra, 200, extra},
		{"trailing slash", extra + "/", 200, extra},
		{"through a symlink", filepath.Join(link, "posts"), 200, extra},
		{"[[export]] dir", block, 200, block},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := adminDo(t, "POST", app.admin+"/api/export?format=hexo&dir="+url.QueryEscape(tt.dir), "", json)
			if code != tt.want {
				t.Fatalf("status %d (%s), want %d", code, body, tt.want)
			}
			if code == 403 && !strings.Contains(body, "server.export_dirs") {
				t.Errorf("the refusal does not name the key to add: %s", body)
			}
			if tt.wantDir != "" {
				var resp exportResponse
				if err := jsonUnmarshal(body, &resp); err != nil || resp.Dir != tt.wantDir {
					t.Errorf("answer %s, want the export in %s", body, tt.wantDir)
				}
				if n := countPosts(t, tt.wantDir); n != 6 {
					t.Errorf("%d posts in %s, want the 6 articles", n, tt.wantDir)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("%d entries written outside the configured directories", len(entries))
	}
	if _, err := os.Stat(filepath.Join(extra, "sub")); err == nil {
		t.Error("a subdirectory of a configured directory was written")
	}

	t.Run("no dir: the [[export]] blocks", func(t *testing.T) {
		code, body := adminDo(t, "POST", app.admin+"/api/export", "", json)
		var resp struct{ Exports []exportResponse }
		if code != 200 || jsonUnmarshal(body, &resp) != nil || len(resp.Exports) != 1 || resp.Exports[0].Dir != block {
			t.Fatalf("status %d, %s; want the one [[export]] block synced", code, body)
		}
		if rep := resp.Exports[0].Report; rep.Written+rep.Unchanged != 6 {
			t.Errorf("report %+v, want the 6 articles written or up to date", rep)
		}
		if n := countPosts(t, block); n != 6 {
			t.Errorf("%d posts in the [[export]] block's dir, want the 6 articles", n)
		}
		if code, body := adminDo(t, "POST", app.admin+"/api/export?output=all", "", json); code != 400 {
			t.Errorf("output without dir: %d %s, want 400", code, body)
		}
	})
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
