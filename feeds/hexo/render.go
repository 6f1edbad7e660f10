// Package hexo exports articles as Hexo posts in the format of ../shared/seed/cls-depth-article.md
// (theme Volantis: headimg and thumbnail in the front matter) and keeps a site's post directory in
// sync with them.
//
// The format is the one the seed's Python script wrote, byte for byte where its rules are sound:
// the same fields in the same order, the title with `: / \ ? * “ ” < > | [ ]` replaced by `_`, the
// file named after that title without newlines, `#` and `.`, the body wrapped in a `<div>` and every
// `{`/`}` written as `&#123;`/`&#125;` so that Hexo's template engine leaves the post alone. Where the
// script wrote broken YAML (a `"` inside a double-quoted title, a newline inside a quoted scalar) or
// a file Hexo silently ignores (a name starting with `_`), Render writes valid YAML and a visible file
// instead; the tests check every front matter with a YAML parser. Where a body would let Hexo's
// Markdown renderer read part of it as Markdown (a blank line, a fence), Render writes those few
// characters as character references, so that the page holds the sanitized HTML and nothing else.
//
// Unlike the script, which rebuilt every post on each run and kept no state, Sync keeps the posts of
// the articles it exported in a manifest, so that an edited headline renames its post instead of
// adding a second one, and a pruned article's post goes away.
package hexo

import (
	"bytes"
	"hash/fnv"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tributary/aggregator"
)

// Options tune Render and Sync. The zero value writes the seed's format with empty image fields for
// articles without an image.
type Options struct {
	// PlaceholderImage is written as headimg and thumbnail of an article without any image, with
	// "{n}" replaced by a number from 1 to 1000 derived from the article's ID, so a post keeps its
	// placeholder across runs (the seed's script drew https://picsum.photos/400/300?random=N at
	// random on every run, which rewrote every image-less post every time). Empty means empty quotes.
	PlaceholderImage string
	// KeepPruned keeps the posts of articles that are no longer among the articles given to Sync;
	// by default Sync removes them.
	KeepPruned bool
	// Since, when not zero, exports only articles dated after it. The posts of older articles that an
	// earlier Sync wrote are left as they are: an article outside the window is not a pruned one.
	Since time.Time
	// RealTitle writes the article's own title in the front matter, the title readers see on the
	// page; by default it is the seed's, with `: / \ ? * “ ” < > | [ ]` replaced by `_` as in the
	// file name. Either way the file name is the replaced one.
	RealTitle bool
	// SiteTimezone, when set, writes dates as Hexo itself does (`2021-11-18 09:06:01`): the wall time
	// in this zone, which must be the site's `timezone` in _config.yml. Hexo takes a date, as the
	// time zone of the process that builds the site shows it, for wall time in the site's
	// `timezone`: the seed's `Thu, 18 Nov 2021 01:06:01 GMT` comes out right only where the two
	// agree (or the site sets none), and a build under systemd (TZ=UTC) for a site in Asia/Shanghai
	// moves every post 8 hours back; an offset such as +08:00 is moved the same way. A wall time in
	// the site's zone is what that conversion expects, whatever the build's own zone. Nil writes
	// the seed's form, right for a site without `timezone`.
	SiteTimezone *time.Location
	// Permalink is the site's permalink (the `permalink` of its _config.yml, Hexo's default
	// ":year/:month/:day/:title/" when it has none), or "" for a directory outside a site. When it
	// takes the post's file path (:title, :name), file and directory names hold no '%', which becomes
	// '％' (U+FF05): Hexo decodes that path as a URI, and a '%' that starts no escape fails the
	// post ("URIError: URI malformed": it is missing from the site), one that does turns into
	// another character. Elsewhere names are exactly the seed's.
	Permalink string
	// Abbrlink makes Sync write `abbrlink: '<4 hex digits>'` into each post's front matter, derived
	// from the article's ID and unique across the export (a collision is resolved deterministically,
	// and a post keeps its value for as long as its article is exported), for a site whose permalink
	// is `…/:abbrlink…`. A post that already has one (hexo-abbrlink's, from before) keeps it, so its
	// URL stays, unless an older post has the same. hexo-abbrlink keeps a value that is there; its
	// own, a CRC of the title, can collide and drop posts. Render does not write it: uniqueness needs
	// the whole export.
	Abbrlink bool
}

// maxName is the longest file name, in bytes, that common file systems accept (ext4, xfs, btrfs,
// APFS: 255); names are cut to it, ".md" and any suffix included.
const maxName = 255

// The fixed parts of a post. The leading newline and the 12 trailing spaces are the script's: every
// post it wrote starts and ends that way (its template was an indented Python string), and Hexo reads
// such a file (hexo-front-matter splits on the first "\n---" line after some text).
const (
	postHead  = "\n---\n"
	bodyOpen  = "---\n\n<div>   \n"
	bodyClose = "  \n</div>\n            "
	// dateLayout is RFC 1123 with the literal zone GMT, as RSSHub writes pubDate and the seed shows;
	// time.RFC1123 would write "UTC" for a UTC time.
	dateLayout = "Mon, 02 Jan 2006 15:04:05 GMT"
	// siteDateLayout is how `hexo new` writes a date: wall time, no zone.
	siteDateLayout = "2006-01-02 15:04:05"
)

// Render returns the post of one article: its path relative to the export directory, with "/"
// separators (categories as directories, then the file name from the title, with no article-ID
// suffix: Sync adds one only when two articles would share a path), and its content. Of the options
// it uses PlaceholderImage, RealTitle, SiteTimezone and Permalink. The path is always local: no
// segment is empty, ".", ".." or longer than 255 bytes, or contains a separator; no directory ends
// in ".md"; there are at most maxDepth (8) directories and 1024 bytes in all.
func Render(a aggregator.Article, o Options) (relPath string, content []byte) {
	return postPath(a, o.Permalink), renderPost(a, o)
}

// urlSafe is name with what the permalink cannot publish replaced, before names are cut to length.
func urlSafe(name, permalink string) string {
	if !PermalinkTakesName(permalink) {
		return name
	}
	return strings.ReplaceAll(name, "%", "％")
}

// PermalinkTakesName reports whether a Hexo permalink puts the post's file path in its URLs (:title,
// :name), so that Render avoids in names what such URLs cannot hold.
func PermalinkTakesName(permalink string) bool {
	return strings.Contains(permalink, ":title") || strings.Contains(permalink, ":name")
}

func renderPost(a aggregator.Article, o Options) []byte {
	head, thumb := images(a, o)
	var b bytes.Buffer
	b.Grow(len(a.Body) + 1024)
	b.WriteString(postHead)
	b.WriteString("title: ")
	b.WriteString(titleScalar(escapeBraces(frontTitle(a.Title, o))))
	b.WriteString("\ncategories: \n")
	for _, c := range frontCategories(a.Categories) {
		b.WriteString(" - ")
		b.WriteString(plainScalar(escapeBraces(c)))
		b.WriteByte('\n')
	}
	b.WriteString("headimg: ")
	b.WriteString(singleQuoted(escapeBraces(head)))
	b.WriteString("\nauthor: ")
	b.WriteString(plainScalar(escapeBraces(a.Author)))
	b.WriteString("\ncomments: ")
	b.WriteString(strconv.FormatBool(a.Comments))
	b.WriteString("\ndate: ")
	b.WriteString(frontDate(a.Date, o))
	b.WriteString("\nthumbnail: ")
	b.WriteString(singleQuoted(escapeBraces(thumb)))
	b.WriteByte('\n')
	b.WriteString(bodyOpen)
	// The body is sanitized at ingest; here invalid UTF-8 (which Hexo would read as U+FFFD anyway)
	// is replaced, so that every post is a valid UTF-8 file, and the body is kept one HTML block
	// that Markdown never reads.
	b.WriteString(htmlBlock(escapeBraces(validUTF8(a.Body))))
	b.WriteString(bodyClose)
	return b.Bytes()
}

// images returns headimg and thumbnail: the article's own (each standing in for the other when
// only one is known: the seed writes the same image twice), else the placeholder.
func images(a aggregator.Article, o Options) (head, thumb string) {
	head, thumb = a.HeadImg, a.Thumbnail
	if head == "" {
		head = thumb
	}
	if thumb == "" {
		thumb = head
	}
	if head == "" && o.PlaceholderImage != "" {
		// Replaced before the braces are escaped, so "{n}" becomes a number, not "&#123;n&#125;".
		p := strings.ReplaceAll(o.PlaceholderImage, "{n}", strconv.Itoa(placeholderNumber(a.ID)))
		head, thumb = p, p
	}
	return head, thumb
}

// placeholderNumber maps an article ID to 1..1000, the same on every run and every machine.
func placeholderNumber(id string) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64()%1000) + 1
}

// escapeBraces writes { and } as HTML character references, as the seed's script did to the whole
// post: Hexo's Nunjucks would otherwise read {{ }} and {% %} in a title or body as template tags and
// fail the build or run them.
func escapeBraces(s string) string {
	// Two IndexByte scans (vectorized) are several times faster than ContainsAny on long bodies.
	if strings.IndexByte(s, '{') < 0 && strings.IndexByte(s, '}') < 0 {
		return s
	}
	return braceReplacer.Replace(s)
}

var braceReplacer = strings.NewReplacer("{", "&#123;", "}", "&#125;")

// htmlBlock keeps a sanitized body inside the HTML block that the post's `<div>` line opens, so that
// Hexo's Markdown renderer passes it through as HTML and reads none of it as Markdown. That block
// (CommonMark's type 6, which hexo-renderer-marked's marked follows) ends only at a blank line: a
// line of nothing but spaces and tabs, line breaks being LF, CRLF or CR. After one, `[x](javascript:…)`,
// a reference definition `[x]: javascript:…` or `<javascript:…>` in the body's text would become a
// link the sanitizer never saw. So a line break next to a blank line is written as `&#10;`, which
// is the same text to HTML — a line feed in text and in attribute values, where the sanitizer puts
// all line breaks, `<pre>` included — but no line break to Markdown. A body of white space alone
// is written as it is: there is nothing after it to read.
//
// Hexo also turns a run of three or more backticks or tildes at the start of a line into a code
// block before Markdown runs, whatever the context; each character of such a run is written as a
// character reference too (`&#96;`, `&#126;`), the same text again.
//
// Other Markdown syntax (`[`, `*`, `_`, `<`) is left as it is: inside the block it is plain text,
// which keeps benign bodies, the real posts among them, byte for byte as the seed's script wrote
// them.
func htmlBlock(s string) string {
	if !strings.ContainsAny(s, "\r\n`~") {
		return s
	}
	if strings.TrimLeft(s, blankChars+"\r\n") == "" || !needsBlock(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	lineStart := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n' || c == '\r':
			n := 1
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				n = 2
			}
			if isBlank(s[lineStart:i]) || isBlank(nextLine(s[i+n:])) {
				b.WriteString("&#10;")
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
			lineStart = i
		case c == '`' || c == '~':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if j-i >= 3 {
				ref := "&#96;"
				if c == '~' {
					ref = "&#126;"
				}
				b.WriteString(strings.Repeat(ref, j-i))
			} else {
				b.WriteString(s[i:j])
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// needsBlock reports whether htmlBlock has anything to write otherwise: a fence, a CR (rare enough
// to leave to the full pass), or a blank line next to an LF. Most bodies have none, and this pass
// with vectorized searches and no copy is what they cost.
func needsBlock(s string) bool {
	if strings.Contains(s, "```") || strings.Contains(s, "~~~") || strings.IndexByte(s, '\r') >= 0 {
		return true
	}
	start := 0
	for {
		i := strings.IndexByte(s[start:], '\n')
		if i < 0 {
			return start > 0 && isBlank(s[start:])
		}
		if isBlank(s[start : start+i]) {
			return true
		}
		start += i + 1
	}
}

// blankChars are what a blank line may hold besides its line break: CommonMark's spaces and tabs,
// and, to be safe with renderers that count them, form and line tabulations.
const blankChars = " \t\f\v"

// isBlank reports whether line is a blank line once written: empty or white space alone.
func isBlank(line string) bool {
	return strings.Trim(line, blankChars) == ""
}

// nextLine is s up to its first line break.
func nextLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// validUTF8 replaces invalid bytes with U+FFFD. utf8.ValidString first: much faster than
// strings.ToValidUTF8 on valid text, which is all text normalize lets through.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// titleReplacer is the script's re.sub(r'[:/\\?*“”<>|\[\]]', '_', title).
var titleReplacer = strings.NewReplacer(
	":", "_", "/", "_", `\`, "_", "?", "_", "*", "_", "“", "_", "”", "_",
	"<", "_", ">", "_", "|", "_", "[", "_", "]", "_",
)

// sanitizeTitle is the front matter's title before its braces are escaped: the script's
// replacements, on valid UTF-8 (invalid bytes would make the whole front matter unreadable).
func sanitizeTitle(s string) string {
	return titleReplacer.Replace(validUTF8(s))
}

// frontTitle is the front matter's title before its braces are escaped: the seed's replacements,
// or with RealTitle the title as it is (valid UTF-8; titleScalar quotes whatever it holds).
func frontTitle(title string, o Options) string {
	if o.RealTitle {
		return validUTF8(title)
	}
	return sanitizeTitle(title)
}

// frontDate is the front matter's date: the seed's RFC 1123 in GMT, or with SiteTimezone Hexo's own
// form, a YAML timestamp of the wall time in that zone.
func frontDate(d time.Time, o Options) string {
	if o.SiteTimezone != nil {
		return d.In(o.SiteTimezone).Format(siteDateLayout)
	}
	return d.UTC().Format(dateLayout)
}

// frontCategories are the categories as the front matter lists them: as given, without blank ones
// (a "- ”" category would be an unnamed level of Hexo's category tree), at most maxDepth of them
// (Hexo nests a category's page in its parent's: 600 levels make a path Node cannot open).
func frontCategories(cats []string) []string {
	out := make([]string, 0, min(len(cats), maxDepth))
	for _, c := range cats {
		if len(out) == maxDepth {
			break
		}
		if strings.TrimSpace(c) != "" {
			out = append(out, c)
		}
	}
	return out
}

// --- YAML scalars ---------------------------------------------------------------------------------

// rawOK reports whether r may be written as is inside a one-line quoted YAML scalar: YAML's printable
// set minus line breaks (YAML 1.1 parsers such as libyaml, hence yaml.v3, also break lines at NEL,
// LS and PS), tabs (kept out so that no scalar starts or ends with white space YAML would trim) and
// the byte order mark.
func rawOK(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return false
	case r >= 0x80 && r < 0xa0:
		return false
	case r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
		return false
	case r >= 0xd800 && r <= 0xdfff:
		return false
	}
	return true
}

// titleScalar quotes a title the script's way: single quotes, or double quotes when it contains a
// single quote. Unlike the script it escapes what double quotes require (`"` and `\`), and it uses
// double quotes for a title that single quotes cannot carry on one line (control characters, line
// breaks), which the script wrote raw.
func titleScalar(s string) string {
	if strings.Contains(s, "'") {
		return doubleQuoted(s)
	}
	return singleQuoted(s)
}

// singleQuoted writes s in single quotes (a quote doubled, the only escape they know), or in double
// quotes when s holds characters that single quotes cannot carry.
func singleQuoted(s string) string {
	s = validUTF8(s)
	for _, r := range s {
		if !rawOK(r) {
			return doubleQuoted(s)
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// doubleQuoted writes s in double quotes with YAML's escapes.
func doubleQuoted(s string) string {
	s = validUTF8(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case rawOK(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x`)
			writeHex(&b, uint32(r), 2)
		default:
			b.WriteString(`\u`)
			writeHex(&b, uint32(r), 4)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeHex(b *strings.Builder, v uint32, digits int) {
	const hex = "0123456789ABCDEF"
	for i := digits - 1; i >= 0; i-- {
		b.WriteByte(hex[(v>>(4*uint(i)))&0xf])
	}
}

// plainScalar writes s bare when every YAML reader reads it back as the same string (the seed writes
// `author: 财联社` and its categories bare), else single-quoted.
func plainScalar(s string) string {
	if plainSafe(s) {
		return s
	}
	return singleQuoted(s)
}

// plainSafe is deliberately conservative: quoting a value that did not need it costs nothing, while
// a bare `true`, `- x`, `a: b`, `&x` or `2021-11-18` changes type or meaning. It covers YAML 1.1
// (js-yaml in Hexo, libyaml in yaml.v3) and 1.2 resolution rules.
func plainSafe(s string) bool {
	if s == "" || !utf8.ValidString(s) || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if !rawOK(r) {
			return false
		}
	}
	// Indicators, and anything that could start a number, a date or a special float (.inf).
	if c := s[0]; strings.IndexByte("-?:,[]{}#&*!|>'\"%@`+.~=<", c) >= 0 || (c >= '0' && c <= '9') {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}

// --- paths ----------------------------------------------------------------------------------------

// Limits of a post's path, so that no article, however many categories it has, makes a path that a
// file system, Node (ENAMETOOLONG) or Hexo's category pages cannot take.
const (
	// maxDepth is the most category directories a post is nested in, and the most categories its
	// front matter lists (Hexo nests category pages as deep).
	maxDepth = 8
	// maxPath is the longest relative path, in bytes: the directories take at most maxPath-maxName,
	// the file name the rest.
	maxPath = 1024
)

// postPath is the plain path of a's post: a directory per category, at most maxDepth of them and
// maxPath-maxName bytes together, then the file name; names as the site's permalink can publish them.
func postPath(a aggregator.Article, permalink string) string {
	var b strings.Builder
	depth := 0
	for _, c := range a.Categories {
		if depth == maxDepth {
			break
		}
		seg := pathSegment(urlSafe(c, permalink))
		if seg == "" {
			continue
		}
		if b.Len()+len(seg)+1 > maxPath-maxName {
			break
		}
		b.WriteString(seg)
		b.WriteByte('/')
		depth++
	}
	b.WriteString(cutBytes(urlSafe(fileBase(a), permalink), maxName-len(".md")))
	b.WriteString(".md")
	return b.String()
}

// fileBase is the script's file name — the sanitized title without newlines, '#' and '.' — made
// safe: no control or invisible format characters (which can hide or reorder a name on screen), and
// no leading '_', because Hexo skips every path segment under source/_posts that starts with '_' or
// '.' (isHiddenFile): the script's post for a title opening with “ was never published. A title with
// nothing left names the file after the article's ID.
func fileBase(a aggregator.Article) string {
	s := strings.Map(func(r rune) rune {
		if r == '#' || r == '.' || invisible(r) {
			return -1
		}
		return r
	}, sanitizeTitle(a.Title))
	s = strings.TrimLeft(s, "_")
	if s == "" {
		s = idToken(a.ID, len(a.ID))
	}
	if s == "" {
		s = "untitled"
	}
	return s
}

// invisible reports control, format and line/paragraph separator characters.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// pathSegment makes a category a directory name, or "" to skip it: the title's replacements (which
// take out '/' and '\'), no invisible characters, no surrounding blanks, no leading '.' or '_'
// (hidden from Hexo; and this is what leaves nothing of "." and ".."), and no ".md" at the end.
func pathSegment(c string) string {
	c = strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, sanitizeTitle(c))
	c = strings.TrimLeftFunc(c, func(r rune) bool { return r == '.' || r == '_' || unicode.IsSpace(r) })
	c = strings.TrimRightFunc(cutBytes(c, maxName), unicode.IsSpace)
	// A directory never ends in ".md", so that it can never be, or contain the name of, a post: a
	// category "foo.md" next to a post "foo.md" would otherwise need one name for both.
	if strings.HasSuffix(strings.ToLower(c), ".md") {
		c = cutBytes(c, maxName-1) + "_"
	}
	return c
}

// cutBytes cuts s to at most n bytes on a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// idToken is up to n letters and digits of an article ID, for file names.
func idToken(id string, n int) string {
	var b strings.Builder
	for i := 0; i < len(id) && b.Len() < n; i++ {
		if c := id[i]; c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// withSuffix is plain (a path from postPath) with "-suffix" before ".md", the name cut so that it
// still fits in maxName bytes.
func withSuffix(plain, suffix string) string {
	dir, name := path.Split(strings.TrimSuffix(plain, ".md"))
	return dir + cutBytes(name, maxName-len(".md")-len(suffix)-1) + "-" + suffix + ".md"
}
