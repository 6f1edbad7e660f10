package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// ErrCharset is wrapped by Decode's error when a body is not UTF-8 and no charset that it declares,
// that its HTTP response declares or that its source overrides turns it into text without losing
// more than a stray byte. Such a body is refused rather than passed on as mojibake.
var ErrCharset = errors.New("undecodable text")

// The charset names that Decode reports. Other charsets are reported by their WHATWG name
// ("windows-1252", "big5", "koi8-r", ...), as golang.org/x/net/html/charset names them.
const (
	charsetUTF8    = "utf-8"
	charsetGB18030 = "gb18030"
	charsetUTF16LE = "utf-16le"
	charsetUTF16BE = "utf-16be"
	charsetUTF32LE = "utf-32le"
	charsetUTF32BE = "utf-32be"
)

// maxPrologScan bounds how far Decode looks for the end of an XML declaration; a real one is short,
// and a bound keeps hostile input from making the look-up scan the whole body.
const maxPrologScan = 1024

// Decode turns a feed body into UTF-8 and reports the charset it was decoded from. contentType is
// the HTTP Content-Type (its charset parameter is used), override the source's configured encoding;
// either may be empty.
//
// The charset is chosen in this order, the first that applies winning:
//
//  1. A byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), or the BOM-less UTF-16/UTF-32 pattern
//     of a document that starts with an ASCII character such as "<" or "{" (XML 1.0 appendix F):
//     UTF-16 text of ASCII characters is valid UTF-8, so this must come before step 2. (When what
//     follows a UTF-8 BOM is not UTF-8, the declarations of step 3 get their chance too.)
//  2. Valid UTF-8: kept as is, whatever any label says. UTF-8 mislabelled as gb2312 stays correct
//     Chinese instead of becoming mojibake, and no work is done for the common case.
//  3. The encoding of the XML declaration, then the HTTP charset, then override, then UTF-8 (the
//     XML default): the first that decodes the body without a replacement character wins. If none
//     does, the one that needs the fewest replacements wins, as long as they are rare (at most one,
//     plus one per hundred correctly decoded non-ASCII characters): each undecodable sequence then
//     becomes U+FFFD, which is what the x/text decoders do (for UTF-8, one per invalid byte).
//     The same rule applies to UTF-16/32 with unpaired surrogates. Otherwise Decode fails with an
//     error wrapping ErrCharset that names every charset it tried, so a GBK feed that declares
//     nothing or declares utf-8 becomes a visible per-source error, never silent mojibake.
//
// Labels are looked up as browsers do (WHATWG, through golang.org/x/net/html/charset): us-ascii and
// iso-8859-1 mean windows-1252. The labels gb2312, gbk, cp936, euc-cn, x-gbk and their aliases all
// mean GB18030, a superset whose decoder also handles the 4-byte sequences that x/text's GBK decoder
// mangles. Unknown labels and labels of UTF-16/32 on bytes that are not UTF-16/32 are ignored (and
// named in the error if nothing else works). A single-byte charset (windows-1252, koi8-r, ...) can
// decode almost any bytes, so a wrong single-byte declaration is believed; the override cannot beat
// it, since the declaration comes first.
//
// JSON bodies (JSON Feed) go through the same steps; as UTF-8 is the only charset JSON allows, in
// practice that means a UTF-8 BOM is stripped and valid UTF-8 is kept.
//
// The result never starts with a BOM, and the encoding pseudo-attribute of an XML declaration that
// names anything but UTF-8 is blanked out with spaces (`<?xml version="1.0"                 ?>`), so
// that an XML parser such as gofeed's, which honours only the declaration, does not decode the text
// a second time. The result shares memory with body when body was already UTF-8 with nothing to
// rewrite; body itself is never modified.
func Decode(body []byte, contentType, override string) ([]byte, string, error) {
	out, name, _, err := decode(body, contentType, override)
	return out, name, err
}

// decode is Decode that also reports whether out was freshly allocated (fresh) or shares memory
// with body, so that Fetch copies only when it has to.
func decode(body []byte, contentType, override string) (out []byte, name string, fresh bool, err error) {
	// Step 1: byte order marks and the BOM-less UTF-16/32 patterns.
	enc, name, bomLen := sniffUnicode(body)
	var cands []candidate
	switch {
	case enc != nil:
		// UTF-16/32 is unmistakable: no declaration written in ASCII can apply to it.
		return decodeCandidates(body[bomLen:], []candidate{{label: "byte order mark", name: name, enc: enc}})
	case bomLen > 0:
		// A UTF-8 BOM comes first, but a body that is nowhere near UTF-8 behind it (a BOM glued onto
		// GBK by some tool) may still be rescued by its declarations below.
		body = body[bomLen:]
		cands = append(make([]candidate, 0, 5), candidate{label: "byte order mark", name: charsetUTF8})
	case utf8.Valid(body):
		// Step 2: valid UTF-8 wins over every label.
		out, fresh := rewriteProlog(body, false)
		return out, charsetUTF8, fresh, nil
	default:
		cands = make([]candidate, 0, 4)
	}
	// Step 3: declarations in order, then the XML default.
	if label, _, _ := prologEncoding(body); len(label) > 0 {
		cands = append(cands, lookup("xml declaration", string(label)))
	}
	if label := contentTypeCharset(contentType); label != "" {
		cands = append(cands, lookup("http charset", label))
	}
	if override != "" {
		cands = append(cands, lookup("source encoding", override))
	}
	cands = append(cands, candidate{label: "xml default", name: charsetUTF8})
	out, name, fresh, err = decodeCandidates(body, cands)
	if err != nil && override == "" {
		err = withEncodingHint(err, body)
	}
	return out, name, fresh, err
}

// hintCharsets are the multi-byte charsets that feeds are written in without saying so. Each is
// tried on an undecodable body only to suggest the source's encoding, never to decode it: guessing
// would turn a wrong guess into silent mojibake.
var hintCharsets = []string{"gbk", "big5", "shift_jis", "euc-kr"}

// withEncodingHint adds to a Decode error the source setting that would decode body: the charsets of
// hintCharsets that decode it without a single replacement character, the first one suggested.
func withEncodingHint(err error, body []byte) error {
	var fits []string
	for _, h := range hintCharsets {
		c := lookup("hint", h)
		out, terr := transcode(c.enc, body)
		if terr != nil {
			continue
		}
		var bad, ok int
		if countReplacements(out, &bad, &ok); bad == 0 && ok > 0 {
			fits = append(fits, h)
		}
	}
	if len(fits) == 0 {
		return fmt.Errorf("%w: if you know the feed's charset, set encoding = \"...\" in the source's [[source]] block", err)
	}
	return fmt.Errorf("%w: it decodes without errors as %s: set encoding = %q (or the feed's real charset) in the source's [[source]] block",
		err, strings.Join(fits, " or "), fits[0])
}

// CheckEncoding reports an error when label, a source's configured encoding, is not a charset that
// Decode can use as an override.
func CheckEncoding(label string) error {
	if lookup("source encoding", label).name == "" {
		return errors.New("unknown or unusable charset: use a WHATWG label such as \"gbk\", \"big5\", \"shift_jis\" or \"windows-1252\"")
	}
	return nil
}

// candidate is one charset that a body might be in, and where Decode heard of it.
type candidate struct {
	label   string // where the charset was named: "xml declaration", "http charset", ...
	declare string // the label as written, for error messages
	name    string // canonical name; empty when the label is unknown or unusable
	enc     encoding.Encoding
}

// lookup resolves a charset label from one source of truth. UTF-8 is handled without x/text (its
// decoder would only cost a copy), GB labels are widened to GB18030, and UTF-16/32 labels are unusable
// here because step 1 already recognised every UTF-16/32 body that starts the way a feed does.
func lookup(label, declared string) candidate {
	c := candidate{label: label, declare: declared}
	l := strings.ToLower(strings.Trim(declared, " \t\"'"))
	switch l {
	case "gb2312", "gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "x-gbk", "gb18030",
		"csgb2312", "chinese", "iso-ir-58", "gb_2312", "gb_2312-80", "csiso58gb231280", "936":
		c.name, c.enc = charsetGB18030, simplifiedchinese.GB18030
		return c
	case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
		c.name = charsetUTF8
		return c
	}
	if strings.HasPrefix(l, "utf-16") || strings.HasPrefix(l, "utf-32") || strings.HasPrefix(l, "utf16") ||
		strings.HasPrefix(l, "utf32") || strings.HasPrefix(l, "utf_16") || strings.HasPrefix(l, "utf_32") ||
		l == "u16" || l == "u32" || strings.HasPrefix(l, "ucs-") || l == "unicode" || l == "unicodefffe" {
		return c
	}
	enc, name := charset.Lookup(l)
	if enc == nil || name == "replacement" || name == "utf-16le" || name == "utf-16be" {
		// "replacement" decodes every document to one U+FFFD: worse than an error.
		return c
	}
	if name == "gbk" { // WHATWG's own GB label group: widen it too.
		name, enc = charsetGB18030, simplifiedchinese.GB18030
	}
	c.name, c.enc = name, enc
	return c
}

// decodeCandidates decodes body with the first candidate that needs no replacement character, else
// with the one that needs the fewest if they are rare, else fails naming every candidate.
func decodeCandidates(body []byte, cands []candidate) ([]byte, string, bool, error) {
	type result struct {
		out     []byte // nil for UTF-8, which is repaired only if it is chosen
		bad, ok int    // replacement characters needed, non-ASCII characters decoded correctly
		name    string
	}
	var (
		best    result
		found   bool
		tried   = make([]string, 0, len(cands))
		reports = make([]string, 0, len(cands))
	)
	for _, c := range cands {
		if c.name == "" {
			reports = append(reports, fmt.Sprintf("%s %q: unknown or unusable charset", c.label, c.declare))
			continue
		}
		if slices.Contains(tried, c.name) {
			continue
		}
		tried = append(tried, c.name)
		r := result{name: c.name}
		if c.enc == nil {
			if r.bad, r.ok = utf8Stats(body); r.bad == 0 {
				out, fresh := rewriteProlog(body, false)
				return out, r.name, fresh, nil
			}
		} else {
			out, err := transcode(c.enc, body)
			if err != nil { // x/text decoders replace rather than fail; this is defensive.
				reports = append(reports, fmt.Sprintf("%s %s: %v", c.label, c.name, err))
				continue
			}
			r.out = out
			if countReplacements(out, &r.bad, &r.ok); r.bad == 0 {
				out, _ := rewriteProlog(out, true)
				return out, r.name, true, nil
			}
		}
		reports = append(reports, fmt.Sprintf("%s %s: %d undecodable sequences", c.label, c.name, r.bad))
		if !found || r.bad < best.bad {
			best, found = r, true
		}
	}
	if found && rareReplacements(best.bad, best.ok) {
		if best.out == nil {
			best.out = toValidUTF8(body)
		}
		out, _ := rewriteProlog(best.out, true)
		return out, best.name, true, nil
	}
	return nil, "", false, fmt.Errorf("body is not valid utf-8 and no charset decodes it (%s): %w",
		strings.Join(reports, "; "), ErrCharset)
}

// rareReplacements says whether bad replacement characters are few enough, next to ok correctly
// decoded non-ASCII characters, to be a stray corrupt byte rather than a wrong charset: at most one,
// plus one per hundred good characters. A wrong charset garbles nearly every non-ASCII character.
func rareReplacements(bad, ok int) bool { return bad <= 1+ok/100 }

// sniffUnicode recognises a byte order mark, or the first characters of a UTF-16 or UTF-32 document
// without one: every feed starts with an ASCII character ("<", "{", whitespace), and in UTF-16/32
// that character comes with zero bytes that valid XML or JSON text never contains. It returns the
// encoding (nil for UTF-8), its name and the length of the BOM to skip; enc == nil && bomLen == 0
// means "not recognised".
func sniffUnicode(b []byte) (enc encoding.Encoding, name string, bomLen int) {
	switch {
	case len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), charsetUTF32BE, 4
	case len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), charsetUTF32LE, 4
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return nil, charsetUTF8, 3
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), charsetUTF16BE, 2
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), charsetUTF16LE, 2
	}
	if len(b) < 4 {
		return nil, "", 0
	}
	ascii := func(c byte) bool { return c != 0 && c < 0x80 }
	switch {
	case b[0] == 0 && b[1] == 0 && b[2] == 0 && ascii(b[3]):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), charsetUTF32BE, 0
	case ascii(b[0]) && b[1] == 0 && b[2] == 0 && b[3] == 0:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), charsetUTF32LE, 0
	case b[0] == 0 && ascii(b[1]) && b[2] == 0 && ascii(b[3]):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), charsetUTF16BE, 0
	case ascii(b[0]) && b[1] == 0 && ascii(b[2]) && b[3] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), charsetUTF16LE, 0
	}
	return nil, "", 0
}

// transcode decodes src with enc into a new UTF-8 slice, sized up front for the common cases
// (CJK: 2 bytes become 3) so that it rarely grows.
func transcode(enc encoding.Encoding, src []byte) ([]byte, error) {
	dec := enc.NewDecoder()
	dst := make([]byte, 0, len(src)+len(src)/2+64)
	for {
		n, m, err := dec.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+n]
		src = src[m:]
		switch {
		case err == nil:
			return dst, nil
		case errors.Is(err, transform.ErrShortDst):
			dst = slices.Grow(dst, cap(dst)+64)
		default:
			return nil, err
		}
	}
}

// utf8Stats counts the bytes of b that are not part of a valid UTF-8 sequence (bad) and the valid
// non-ASCII characters (ok), without copying.
func utf8Stats(b []byte) (bad, ok int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			ok++
		}
		i += size
	}
	return bad, ok
}

// toValidUTF8 returns a copy of b with each byte that is not part of a valid UTF-8 sequence replaced
// by U+FFFD, one per byte (bytes.ToValidUTF8 would merge runs, hiding how much was lost).
func toValidUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+64)
	last := 0 // b[last:i] is valid and not yet copied
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		out = append(out, b[last:i]...)
		out = append(out, "\uFFFD"...)
		i++
		last = i
	}
	return append(out, b[last:]...)
}

// countReplacements adds to bad the U+FFFD characters of UTF-8 text and to ok its other non-ASCII
// characters.
func countReplacements(b []byte, bad, ok *int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0xC0 {
			continue
		}
		if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBF && b[i+2] == 0xBD {
			*bad++
		} else {
			*ok++
		}
	}
}

// contentTypeCharset returns the charset parameter of an HTTP Content-Type, tolerating the spacing
// and quoting that real servers send (`charset= 'us-ascii'`); mime.ParseMediaType rejects some of it.
func contentTypeCharset(ct string) string {
	_, params, found := strings.Cut(ct, ";")
	if !found {
		return ""
	}
	for p := range strings.SplitSeq(params, ";") {
		k, v, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "charset") {
			continue
		}
		return strings.Trim(v, " \t\"'")
	}
	return ""
}

// prologEncoding finds the encoding pseudo-attribute of an XML declaration at the start of b (after
// ASCII whitespace, which some servers emit) and returns its value (a sub-slice of b, so the common
// case allocates nothing) and the byte range of the whole attribute, `encoding="..."`; label is empty
// when there is none.
func prologEncoding(b []byte) (label []byte, start, end int) {
	i := 0
	for i < len(b) && i < maxPrologScan && isSpace(b[i]) {
		i++
	}
	if !bytes.HasPrefix(b[i:], []byte("<?xml")) || i+5 >= len(b) || !isSpace(b[i+5]) {
		return nil, 0, 0
	}
	declEnd := bytes.Index(b[i:min(len(b), i+maxPrologScan)], []byte("?>"))
	if declEnd < 0 {
		return nil, 0, 0
	}
	decl := b[:i+declEnd]
	for j := i + 5; j < len(decl); {
		k := bytes.Index(decl[j:], []byte("encoding"))
		if k < 0 {
			return nil, 0, 0
		}
		k += j
		j = k + len("encoding")
		if !isSpace(decl[k-1]) {
			continue
		}
		p := j
		for p < len(decl) && isSpace(decl[p]) {
			p++
		}
		if p >= len(decl) || decl[p] != '=' {
			continue
		}
		p++
		for p < len(decl) && isSpace(decl[p]) {
			p++
		}
		if p >= len(decl) || (decl[p] != '"' && decl[p] != '\'') {
			return nil, 0, 0
		}
		q := bytes.IndexByte(decl[p+1:], decl[p])
		if q < 0 {
			return nil, 0, 0
		}
		return decl[p+1 : p+1+q], k, p + 2 + q
	}
	return nil, 0, 0
}

// rewriteProlog blanks out an XML declaration's encoding attribute unless it names UTF-8, so that
// the parser reads the (now UTF-8) text as UTF-8. Spaces keep the length, so fresh output is edited in
// place; output that shares memory with the caller's body is copied first. It reports whether the
// result is fresh.
func rewriteProlog(b []byte, fresh bool) ([]byte, bool) {
	label, start, end := prologEncoding(b)
	if len(label) == 0 || bytes.EqualFold(label, []byte("utf-8")) {
		return b, fresh
	}
	if !fresh {
		b = bytes.Clone(b)
	}
	for i := start; i < end; i++ {
		b[i] = ' '
	}
	return b, true
}

// isSpace reports XML whitespace.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
