package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"strconv"
	"strings"

	jsonfeed "github.com/mmcdole/gofeed/json"
)

// maxJSONItems bounds how many items one JSON Feed may contribute; the fetch size cap bounds the
// bytes, this bounds the allocations of a document made of 15 MiB of "{},".
const maxJSONItems = 100000

// decodeJSONFeed decodes a JSON Feed (1.0 or 1.1) leniently, member by member, into gofeed's
// json.Feed. encoding/json would reject the whole feed for one member of the wrong type, and gofeed's
// translator dereferences every element of items and authors (gofeed #355: "items":[null] panics).
// Here a null or ill-typed member is dropped on its own, a numeric id becomes its decimal text (the
// spec says readers must coerce it), and a numeric size or duration that does not fit int64 is dropped.
// The document itself must be a JSON object.
func decodeJSONFeed(body []byte) (*jsonfeed.Feed, error) {
	body = bytes.TrimPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("\xef\xbb\xbf"))
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, err
	}
	if top == nil {
		return nil, errors.New("json feed is null")
	}
	f := &jsonfeed.Feed{
		Version:     str(top["version"]),
		Title:       str(top["title"]),
		HomePageURL: str(top["home_page_url"]),
		FeedURL:     str(top["feed_url"]),
		Description: str(top["description"]),
		UserComment: str(top["user_comment"]),
		NextURL:     str(top["next_url"]),
		Icon:        str(top["icon"]),
		Favicon:     str(top["favicon"]),
		Language:    str(top["language"]),
		Author:      author(top["author"]),
		Authors:     authors(top["authors"]),
		Items:       []*jsonfeed.Item{},
	}
	_ = json.Unmarshal(top["expired"], &f.Expired)
	for _, raw := range array(top["items"]) {
		if len(f.Items) >= maxJSONItems {
			break
		}
		if it := item(raw); it != nil {
			f.Items = append(f.Items, it)
		}
	}
	return f, nil
}

func item(raw json.RawMessage) *jsonfeed.Item {
	m := object(raw)
	if m == nil {
		return nil
	}
	it := &jsonfeed.Item{
		ID:            idString(m["id"]),
		URL:           str(m["url"]),
		ExternalURL:   str(m["external_url"]),
		Title:         str(m["title"]),
		ContentHTML:   str(m["content_html"]),
		ContentText:   str(m["content_text"]),
		Summary:       textHTML(str(m["summary"])),
		Image:         str(m["image"]),
		BannerImage:   str(m["banner_image"]),
		DatePublished: str(m["date_published"]),
		DateModified:  str(m["date_modified"]),
		Author:        author(m["author"]),
		Authors:       authors(m["authors"]),
		Language:      str(m["language"]),
	}
	// gofeed's translator takes content_text as the content when content_html is empty, and every
	// content is HTML downstream; plain text is escaped into HTML here so that it reads as written.
	if it.ContentHTML == "" {
		it.ContentHTML = textHTML(it.ContentText)
	}
	for _, t := range array(m["tags"]) {
		if s := str(t); s != "" {
			it.Tags = append(it.Tags, s)
		}
	}
	var atts []jsonfeed.Attachments
	for _, a := range array(m["attachments"]) {
		am := object(a)
		if am == nil {
			continue
		}
		atts = append(atts, jsonfeed.Attachments{
			URL:               str(am["url"]),
			MimeType:          str(am["mime_type"]),
			Title:             str(am["title"]),
			SizeInBytes:       integer(am["size_in_bytes"]),
			DurationInSeconds: integer(am["duration_in_seconds"]),
		})
	}
	if atts != nil {
		it.Attachments = &atts
	}
	return it
}

// textHTML writes the plain text of content_text or summary as HTML that shows it as written: "&",
// "<", ">" and quotes escaped, a blank line starting a new paragraph, any other line break a <br>.
// Text on one line is only escaped.
func textHTML(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if !strings.Contains(s, "\n") {
		return html.EscapeString(s)
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	open := false // inside a paragraph
	for line := range strings.SplitSeq(s, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			if open {
				b.WriteString("</p>")
				open = false
			}
			continue
		case open:
			b.WriteString("<br>")
		default:
			b.WriteString("<p>")
			open = true
		}
		b.WriteString(html.EscapeString(line))
	}
	if open {
		b.WriteString("</p>")
	}
	return b.String()
}

func author(raw json.RawMessage) *jsonfeed.Author {
	m := object(raw)
	if m == nil {
		return nil
	}
	return &jsonfeed.Author{Name: str(m["name"]), URL: str(m["url"]), Avatar: str(m["avatar"])}
}

func authors(raw json.RawMessage) []*jsonfeed.Author {
	var out []*jsonfeed.Author
	for _, a := range array(raw) {
		if au := author(a); au != nil {
			out = append(out, au)
		}
	}
	return out
}

// object decodes a JSON object, or returns nil for anything else (null included).
func object(raw json.RawMessage) map[string]json.RawMessage {
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return m
}

// array decodes a JSON array, or returns nil for anything else.
func array(raw json.RawMessage) []json.RawMessage {
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	var a []json.RawMessage
	if json.Unmarshal(raw, &a) != nil {
		return nil
	}
	return a
}

// str decodes a JSON string, or returns "" for anything else.
func str(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// idString decodes an item id: a string, or a number kept as its JSON text.
func idString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		return str(raw)
	}
	if raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9') {
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return n.String()
		}
	}
	return ""
}

// integer decodes a non-negative whole number that fits int64, or returns 0.
func integer(raw json.RawMessage) int64 {
	if len(raw) == 0 {
		return 0
	}
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		return 0
	}
	v, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil || v < 0 {
		return 0
	}
	return v
}
