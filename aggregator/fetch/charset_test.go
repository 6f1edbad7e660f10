package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Known texts; the fixtures below are built from them with x/text encoders, so the expected output
// of every case is exact.
const (
	titleGB      = "财联社电报：央行宣布降准0.5个百分点，释放长期资金约1万亿元"
	titleGB18030 = "财联社：𠮷野家与㐀字（GB18030 四字节序列）€"
	titleBig5    = "財聯社 深度：台積電法說會釋出樂觀展望"
	titleLatin   = "This is a £“test.” Café Jürgen"
)

// rss returns a small RSS document whose channel title is title, with an XML declaration naming
// encoding (none when encoding is empty).
func rss(encoding, title string) string {
	decl := `<?xml version="1.0"?>`
	if encoding != "" {
		decl = `<?xml version="1.0" encoding="` + encoding + `"?>`
	}
	return decl + "\n<rss version=\"2.0\"><channel><title>" + title +
		"</title><item><title>" + title + "</title></item></channel></rss>\n"
}

// mustEncode encodes s with enc, failing the test if any character is not representable.
func mustEncode(tb testing.TB, enc encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// channelTitle parses b with encoding/xml without a CharsetReader, which fails if the XML declaration
// still names a charset other than UTF-8, and returns the channel title.
func channelTitle(tb testing.TB, b []byte) string {
	tb.Helper()
	var doc struct {
		Channel struct {
			Title string `xml:"title"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		tb.Fatalf("decoded body does not parse as UTF-8 XML: %v\n%q", err, b[:min(len(b), 200)])
	}
	return doc.Channel.Title
}

func TestDecode(t *testing.T) {
	gbk := func(s string) []byte { return mustEncode(t, simplifiedchinese.GBK, s) }
	gb18030 := func(s string) []byte { return mustEncode(t, simplifiedchinese.GB18030, s) }
	big5 := func(s string) []byte { return mustEncode(t, traditionalchinese.Big5, s) }
	utf16 := func(order unicode.Endianness, bom unicode.BOMPolicy, s string) []byte {
		return mustEncode(t, unicode.UTF16(order, bom), s)
	}
	// gbkInvalid is a GBK feed with one byte sequence that is not GBK (0xFF) inside the title.
	gbkInvalid := bytes.Replace(gbk(rss("gb2312", titleGB)), gbk("央行"), append(gbk("央"), 0xFF, 0x20), 1)
	// utf8Stray is UTF-8 with one stray Latin-1 byte.
	utf8Stray := []byte(strings.Replace(rss("utf-8", titleGB), "央行", "央\xe9行", 1))

	tests := []struct {
		name        string
		body        []byte
		contentType string
		override    string
		wantCharset string
		wantTitle   string // exact channel title, parsed from the output with encoding/xml
		wantErr     error
		wantErrText string // the error must name this
	}{
		{name: "GBK declared gb2312 in the prolog", body: gbk(rss("gb2312", titleGB)),
			contentType: "application/rss+xml", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK declared GBK upper case, single quotes", body: bytes.Replace(gbk(rss("GBK", titleGB)), []byte(`"GBK"`), []byte(`'GBK'`), 1),
			wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK with only the HTTP charset", body: gbk(rss("", titleGB)),
			contentType: "application/rss+xml; charset=GBK", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK with a quoted, spaced HTTP charset", body: gbk(rss("", titleGB)),
			contentType: "text/xml;charset= 'gb2312'", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK with no declaration and a source override", body: gbk(rss("", titleGB)),
			override: "gbk", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK with no declaration and override cp936", body: gbk(rss("", titleGB)),
			override: "cp936", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK with no declaration and override euc-cn", body: gbk(rss("", titleGB)),
			override: "EUC-CN", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK declared utf-8, rescued by the override", body: gbk(rss("utf-8", titleGB)),
			override: "gb2312", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "GBK declared with an unknown label, rescued by the HTTP charset", body: gbk(rss("x-chinese-bogus", titleGB)),
			contentType: "text/xml; charset=gb2312", wantCharset: "gb18030", wantTitle: titleGB},
		{name: "UTF-8 mislabelled gb2312 everywhere stays UTF-8", body: []byte(rss("gb2312", titleGB)),
			contentType: "application/rss+xml; charset=gb2312", override: "gbk", wantCharset: "utf-8", wantTitle: titleGB},
		{name: "UTF-8 mislabelled gb2312 with a stray byte stays UTF-8", body: bytes.Replace(utf8Stray, []byte("utf-8"), []byte("gb2312"), 1),
			wantCharset: "utf-8", wantTitle: strings.Replace(titleGB, "央行", "央\uFFFD行", 1)},
		{name: "UTF-8 declared utf-8 with a stray byte: U+FFFD", body: utf8Stray,
			wantCharset: "utf-8", wantTitle: strings.Replace(titleGB, "央行", "央\uFFFD行", 1)},
		{name: "GB18030 4-byte sequences declared gb18030", body: gb18030(rss("gb18030", titleGB18030)),
			wantCharset: "gb18030", wantTitle: titleGB18030},
		{name: "GB18030 4-byte sequences declared gb2312", body: gb18030(rss("gb2312", titleGB18030)),
			wantCharset: "gb18030", wantTitle: titleGB18030},
		{name: "GBK with one invalid sequence: U+FFFD from the decoder", body: gbkInvalid,
			wantCharset: "gb18030", wantTitle: strings.Replace(titleGB, "央行", "央\uFFFD ", 1)},
		{name: "Big5 declared big5", body: big5(rss("big5", titleBig5)),
			wantCharset: "big5", wantTitle: titleBig5},
		{name: "Big5 with only the HTTP charset", body: big5(rss("", titleBig5)),
			contentType: "application/xml; charset=big5", wantCharset: "big5", wantTitle: titleBig5},
		{name: "UTF-16LE with BOM", body: utf16(unicode.LittleEndian, unicode.UseBOM, rss("utf-16", titleGB)),
			wantCharset: "utf-16le", wantTitle: titleGB},
		{name: "UTF-16BE with BOM, HTTP says otherwise", body: utf16(unicode.BigEndian, unicode.UseBOM, rss("utf-16", titleGB)),
			contentType: "text/xml; charset=iso-8859-1", wantCharset: "utf-16be", wantTitle: titleGB},
		{name: "UTF-16LE without BOM", body: utf16(unicode.LittleEndian, unicode.IgnoreBOM, rss("utf-16", titleGB)),
			wantCharset: "utf-16le", wantTitle: titleGB},
		{name: "UTF-16BE without BOM or declaration", body: utf16(unicode.BigEndian, unicode.IgnoreBOM, rss("", titleBig5)),
			wantCharset: "utf-16be", wantTitle: titleBig5},
		{name: "UTF-8 BOM", body: append([]byte("\xEF\xBB\xBF"), rss("utf-8", titleGB)...),
			wantCharset: "utf-8", wantTitle: titleGB},
		{name: "UTF-8 BOM glued onto a declared GBK body", body: append([]byte("\xEF\xBB\xBF"), gbk(rss("gbk", titleGB))...),
			wantCharset: "gb18030", wantTitle: titleGB},
		{name: "windows-1252 from the HTTP charset", body: mustEncode(t, charmap.Windows1252, rss("", titleLatin)),
			contentType: "text/xml; charset=windows-1252", wantCharset: "windows-1252", wantTitle: titleLatin},
		{name: "ISO-8859-1 in the prolog (read as windows-1252, as browsers do)", body: mustEncode(t, charmap.ISO8859_1, rss("ISO-8859-1", "Café Jürgen")),
			wantCharset: "windows-1252", wantTitle: "Café Jürgen"},
		{name: "ASCII declared iso-8859-1 is UTF-8", body: []byte(rss("iso-8859-1", "plain")),
			wantCharset: "utf-8", wantTitle: "plain"},
		{name: "GBK with no declaration at all", body: gbk(rss("", titleGB)),
			wantErr: ErrCharset, wantErrText: "xml default utf-8"},
		{name: "GBK declared utf-8 and nothing else", body: gbk(rss("utf-8", titleGB)),
			wantErr: ErrCharset, wantErrText: "xml declaration utf-8"},
		{name: "GBK declared with an unknown label", body: gbk(rss("x-chinese-bogus", titleGB)),
			wantErr: ErrCharset, wantErrText: `"x-chinese-bogus"`},
		{name: "UTF-16 label on bytes that are not UTF-16", body: gbk(rss("utf-16", titleGB)),
			wantErr: ErrCharset, wantErrText: `"utf-16"`},
		{name: "random high bytes, no declaration", body: []byte("<rss>\xff\xfe\xfd\xfc\x80\x81</rss>"),
			wantErr: ErrCharset, wantErrText: `set encoding = "..." in the source's [[source]] block`},
		{name: "GBK with no declaration: the error says the source setting", body: gbk(rss("", titleGB)),
			wantErr: ErrCharset, wantErrText: `set encoding = "gbk" (or the feed's real charset) in the source's [[source]] block`},
		{name: "GBK declared utf-8: the error says the source setting", body: gbk(rss("utf-8", titleGB)),
			wantErr: ErrCharset, wantErrText: `set encoding = "gbk"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := bytes.Clone(tt.body)
			out, cs, err := Decode(tt.body, tt.contentType, tt.override)
			if !bytes.Equal(tt.body, orig) {
				t.Fatal("Decode modified its input")
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErrText) {
					t.Fatalf("err = %q, want it to name %q", err, tt.wantErrText)
				}
				if out != nil {
					t.Fatal("output returned with an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !utf8.Valid(out) {
				t.Fatal("output is not valid UTF-8")
			}
			if bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
				t.Error("output starts with a BOM")
			}
			if got := channelTitle(t, out); got != tt.wantTitle {
				t.Errorf("title = %q, want %q", got, tt.wantTitle)
			}
		})
	}
}

func TestDecodeJSON(t *testing.T) {
	feed := `{"version":"https://jsonfeed.org/version/1.1","title":"` + titleGB + `","items":[]}`
	tests := []struct {
		name, contentType string
		body              []byte
	}{
		{"plain", "application/feed+json", []byte(feed)},
		{"BOM stripped", "application/feed+json", append([]byte("\xEF\xBB\xBF"), feed...)},
		{"a wrong HTTP charset is ignored", "application/json; charset=gbk", []byte(feed)},
		{"UTF-16 JSON", "application/json", mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), feed)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, cs, err := Decode(tt.body, tt.contentType, "")
			if err != nil || string(out) != feed {
				t.Fatalf("Decode = %q, %q, %v; want the feed unchanged", out, cs, err)
			}
		})
	}
}

func TestDecodeAliasing(t *testing.T) {
	t.Run("valid UTF-8 is returned without a copy", func(t *testing.T) {
		body := []byte(rss("utf-8", titleGB))
		out, _, fresh, err := decode(body, "", "")
		if err != nil || fresh || &out[0] != &body[0] {
			t.Fatalf("fresh=%v err=%v: want the input itself", fresh, err)
		}
	})
	t.Run("BOM is sliced off, not copied", func(t *testing.T) {
		body := append([]byte("\xEF\xBB\xBF"), rss("", titleGB)...)
		out, _, fresh, err := decode(body, "", "")
		if err != nil || fresh || &out[0] != &body[3] {
			t.Fatalf("fresh=%v err=%v: want the input after its BOM", fresh, err)
		}
	})
	t.Run("a prolog to rewrite forces one copy", func(t *testing.T) {
		body := []byte(rss("gb2312", titleGB))
		out, _, fresh, err := decode(body, "", "")
		if err != nil || !fresh || &out[0] == &body[0] {
			t.Fatalf("fresh=%v err=%v: want a copy", fresh, err)
		}
		if want := `<?xml version="1.0"                  ?>`; !bytes.HasPrefix(out, []byte(want)) {
			t.Fatalf("prolog = %q, want %q", out[:40], want)
		}
	})
}

func TestPrologEncoding(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="gb2312"?><rss/>`, "gb2312"},
		{"  \n<?xml version='1.0' encoding = 'GBK' standalone='yes'?>", "GBK"},
		{`<?xml version="1.0"?><rss encoding="gbk"/>`, ""},
		{`<?xml version="1.0" xencoding="gbk"?>`, ""},
		{`<?xml version="1.0" encoding="gbk"`, ""}, // unterminated declaration
		{`<?xml-stylesheet href="a" encoding="gbk"?>`, ""},
		{`<rss/>`, ""},
		{`<?xml version="1.0" encoding=gbk?>`, ""},
		{`<?xml version="1.0" encoding="gbk?>`, ""},
		{``, ""},
	}
	for _, tt := range tests {
		if got, _, _ := prologEncoding([]byte(tt.in)); string(got) != tt.want {
			t.Errorf("prologEncoding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentTypeCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/xml; charset=GBK", "GBK"},
		{"application/atom+xml;charset='gb2312'", "gb2312"},
		{`application/rss+xml;charset= "us-ascii"`, "us-ascii"},
		{"application/xml;charset = us-ascii", "us-ascii"},
		{"text/xml; charset:iso-8859-1", ""},
		{"text/xml;", ""},
		{"text/xml; qs=0.9", ""},
		{"text/xml", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := contentTypeCharset(tt.in); got != tt.want {
			t.Errorf("contentTypeCharset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGBKDecoderMangles4Byte documents why GB labels map to GB18030: x/text's GBK decoder turns the
// 4-byte sequences of real GB18030 text into U+FFFD.
func TestGBKDecoderMangles4Byte(t *testing.T) {
	b := mustEncode(t, simplifiedchinese.GB18030, titleGB18030)
	viaGBK, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(viaGBK) == titleGB18030 {
		t.Skip("x/text's GBK decoder now handles 4-byte sequences; the GB18030 mapping is harmless")
	}
	out, cs, err := Decode(b, "text/xml; charset=gbk", "")
	if err != nil || cs != "gb18030" || string(out) != titleGB18030 {
		t.Fatalf("Decode = %q, %q, %v; want %q via gb18030", out, cs, err, titleGB18030)
	}
}

// TestDecodeAllocs pins the common case, a UTF-8 feed, to zero allocations.
func TestDecodeAllocs(t *testing.T) {
	body := []byte(rss("utf-8", strings.Repeat(titleGB, 800))) // about 64 KiB
	if n := testing.AllocsPerRun(5, func() { Decode(body, "application/rss+xml; charset=utf-8", "gbk") }); n != 0 {
		t.Errorf("Decode of a UTF-8 feed allocates %v times, want 0", n)
	}
}

func TestCheckEncoding(t *testing.T) {
	for _, tt := range []struct {
		label string
		ok    bool
	}{{"gbk", true}, {"GB2312", true}, {"big5", true}, {"windows-1252", true}, {"utf-8", true},
		{"gkb", false}, {"utf-16", false}, {"replacement", false}, {"", false}} {
		if err := CheckEncoding(tt.label); (err == nil) != tt.ok {
			t.Errorf("CheckEncoding(%q) = %v, want ok %v", tt.label, err, tt.ok)
		}
	}
}
