package parse

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator/testenv"
)

// needCorpus returns ../shared/corpus, the third-party conformance suites (feedparser, gofeed,
// miniflux) described in its README, or skips tb.
func needCorpus(tb testing.TB) string {
	tb.Helper()
	return filepath.Dir(testenv.Shared(tb, "corpus/manifest.tsv"))
}

// corpusFiles lists every data file of the corpus (LICENSE, README and generated files excluded).
func corpusFiles(tb testing.TB, corpusDir string) []string {
	tb.Helper()
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(corpusDir, path)
		switch {
		case !strings.Contains(rel, string(filepath.Separator)): // README, manifest, expectations
			return nil
		case d.Name() == "LICENSE":
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// decodeHarness decodes a feedparser file the way its harness does (corpus README §1.1): UTF-32 and
// UTF-16 by BOM or by the shape of a leading "<", a UTF-8 BOM dropped; everything else is returned
// as is. transcoded reports whether the bytes changed encoding.
func decodeHarness(b []byte) (out []byte, transcoded bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return utf32(b[4:], binary.BigEndian), true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return utf32(b[4:], binary.LittleEndian), true
	case bytes.HasPrefix(b, []byte{0, 0, 0, '<'}):
		return utf32(b, binary.BigEndian), true
	case bytes.HasPrefix(b, []byte{'<', 0, 0, 0}):
		return utf32(b, binary.LittleEndian), true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16to8(b[2:], binary.BigEndian), true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16to8(b[2:], binary.LittleEndian), true
	case bytes.HasPrefix(b, []byte{0, '<', 0, '?'}):
		return utf16to8(b, binary.BigEndian), true
	case bytes.HasPrefix(b, []byte{'<', 0, '?', 0}):
		return utf16to8(b, binary.LittleEndian), true
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], false
	}
	return b, false
}

func utf32(b []byte, order binary.ByteOrder) []byte {
	var out []byte
	for i := 0; i+4 <= len(b); i += 4 {
		out = utf8.AppendRune(out, rune(order.Uint32(b[i:])))
	}
	return out
}

func utf16to8(b []byte, order binary.ByteOrder) []byte {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+2 <= len(b); i += 2 {
		u = append(u, order.Uint16(b[i:]))
	}
	return []byte(string(utf16.Decode(u)))
}

// TestCorpusNeverPanics parses every file of the three suites, with no Content-Type and with the one
// its format implies: no panic may escape or be recovered.
func TestCorpusNeverPanics(t *testing.T) {
	corpusDir := needCorpus(t)
	files := corpusFiles(t, corpusDir)
	perSuite := map[string][2]int{} // suite → [files, parsed without error]
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(corpusDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(rel, "feedparser") {
			b, _ = decodeHarness(b)
		}
		suite := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		ct := "application/rss+xml"
		if strings.HasSuffix(rel, ".json") {
			ct = "application/feed+json"
		}
		ok := 0
		for _, contentType := range []string{"", ct} {
			_, err := Parse(b, contentType)
			if errors.Is(err, ErrPanic) {
				t.Errorf("%s (%q): %v", rel, contentType, err)
			}
			if contentType == "" && err == nil {
				ok = 1
			}
		}
		c := perSuite[suite]
		perSuite[suite] = [2]int{c[0] + 1, c[1] + ok}
	}
	for _, s := range []string{"feedparser", "gofeed", "miniflux"} {
		c := perSuite[s]
		t.Logf("suite %s: %d files, none panicked, %d parsed without error", s, c[0], c[1])
	}
	if len(files) < 3000 {
		t.Errorf("only %d corpus files found", len(files))
	}
}

// fpExpectation is one file's entry in feedparser_expectations.json (corpus README §1.4).
type fpExpectation struct {
	Headers     [][2]string `json:"headers"`
	HarnessBozo *bool       `json:"harness_bozo"`
	SkipUnless  *string     `json:"skip_unless"`
	Clauses     []struct {
		Path  []any  `json:"path"`
		Op    string `json:"op"`
		Value any    `json:"value"`
	} `json:"clauses"`
}

// rate is a pass count that logs and checks itself against a floor.
type rate struct {
	name        string
	pass, total int
	floor       float64 // the rate measured when this test was written; a regression floor
}

func (r rate) check(t *testing.T) {
	t.Helper()
	got := 0.0
	if r.total > 0 {
		got = float64(r.pass) / float64(r.total)
	}
	t.Logf("%-42s %4d/%-4d = %5.1f%% (floor %5.1f%%)", r.name, r.pass, r.total, 100*got, 100*r.floor)
	if got+1e-9 < r.floor {
		t.Errorf("%s: pass rate %.1f%% fell below the floor %.1f%%", r.name, 100*got, 100*r.floor)
	}
}

// headerContentType returns the Content-type of a feedparser file's Header: lines, if any.
func headerContentType(e fpExpectation) (string, bool) {
	for _, h := range e.Headers {
		if strings.EqualFold(strings.TrimSpace(h[0]), "content-type") {
			return strings.TrimSpace(h[1]), true
		}
	}
	return "", false
}

// TestFeedparserConformance checks, for the feedparser suite, what gofeed's model can express:
// well-formed documents parse without error (`not bozo`), and feed.title / entries[N].title equal the
// expected values. Files whose expectation depends on HTTP headers (a Header: Content-type line) are
// decoded by aggregator/fetch.Decode with that Content-Type first, as a refresh does.
func TestFeedparserConformance(t *testing.T) {
	corpusDir := needCorpus(t)
	raw, err := os.ReadFile(filepath.Join(corpusDir, "feedparser_expectations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Files map[string]fpExpectation `json:"files"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}

	wellParsed := rate{name: "feedparser wellformed: parse without error", floor: 0.999}
	feedTitle := rate{name: "feedparser wellformed: feed.title", floor: 0.818}
	entryTitle := rate{name: "feedparser wellformed: entries[N].title", floor: 0.900}
	entParsed := rate{name: "feedparser entities: parse without error", floor: 0.953}
	entTitle := rate{name: "feedparser entities: feed/entry title", floor: 0.956}
	bozo := rate{name: "feedparser illformed/encoding bozo: refused", floor: 0.722}
	encText := rate{name: "feedparser encoding: decoded text matches", floor: 0.666}
	encParsed := rate{name: "feedparser encoding: not-bozo files parse", floor: 1.0}
	httpFiles, excluded := 0, 0

	paths := make([]string, 0, len(exp.Files))
	for p := range exp.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var mismatches []string
	for _, p := range paths {
		e := exp.Files[p]
		b, err := os.ReadFile(filepath.Join(corpusDir, "feedparser", p))
		if err != nil {
			t.Fatal(err)
		}
		var feed *gofeed.Feed
		var perr error
		ct, hasCT := headerContentType(e)
		if hasCT || strings.HasPrefix(p, "encoding/") {
			// Served with HTTP headers, or testing charsets: the raw bytes go through the fetcher's
			// charset decoding, as in a refresh.
			httpFiles++
			if b, perr = decodeWithFetch(b, ct); perr == nil {
				feed, perr = Parse(b, ct)
			}
		} else {
			b, _ = decodeHarness(b)
			feed, perr = Parse(b, ct)
		}

		dir := strings.SplitN(p, "/", 2)[0]
		if strings.HasPrefix(p, "wellformed/cdf/") {
			excluded++
			continue // Microsoft CDF: not a format gofeed reads (README §1.4)
		}
		for _, c := range e.Clauses {
			if len(c.Path) == 1 && c.Path[0] == "bozo" && c.Value == true && dir != "wellformed" {
				bozo.total++
				if perr != nil {
					bozo.pass++
				}
			}
		}
		switch dir {
		case "wellformed":
			wellParsed.total++
			if perr == nil {
				wellParsed.pass++
			}
		case "encoding":
			for _, c := range e.Clauses {
				if len(c.Path) == 1 && c.Path[0] == "bozo" && c.Value == false {
					encParsed.total++
					if perr == nil {
						encParsed.pass++
					}
				}
			}
		case "entities":
			entParsed.total++
			if perr == nil {
				entParsed.pass++
			}
		}
		for _, c := range e.Clauses {
			want, isStr := c.Value.(string)
			if c.Op != "==" || !isStr {
				continue
			}
			if dir == "encoding" {
				if got, known := textAt(feed, c.Path); known {
					encText.total++
					if perr == nil && got == want {
						encText.pass++
					} else if testing.Verbose() {
						mismatches = append(mismatches, p+": got "+strqq(got)+" want "+strqq(want))
					}
				}
				continue
			}
			got, known := titleAt(feed, c.Path)
			if !known || excludedDir(p) {
				continue
			}
			match := perr == nil && got == want
			var r *rate
			switch {
			case dir == "wellformed" && len(c.Path) == 2:
				r = &feedTitle
			case dir == "wellformed":
				r = &entryTitle
			case dir == "entities":
				r = &entTitle
			default:
				continue
			}
			r.total++
			if match {
				r.pass++
			} else if testing.Verbose() && len(mismatches) < 400 {
				mismatches = append(mismatches, p+": got "+strqq(got)+" want "+strqq(want))
			}
		}
	}
	for _, r := range []rate{wellParsed, feedTitle, entryTitle, entParsed, entTitle, encParsed, encText, bozo} {
		r.check(t)
	}
	t.Logf("feedparser: %d files (encoding/ and those with a Header: Content-type) decoded by aggregator/fetch.Decode, %d CDF files excluded; titles under sanitize/ and base/ not compared", httpFiles, excluded)
	if os.Getenv("CORPUS_MISMATCHES") != "" {
		for _, m := range mismatches {
			t.Log(m)
		}
	}
}

// excludedDir reports the feedparser directories whose expectations test feedparser's own
// post-processing rather than parsing (corpus README §1.4): Microsoft CDF, which gofeed does not read,
// its HTML sanitizer (titles there expect sanitized markup) and its xml:base/Content-Location resolution
// of markup inside titles.
func excludedDir(p string) bool {
	for _, d := range []string{"wellformed/cdf/", "wellformed/sanitize/", "wellformed/base/"} {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

func strqq(s string) string { b, _ := json.Marshal(s); return string(b) }

// titleAt reads feed.title or entries[N].title from a parsed feed; known is false for other paths.
func titleAt(feed *gofeed.Feed, path []any) (string, bool) {
	switch {
	case len(path) == 2 && path[0] == "feed" && path[1] == "title":
		if feed == nil {
			return "", true
		}
		return feed.Title, true
	case len(path) == 3 && path[0] == "entries" && path[2] == "title":
		n, ok := path[1].(float64)
		if !ok {
			return "", false
		}
		if feed == nil || int(n) >= len(feed.Items) {
			return "", true
		}
		return feed.Items[int(n)].Title, true
	}
	return "", false
}

// textAt extends titleAt with entries[N].description / summary (gofeed's Item.Description).
func textAt(feed *gofeed.Feed, path []any) (string, bool) {
	if len(path) == 3 && path[0] == "entries" && (path[2] == "description" || path[2] == "summary") {
		n, ok := path[1].(float64)
		if !ok {
			return "", false
		}
		if feed == nil || int(n) >= len(feed.Items) {
			return "", true
		}
		return feed.Items[int(n)].Description, true
	}
	return titleAt(feed, path)
}

// TestGofeedConformance checks gofeed's own suite through Parse: the universal expectations from
// parser_test.go (type and title, or an error), and the translator golden files compared as JSON
// with Item.Image left out (Parse deliberately skips gofeed's HTML image scan).
func TestGofeedConformance(t *testing.T) {
	corpusDir := needCorpus(t)
	universal := []struct {
		file, wantType, wantTitle string
	}{
		{"atom03_feed.xml", "atom", "Feed Title"},
		{"atom10_feed.xml", "atom", "Feed Title"},
		{"rss_feed.xml", "rss", "Feed Title"},
		{"rss_feed_bom.xml", "rss", "Feed Title"},
		{"rss_feed_leading_spaces.xml", "rss", "Feed Title"},
		{"rdf_feed.xml", "rss", "Feed Title"},
		{"sample.json", "json", "title"},
		{"json10_feed.json", "json", "title"},
		{"json11_feed.json", "json", "title"},
		{"unknown_feed.xml", "", ""},
		{"empty_feed.xml", "", ""},
		{"invalid.json", "", ""},
	}
	uni := rate{name: "gofeed universal expectations", floor: 1.0}
	for _, u := range universal {
		b, err := os.ReadFile(filepath.Join(corpusDir, "gofeed", "parser", "universal", u.file))
		if err != nil {
			t.Fatal(err)
		}
		feed, err := Parse(b, "")
		uni.total++
		switch {
		case u.wantType == "" && err != nil && feed == nil:
			uni.pass++
		case u.wantType != "" && err == nil && feed.FeedType == u.wantType && feed.Title == u.wantTitle:
			uni.pass++
		default:
			t.Logf("universal %s: feed=%v err=%v", u.file, feed != nil, err)
		}
	}
	uni.check(t)

	// Parse's fast path fills only the fields tributary reads, so Parse is held to the goldens on
	// those; the gofeed path, which Parse falls back to, is still held to them on every field.
	golden := rate{name: "gofeed translator goldens (sans Image)", floor: 1.0}
	goldenGofeed := rate{name: "gofeed translator goldens, gofeed path", floor: 1.0}
	for _, dir := range []string{"rss", "atom", "json"} {
		root := filepath.Join(corpusDir, "gofeed", "translator", dir)
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			var in, want string
			switch {
			case dir == "json" && strings.HasSuffix(name, "_expected.json"):
				continue
			case dir == "json" && strings.HasSuffix(name, ".json"):
				in, want = name, strings.TrimSuffix(name, ".json")+"_expected.json"
			case strings.HasSuffix(name, ".xml"):
				in, want = name, strings.TrimSuffix(name, ".xml")+".json"
			default:
				continue
			}
			wantJSON, err := os.ReadFile(filepath.Join(root, want))
			if err != nil {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, in))
			if err != nil {
				t.Fatal(err)
			}
			if reason := deliberateDeviation(in); reason != "" {
				t.Logf("translator/%s/%s: not compared: %s", dir, in, reason)
				continue
			}
			golden.total++
			goldenGofeed.total++
			if ref, err := parseWithGofeed(b); err != nil {
				t.Logf("translator/%s/%s: gofeed path: %v", dir, in, err)
			} else if sameSansImage(t, ref, wantJSON) {
				goldenGofeed.pass++
			} else if testing.Verbose() {
				t.Logf("translator/%s/%s: gofeed path differs from its golden file", dir, in)
			}
			feed, err := Parse(b, "")
			if err != nil {
				t.Logf("translator/%s/%s: %v", dir, in, err)
				continue
			}
			if sameViewSansImage(t, feed, wantJSON) {
				golden.pass++
			} else if testing.Verbose() {
				t.Logf("translator/%s/%s differs from its golden file", dir, in)
			}
		}
	}
	golden.check(t)
	goldenGofeed.check(t)
}

// parseWithGofeed is Parse without a Content-Type and without the fast path.
func parseWithGofeed(body []byte) (*gofeed.Feed, error) {
	body = fixUTF8Declaration(body)
	return parseGofeed(detect(body), body)
}

// sameViewSansImage compares a parsed feed with gofeed's golden JSON on the fields tributary reads
// (project), ignoring items' image fields.
func sameViewSansImage(t *testing.T, feed *gofeed.Feed, wantJSON []byte) bool {
	t.Helper()
	got, want, ok := goldenPairSansImage(t, feed, wantJSON)
	return ok && reflect.DeepEqual(project(got), project(want))
}

// deliberateDeviation names the gofeed translator cases where Parse differs from gofeed on purpose.
func deliberateDeviation(name string) string {
	switch {
	case strings.Contains(name, "webMaster"):
		return "webMaster is a technical contact, not the feed author (Parse drops it)"
	case strings.Contains(name, "feed_image_-_rss_channel_description"):
		return "no HTML scan of the channel description for an image (DisableContentImageScan)"
	}
	return ""
}

// sameSansImage compares a parsed feed with gofeed's golden JSON, ignoring items' image fields.
func sameSansImage(t *testing.T, feed *gofeed.Feed, wantJSON []byte) bool {
	t.Helper()
	got, want, ok := goldenPairSansImage(t, feed, wantJSON)
	return ok && reflect.DeepEqual(normalizeJSON(t, got), normalizeJSON(t, want))
}

// goldenPairSansImage puts a parsed feed through the JSON round trip gofeed's golden files went
// through, decodes the golden file, and clears items' images in both; ok is false when the golden
// file does not decode.
func goldenPairSansImage(t *testing.T, feed *gofeed.Feed, wantJSON []byte) (got, want *gofeed.Feed, ok bool) {
	t.Helper()
	want = new(gofeed.Feed)
	if err := json.Unmarshal(wantJSON, want); err != nil {
		return nil, nil, false
	}
	gotJSON, err := json.Marshal(feed)
	if err != nil {
		t.Fatal(err)
	}
	got = new(gofeed.Feed)
	if err := json.Unmarshal(gotJSON, got); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*gofeed.Feed{got, want} {
		for _, it := range f.Items {
			it.Image = nil
		}
	}
	return got, want, true
}

func normalizeJSON(t *testing.T, f *gofeed.Feed) any {
	t.Helper()
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMinifluxConformance checks the entry titles miniflux's tests asserted for its captured feeds,
// the one that needs its HTTP charset going through aggregator/fetch.Decode first.
func TestMinifluxConformance(t *testing.T) {
	corpusDir := needCorpus(t)
	tests := []struct {
		file, contentType string
		entry             int
		want              string
		needsHTTPCharset  bool
	}{
		{"parser/testdata/urdu_UTF8.xml", "text/xml; charset=utf-8", 0, "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی", false},
		{"parser/testdata/encoding_WINDOWS-1251.xml", "text/xml", 0, "Цитата #17703", false},
		{"parser/testdata/no_encoding_ISO-8859-1.xml", "application/xml; charset=ISO-8859-1", 2, "La criminalité liée surtout à... l'ennui ?", true},
		{"parser/testdata/encoding_ISO-8859-1.xml", "application/rss+xml; charset=ISO-8859-1", 5, "Projekt Jedi: Microsoft will weiter mit US-Militär zusammenarbeiten", false},
		{"parser/testdata/rdf_UTF8.xml", "application/rss+xml; charset=utf-8", 1, "Mega-Deal: IBM übernimmt Red Hat", false},
		{"parser/testdata/rdf_UTF8.xml", "application/rss+xml", 1, "Mega-Deal: IBM übernimmt Red Hat", false},
		{"xml/testdata/koi8r.xml", "", 0, "Первая новость", false},
	}
	r := rate{name: "miniflux entry titles", floor: 1.0}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(corpusDir, "miniflux", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		r.total++
		if tt.needsHTTPCharset {
			if b, err = decodeWithFetch(b, tt.contentType); err != nil {
				t.Errorf("%s: fetch.Decode: %v", tt.file, err)
				continue
			}
		}
		feed, err := Parse(b, tt.contentType)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if tt.entry < len(feed.Items) && feed.Items[tt.entry].Title == tt.want {
			r.pass++
		} else {
			t.Errorf("%s: entry %d title mismatch", tt.file, tt.entry)
		}
	}
	r.check(t)
}
