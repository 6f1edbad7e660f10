package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	toml "github.com/pelletier/go-toml/v2"

	"tributary/aggregator/opml"
	"tributary/feeds"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// opmlFixture is a reader's export from aggregator/opml's testdata.
func opmlFixture(name string) string {
	return filepath.Join("..", "..", "aggregator", "opml", "testdata", name+".opml")
}

// importConfig is a configuration with one source whose URL the fixtures also list, and a comment
// that --write must keep.
const importConfig = `# my sources
[[source]]
name = "go-blog"   # kept as written
url = "https://go.dev/blog/feed.atom"

[[output]]
name = "all"
`

// TestImportOPML imports the exports of Miniflux, FreshRSS, newsboat and an OPML 1.1 file into a
// configuration that has one of their feeds already. The printed TOML is pinned by golden files,
// parses back as [[source]] blocks, passes the configuration's validation with the file's source
// beside it, and the feed already configured, the FreshRSS scraper source and nothing else are left
// out, each with a note.
func TestImportOPML(t *testing.T) {
	tests := []struct {
		fixture string
		sources int
		skipped []string
	}{
		{"miniflux", 4, []string{`"The Go Blog" (https://go.dev/blog/feed.atom): already configured as source "go-blog"`}},
		{"freshrss", 3, []string{`"The Go Blog"`, `"Some shop (scraped)" (https://shop.example.com/news): type "HTML+XPath" is not a feed tributary reads`}},
		{"newsboat", 2, []string{`an outline without title (https://go.dev/blog/feed.atom): already configured`}},
		{"latin1-opml11", 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			dir := t.TempDir()
			cfgPath := writeFile(t, dir, "config.toml", importConfig)
			code, out, errOut := runCLI("import-opml", "--config", cfgPath, opmlFixture(tc.fixture))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden := filepath.Join("testdata", "import-"+tc.fixture+".toml")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := mustRead(t, golden); out != want {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, out)
			}
			var fc fileConfig
			if err := toml.NewDecoder(strings.NewReader(out)).DisallowUnknownFields().Decode(&fc); err != nil {
				t.Fatalf("the output is not TOML of [[source]] blocks: %v", err)
			}
			if len(fc.Sources) != tc.sources {
				t.Errorf("%d sources, want %d", len(fc.Sources), tc.sources)
			}
			names := map[string]bool{"go-blog": true}
			for _, s := range fc.Sources {
				if names[s.Name] || !nameRE.MatchString(s.Name) || len(s.Name) > maxImportName+3 {
					t.Errorf("name %q repeated or not a valid name", s.Name)
				}
				names[s.Name] = true
				if s.Schedule != defaultSchedule {
					t.Errorf("source %q: schedule %q", s.Name, s.Schedule)
				}
			}
			if _, err := ParseConfig(cfgPath, []byte(importConfig+"\n"+out)); err != nil {
				t.Errorf("the configuration with the output appended is invalid: %v", err)
			}
			notes := strings.Count(errOut, "import-opml: skipped ")
			if notes != len(tc.skipped) {
				t.Errorf("%d notes, want %d:\n%s", notes, len(tc.skipped), errOut)
			}
			for _, want := range tc.skipped {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

// TestImportOPMLCategories checks that nesting becomes categories ending with the innermost folder,
// that titles become names unique against the configured sources and each other, and that a
// feed listed twice in one file is imported once.
func TestImportOPMLCategories(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeFile(t, dir, "config.toml", "[[source]]\nname = \"news\"\nurl = \"https://a.example/other\"\n")
	in := writeFile(t, dir, "in.opml", `<opml version="2.0"><body>
<outline text="金融"><outline text="财联社">
  <outline text="深度" title="News" type="rss" xmlUrl="https://rsshub.app/cls/depth/1000"/>
  <outline text="  News " type="rss" xmlUrl="https://rsshub.app/cls/telegraph"/>
</outline></outline>
<outline text="News" xmlUrl="HTTPS://RSSHUB.APP:443/cls/telegraph#x"/>
<outline text="x" xmlUrl="ftp://a.example/feed"/>
<outline text="y" xmlUrl="/relative.xml"/>
<outline text="&quot;quoted&quot; \ back" type="atom" xmlUrl="https://q.example/feed"/>
</body></opml>`)
	code, out, errOut := runCLI("import-opml", "--config", cfgPath, "--schedule", "@hourly", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var fc fileConfig
	if err := toml.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := make([]string, 0, len(fc.Sources))
	for _, s := range fc.Sources {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", s.Name, s.Title, s.URL, strings.Join(s.Categories, "/"), s.Schedule))
	}
	want := []string{
		"news-2|News|https://rsshub.app/cls/depth/1000|金融/财联社|@hourly",
		"news-3|News|https://rsshub.app/cls/telegraph|金融/财联社|@hourly",
		`quoted-back|"quoted" \ back|https://q.example/feed||@hourly`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, note := range []string{`"News" (HTTPS://RSSHUB.APP:443/cls/telegraph#x): already imported as source "news-3"`,
		`"x": xmlUrl "ftp://a.example/feed" is not an absolute http or https URL`, `"y": xmlUrl "/relative.xml"`} {
		if !strings.Contains(errOut, note) {
			t.Errorf("stderr lacks %q:\n%s", note, errOut)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hacker News", "hacker-news"},
		{"Café & Crème: l'économie", "cafe-creme-leconomie"},
		{"财联社 - 深度", ""},
		{"RSSHub 财联社 电报", "rsshub"},
		{"  --Ünïcödé--  ", "unicode"},
		{"ＦＵＬＬＷＩＤＴＨ １２", "fullwidth-12"},
		{"The quick brown fox jumps over the lazy dog again and again", "the-quick-brown-fox-jumps-over-the-lazy"},
		{strings.Repeat("a", 60), strings.Repeat("a", 40)},
		{"İstanbul ǅ ß", "istanbul-dz"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := slug(tc.in)
			if got != tc.want {
				t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got != "" && !nameRE.MatchString(got) {
				t.Errorf("slug(%q) = %q is not a valid source name", tc.in, got)
			}
		})
	}
}

// TestImportOPMLWrite appends with --write: the original text stays as it was, comments included,
// and check-config passes. Every refusal leaves the file byte for byte as it was.
func TestImportOPMLWrite(t *testing.T) {
	t.Run("appends", func(t *testing.T) {
		dir := t.TempDir()
		cfgPath := writeConfig(t, dir, importConfig)
		before := mustRead(t, cfgPath)
		os.Chmod(cfgPath, 0o640)
		code, out, errOut := runCLI("import-opml", "--config", cfgPath, "--write", opmlFixture("miniflux"))
		if code != 0 || !strings.Contains(out, "4 sources appended") {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
		after := mustRead(t, cfgPath)
		if !strings.HasPrefix(after, before) || !strings.Contains(after, "# kept as written") {
			t.Errorf("the original text was not kept:\n%s", after)
		}
		if fi, _ := os.Stat(cfgPath); fi.Mode().Perm() != 0o640 {
			t.Errorf("mode %v, want 0640", fi.Mode().Perm())
		}
		if code, out, errOut := runCLI("check-config", "--config", cfgPath); code != 0 || !strings.Contains(out, "5 sources") {
			t.Errorf("check-config: exit %d %s %s", code, out, errOut)
		}
		// Again: every feed is configured now, so nothing changes.
		code, _, errOut = runCLI("import-opml", "--config", cfgPath, "--write", opmlFixture("miniflux"))
		if code != 0 || !strings.Contains(errOut, "no new source") || mustRead(t, cfgPath) != after {
			t.Errorf("second import: exit %d %s", code, errOut)
		}
		if leftovers, _ := filepath.Glob(filepath.Join(dir, ".config.toml.tmp-*")); len(leftovers) > 0 {
			t.Errorf("temporary files left: %v", leftovers)
		}
	})
	t.Run("through a symlink", func(t *testing.T) {
		dir := t.TempDir()
		real := writeConfig(t, dir, importConfig)
		link := filepath.Join(dir, "link.toml")
		if err := os.Symlink(real, link); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := runCLI("import-opml", "--config", link, "--write", opmlFixture("freshrss")); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symlink was replaced by a file")
		}
		if !strings.Contains(mustRead(t, real), `name = "hacker-news"`) {
			t.Errorf("the file the link points to was not written")
		}
	})
	refusals := []struct {
		name, config, opmlFile, flags, why string
	}{
		{"bad schedule", importConfig, opmlFixture("miniflux"), "--schedule=* * *", `schedule "* * *"`},
		{"database directory missing", strings.Replace(importConfig, "# my sources", "[storage]\npath = \"nowhere/t.db\"", 1),
			opmlFixture("miniflux"), "", "would not pass check-config"},
		{"invalid config", importConfig + "[[source]]\nname = \"BAD\"\n", opmlFixture("miniflux"), "", "fix them before importing"},
		{"hostile opml", importConfig, "hostile", "", "nested more than 32 deep"},
		{"not opml", importConfig, "../../aggregator/testdata/cls-depth.xml", "", "not an OPML document"},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfgPath := writeFile(t, dir, "config.toml", tc.config)
			os.MkdirAll(filepath.Join(dir, "data"), 0o755)
			in := tc.opmlFile
			if in == "hostile" {
				in = writeFile(t, dir, "deep.opml", "<opml><body>"+strings.Repeat("<outline text='a'>", 100000)+"</body></opml>")
			}
			args := []string{"import-opml", "--config", cfgPath, "--write"}
			if tc.flags != "" {
				args = append(args, tc.flags)
			}
			code, out, errOut := runCLI(append(args, in)...)
			if code != exitFailure || !strings.Contains(errOut, tc.why) {
				t.Errorf("exit %d, stderr lacks %q: %s %s", code, tc.why, out, errOut)
			}
			if got := mustRead(t, cfgPath); got != tc.config {
				t.Errorf("the file changed:\n%s", got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 3 {
				t.Errorf("files left behind: %v", entries)
			}
		})
	}
	t.Run("no config", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "config.toml")
		if code, _, errOut := runCLI("import-opml", "--config", missing, "--write", opmlFixture("newsboat")); code != exitFailure || !strings.Contains(errOut, "no such file") {
			t.Errorf("--write without a file: exit %d %s", code, errOut)
		}
		// Printing needs no file: the blocks are the start of one.
		code, out, _ := runCLI("import-opml", "--config", missing, opmlFixture("newsboat"))
		if code != 0 || strings.Count(out, "[[source]]") != 3 {
			t.Errorf("print without a file: exit %d\n%s", code, out)
		}
	})
	t.Run("usage", func(t *testing.T) {
		if code, _, _ := runCLI("import-opml"); code != exitUsage {
			t.Errorf("no file: exit %d", code)
		}
		if code, out, _ := runCLI("import-opml", "--help"); code != 0 || !strings.Contains(out, "--write") {
			t.Errorf("--help: exit %d %s", code, out)
		}
	})
}

// TestSourcesOPML asks the running daemon's admin API for the sources as OPML, through the token,
// and `tributary sources --opml` for the same through the daemon and without it; the folders are
// the categories, so the list imports back to the same sources.
func TestSourcesOPML(t *testing.T) {
	dir := t.TempDir()
	// Loopback URLs where nothing listens: the daemon fetches new sources at start.
	cfgPath := writeFile(t, dir, "config.toml", `[server]
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
admin_token = "tok"
[storage]
path = "tributary.db"
[[source]]
name = "depth"
title = "财联社 - 深度"
url = "http://127.0.0.1:1/cls/depth/1000"
categories = ["金融", "财联社"]
[[source]]
name = "tele"
url = "http://127.0.0.1:1/cls/telegraph"
categories = ["金融", "财联社"]
[[source]]
name = "go"
url = "http://127.0.0.1:1/blog/feed.atom"
`)
	app := startApp(t, cfgPath)
	if code, _ := httpDo(t, "GET", app.admin+"/api/sources?format=opml", ""); code != 401 {
		t.Errorf("without the token: %d", code)
	}
	if code, body := httpDo(t, "GET", app.admin+"/api/sources?format=xml", "tok"); code != 400 || !strings.Contains(body, "want json or opml") {
		t.Errorf("bad format: %d %s", code, body)
	}
	code, body := httpDo(t, "GET", app.admin+"/api/sources?format=opml", "tok")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	doc, err := opml.Parse(strings.NewReader(body), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range doc.Feeds() {
		got = append(got, f.Name()+"|"+f.XMLURL+"|"+strings.Join(f.Folders, "/"))
	}
	want := []string{"财联社 - 深度|http://127.0.0.1:1/cls/depth/1000|金融/财联社", "tele|http://127.0.0.1:1/cls/telegraph|金融/财联社", "go|http://127.0.0.1:1/blog/feed.atom|"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("feeds %q, want %q", got, want)
	}
	code, out, errOut := runCLI("sources", "--config", cfgPath, "--opml")
	if code != 0 || out != body {
		t.Errorf("sources --opml through the daemon: exit %d %s\n%s", code, errOut, out)
	}
	app.stop()
	code, out, errOut = runCLI("sources", "--config", cfgPath, "--opml")
	if code != 0 || out != body || !strings.Contains(errOut, "no daemon is running") {
		t.Errorf("sources --opml without a daemon: exit %d %s\n%s", code, errOut, out)
	}
	if code, _, _ := runCLI("sources", "--config", cfgPath, "--opml", "--json"); code != exitUsage {
		t.Errorf("--opml --json: exit %d", code)
	}
	// Imported into an empty configuration, the list gives the same URLs and categories back.
	list := writeFile(t, dir, "sources.opml", out)
	code, toml2, errOut := runCLI("import-opml", "--config", filepath.Join(dir, "none.toml"), list)
	var fc fileConfig
	if code != 0 || toml.Unmarshal([]byte(toml2), &fc) != nil || len(fc.Sources) != 3 ||
		!reflect.DeepEqual(fc.Sources[0].Categories, []string{"金融", "财联社"}) || fc.Sources[2].URL != "http://127.0.0.1:1/blog/feed.atom" {
		t.Errorf("round trip: exit %d %s\n%s", code, errOut, toml2)
	}
}

// TestBinaryImportOPMLServe is the whole path with the real binary: import-opml --write a reader's
// export into a configuration, check-config passes, serve starts on it, GET /opml lists every
// output once (with ?format=atom too), and the admin API lists the imported sources as OPML.
func TestBinaryImportOPMLServe(t *testing.T) {
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, `base_url = "https://news.example.com/"`,
		"[[output]]\nname = \"all\"\ntitle = \"Everything\"\n[[output]]\nname = \"finance\"\ncategories = [\"财经\"]\n")
	// The export's feeds, moved to a loopback server (the daemon fetches new sources at start).
	src := newFixtureServer(t, map[string]string{"/rsshub.app/cls/depth/1000": "cls-depth.xml"})
	export := strings.ReplaceAll(mustRead(t, opmlFixture("miniflux")), `xmlUrl="https://`, `xmlUrl="`+src.URL+`/`)
	out, err := exec.Command(binPath, "import-opml", "--config", cfgPath, "--write", writeFile(t, dir, "export.opml", export)).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "5 sources appended") {
		t.Fatalf("import-opml: %v\n%s", err, out)
	}
	// Scheduled for a year from now: the test reads no feed.
	data := strings.ReplaceAll(mustRead(t, cfgPath), `schedule = "*/15 * * * *"`, `schedule = "@yearly"`)
	writeFile(t, dir, "config.toml", data)
	if out, err := exec.Command(binPath, "check-config", "--config", cfgPath).CombinedOutput(); err != nil || !strings.Contains(string(out), "ok: 5 sources, 2 outputs") {
		t.Fatalf("check-config: %v\n%s", err, out)
	}
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	for _, tc := range []struct{ query, ext string }{{"", "rss"}, {"?format=atom", "atom"}} {
		code, body := httpDo(t, "GET", d.public+"/opml"+tc.query, "")
		if code != 200 {
			t.Fatalf("GET /opml%s: %d %s", tc.query, code, body)
		}
		doc, err := opml.Parse(strings.NewReader(body), opml.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, f := range doc.Feeds() {
			urls = append(urls, f.Name()+" "+f.XMLURL)
		}
		want := []string{"Everything https://news.example.com/feeds/all." + tc.ext, "finance https://news.example.com/feeds/finance." + tc.ext}
		if !reflect.DeepEqual(urls, want) {
			t.Errorf("GET /opml%s lists %q, want %q", tc.query, urls, want)
		}
	}
	if code, body := httpDo(t, "GET", d.public+"/opml?format=html", ""); code != 400 || !strings.Contains(body, "rss, atom or json") {
		t.Errorf("?format=html: %d %s", code, body)
	}
	// From standard input, printing: the export's feeds are all configured now.
	imp := exec.Command(binPath, "import-opml", "--config", cfgPath, "-")
	imp.Stdin = strings.NewReader(export)
	var impErr bytes.Buffer
	imp.Stderr = &impErr
	if out, err := imp.Output(); err != nil || len(out) != 0 || strings.Count(impErr.String(), "already configured") != 5 {
		t.Errorf("import-opml - : %v\n%s\n%s", err, out, impErr.String())
	}
	out, err = exec.Command(binPath, "sources", "--config", cfgPath, "--opml").Output()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := opml.Parse(bytes.NewReader(out), opml.Limits{})
	if err != nil || len(doc.Feeds()) != 5 || !reflect.DeepEqual(doc.Feeds()[4].Folders, []string{"财经"}) {
		t.Errorf("sources --opml: %v\n%s", err, out)
	}
}

// TestOPMLFormatConfig reads server.opml_format: a format name, or a problem naming key and value.
func TestOPMLFormatConfig(t *testing.T) {
	tests := []struct {
		value string
		want  feeds.Format
		err   string
	}{
		{"", feeds.RSS, ""},
		{`opml_format = "atom"`, feeds.Atom, ""},
		{`opml_format = "json"`, feeds.JSON, ""},
		{`opml_format = "xml"`, 0, `config.toml:2: server.opml_format "xml": want "rss", "atom" or "json"`},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			cfg, err := ParseConfig(filepath.Join(t.TempDir(), "config.toml"), []byte("[server]\n"+tc.value+"\n"))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || cfg.OPMLFormat != tc.want {
				t.Errorf("%v, format %v, want %v", err, cfg, tc.want)
			}
		})
	}
}

// FuzzImportOPML checks that whatever OPML Parse accepts, the importer's blocks are TOML that the
// configuration's own validation accepts: names, titles, URLs and categories from a hostile file
// cannot break the file they are appended to.
func FuzzImportOPML(f *testing.F) {
	for _, name := range []string{"miniflux", "freshrss", "newsboat", "latin1-opml11"} {
		if b, err := os.ReadFile(opmlFixture(name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<opml><body><outline text="a&#9;&#x7f;\&quot;"><outline title="&#x85;" xmlUrl="http://h/x y"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := opml.Parse(bytes.NewReader(data), opml.Limits{MaxBytes: 1 << 16, MaxOutlines: 200})
		if err != nil {
			return
		}
		imp := newImporter(nil, defaultSchedule)
		blocks := imp.blocks(doc, func(string, ...any) {})
		if imp.count == 0 {
			return
		}
		cfg, err := ParseConfig("/nonexistent/config.toml", []byte(blocks))
		if err != nil {
			t.Fatalf("%v\n%s", err, blocks)
		}
		if len(cfg.Sources) != imp.count {
			t.Fatalf("%d sources, %d imported", len(cfg.Sources), imp.count)
		}
	})
}
