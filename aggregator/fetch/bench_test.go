package fetch

import (
	"bytes"
	stdgzip "compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// bigFeed returns an RSS feed of about 1 MiB in the style of RSSHub's /cls/telegraph, declaring
// encoding.
func bigFeed(encoding string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="` + encoding + `"?>` + "\n<rss version=\"2.0\"><channel><title>财联社 - 电报</title>\n")
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "<item><title>%s %d</title><description><![CDATA[<p>【%s】财联社10月20日电，%s</p>]]></description>"+
			"<link>https://api3.cls.cn/share/article/%d?os=web&amp;sv=7.7.5&amp;app=CailianpressWeb</link>"+
			"<pubDate>Thu, 18 Nov 2021 01:06:01 GMT</pubDate></item>\n", titleGB, i, titleGB, strings.Repeat(titleGB, 3), 1000000+i)
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// BenchmarkDecode measures Decode's throughput on a 1 MiB feed per input charset.
func BenchmarkDecode(b *testing.B) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(bigFeed("gb2312")))
	big5Text := strings.NewReplacer("财联社", "財聯社", "电报", "電報").Replace(bigFeed("big5"))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(strings.Map(func(r rune) rune {
		if _, err := traditionalchinese.Big5.NewEncoder().String(string(r)); err != nil {
			return '?'
		}
		return r
	}, big5Text)))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(bigFeed("utf-16")))
	cases := []struct {
		name, contentType string
		body              []byte
	}{
		{"utf-8", "application/rss+xml; charset=utf-8", []byte(bigFeed("utf-8"))},
		{"utf-8 mislabelled gb2312", "", []byte(bigFeed("gb2312"))},
		{"gbk declared gb2312", "", gbk},
		{"gbk via override, declared utf-8", "", nil}, // filled below
		{"big5", "", big5},
		{"utf-16le", "", u16},
	}
	cases[3].body, _ = simplifiedchinese.GBK.NewEncoder().Bytes([]byte(bigFeed("utf-8")))
	for _, c := range cases {
		override := ""
		if strings.Contains(c.name, "override") {
			override = "gbk"
		}
		b.Run(c.name, func(b *testing.B) {
			if _, _, err := Decode(c.body, c.contentType, override); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				Decode(c.body, c.contentType, override)
			}
		})
	}
}

// BenchmarkFetch measures one fetch of a 1 MiB UTF-8 feed from a local server, plain and gzip: the
// allocations per fetch show the pooled read buffer at work: released after each fetch, as the
// refresher does, the body costs no allocation of its size (it cost one, a copy, before Release).
func BenchmarkFetch(b *testing.B) {
	feed := []byte(bigFeed("utf-8"))
	z := gzipped(b, feed)
	for _, gz := range []bool{false, true} {
		name := "plain"
		if gz {
			name = "gzip"
		}
		b.Run(name, func(b *testing.B) {
			s := serve(b, func(w http.ResponseWriter, r *http.Request) {
				if gz {
					w.Header().Set("Content-Encoding", "gzip")
					w.Write(z)
					return
				}
				w.Write(feed)
			})
			c := newClient(b, Options{})
			b.SetBytes(int64(len(feed)))
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Fetch(b.Context(), Request{URL: s.URL})
				if err != nil {
					b.Fatal(err)
				}
				resp.Release() // as the refresher does once the body is parsed
			}
		})
	}
}

// BenchmarkGunzip compares the standard library's gzip reader with klauspost/compress's, which
// Fetch uses, on the same 1 MiB feed: decompressing is most of a gzip fetch's CPU on loopback.
func BenchmarkGunzip(b *testing.B) {
	feed := []byte(bigFeed("utf-8"))
	z := gzipped(b, feed)
	readers := []struct {
		name string
		open func(io.Reader) (io.Reader, error)
	}{
		{"stdlib", func(r io.Reader) (io.Reader, error) { return stdgzip.NewReader(r) }},
		{"klauspost", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	}
	for _, rd := range readers {
		b.Run(rd.name, func(b *testing.B) {
			b.SetBytes(int64(len(feed)))
			b.ReportAllocs()
			for b.Loop() {
				r, err := rd.open(bytes.NewReader(z))
				if err != nil {
					b.Fatal(err)
				}
				n, err := io.Copy(io.Discard, r)
				if err != nil || n != int64(len(feed)) {
					b.Fatalf("read %d of %d bytes: %v", n, len(feed), err)
				}
			}
		})
	}
}
