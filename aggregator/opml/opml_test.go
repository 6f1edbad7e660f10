package opml

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden is what a fixture parses to: the head's title and the flattened feeds.
type golden struct {
	Version string
	Title   string
	Feeds   []goldenFeed
}

type goldenFeed struct {
	Name, Type, XMLURL, HTMLURL string
	Folders                     []string
}

func toGolden(d *Document) golden {
	g := golden{Version: d.Version, Title: d.Title, Feeds: []goldenFeed{}}
	for _, f := range d.Feeds() {
		g.Feeds = append(g.Feeds, goldenFeed{Name: f.Name(), Type: f.Type, XMLURL: f.XMLURL, HTMLURL: f.HTMLURL, Folders: f.Folders})
	}
	return g
}

// TestParseReaders parses the exports of Miniflux (its serializer: title and text, xmlns:miniflux
// settings, folders of one level), FreshRSS (its opml.phtml: text only, frss: attributes, an
// HTML+XPath source), newsboat (`newsboat -e`: OPML 1.0, title only, numeric character
// references, no folders) and an OPML 1.1 file in ISO-8859-1 with xmlURL spelled in capitals and
// HTML entities, against golden files.
func TestParseReaders(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.opml")
	if len(files) < 4 {
		t.Fatalf("fixtures missing: %v", files)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(bytes.NewReader(data), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(toGolden(doc), "", "  ")
			got = append(got, '\n')
			goldenPath := strings.TrimSuffix(file, ".opml") + ".golden.json"
			if *update {
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", file, goldenPath, got)
			}
		})
	}
}

// TestParseDetails pins what the golden files show in bulk.
func TestParseDetails(t *testing.T) {
	read := func(name string) *Document {
		t.Helper()
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := Parse(f, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	t.Run("miniflux folders and escapes", func(t *testing.T) {
		feeds := read("miniflux.opml").Feeds()
		if len(feeds) != 5 {
			t.Fatalf("%d feeds, want 5", len(feeds))
		}
		last := feeds[4]
		if last.Name() != "Café & Crème: l'économie" || last.XMLURL != "https://example.fr/feed?a=1&b=2" || !reflect.DeepEqual(last.Folders, []string{"财经"}) {
			t.Errorf("got %+v", last)
		}
	})
	t.Run("newsboat numeric references", func(t *testing.T) {
		feeds := read("newsboat.opml").Feeds()
		if feeds[0].Name() != "财联社 - 深度" || feeds[1].Name() != "" || feeds[0].Folders != nil {
			t.Errorf("got %+v", feeds[:2])
		}
	})
	t.Run("latin1, capital xmlURL, unnamed folder, link outline", func(t *testing.T) {
		doc := read("latin1-opml11.opml")
		if doc.Title != "Old reader éexport" {
			t.Errorf("title %q", doc.Title)
		}
		feeds := doc.Feeds()
		if len(feeds) != 2 {
			t.Fatalf("%d feeds, want 2 (the type=link outline is no feed): %+v", len(feeds), feeds)
		}
		if feeds[0].Name() != "Le Monde à la une" || feeds[0].XMLURL != "https://www.lemonde.fr/rss/une.xml" ||
			!reflect.DeepEqual(feeds[0].Folders, []string{"Actualités"}) {
			t.Errorf("got %+v", feeds[0])
		}
		if !reflect.DeepEqual(feeds[1].Folders, []string{"Actualités"}) {
			t.Errorf("an unnamed folder added a level: %+v", feeds[1].Folders)
		}
	})
}

// TestParseHostile feeds Parse what a hostile or broken file holds: each gets an error that says
// why (and wraps the sentinel where there is one), within the limits.
func TestParseHostile(t *testing.T) {
	deep := func(n int) string {
		return "<opml><body>" + strings.Repeat(`<outline text="f">`, n) + strings.Repeat("</outline>", n) + "</body></opml>"
	}
	many := "<opml><body>" + strings.Repeat(`<outline xmlUrl="http://a/"/>`, 101) + "</body></opml>"
	deepOther := "<opml><head>" + strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100) + "</head><body/></opml>"
	tests := []struct {
		name, in string
		lim      Limits
		is       error
		msg      string
	}{
		{"empty", "", Limits{}, ErrNotOPML, "no element"},
		{"not xml", "hello", Limits{}, ErrNotOPML, "no element"},
		{"rss instead", `<rss version="2.0"><channel/></rss>`, Limits{}, ErrNotOPML, "root element is <rss>"},
		{"no body", `<opml version="2.0"><head/></opml>`, Limits{}, ErrNotOPML, "no <body>"},
		{"truncated", `<opml><body><outline text="a">`, Limits{}, nil, "unexpected EOF"},
		{"mismatched", `<opml><body><outline></body></opml>`, Limits{}, nil, "line 1"},
		{"too large", deep(10), Limits{MaxBytes: 100}, ErrTooLarge, "more than 100 bytes"},
		{"too deep", deep(40), Limits{}, ErrTooLarge, "nested more than 32 deep"},
		{"too deep elsewhere", deepOther, Limits{}, ErrTooLarge, "nested more than"},
		{"too many", many, Limits{MaxOutlines: 100}, ErrTooLarge, "more than 100 outlines"},
		{"unknown entity", `<opml><body><outline text="&bogus;"/></body></opml>`, Limits{}, nil, "bogus"},
		{"external entity", `<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;"/></body></opml>`, Limits{}, nil, "invalid character entity &x;"},
		{"other charset", `<?xml version="1.0" encoding="gbk"?><opml><body/></opml>`, Limits{}, nil, `encoding "gbk" is not supported`},
		{"invalid utf-8", "<opml><body><outline text=\"\xff\"/></body></opml>", Limits{}, nil, "invalid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.in), tc.lim)
			if err == nil {
				t.Fatalf("no error; got %+v", doc)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q does not wrap %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}
	t.Run("at the limits", func(t *testing.T) {
		if _, err := Parse(strings.NewReader(deep(32)), Limits{}); err != nil {
			t.Errorf("32 levels: %v", err)
		}
		in := "<opml><body>" + strings.Repeat(`<outline xmlUrl="http://a/"/>`, 100) + "</body></opml>"
		if _, err := Parse(strings.NewReader(in), Limits{MaxOutlines: 100, MaxBytes: int64(len(in))}); err != nil {
			t.Errorf("100 outlines in exactly MaxBytes: %v", err)
		}
	})
}

// TestWriteRoundTrip writes a document with nesting, escapes and characters XML cannot carry,
// checks the bytes against a golden file and parses them back.
func TestWriteRoundTrip(t *testing.T) {
	doc := &Document{
		Title:       "tributary <outputs> & more",
		DateCreated: time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC),
		Outlines: []Outline{
			{Text: "财经", Children: []Outline{
				{Title: `财联社 "深度"`, XMLURL: "https://news.example.com/feeds/cls.rss?a=1&b=2", HTMLURL: "https://www.cls.cn/"},
				{Text: "line\nbreak\ttab", Title: "ctl\x0bchar", Type: "rss", XMLURL: "https://x.example/feed"},
			}},
			{Text: "top", XMLURL: "https://top.example/atom", Description: "<b>bold</b>", Category: "/a/b,/c"},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	goldenPath := "testdata/write.golden.xml"
	if *update {
		if err := os.WriteFile(goldenPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Write differs from %s:\n%s", goldenPath, buf.Bytes())
	}
	back, err := Parse(&buf, Limits{})
	if err != nil {
		t.Fatalf("parse back: %v", err)
	}
	if back.Version != "2.0" || back.Title != doc.Title {
		t.Errorf("head: %q %q", back.Version, back.Title)
	}
	feeds := back.Feeds()
	if len(feeds) != 3 {
		t.Fatalf("%d feeds, want 3", len(feeds))
	}
	if f := feeds[0]; f.Name() != `财联社 "深度"` || f.Text != f.Title || f.Type != "rss" || f.XMLURL != doc.Outlines[0].Children[0].XMLURL ||
		!reflect.DeepEqual(f.Folders, []string{"财经"}) {
		t.Errorf("feed 0: %+v", f)
	}
	if f := feeds[1]; f.Text != "line\nbreak\ttab" || f.Title != "ctl\uFFFDchar" {
		t.Errorf("feed 1: text %q title %q", f.Text, f.Title)
	}
	if f := feeds[2]; f.Description != "<b>bold</b>" || f.Category != "/a/b,/c" || f.Folders != nil {
		t.Errorf("feed 2: %+v", f)
	}
}

// TestNewsboatExport runs the real newsboat: it fetches two feeds from a loopback server (so that
// the export carries their titles and links, as a user's does), exports with -e, and Parse must
// read every feed with its title.
func TestNewsboatExport(t *testing.T) {
	bin := testenv.Tool(t, "newsboat", "apt-get install -y newsboat")
	mux := http.NewServeMux()
	for _, name := range []string{"cls-depth.xml", "atom.xml"} {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, filepath.Join("..", "testdata", name))
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	urls := fmt.Sprintf("%s/cls-depth.xml \"财经\" \"深度\"\n%s/atom.xml\n\"query:Unread:unread = \\\"yes\\\"\"\n", srv.URL, srv.URL)
	if err := os.WriteFile(filepath.Join(dir, "urls"), []byte(urls), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"-u", "urls", "-c", "cache.db", "-C", os.DevNull}, args...)...)
		cmd.Dir = dir
		// newsboat keeps a lock and history under $HOME and $XDG_*: keep them in the test's directory.
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "TERM=dumb")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("newsboat %v: %v\n%s", args, err, stderr.String())
		}
		return out
	}
	run("-x", "reload")
	out := run("-e")
	doc, err := Parse(bytes.NewReader(out), Limits{})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	feeds := doc.Feeds()
	if len(feeds) != 2 {
		t.Fatalf("%d feeds, want 2 (the query feed is not exported):\n%s", len(feeds), out)
	}
	if feeds[0].XMLURL != srv.URL+"/cls-depth.xml" || feeds[0].Name() != "财联社 - 深度" || feeds[0].HTMLURL == "" {
		t.Errorf("feed 0: %+v\n%s", feeds[0], out)
	}
	if feeds[1].XMLURL != srv.URL+"/atom.xml" || feeds[1].Name() == "" {
		t.Errorf("feed 1: %+v\n%s", feeds[1], out)
	}
}

// FuzzParse checks that no input panics or hangs Parse, and that whatever it accepts survives
// Write and Parse again with the same feeds.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.opml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<opml><body><outline text="a"><outline xmlUrl="x"/></outline></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><opml><head><title>&eacute;</title></head><body/></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: 1 << 16, MaxDepth: 8, MaxOutlines: 200}
		doc, err := Parse(bytes.NewReader(data), lim)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, doc); err != nil {
			t.Fatalf("write: %v", err)
		}
		back, err := Parse(&buf, Limits{MaxDepth: 8, MaxOutlines: 200})
		if err != nil {
			t.Fatalf("parse what Write wrote: %v\n%s", err, buf.Bytes())
		}
		a, b := doc.Feeds(), back.Feeds()
		if len(a) != len(b) {
			t.Fatalf("%d feeds before, %d after", len(a), len(b))
		}
		for i := range a {
			if a[i].XMLURL != b[i].XMLURL || !reflect.DeepEqual(a[i].Folders, b[i].Folders) {
				t.Fatalf("feed %d: %+v became %+v", i, a[i], b[i])
			}
		}
	})
}

// BenchmarkParse reads a reader's export of 1,000 feeds in 50 folders (155 KB).
func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>`)
	for i := range 50 {
		fmt.Fprintf(&buf, `<outline text="Folder %d">`, i)
		for j := range 20 {
			fmt.Fprintf(&buf, `<outline title="Feed %d-%d" text="Feed %d-%d" type="rss" xmlUrl="https://example%d.com/feed/%d.xml" htmlUrl="https://example%d.com/" description="A feed"/>`, i, j, i, j, i, j, i)
		}
		buf.WriteString(`</outline>`)
	}
	buf.WriteString(`</body></opml>`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Parse(bytes.NewReader(data), Limits{})
		if err != nil || len(doc.Feeds()) != 1000 {
			b.Fatal(err)
		}
	}
}
