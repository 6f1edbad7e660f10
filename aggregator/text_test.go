package aggregator

import (
	"testing"
	"unicode/utf8"
)

func TestXMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"财联社 plain\ttext\r\n", "财联社 plain\ttext\r\n"},
		{"a\x00b\x0bc\x1fd", "abcd"},
		{"bad \xff\xfe bytes", "bad  bytes"},
		{"surrogate \xed\xa0\x80 gone", "surrogate  gone"},
		{"nonchars \uFFFE\uFFFF end", "nonchars  end"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := XMLText(tt.in); got != tt.want {
			t.Errorf("XMLText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := IsXMLText([]byte(tt.in)); got != (tt.in == tt.want) {
			t.Errorf("IsXMLText(%q) = %v", tt.in, got)
		}
	}
	if allocs := testing.AllocsPerRun(10, func() { XMLText("没有要删除的字符") }); allocs != 0 {
		t.Errorf("clean input allocated %v times", allocs)
	}
}

func FuzzXMLText(f *testing.F) {
	f.Add("a\x00\xff\uFFFE财")
	f.Fuzz(func(t *testing.T, s string) {
		out := XMLText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if !xmlLegal(r, utf8.RuneLen(r)) {
				t.Fatalf("illegal rune %U left in %q", r, out)
			}
		}
		if XMLText(out) != out {
			t.Fatal("not idempotent")
		}
		if IsXMLText([]byte(s)) != (out == s) {
			t.Fatalf("IsXMLText(%q) disagrees with XMLText", s)
		}
	})
}
