package feeds

import (
	"strings"
	"unicode/utf8"
)

// cleanText returns s without the runes that XML 1.0 forbids (C0 controls other than tab, newline and
// carriage return; U+FFFE and U+FFFF) and with every run of invalid UTF-8 (including the WTF-8 form
// of lone surrogates) replaced by U+FFFD.
//
// Normalize strips these at ingest already; this second pass exists because encoding/xml writes
// control characters raw inside CDATA (content:encoded), so one article that slipped past ingest
// would make the whole published feed unparseable for every reader. It returns s itself, without
// allocating, in the common case where there is nothing to remove.
func cleanText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return cleanSlow(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			return cleanSlow(s, i)
		}
		i += size
	}
	return s
}

// cleanSlow builds the cleaned copy of s, whose first offending byte is at i.
func cleanSlow(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	invalid := false // inside a run of invalid bytes, already replaced
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			invalid = false
			if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if !invalid {
				b.WriteRune(utf8.RuneError)
			}
			invalid = true
		case r == 0xFFFE || r == 0xFFFF:
			invalid = false
		default:
			invalid = false
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
