package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// ContentType is the media type OPML is served as. OPML has no registered type; text/x-opml is
// what the MIME tables (mime-db, Apache's mime.types) give .opml and what readers' import forms
// accept, and a reader importing from a URL (Miniflux's handler takes any body) parses the bytes
// whatever the type says. text/xml would let a browser render it; x-opml makes it a download.
const ContentType = "text/x-opml; charset=utf-8"

type xmlDoc struct {
	XMLName xml.Name   `xml:"opml"`
	Version string     `xml:"version,attr"`
	Head    xmlHead    `xml:"head"`
	Body    []xmlOutln `xml:"body>outline"`
}

type xmlHead struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated,omitempty"`
}

type xmlOutln struct {
	Text        string     `xml:"text,attr"`
	Title       string     `xml:"title,attr,omitempty"`
	Type        string     `xml:"type,attr,omitempty"`
	XMLURL      string     `xml:"xmlUrl,attr,omitempty"`
	HTMLURL     string     `xml:"htmlUrl,attr,omitempty"`
	Description string     `xml:"description,attr,omitempty"`
	Category    string     `xml:"category,attr,omitempty"`
	Children    []xmlOutln `xml:"outline"`
}

// Write writes d as an OPML 2.0 document in UTF-8, indented. An outline without Text gets its
// Title as text, since the spec requires text and outliners show nothing else; a feed without a
// Type gets "rss", which is what OPML 2.0 says every feed subscription has, whatever its format.
// Characters XML cannot carry are written as U+FFFD.
func Write(w io.Writer, d *Document) error {
	doc := xmlDoc{Version: "2.0", Head: xmlHead{Title: d.Title}, Body: convert(d.Outlines)}
	if !d.DateCreated.IsZero() {
		doc.Head.DateCreated = d.DateCreated.UTC().Format(time.RFC1123)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	return nil
}

func convert(list []Outline) []xmlOutln {
	if len(list) == 0 {
		return nil
	}
	out := make([]xmlOutln, 0, len(list))
	for _, o := range list {
		x := xmlOutln{Text: o.Text, Title: o.Title, Type: o.Type, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL,
			Description: o.Description, Category: o.Category, Children: convert(o.Children)}
		if x.Text == "" {
			x.Text = o.Title
		}
		if x.Type == "" && o.IsFeed() {
			x.Type = "rss"
		}
		out = append(out, x)
	}
	return out
}
