package feeds

import "fmt"

// Format is one of the syndication formats an output is served in.
type Format int

// The formats every output is served in, as /feeds/{name}.rss, .atom and .json.
const (
	RSS  Format = iota // RSS 2.0 with content:encoded, dc:creator and media:*
	Atom               // Atom 1.0 (RFC 4287)
	JSON               // JSON Feed 1.1

	numFormats = 3
)

// Formats returns every format in the order the index page lists them.
func Formats() []Format { return []Format{RSS, Atom, JSON} }

// ParseFormat returns the format served under the file extension ext ("rss", "atom", "json").
func ParseFormat(ext string) (Format, bool) {
	switch ext {
	case "rss":
		return RSS, true
	case "atom":
		return Atom, true
	case "json":
		return JSON, true
	}
	return 0, false
}

// Ext returns the file extension the format is served under, without the dot.
func (f Format) Ext() string {
	switch f {
	case RSS:
		return "rss"
	case Atom:
		return "atom"
	case JSON:
		return "json"
	}
	return ""
}

// String returns the format's extension, or a placeholder naming an invalid value.
func (f Format) String() string {
	if e := f.Ext(); e != "" {
		return e
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ContentType returns the media type the format is served as. Each names its charset so that no
// client falls back to ISO-8859-1 (RFC 7303 would otherwise have text/xml default to US-ASCII).
func (f Format) ContentType() string {
	switch f {
	case RSS:
		return "application/rss+xml; charset=utf-8"
	case Atom:
		return "application/atom+xml; charset=utf-8"
	case JSON:
		return "application/feed+json; charset=utf-8"
	}
	return ""
}
