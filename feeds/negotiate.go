package feeds

import (
	"net/http"
	"strings"
	"time"
)

// The request headers are parsed by hand, without allocating, because every cached response goes
// through them: a 304 must cost about what a bare net/http 304 costs.

// acceptsGzip reports whether the Accept-Encoding field values accept gzip (RFC 9110 §12.5.3):
// gzip or x-gzip, else "*", with a q-value that is not zero.
func acceptsGzip(values []string) bool {
	gzip, star := -1, -1 // -1 unmentioned, 0 refused (q=0), 1 accepted
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
			ok := 1
			if qIsZero(params) {
				ok = 0
			}
			switch {
			case strings.EqualFold(coding, "gzip"), strings.EqualFold(coding, "x-gzip"):
				// The most preferred mention wins if a client lists gzip twice.
				gzip = max(gzip, ok)
			case coding == "*":
				star = max(star, ok)
			}
		}
	}
	if gzip >= 0 {
		return gzip == 1
	}
	return star == 1
}

// qIsZero reports whether the parameters of one Accept-Encoding element hold a q-value of 0
// ("q=0", "q=0.", "q=0.000"). An unreadable q-value is not taken as a refusal.
func qIsZero(params string) bool {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		value = strings.TrimSpace(value)
		if value == "" || value[0] != '0' {
			return false
		}
		value = value[1:]
		if value == "" {
			return true
		}
		if value[0] != '.' || len(value) > 4 {
			return false
		}
		for i := 1; i < len(value); i++ {
			if value[i] != '0' {
				return false
			}
		}
		return true
	}
	return false
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
