package refresh

import (
	"bytes"
	"errors"
	"fmt"
)

// Caps on what one fetched feed may hold, beyond fetch's cap on its bytes. Both exist because the
// byte cap alone does not bound the work: a 15 MiB body can nest elements a million deep (gofeed
// parses extension elements recursively: about 1 GiB of heap and 512 MiB of stack, and a goroutine
// stack over 1 GiB is a fatal error that no recover catches), or list 200,000 items, which one bbolt
// transaction stores in minutes (its nodes split only at commit, so a huge transaction is quadratic)
// while every other source waits for the writer.
const (
	// DefaultMaxItems is Options.MaxItems' default: more than any real feed lists, and the largest
	// output limit.
	DefaultMaxItems = 10000
	// maxNesting is how deep a feed's elements may nest. Real feeds nest a handful of levels; Atom
	// XHTML content adds the depth of its markup.
	maxNesting = 1000
)

// ErrTooDeep is wrapped by the error of a refresh whose feed nests elements deeper than maxNesting.
var ErrTooDeep = errors.New("feed nests elements too deep")

// checkNesting returns an error wrapping ErrTooDeep when the XML document body nests elements deeper
// than max. It scans bytes (comments, CDATA sections, processing instructions and declarations are
// skipped) and mimics encoding/xml's non-strict mode, which gofeed uses: an end tag closes every
// element opened since the start tag of its name, so sloppy HTML left unclosed inside a description
// does not add up across items. JSON documents are not checked: encoding/json caps their depth.
func checkNesting(body []byte, max int) error {
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return nil
	}
	stack := make([][]byte, 0, 16)
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return nil
		}
		i += j
		rest := body[i:]
		var end int // length of the construct at rest, or -1 when it never ends
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = indexAfter(rest, 4, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end = indexAfter(rest, 9, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			end = indexAfter(rest, 2, "?>")
		case bytes.HasPrefix(rest, []byte("<!")):
			end = declEnd(rest)
		case bytes.HasPrefix(rest, []byte("</")):
			end = bytes.IndexByte(rest, '>') + 1
			if name := localName(rest[2:]); len(name) > 0 {
				for n := len(stack) - 1; n >= 0; n-- {
					if bytes.Equal(stack[n], name) {
						stack = stack[:n]
						break
					}
				}
			}
		default:
			name := localName(rest[1:])
			if len(name) == 0 { // a stray '<' in text
				i++
				continue
			}
			var empty bool
			end, empty = tagEnd(rest)
			if end > 0 && !empty {
				stack = append(stack, name)
				if len(stack) > max {
					return fmt.Errorf("more than %d levels: %w", max, ErrTooDeep)
				}
			}
		}
		if end <= 0 {
			return nil // unterminated: the parser reports it
		}
		i += end
	}
	return nil
}

// indexAfter returns the length of b up to and including the first sep at or after from, or -1.
func indexAfter(b []byte, from int, sep string) int {
	k := bytes.Index(b[from:], []byte(sep))
	if k < 0 {
		return -1
	}
	return from + k + len(sep)
}

// declEnd returns the length of a <!DOCTYPE …> or other declaration at the start of b, internal
// subset and quoted strings included, or -1.
func declEnd(b []byte) int {
	depth, quote := 0, byte(0)
	for i, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			depth++
		case c == '>':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// tagEnd returns the length of the start tag at the start of b, attribute values included, and
// whether it is an empty-element tag (<x/>); the length is -1 when the tag never ends.
func tagEnd(b []byte) (int, bool) {
	quote := byte(0)
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, b[i-1] == '/'
		}
	}
	return -1, false
}

// localName returns the local part of the element name at the start of b: encoding/xml matches end
// tags to start tags by it.
func localName(b []byte) []byte {
	n := 0
	for n < len(b) {
		c := b[n]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/' || c == '<' {
			break
		}
		n++
	}
	name := b[:n]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	if len(name) == 0 {
		return nil
	}
	if c := name[0]; !(c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
		return nil
	}
	return name
}
