package filter

import (
	"html"
	"strings"
)

// PlainText returns the text of a sanitized HTML body, as the `text` rule field sees it: tags
// dropped (each a word break), entities decoded, runs of white space collapsed to one space. The
// body was sanitized at ingest, so there is no script or style content to skip, and a tag is
// simply what lies between "<" and the next ">".
func PlainText(body string) string {
	if !strings.ContainsAny(body, "<&") {
		return strings.Join(strings.Fields(body), " ")
	}
	var b strings.Builder
	b.Grow(len(body))
	for len(body) > 0 {
		lt := strings.IndexByte(body, '<')
		if lt < 0 {
			b.WriteString(body)
			break
		}
		b.WriteString(body[:lt])
		b.WriteByte(' ')
		gt := strings.IndexByte(body[lt:], '>')
		if gt < 0 {
			break // an unterminated tag: nothing after it is text
		}
		body = body[lt+gt+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}
