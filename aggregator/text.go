package aggregator

import (
	"strings"
	"unicode/utf8"
)

// XMLText returns s without what XML 1.0 cannot carry: invalid UTF-8 (lone surrogates included),
// C0 control characters other than tab, newline and carriage return, and U+FFFE / U+FFFF. One such
// character in one article would make every republished feed that includes it unparseable (encoding/xml
// writes them raw inside CDATA), so normalize strips them at ingest and feeds once more at render.
// It returns s itself, without allocating, when there is nothing to remove.
func XMLText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return xmlTextSlow(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !xmlLegal(r, size) {
			return xmlTextSlow(s, i)
		}
		i += size
	}
	return s
}

// IsXMLText reports whether XMLText would return b unchanged, without converting b to a string:
// the sanitizer's hot path copies such text as it is.
func IsXMLText(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if !xmlLegal(r, size) {
			return false
		}
		i += size
	}
	return true
}

func xmlLegal(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return false
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return true
}

// xmlTextSlow builds the cleaned copy of s, whose first offending byte is at from.
func xmlTextSlow(s string, from int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:from])
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if xmlLegal(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
