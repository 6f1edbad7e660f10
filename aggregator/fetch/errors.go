package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors, wrapped (with the URL and details) by the errors that Fetch returns; test for them
// with errors.Is.
var (
	// ErrTooLarge: the body, after decompression, exceeds Options.MaxBodyBytes. Nothing of it is
	// returned.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects, or a redirect loop.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrPrivateNetwork: a redirect or another host reached while fetching a source resolved to a
	// loopback, private, link-local, CGNAT or otherwise internal address outside
	// Options.AllowNetworks. The source's own host:port is exempt.
	ErrPrivateNetwork = errors.New("private network address refused")
	// ErrNotFeed: the server answered with an HTML page (a login wall, an error page, a site's home
	// page) instead of a feed.
	ErrNotFeed = errors.New("html page instead of a feed")
	// ErrEmptyBody: a successful response carried no body, or only whitespace.
	ErrEmptyBody = errors.New("empty response body")
	// ErrRedirectScheme: a redirect pointed to a scheme other than http or https.
	ErrRedirectScheme = errors.New("redirect to a non-http scheme refused")
)

// StatusError is the error for a response whose status is neither 2xx nor 304. Callers decide the
// source's fate from StatusCode (410: disable; 429/503: wait until RetryAfter) without parsing text.
type StatusError struct {
	// URL is the URL that answered with the status, after redirects.
	URL        string
	StatusCode int
	// RetryAfter is when a 429 or 503 response asked to be retried (Retry-After, in seconds or as an
	// HTTP-date); zero when it did not say, said it unparsably, or for other statuses.
	RetryAfter time.Time
}

// Error says the status and the URL, and the retry time when there is one.
func (e *StatusError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fetch: get %s: status %d", e.URL, e.StatusCode)
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if !e.RetryAfter.IsZero() {
		b.WriteString(", retry after " + e.RetryAfter.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// maxRetryAfter bounds a Retry-After given in seconds, so that a hostile value neither overflows a
// time.Duration nor means "never"; backoff policy belongs to the caller, which may cap it lower.
const maxRetryAfter = 365 * 24 * time.Hour

// parseRetryAfter reads a Retry-After header value (RFC 9110 §10.2.3): delay-seconds or an
// HTTP-date. It returns the zero time when v is empty or unparsable.
func parseRetryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return time.Time{}
		}
		d := maxRetryAfter
		if secs < int64(maxRetryAfter/time.Second) {
			d = time.Duration(secs) * time.Second
		}
		return now.Add(d)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}
