package fetch

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"tributary/aggregator/testenv"
)

// FuzzDecode checks that Decode never panics, never modifies its input, and that whatever it
// returns without an error is valid UTF-8 with no BOM and no declaration of another charset.
// Seeds: the corpus's encoding fixtures with their Content-Types, and fixtures built here.
func FuzzDecode(f *testing.F) {
	for _, path := range testenv.Glob("corpus/feedparser/encoding/*.xml", "corpus/miniflux/encoding/testdata/*.xml",
		"corpus/miniflux/xml/testdata/*.xml", "corpus/feedparser/illformed/chardet/*.xml") {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b, "", "")
			f.Add(b, "text/xml; charset=gb2312", "")
			f.Add(b, "", "big5")
		}
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(rss("gb2312", titleGB)))
	gb4, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(rss("gb18030", titleGB18030)))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(rss("big5", titleBig5)))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(rss("utf-16", titleGB)))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(rss("", titleGB)))
	for _, seed := range []struct {
		body       []byte
		ct, encode string
	}{
		{gbk, "", ""}, {gbk, "", "gbk"}, {gbk[40:], "application/rss+xml; charset=gbk", ""}, {gb4, "", ""},
		{big5, "", ""}, {u16, "", ""}, {u16be, "", ""}, {u16[:5], "", ""}, {[]byte(rss("gb2312", titleGB)), "", ""},
		{[]byte("\xEF\xBB\xBF" + rss("", titleGB)), "", ""}, {[]byte("\xEF\xBB\xBF\xff\xfe"), "", ""},
		{[]byte(`<?xml version="1.0" encoding="`), "", ""}, {[]byte("<?xml encoding='x'?>\x80"), "; charset=", "utf-16"},
		{[]byte{0, 0, 0, '<'}, "", ""}, {[]byte{'<', 0, 0, 0, 0xff, 0xff, 0xff, 0xff}, "", ""}, {nil, "", ""},
		{[]byte(`{"title":"` + titleGB + `"}`), "application/feed+json", ""},
	} {
		f.Add(seed.body, seed.ct, seed.encode)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType, override string) {
		orig := bytes.Clone(body)
		out, cs, err := Decode(body, contentType, override)
		if !bytes.Equal(body, orig) {
			t.Fatal("Decode modified its input")
		}
		if err != nil {
			if out != nil || cs != "" || !errors.Is(err, ErrCharset) {
				t.Fatalf("error %v with output %q, charset %q", err, out, cs)
			}
			return
		}
		if cs == "" {
			t.Fatal("no charset reported")
		}
		if !utf8.Valid(out) {
			t.Fatalf("output is not valid UTF-8: %q", out)
		}
		if bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
			t.Fatal("output starts with a BOM")
		}
		if label, _, _ := prologEncoding(out); len(label) > 0 && !bytes.EqualFold(label, []byte("utf-8")) {
			t.Fatalf("output still declares %q", label)
		}
		if utf8.Valid(body) && !bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) && cs == "utf-8" && len(out) != len(body) {
			t.Fatalf("valid UTF-8 changed length: %d -> %d", len(body), len(out))
		}
	})
}
