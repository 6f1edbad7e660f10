package feeds

import (
	"net/http"
	"strings"
	"time"
)

// The request headers are parsed by hand, without allocating, because every cached response goes
// through them: a 304 must cost about what a bare net/http 304 costs.

// encoding is a content coding a feed is served in. The order is the preference on a tie of
// q-values: the smaller the bytes, the later in the list.
type encoding uint8

const (
	encIdentity encoding = iota
	encGzip
	encZstd
	numEncodings
)

// String returns the coding's token, as Content-Encoding names it.
func (c encoding) String() string {
	switch c {
	case encGzip:
		return "gzip"
	case encZstd:
		return "zstd"
	}
	return "identity"
}

const (
	// qMalformed is the weight of a coding whose q-value cannot be read ("q=abc", "q=0.0000",
	// "q=1.5"): acceptable, since the client named it, but below any coding it weighed properly.
	qMalformed = 1
	// qImplicitIdentity is the weight of identity when neither it nor "*" is named: acceptable
	// (RFC 9110 §12.5.3), but a client that lists a content coding prefers it at any weight.
	qImplicitIdentity = 1
)

// chooseEncoding returns the coding to serve for the Accept-Encoding field values (RFC 9110
// §12.5.3): the acceptable one with the highest q-value, zstd before gzip before identity on a tie.
// Codings are matched without regard to case, x-gzip as gzip; "*" weighs every coding not named;
// a coding named twice gets its best weight. When every coding is refused it returns identity all
// the same: a feed is more use to a client than a 406.
func chooseEncoding(values []string) encoding {
	zstd, gzip, identity := codingWeights(values)
	// Checked from the least preferred up, each winning ties against those before it.
	best, bestQ := encIdentity, identity
	if gzip > 0 && gzip >= bestQ {
		best, bestQ = encGzip, gzip
	}
	if zstd > 0 && zstd >= bestQ {
		best = encZstd
	}
	return best
}

// AcceptsGzip reports whether a response that exists gzipped and as it is (a handler outside this
// package, /metrics) should be sent gzipped for the Accept-Encoding field values: gzip acceptable
// and weighed at least as high as identity, as chooseEncoding decides between those two.
func AcceptsGzip(values []string) bool {
	_, gzip, identity := codingWeights(values)
	return gzip > 0 && gzip >= identity
}

// codingWeights returns the weights in thousandths that the Accept-Encoding field values give
// zstd, gzip and identity (see chooseEncoding): -1 for a coding neither named nor covered by "*";
// identity, when neither it nor "*" is named, weighs qImplicitIdentity.
func codingWeights(values []string) (zstd, gzip, identity int) {
	// Weights in thousandths; -1 for a coding not named.
	zstd, gzip, identity, star := -1, -1, -1, -1
	for _, v := range values {
		for v != "" {
			var elem string
			if i := strings.IndexByte(v, ','); i >= 0 {
				elem, v = v[:i], v[i+1:]
			} else {
				elem, v = v, ""
			}
			coding, params, _ := strings.Cut(elem, ";")
			coding = strings.TrimSpace(coding)
			var q *int
			switch {
			case asciiEqualFold(coding, "zstd"):
				q = &zstd
			case asciiEqualFold(coding, "gzip"), asciiEqualFold(coding, "x-gzip"):
				q = &gzip
			case asciiEqualFold(coding, "identity"):
				q = &identity
			case coding == "*":
				q = &star
			default:
				continue
			}
			*q = max(*q, qValue(params))
		}
	}
	if zstd < 0 {
		zstd = star
	}
	if gzip < 0 {
		gzip = star
	}
	if identity < 0 {
		identity = star
		if star < 0 {
			identity = qImplicitIdentity
		}
	}
	return zstd, gzip, identity
}

// qValue returns the weight, in thousandths, that the parameters of one Accept-Encoding element
// give it: 1000 without a q parameter, qMalformed for an unreadable one.
func qValue(params string) int {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(p, "=")
		if !ok || !asciiEqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, ok := parseQValue(strings.TrimSpace(value))
		if !ok {
			return qMalformed
		}
		return q
	}
	return 1000
}

// parseQValue parses an RFC 9110 §12.4.2 qvalue, ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ),
// into thousandths.
func parseQValue(s string) (int, bool) {
	if s == "" || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	q := int(s[0]-'0') * 1000
	frac := s[1:]
	if frac == "" {
		return q, true
	}
	if frac[0] != '.' || len(frac) > 4 {
		return 0, false
	}
	for i, scale := 1, 100; i < len(frac); i, scale = i+1, scale/10 {
		c := frac[i]
		if c < '0' || c > '9' || (q == 1000 && c != '0') {
			return 0, false
		}
		q += int(c-'0') * scale
	}
	return q, true
}

// asciiEqualFold reports whether s equals the lower-case ASCII token t without regard to ASCII
// case. Tokens are ASCII: strings.EqualFold would also take "ſ" (U+017F) for "s" and the Kelvin
// sign for "k".
func asciiEqualFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != t[i] {
			return false
		}
	}
	return true
}

// etagMatches reports whether an If-None-Match field (its values, as a list) matches etag, a quoted
// strong entity tag, with the weak comparison RFC 9110 §13.1.2 prescribes: "*" matches any current
// representation and W/ prefixes are ignored. A malformed list matches nothing from the error on.
func etagMatches(values []string, etag string) bool {
	for _, v := range values {
		for {
			v = strings.TrimLeft(v, " \t,")
			if v == "" {
				break
			}
			if v[0] == '*' {
				return true
			}
			v = strings.TrimPrefix(v, "W/")
			if len(v) < 2 || v[0] != '"' {
				break
			}
			end := strings.IndexByte(v[1:], '"')
			if end < 0 {
				break
			}
			if v[:end+2] == etag {
				return true
			}
			v = v[end+2:]
		}
	}
	return false
}

// notModified evaluates the request's preconditions for a GET or HEAD of the representation tagged
// etag and last modified at lastMod (whose IMF-fixdate is lastModStr), as RFC 9110 §13.2.2 orders
// them: If-None-Match when present, else If-Modified-Since.
func notModified(h http.Header, etag string, lastMod time.Time, lastModStr string) bool {
	if inm := h["If-None-Match"]; len(inm) > 0 {
		return etagMatches(inm, etag)
	}
	ims := h["If-Modified-Since"]
	if len(ims) != 1 {
		return false
	}
	if ims[0] == lastModStr {
		// The client sends back what we sent it: no date to parse.
		return true
	}
	t, err := http.ParseTime(ims[0])
	if err != nil {
		return false
	}
	return !lastMod.After(t)
}
