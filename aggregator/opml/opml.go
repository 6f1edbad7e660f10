// Package opml reads the subscription lists that feed readers export as OPML (1.0, 1.1 and 2.0,
// http://opml.org/spec2.opml) and writes OPML 2.0.
//
// Readers agree on little beyond the shape: an <outline> with an xmlUrl attribute is a feed, an
// outline without one is a folder whose children are in it, and the name shown is the title
// attribute or else text (Miniflux writes both, FreshRSS only text, newsboat only title). So Parse
// keeps every outline as written and Feeds flattens them into feeds with their folder path; what a
// feed becomes is the caller's decision.
//
// A file to import comes from anywhere, so Parse bounds the bytes it reads, the nesting depth and
// the number of outlines, and answers hostile input with an error, never a panic or a hang.
package opml

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Default limits of Parse. A reader's export of a thousand feeds is about 250 KB; the largest
// lists published (directories of every podcast of a language) run to a few MB.
const (
	DefaultMaxBytes    = 8 << 20
	DefaultMaxDepth    = 32
	DefaultMaxOutlines = 20000
)

// Limits bound what Parse accepts. Zero fields take the defaults.
type Limits struct {
	// MaxBytes is the most bytes read from the input.
	MaxBytes int64
	// MaxDepth is how deep outlines may nest (a feed at the top of <body> is at depth 1).
	MaxDepth int
	// MaxOutlines is the most outlines, folders and feeds together.
	MaxOutlines int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxOutlines <= 0 {
		l.MaxOutlines = DefaultMaxOutlines
	}
	return l
}

// Errors of Parse, for errors.Is; the returned errors wrap them with the detail.
var (
	// ErrTooLarge is input over one of the Limits.
	ErrTooLarge = errors.New("opml: over the limit")
	// ErrNotOPML is well-formed XML whose root is not <opml>, or an OPML file without <body>.
	ErrNotOPML = errors.New("opml: not an OPML document")

	errEnded = fmt.Errorf("%w: the document ends before </opml>", ErrNotOPML)
)

// Document is an OPML file: its head's title and the outlines of its body.
type Document struct {
	// Version is the version attribute as written ("1.0", "2.0"); Write always writes "2.0".
	Version string
	Title   string
	// DateCreated is written as the head's dateCreated when not zero. Parse leaves it zero: readers
	// write it in many formats and nothing here needs it.
	DateCreated time.Time
	Outlines    []Outline
}

// Outline is one <outline>: a feed when XMLURL is set, else a folder of its Children.
type Outline struct {
	// Text is what the spec requires and outliners show; Title is what RSS readers set. Name picks.
	Text  string
	Title string
	// Type is "rss" for feeds in most exports; FreshRSS also writes "HTML+XPath" and the like for
	// sources that are not feeds.
	Type        string
	XMLURL      string
	HTMLURL     string
	Description string
	// Category is OPML 2.0's comma-separated list of slash-delimited category strings, as written.
	Category string
	Children []Outline
}

// IsFeed reports whether the outline subscribes to a feed: it has an xmlUrl.
func (o *Outline) IsFeed() bool { return strings.TrimSpace(o.XMLURL) != "" }

// Name is the outline's title, else its text, with runs of white space collapsed to one space.
func (o *Outline) Name() string {
	if n := collapse(o.Title); n != "" {
		return n
	}
	return collapse(o.Text)
}

// Feed is one feed of a document, flattened: the folders it sits in, outermost first.
type Feed struct {
	Outline
	Folders []string
}

// Feeds returns every feed outline of d in document order, each with the names of the folders
// around it. A folder without a name adds no level. An outline that has an xmlUrl and children is
// a feed, and its children are in a folder of its name.
func (d *Document) Feeds() []Feed {
	var out []Feed
	var walk func(list []Outline, folders []string)
	walk = func(list []Outline, folders []string) {
		for _, o := range list {
			if o.IsFeed() {
				f := Feed{Outline: o, Folders: append([]string(nil), folders...)}
				f.Children = nil
				out = append(out, f)
			}
			if len(o.Children) > 0 {
				inner := folders
				if n := o.Name(); n != "" {
					inner = append(append([]string(nil), folders...), n)
				}
				walk(o.Children, inner)
			}
		}
	}
	walk(d.Outlines, nil)
	return out
}

// Parse reads an OPML document from r within lim.
func Parse(r io.Reader, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("opml: read: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, lim.MaxBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &parser{lim: lim}
	p.dec = xml.NewDecoder(bytes.NewReader(data))
	// Exports written by hand or by old tools carry HTML's named entities (&nbsp; &eacute;) in
	// titles; encoding/xml never expands entities it does not know, nor fetches DTDs.
	p.dec.Entity = xml.HTMLEntity
	p.dec.CharsetReader = charsetReader
	doc, err := p.document()
	if err != nil {
		if line, _ := p.dec.InputPos(); line > 0 && !errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		return nil, err
	}
	return doc, nil
}

type parser struct {
	dec      *xml.Decoder
	lim      Limits
	outlines int
}

// next returns the next start or end element, skipping text, comments and processing
// instructions.
func (p *parser) next() (xml.Token, error) {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			return nil, errEnded
		}
		if err != nil {
			return nil, fmt.Errorf("opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement, xml.EndElement:
			return t, nil
		}
	}
}

func (p *parser) document() (*Document, error) {
	tok, err := p.next()
	if errors.Is(err, errEnded) {
		return nil, fmt.Errorf("%w: no element", ErrNotOPML)
	}
	if err != nil {
		return nil, err
	}
	// The decoder refuses an end element before any start, so the first is the root.
	root, ok := tok.(xml.StartElement)
	if !ok {
		return nil, fmt.Errorf("%w: no root element", ErrNotOPML)
	}
	if !strings.EqualFold(root.Name.Local, "opml") {
		return nil, fmt.Errorf("%w: the root element is <%s>", ErrNotOPML, cut(root.Name.Local, 40))
	}
	doc := &Document{Version: attr(root, "version")}
	sawBody := false
	for {
		tok, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !sawBody {
				return nil, fmt.Errorf("%w: no <body>", ErrNotOPML)
			}
			return doc, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "head":
				if doc.Title, err = p.head(); err != nil {
					return nil, err
				}
			case "body":
				sawBody = true
				if doc.Outlines, err = p.children(1); err != nil {
					return nil, err
				}
			default:
				if err := p.skip(1); err != nil {
					return nil, err
				}
			}
		}
	}
}

// head reads <head> up to its end and returns its title.
func (p *parser) head() (string, error) {
	title := ""
	for {
		tok, err := p.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return title, nil
		case xml.StartElement:
			if t.Name.Local == "title" {
				if title, err = p.text(); err != nil {
					return "", err
				}
				continue
			}
			if err := p.skip(2); err != nil {
				return "", err
			}
		}
	}
}

// text reads the character data of a simple element up to its end.
func (p *parser) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return "", fmt.Errorf("opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := p.skip(3); err != nil {
				return "", err
			}
		case xml.EndElement:
			return collapse(b.String()), nil
		}
	}
}

// children reads outlines until the end of the element they are in, which sits at depth-1.
func (p *parser) children(depth int) ([]Outline, error) {
	var list []Outline
	for {
		tok, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return list, nil
		case xml.StartElement:
			if t.Name.Local != "outline" {
				if err := p.skip(depth); err != nil {
					return nil, err
				}
				continue
			}
			if depth > p.lim.MaxDepth {
				return nil, fmt.Errorf("%w: outlines nested more than %d deep", ErrTooLarge, p.lim.MaxDepth)
			}
			if p.outlines++; p.outlines > p.lim.MaxOutlines {
				return nil, fmt.Errorf("%w: more than %d outlines", ErrTooLarge, p.lim.MaxOutlines)
			}
			o := outline(t)
			if o.Children, err = p.children(depth + 1); err != nil {
				return nil, err
			}
			list = append(list, o)
		}
	}
}

// skip reads past the element just started at depth, bounding its nesting like the outlines'.
func (p *parser) skip(depth int) error {
	for level := 1; level > 0; {
		tok, err := p.next()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if level++; depth+level > p.lim.MaxDepth+4 {
				return fmt.Errorf("%w: elements nested more than %d deep", ErrTooLarge, p.lim.MaxDepth+4)
			}
		case xml.EndElement:
			level--
		}
	}
	return nil
}

// outline reads an outline's attributes. Names are matched without regard to case: old exports
// write xmlURL and htmlURL. Attributes in a namespace (miniflux:crawler, frss:cssFullContent) are
// a reader's own settings and are ignored.
func outline(se xml.StartElement) Outline {
	var o Outline
	for _, a := range se.Attr {
		if a.Name.Space != "" {
			continue
		}
		switch strings.ToLower(a.Name.Local) {
		case "text":
			o.Text = a.Value
		case "title":
			o.Title = a.Value
		case "type":
			o.Type = strings.TrimSpace(a.Value)
		case "xmlurl":
			o.XMLURL = strings.TrimSpace(a.Value)
		case "htmlurl":
			o.HTMLURL = strings.TrimSpace(a.Value)
		case "description":
			o.Description = a.Value
		case "category":
			o.Category = a.Value
		}
	}
	return o
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// charsetReader decodes the encodings OPML files are found in besides UTF-8: the Latin-1 family
// of old desktop readers. Anything else is refused with its name, rather than read as mojibake.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return &latin1Reader{r: bufio.NewReader(input)}, nil
	}
	return nil, fmt.Errorf("encoding %q is not supported: save the file as UTF-8", cut(label, 40))
}

// latin1Reader turns ISO-8859-1 bytes into UTF-8: each byte is the code point of the same value.
type latin1Reader struct {
	r       *bufio.Reader
	pending []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(l.pending) > 0 {
			c := copy(p[n:], l.pending)
			n += c
			l.pending = l.pending[c:]
			continue
		}
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if b < utf8.RuneSelf {
			p[n] = b
			n++
			continue
		}
		l.pending = utf8.AppendRune(l.pending[:0], rune(b))
	}
	return n, nil
}

// collapse trims s and turns each run of white space into one space: titles in exports carry the
// line breaks and indentation of the page they were taken from.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
