package hexo

import (
	"bytes"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// A post is tributary's and the site's at once: tributary owns the keys it writes in the front
// matter and the body; a site's plugins (hexo-abbrlink writes `abbrlink:`, others `updated:` or
// `permalink:`) add keys of their own. Sync compares and rewrites only its own part and carries the
// other keys over, so that a plugin's key neither makes every post look changed on every run nor is
// lost when an article changes.
//
// The front matter is read line by line, conservatively, not as YAML: a top-level line "key: …"
// starts a key, and the lines after it that are indented, list items ("- …"), comments or blank
// belong to it. A file whose front matter cannot be found that way has no foreign keys.

// splitFront splits a post into what comes before its front matter's lines (up to and including the
// opening "---" line), those lines, and the rest (from the closing "---" line on). ok is false when
// the post has no front matter.
func splitFront(b []byte) (head []byte, lines [][]byte, rest []byte, ok bool) {
	i := 0
	// Blank lines before the opening "---", as the seed's posts have one.
	for i < len(b) && (b[i] == '\n' || b[i] == '\r') {
		i++
	}
	open, n := line(b[i:])
	if string(bytes.TrimRight(open, "\r")) != "---" {
		return nil, nil, nil, false
	}
	i += n
	head = b[:i]
	for i < len(b) {
		l, n := line(b[i:])
		if t := string(bytes.TrimRight(l, "\r")); t == "---" || t == "..." {
			return head, lines, b[i:], true
		}
		lines = append(lines, b[i:i+n])
		i += n
	}
	return nil, nil, nil, false
}

// line returns the first line of b without its "\n", and the bytes it takes with it.
func line(b []byte) ([]byte, int) {
	if j := bytes.IndexByte(b, '\n'); j >= 0 {
		return b[:j], j + 1
	}
	return b, len(b)
}

// topKey is the key a top-level front-matter line starts, or "" for a line that continues the one
// before (indented, a list item, a comment, blank).
func topKey(l []byte) string {
	if len(l) == 0 {
		return ""
	}
	switch l[0] {
	case ' ', '\t', '-', '#', '\n', '\r':
		return ""
	}
	j := bytes.IndexByte(l, ':')
	if j <= 0 {
		return ""
	}
	return strings.TrimSpace(string(l[:j]))
}

// blocks groups front-matter lines by the top-level key they belong to; lines before the first key
// belong to the key "".
type block struct {
	key   string
	lines [][]byte
}

func blocks(lines [][]byte) []block {
	var out []block
	for _, l := range lines {
		if k := topKey(l); k != "" || len(out) == 0 {
			out = append(out, block{key: k})
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, l)
	}
	return out
}

// ownKeys are the top-level keys of a post tributary renders.
func ownKeys(content []byte) map[string]bool {
	_, lines, _, _ := splitFront(content)
	keys := map[string]bool{}
	for _, bl := range blocks(lines) {
		keys[bl.key] = true
	}
	return keys
}

// foreignLines are the lines of the front-matter keys of disk (a post as found) that are not
// tributary's (not in own), in their order and verbatim.
func foreignLines(disk []byte, own map[string]bool) []byte {
	_, lines, _, ok := splitFront(disk)
	if !ok {
		return nil
	}
	var out []byte
	for _, bl := range blocks(lines) {
		if bl.key == "" || own[bl.key] {
			continue
		}
		for _, l := range bl.lines {
			out = append(out, l...)
			if !bytes.HasSuffix(l, []byte("\n")) {
				out = append(out, '\n')
			}
		}
	}
	return out
}

// ownPart is disk without the front-matter keys that are not in own: what tributary wrote, if
// nothing but foreign keys was added.
func ownPart(disk []byte, own map[string]bool) []byte {
	head, lines, rest, ok := splitFront(disk)
	if !ok {
		return disk
	}
	out := make([]byte, 0, len(disk))
	out = append(out, head...)
	for _, bl := range blocks(lines) {
		if bl.key != "" && !own[bl.key] {
			continue
		}
		for _, l := range bl.lines {
			out = append(out, l...)
		}
	}
	return append(out, rest...)
}

// withForeign is content (a rendered post) with the foreign lines added at the end of its front
// matter.
func withForeign(content, foreign []byte) []byte {
	if len(foreign) == 0 {
		return content
	}
	head, lines, rest, ok := splitFront(content)
	if !ok {
		return content
	}
	out := make([]byte, 0, len(content)+len(foreign))
	out = append(out, head...)
	for _, l := range lines {
		out = append(out, l...)
	}
	out = append(out, foreign...)
	return append(out, rest...)
}

// setKey puts the line "key: value" at the end of content's front matter (a key the options add to
// what Render writes).
func setKey(content []byte, key, value string) []byte {
	return withForeign(content, []byte(key+": "+value+"\n"))
}

// sameMeaning reports whether a post found on disk says what content (a rendered post) says, though
// not in the same bytes: a plugin that rewrites the whole front matter in its own layout (hexo-abbrlink
// re-serializes it with js-yaml on every build) leaves tributary's keys with the same values and the
// body with the same text. Keys are compared as YAML values, the body without its surrounding blanks.
func sameMeaning(found, content []byte, own map[string]bool) bool {
	_, fl, frest, ok := splitFront(found)
	if !ok {
		return false
	}
	_, cl, crest, ok := splitFront(content)
	if !ok || !bytes.Equal(body(frest), body(crest)) {
		return false
	}
	var fm, cm map[string]any
	if yaml.Unmarshal(bytes.Join(fl, nil), &fm) != nil || yaml.Unmarshal(bytes.Join(cl, nil), &cm) != nil {
		return false
	}
	for k := range own {
		if k == "" {
			continue
		}
		fv, fok := fm[k]
		cv, cok := cm[k]
		if fok != cok || !reflect.DeepEqual(fv, cv) {
			return false
		}
	}
	return true
}

// body is the text of a post after its front matter (rest, from the closing line on), without
// surrounding blanks.
func body(rest []byte) []byte {
	_, n := line(rest)
	return bytes.TrimSpace(rest[n:])
}
