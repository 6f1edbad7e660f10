package fetch

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"tributary/aggregator/testenv"
)

// requireCorpus returns the shared third-party corpus (see its README), or skips the test.
func requireCorpus(tb testing.TB) string {
	tb.Helper()
	return filepath.Dir(testenv.Shared(tb, "corpus/README.md"))
}

// fpExpectation is one entry of feedparser_expectations.json.
type fpExpectation struct {
	Expect  string      `json:"expect"`
	Headers [][2]string `json:"headers"`
	Clauses []struct {
		Path  []any  `json:"path"`
		Op    string `json:"op"`
		Value any    `json:"value"`
	} `json:"clauses"`
}

// fpContentType returns the Content-Type a feedparser file is served with: its Header line, else
// text/xml for the files the harness serves over HTTP, else none.
func fpContentType(rel string, e fpExpectation) string {
	for _, h := range e.Headers {
		if strings.EqualFold(h[0], "content-type") {
			return h[1]
		}
	}
	if strings.HasPrefix(filepath.Base(rel), "http") {
		return "text/xml"
	}
	return ""
}

// referenceDecoders decode a body the way feedparser's expected `encoding` says, independently of
// Decode, so that "same encoding" is checked as "same text".
func referenceDecode(name string, b []byte) ([]byte, bool) {
	var enc encoding.Encoding
	switch name {
	case "utf-8":
		return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), utf8.Valid(b)
	case "us-ascii":
		for _, c := range b {
			if c >= 0x80 {
				return nil, false
			}
		}
		return b, true
	case "iso-8859-1":
		enc = charmap.ISO8859_1
	case "big5":
		enc = traditionalchinese.Big5
	case "gb18030":
		enc = simplifiedchinese.GB18030
	case "utf-16be":
		b, enc = bytes.TrimPrefix(b, []byte{0xFE, 0xFF}), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case "utf-16le":
		b, enc = bytes.TrimPrefix(b, []byte{0xFF, 0xFE}), unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-32be":
		b, enc = bytes.TrimPrefix(b, []byte{0, 0, 0xFE, 0xFF}), utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	case "utf-32le":
		b, enc = bytes.TrimPrefix(b, []byte{0xFF, 0xFE, 0, 0}), utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	default:
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(b)
	return out, err == nil
}

// xmlDecl matches an XML declaration at the start of a document.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^?]*\?>`)

// sameText compares two decoded documents, ignoring their XML declarations (Decode rewrites the
// encoding attribute on purpose).
func sameText(a, b []byte) bool {
	return bytes.Equal(xmlDecl.ReplaceAll(a, nil), xmlDecl.ReplaceAll(b, nil))
}

// sameLabel says whether feedparser's encoding name and Decode's name mean the same decoding of
// body: browsers' (WHATWG) labels read us-ascii and iso-8859-1 as windows-1252, and an ASCII body
// (body != nil) reads the same in UTF-8 as in any ASCII-based charset.
func sameLabel(fp, ours string, body []byte) bool {
	latin := func(s string) bool { return s == "us-ascii" || s == "iso-8859-1" || s == "windows-1252" }
	if fp == ours || (latin(fp) && latin(ours)) {
		return true
	}
	ascii := body != nil && !slices.ContainsFunc(body, func(c byte) bool { return c >= 0x80 })
	return ascii && ours == "utf-8" && !strings.HasPrefix(fp, "utf-16") && !strings.HasPrefix(fp, "utf-32")
}

// notExpressible lists feedparser expectations that are about feedparser's processing after
// decoding, not about the charset.
var notExpressible = map[string]string{
	"encoding/demoronize-1.xml": "feedparser maps C1 controls (U+0092) to windows-1252 punctuation after decoding",
	"encoding/demoronize-2.xml": "feedparser maps the character reference &#146; to U+2019 after parsing",
}

// verifyDecoded checks what every successful Decode must give: valid UTF-8, no BOM, and no XML
// declaration that names another charset.
func verifyDecoded(tb testing.TB, what string, out []byte) {
	tb.Helper()
	if !utf8.Valid(out) {
		tb.Errorf("%s: output is not valid UTF-8", what)
	}
	if bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
		tb.Errorf("%s: output starts with a BOM", what)
	}
	if label, _, _ := prologEncoding(out); len(label) > 0 && !bytes.EqualFold(label, []byte("utf-8")) {
		tb.Errorf("%s: output still declares encoding %q", what, label)
	}
}

// TestCorpusFeedparserEncoding runs feedparser's encoding suite through Decode with each file's HTTP
// Content-Type. Where a file expects an encoding, Decode must give the same text as decoding the file
// with that encoding; where it expects a string in the feed, the decoded text must contain it.
// Expectations of feedparser's own behaviour (bozo flags, its RFC 3023 precedence of HTTP over the
// declaration, its chardet fallbacks) are logged, not asserted.
func TestCorpusFeedparserEncoding(t *testing.T) {
	corpusDir := requireCorpus(t)
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
	files, _ := filepath.Glob(filepath.Join(corpusDir, "feedparser/encoding/*.xml"))
	if len(files) == 0 {
		t.Fatal("no feedparser encoding files")
	}
	var (
		checks, passed         int // expressible clauses
		labels, labelsExact    int // encoding clauses, labels equal after aliasing (informational)
		labelsSame             int // labels meaning the same decoding of this body (informational)
		decodedOK, decodeFails int
		notes                  []string
	)
	for _, path := range files {
		rel := "encoding/" + filepath.Base(path)
		e, ok := exp.Files[rel]
		if !ok {
			t.Errorf("%s: no expectation", rel)
			continue
		}
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ct := fpContentType(rel, e)
		out, cs, derr := Decode(body, ct, "")
		if derr != nil {
			decodeFails++
		} else {
			decodedOK++
			verifyDecoded(t, rel, out)
		}
		bozo := e.Clauses == nil
		for _, c := range e.Clauses {
			if len(c.Path) == 1 && c.Path[0] == "bozo" && c.Value == true {
				bozo = true
			}
		}
		if bozo {
			notes = append(notes, rel+": feedparser expects bozo (not asserted); Decode: "+describe(cs, derr))
			continue
		}
		for _, c := range e.Clauses {
			key := pathKey(c.Path)
			want, isString := c.Value.(string)
			switch {
			case key == "bozo": // not bozo: Decode must succeed
				checks++
				if derr == nil {
					passed++
				} else {
					t.Errorf("%s: feedparser decodes it, Decode failed: %v", rel, derr)
				}
			case key == "encoding" && isString:
				checks++
				labels++
				ref, ok := referenceDecode(want, body)
				if !ok {
					t.Errorf("%s: cannot decode as %s for reference", rel, want)
					continue
				}
				if derr == nil && sameText(out, ref) {
					passed++
				} else {
					t.Errorf("%s: want the text of %s; Decode: %s", rel, want, describe(cs, derr))
				}
				if derr == nil && sameLabel(want, cs, nil) {
					labelsExact++
				}
				if derr == nil && sameLabel(want, cs, body) {
					labelsSame++
				} else {
					notes = append(notes, rel+": feedparser names "+want+", Decode "+describe(cs, derr))
				}
			case isString && (strings.HasSuffix(key, ".title") || strings.HasSuffix(key, ".description") ||
				strings.HasSuffix(key, ".summary")):
				checks++
				if reason, ok := notExpressible[rel]; ok {
					checks--
					notes = append(notes, rel+": "+key+" not expressible: "+reason)
					continue
				}
				if derr == nil && (bytes.Contains(out, []byte(want)) || strings.Contains(html.UnescapeString(string(out)), want)) {
					passed++
				} else {
					t.Errorf("%s: want %s = %q in the text; Decode: %s", rel, key, want, describe(cs, derr))
				}
			default:
				notes = append(notes, rel+": clause "+key+" not expressible for Decode")
			}
		}
	}
	for _, n := range notes {
		t.Log(n)
	}
	t.Logf("feedparser encoding suite: %d files, Decode succeeded on %d, failed on %d; "+
		"expressible checks passed %d/%d (%.1f%%); encoding labels: %d/%d name the same charset, "+
		"%d/%d the same decoding of the file (ASCII bodies read the same in any ASCII-based charset)",
		len(files), decodedOK, decodeFails, passed, checks, pct(passed, checks), labelsExact, labels, labelsSame, labels)
}

// pathKey renders a clause path such as ["entries", 0, "title"] as "entries.0.title".
func pathKey(p []any) string {
	parts := make([]string, len(p))
	for i, x := range p {
		switch v := x.(type) {
		case string:
			parts[i] = v
		default:
			parts[i] = "N"
		}
	}
	return strings.Join(parts, ".")
}

// describe renders a Decode outcome for logs.
func describe(cs string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return cs
}

// pct is a percentage that is 100 of nothing.
func pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

// TestCorpusMinifluxEncoding runs miniflux's encoding fixtures (corpus README §3) through Decode.
func TestCorpusMinifluxEncoding(t *testing.T) {
	corpusDir := requireCorpus(t)
	dir := filepath.Join(corpusDir, "miniflux")
	koi8 := []string{"Пример RSS ленты", "Привет мир! Ёжик, чай, Москва, Санкт-Петербург.",
		"Тестовая лента в кодировке KOI8-R", "Проверка специальных символов"}
	tests := []struct {
		file         string
		contentTypes []string // each is tried, plus the label alone as an override
		label        string
		want         []string
		notWant      []string
	}{
		{"encoding/testdata/utf8.xml", []string{"", "text/xml; charset=UTF-8"}, "UTF-8", []string{"Café"}, nil},
		{"encoding/testdata/iso-8859-1.xml", []string{"", "text/xml; charset=ISO-8859-1", "text/html; charset=ISO-8859-1"}, "ISO-8859-1", []string{"Café", "Présentation"}, nil},
		{"encoding/testdata/windows-1252.xml", []string{"", "text/xml; charset=windows-1252"}, "windows-1252", []string{"Euro €"}, nil},
		{"encoding/testdata/invalid-prolog.xml", []string{"", "text/xml; charset=invalid"}, "invalid", []string{"Café"}, nil},
		{"encoding/testdata/utf8-incorrect-prolog.xml", []string{"", "text/xml; charset=ISO-8859-1"}, "ISO-8859-1", []string{"Café"}, []string{"CafÃ"}},
		{"encoding/testdata/windows-1252-incorrect-prolog.xml", []string{"", "text/xml; charset=windows-1252"}, "windows-1252", []string{"Euro €"}, []string{"â‚¬"}},
		{"encoding/testdata/koi8r.xml", []string{"", "application/rss+xml; charset=KOI8-R"}, "KOI8-R", koi8, nil},
		{"xml/testdata/iso88591.xml", []string{""}, "iso8859-1", []string{"Anaïs", "Jürgen"}, nil},
		{"xml/testdata/koi8r.xml", []string{""}, "KOI8-R", []string{"Пример RSS ленты", "Тестовая лента в кодировке KOI8-R", "Первая новость"}, nil},
	}
	var n, ok int
	for _, tt := range tests {
		body, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		type variant struct{ ct, override string }
		variants := []variant{{"", tt.label}}
		for _, ct := range tt.contentTypes {
			variants = append(variants, variant{ct, ""})
		}
		for _, v := range variants {
			n++
			out, cs, err := Decode(body, v.ct, v.override)
			if err != nil {
				t.Errorf("%s (%q, override %q): %v", tt.file, v.ct, v.override, err)
				continue
			}
			verifyDecoded(t, tt.file, out)
			good := true
			for _, w := range tt.want {
				if !bytes.Contains(out, []byte(w)) {
					t.Errorf("%s (%q, override %q, decoded from %s): want %q", tt.file, v.ct, v.override, cs, w)
					good = false
				}
			}
			for _, w := range tt.notWant {
				if bytes.Contains(out, []byte(w)) {
					t.Errorf("%s (%q, override %q): double-encoded %q", tt.file, v.ct, v.override, w)
					good = false
				}
			}
			if good {
				ok++
			}
		}
	}

	// Latin-1 bytes under a utf-8 declaration: miniflux strips them ("Anas", "Jrgen"); Decode refuses
	// (every non-ASCII character is undecodable, so this is a wrong declaration, not a stray byte)
	// and the source's override repairs it.
	mismatch, err := os.ReadFile(filepath.Join(dir, "xml/testdata/iso88591_utf8_mismatch.xml"))
	if err != nil {
		t.Fatal(err)
	}
	n++
	if _, _, err := Decode(mismatch, "", ""); errors.Is(err, ErrCharset) {
		ok++
	} else {
		t.Errorf("iso88591_utf8_mismatch.xml: err = %v, want ErrCharset", err)
	}
	n++
	if out, _, err := Decode(mismatch, "", "iso-8859-1"); err == nil && bytes.Contains(out, []byte("Anaïs")) && bytes.Contains(out, []byte("Jürgen")) {
		ok++
	} else {
		t.Errorf("iso88591_utf8_mismatch.xml with override: %q, %v", out, err)
	}

	// parser/testdata: entry titles after decoding with the response's Content-Type, read by gofeed
	// (which sees only the rewritten declaration).
	titles := []struct {
		file, contentType string
		entry             int
		title             string
	}{
		{"urdu_UTF8.xml", "text/xml; charset=utf-8", 0, "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی"},
		{"encoding_WINDOWS-1251.xml", "text/xml", 0, "Цитата #17703"},
		{"no_encoding_ISO-8859-1.xml", "application/xml; charset=ISO-8859-1", 2, "La criminalité liée surtout à... l'ennui ?"},
		{"encoding_ISO-8859-1.xml", "application/rss+xml; charset=ISO-8859-1", 5, "Projekt Jedi: Microsoft will weiter mit US-Militär zusammenarbeiten"},
		{"rdf_UTF8.xml", "application/rss+xml; charset=utf-8", 1, "Mega-Deal: IBM übernimmt Red Hat"},
		{"rdf_UTF8.xml", "application/rss+xml", 1, "Mega-Deal: IBM übernimmt Red Hat"},
	}
	for _, tt := range titles {
		n++
		body, err := os.ReadFile(filepath.Join(dir, "parser/testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		out, _, err := Decode(body, tt.contentType, "")
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
		if err != nil {
			t.Errorf("%s: gofeed: %v", tt.file, err)
			continue
		}
		if len(feed.Items) <= tt.entry || feed.Items[tt.entry].Title != tt.title {
			t.Errorf("%s: entry %d title wrong (%d items)", tt.file, tt.entry, len(feed.Items))
			continue
		}
		ok++
	}
	t.Logf("miniflux encoding fixtures: %d/%d checks passed (%.1f%%)", ok, n, pct(ok, n))
}

// TestCorpusDecodeAll decodes every file of the corpus without HTTP headers: no panic, and every
// success is valid UTF-8 with a consistent declaration. Failures are listed in the log.
func TestCorpusDecodeAll(t *testing.T) {
	corpusDir := requireCorpus(t)
	var n, failed int
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(path)
		if ext != ".xml" && ext != ".json" && ext != ".rss" && ext != ".atom" {
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		out, _, derr := Decode(body, "", "")
		rel := strings.TrimPrefix(filepath.ToSlash(path), corpusDir+"/")
		if derr != nil {
			failed++
			if !errors.Is(derr, ErrCharset) {
				t.Errorf("%s: %v, want an ErrCharset", rel, derr)
			}
			if reason, ok := refusedWithoutHeaders(rel); ok {
				t.Logf("%s: refused as expected (%s): %v", rel, reason, derr)
			} else {
				t.Errorf("%s: %v", rel, derr)
			}
			return nil
		}
		verifyDecoded(t, path, out)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("whole corpus: %d files decoded, %d refused as undecodable", n-failed, failed)
}

// refusedWithoutHeaders says whether a corpus file has no charset signal in its bytes, so that
// Decode, given no HTTP header or override, must refuse it, and why.
func refusedWithoutHeaders(rel string) (string, bool) {
	switch {
	case strings.HasPrefix(rel, "feedparser/illformed/chardet/"):
		return "undeclared legacy charset: feedparser sniffs it with chardet, tributary wants a declaration or an override", true
	case rel == "feedparser/encoding/http_text_xml_charset_2.xml", rel == "miniflux/parser/testdata/no_encoding_ISO-8859-1.xml":
		return "its charset is only in its HTTP Content-Type", true
	case rel == "miniflux/xml/testdata/iso88591_utf8_mismatch.xml":
		return "Latin-1 bytes declared utf-8", true
	}
	return "", false
}
