package feeds

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/opml"
	"tributary/aggregator/testenv"
)

// TestServeOPML lists the outputs as OPML: each once, under its absolute URL in the format the
// server was given or the request names, with the bytes pinned by a golden file; a bad format is a
// 400 that names the allowed values without echoing the request.
func TestServeOPML(t *testing.T) {
	env := newEnv(t)
	tests := []struct {
		query, ext string
	}{
		{"", "rss"},
		{"?format=rss", "rss"},
		{"?format=atom", "atom"},
		{"?format=json", "json"},
		{"?format=json&other=ignored", "json"},
	}
	for _, tc := range tests {
		t.Run("GET /opml"+tc.query, func(t *testing.T) {
			resp, body := env.do(t, "GET", "/opml"+tc.query)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/x-opml; charset=utf-8" ||
				resp.Header.Get("Etag") == "" || resp.Header.Get("Last-Modified") == "" {
				t.Fatalf("%s %q", resp.Status, resp.Header)
			}
			doc, err := opml.Parse(bytes.NewReader(body), opml.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			for _, f := range doc.Feeds() {
				urls = append(urls, f.XMLURL)
			}
			want := []string{testBase + "/feeds/all." + tc.ext, testBase + "/feeds/depth." + tc.ext}
			if strings.Join(urls, " ") != strings.Join(want, " ") {
				t.Errorf("feeds %q, want %q", urls, want)
			}
			if tc.query == "" {
				golden := "testdata/outputs.opml"
				if *update {
					os.WriteFile(golden, body, 0o644)
				}
				if want, _ := os.ReadFile(golden); !bytes.Equal(body, want) {
					t.Errorf("body differs from %s (go test -update rewrites it):\n%s", golden, body)
				}
			}
		})
	}
	for _, q := range []string{"?format=xml", "?format=", "?format=RSS", "?format=rss&format=atom", "?format=%3Cscript%3E"} {
		t.Run("bad "+q, func(t *testing.T) {
			resp, body := env.do(t, "GET", "/opml"+q)
			if resp.StatusCode != 400 || !strings.Contains(string(body), "format must be rss, atom or json") || strings.Contains(string(body), "script") {
				t.Errorf("%s %q", resp.Status, body)
			}
		})
	}
	t.Run("methods", func(t *testing.T) {
		if resp, body := env.do(t, "HEAD", "/opml"); resp.StatusCode != 200 || len(body) != 0 || resp.ContentLength <= 0 {
			t.Errorf("HEAD: %s, %d bytes, length %d", resp.Status, len(body), resp.ContentLength)
		}
		if resp, _ := env.do(t, "POST", "/opml"); resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("POST: %s %q", resp.Status, resp.Header)
		}
		if resp, _ := env.do(t, "GET", "/opml/"); resp.StatusCode != 404 {
			t.Errorf("/opml/: %s", resp.Status)
		}
	})
	t.Run("the index page links it", func(t *testing.T) {
		if _, body := env.do(t, "GET", "/"); !strings.Contains(string(body), `<a href="`+testBase+`/opml" type="text/x-opml">OPML</a>`) {
			t.Errorf("no link to /opml on the index page")
		}
	})
}

// TestServeOPMLConditional checks the validators: a client holding the list gets 304 until an
// output changes, a reload that changes nothing keeps the ETag, and each format has its own.
func TestServeOPMLConditional(t *testing.T) {
	env := newEnv(t)
	resp, _ := env.do(t, "GET", "/opml")
	etag, lastMod := resp.Header.Get("Etag"), resp.Header.Get("Last-Modified")
	if r, body := env.do(t, "GET", "/opml", "If-None-Match: "+etag); r.StatusCode != 304 || len(body) != 0 {
		t.Errorf("If-None-Match: %s", r.Status)
	}
	if r, _ := env.do(t, "GET", "/opml", "If-Modified-Since: "+lastMod); r.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %s", r.Status)
	}
	if r, _ := env.do(t, "GET", "/opml?format=atom", "If-None-Match: "+etag); r.StatusCode != 200 || r.Header.Get("Etag") == etag {
		t.Errorf("atom list answered with the rss list's validator: %s %s", r.Status, r.Header.Get("Etag"))
	}

	env.srv.SetOutputs(env.srv.Outputs())
	if r, _ := env.do(t, "GET", "/opml", "If-None-Match: "+etag); r.StatusCode != 304 {
		t.Errorf("a reload without change: %s, want 304", r.Status)
	}

	outs := env.srv.Outputs()
	outs = append(outs, aggregator.Output{Name: "hot", Title: "热门", Limit: 10})
	env.srv.SetOutputs(outs)
	r, body := env.do(t, "GET", "/opml", "If-None-Match: "+etag, "If-Modified-Since: "+lastMod)
	if r.StatusCode != 200 || r.Header.Get("Etag") == etag || !strings.Contains(string(body), testBase+"/feeds/hot.rss") {
		t.Errorf("after a new output: %s %s\n%s", r.Status, r.Header.Get("Etag"), body)
	}
	if r2, _ := env.do(t, "GET", "/opml", "If-Modified-Since: "+lastMod); r2.StatusCode != 200 {
		t.Errorf("If-Modified-Since of the old list after a change: %s", r2.Status)
	}
}

// TestServeOPMLDefaultFormat serves the list in the format of Options.OPMLFormat.
func TestServeOPMLDefaultFormat(t *testing.T) {
	srv := New(Options{Store: openStore(t), Outputs: []aggregator.Output{fixtureOutput()}, BaseURL: "https://news.example.com", OPMLFormat: JSON})
	doc, err := opml.Parse(bytes.NewReader(srv.outputs.Load().opml[srv.opmlFormat].body), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if f := doc.Feeds(); len(f) != 1 || f[0].XMLURL != "https://news.example.com/feeds/"+fixtureOutput().Name+".json" {
		t.Errorf("%+v", f)
	}
}

// TestOPMLNewsboatImport has the real newsboat import GET /opml (`newsboat -i`): its urls file must
// list every output's URL, as a reader subscribing to all of them at once would get.
func TestOPMLNewsboatImport(t *testing.T) {
	bin := testenv.Tool(t, "newsboat", "apt-get install -y newsboat")
	env := newEnv(t)
	_, body := env.do(t, "GET", "/opml?format=atom")
	dir := t.TempDir()
	list := filepath.Join(dir, "outputs.opml")
	urls := filepath.Join(dir, "urls")
	if err := os.WriteFile(list, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(urls, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-u", urls, "-c", filepath.Join(dir, "cache.db"), "-C", os.DevNull, "-i", list)
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "TERM=dumb")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsboat -i: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(urls)
	want := testBase + "/feeds/all.atom\n" + testBase + "/feeds/depth.atom\n"
	if string(got) != want {
		t.Errorf("newsboat's urls file:\n%s\nwant:\n%s", got, want)
	}
}
