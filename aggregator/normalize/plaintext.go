package normalize

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Limits on what one feed entry may put into its article. A feed is written by whoever controls its
// server, and many readers render RSS titles as HTML, so every field has a bound on its length, its
// count and its characters (README, "Limits on hostile feeds", lists them all with their tests).
// Cutting is counted in Cuts, and the refresh logs it once per fetch.
const (
	// MaxTitleRunes bounds a title, after the plain-text rule.
	MaxTitleRunes = 1000
	// MaxAuthorRunes bounds the author.
	MaxAuthorRunes = 100
	// MaxCategoryRunes bounds one category.
	MaxCategoryRunes = 50
	// MaxCategories bounds the categories of one article: the source's, then the entry's, each once.
	MaxCategories = 32
	// MaxListed bounds how many of an entry's repeated elements are read at all: categories, authors
	// and dc:creators, links, enclosures, media:content and media:thumbnail. Repeats and blank
	// ones count, so a list of a million copies costs what 64 cost.
	MaxListed = 64
	// MaxURLBytes bounds the entry link, head image and thumbnail; a longer URL is treated as absent
	// (cut, it would point elsewhere).
	MaxURLBytes = 2048
	// MaxGUIDBytes bounds the guid; a longer one is treated as absent (the key falls back to the
	// link, else title and date).
	MaxGUIDBytes = 1024
	// maxDateBytes bounds a date string; no date format is longer, so a longer one is unparsable.
	maxDateBytes = 128
	// plainWindow is how many bytes of a raw plain-text field are read for every rune it may keep:
	// room for markup around the text and for UTF-8, and a bound on the cost of the rule below.
	plainWindow = 8
	// plainRounds bounds the rounds of textOf before the rule's last resort: no honest feed escapes
	// its text more than twice, and each round is one tokenizer pass over the field.
	plainRounds = 8
)

// The plain-text rule. Title, author and categories are plain text in the article model, and every
// one of them goes through plainText, so this is the one place that enforces it:
//
// A plain-text field is a fixed point of textOf (tags, comments and doctypes dropped, the content of
// script-like elements dropped, entities decoded, XML-illegal characters removed, white space
// collapsed to single spaces and trimmed), with at most its field's number of characters. So it
// holds no tag, comment or entity that decodes, however many times the feed escaped its markup, and
// no "<" followed by a letter, "/", "!" or "?": one that is left over at the end, where an HTML
// tokenizer would drop it but a reader pasting the title into its page would open a tag with it, is
// written as the full-width "＜" (U+FF1C). Every other "<" and "&" is text and stays: "a < b", "<3",
// "AT&T", "S&P 500".
//
// How the fixed point is reached, and why it always is, cheaply: textOf is applied until it returns
// its input. Every round that changes a collapsed, XML-clean string makes it strictly shorter in
// runes (a tag of at least two runes becomes at most one space, an entity reference of at least three
// runes decodes to at most two, dropped content and characters only shrink it), so the loop ends;
// but markup escaped in n layers takes n rounds, and a field of k bytes can hold k/4 layers. So
// after plainRounds rounds that all changed the field, or a round that changed it without shrinking
// it, the last resort removes every "<" and "&" left: a string without them is a fixed point by
// inspection (no tag, comment or reference can start), so the rule holds for any input, and what is
// given up is only the "<" and "&" of text escaped in more layers than any honest feed uses.
//
// Cost: the raw field is cut to plainWindow bytes per rune it may keep before the first round, so a
// hostile 1 MB title costs what an 8 KB one costs: at most plainRounds+1 tokenizer passes over it.

// plainText applies the plain-text rule to a raw field that may keep maxRunes runes. cut reports
// that the field was longer than its limit.
func plainText(s string, maxRunes int) (text string, cut bool) {
	if w := maxRunes * plainWindow; len(s) > w {
		for w > 0 && !utf8.RuneStart(s[w]) {
			w--
		}
		s, cut = s[:w], true
	}
	s = fixedPoint(s)
	if utf8.RuneCountInString(s) > maxRunes {
		// Cutting may leave the start of an entity reference at the end; one more fixed point
		// settles it, and only shrinks the string.
		s, cut = fixedPoint(firstRunes(s, maxRunes)), true
	}
	return s, cut
}

// fixedPoint applies textOf to s until it returns its input, then writes the "<" left before a
// letter, "/", "!" or "?" as "＜".
func fixedPoint(s string) string {
	s = collapse(cleanText(s))
	for round := 0; strings.ContainsAny(s, "<&"); round++ {
		t := textOf(s)
		if t == s {
			break
		}
		if round == plainRounds || utf8.RuneCountInString(t) >= utf8.RuneCountInString(s) {
			return collapse(strings.NewReplacer("<", "", "&", "").Replace(t))
		}
		s = t
	}
	return neutralizeTags(s)
}

// neutralizeTags writes as "＜" every "<" that starts a tag, end tag, comment or processing
// instruction in an HTML parser.
func neutralizeTags(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && opensTag(s[i+1]) {
			if b.Len() == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:i])
			b.WriteString("＜")
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// CheckPlainText reports how s breaks the plain-text rule for a field of at most maxRunes runes, or
// nil. It checks the rule's consequences on their own, not by running plainText, so that tests and
// fuzz targets of every package that carries these fields can assert them.
func CheckPlainText(s string, maxRunes int) error {
	switch {
	case !utf8.ValidString(s) || cleanText(s) != s:
		return errors.New("invalid UTF-8 or an XML-illegal character")
	case s != collapse(s):
		return errors.New("white space not collapsed")
	case utf8.RuneCountInString(s) > maxRunes:
		return fmt.Errorf("%d characters, over the limit of %d", utf8.RuneCountInString(s), maxRunes)
	case html.UnescapeString(s) != s:
		return errors.New("an entity that decodes")
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && opensTag(s[i+1]) {
			return fmt.Errorf("%q opens a tag", s[i:i+2])
		}
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return nil
		case html.TextToken:
		default:
			return fmt.Errorf("an HTML tokenizer finds a %v token %q", tt, z.Raw())
		}
	}
}
