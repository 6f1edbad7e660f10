// Package fetch downloads one feed over HTTP and hands back its body as UTF-8, ready for a parser
// that trusts only the XML declaration (gofeed).
//
// It exists because a feed daemon talks to servers it does not control: a Client does conditional
// GETs (ETag, Last-Modified, 304), decompresses gzip itself so that the body cap applies to what is
// unpacked (a gzip bomb is refused at the cap), bounds every fetch by one deadline that includes
// reading the body (a server trickling a byte a second ends at the deadline), follows a bounded number
// of http(s) redirects, refuses redirects into the operator's own network at dial time, turns error
// statuses into a StatusError that carries Retry-After, and tells an HTML page from a feed.
// Decode, the charset layer, is exported for the conformance suite: Chinese sources in GBK declared
// as gb2312, UTF-8 mislabelled gb2312, Big5, UTF-16 come out as exact text or a clear error, never as
// mojibake.
//
// The package does no logging and keeps no state between fetches beyond pooled buffers and idle
// connections: what to do about an error (back off, disable a source) is the caller's decision.
package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"
)

// Defaults applied by New to zero Options fields. They match the [fetch] defaults of config.toml.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBodyBytes = 15 << 20
	DefaultMaxRedirects = 10
	DefaultUserAgent    = "tributary"
)

// acceptHeader prefers feed types, then generic XML and JSON; anything else is still accepted,
// since many servers label feeds text/html or text/plain.
const acceptHeader = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"

// Buffer sizing: bodies are read into pooled buffers that grow by doubling from minReadBuffer, and
// buffers larger than maxPooledBuffer are dropped rather than pooled, so that one huge feed does not
// pin its memory for the life of the process.
const (
	minReadBuffer   = 64 << 10
	maxPooledBuffer = 4 << 20
	drainLimit      = 64 << 10 // bytes of an error response read to let its connection be reused
)

// Options configures a Client. The zero value of each field means its default.
type Options struct {
	// Timeout bounds one whole fetch: connecting, redirects, headers and reading the body.
	// Default DefaultTimeout.
	Timeout time.Duration
	// MaxBodyBytes caps the body after decompression; a longer body fails with ErrTooLarge.
	// Default DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// UserAgent is sent with every request. Default DefaultUserAgent.
	UserAgent string
	// MaxRedirects is how many redirects one fetch follows; 0 means DefaultMaxRedirects, a negative
	// value means none.
	MaxRedirects int
	// AllowNetworks lists internal networks (say 10.0.0.0/8) that redirects may lead to. The host:port
	// of each Request.URL is always allowed without being listed.
	AllowNetworks []netip.Prefix
	// Transport replaces the Client's own transports; it is for tests only. With it, the
	// private-network check (which lives in the Client's dialer) does not apply.
	Transport http.RoundTripper
	// Now is the clock that a Retry-After in seconds counts from; nil means time.Now. For tests.
	Now func() time.Time
}

// Client fetches feeds. It is safe for concurrent use by many goroutines and should be shared: it
// keeps connections alive between fetches of sources on the same host.
type Client struct {
	timeout      time.Duration
	maxBody      int64
	userAgent    string
	maxRedirects int
	now          func() time.Time

	hc    *http.Client
	route *routeTransport // nil when Options.Transport is set

	bufs  sync.Pool // *[]byte read buffers
	gzips sync.Pool // *gunzipper
}

// New returns a Client configured by o, with its own transports: timeouts for dialling, TLS and
// response headers, HTTP/2 when the server offers it, keep-alive connections with room for the many
// sources that share one RSSHub host, no proxy (a proxy would defeat the private-network check, which
// must see the address actually dialled), and no transparent decompression (Fetch decompresses, so
// that its cap counts unpacked bytes).
func New(o Options) *Client {
	c := &Client{
		timeout:      o.Timeout,
		maxBody:      o.MaxBodyBytes,
		userAgent:    o.UserAgent,
		maxRedirects: o.MaxRedirects,
		now:          o.Now,
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBodyBytes
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent
	}
	switch {
	case c.maxRedirects == 0:
		c.maxRedirects = DefaultMaxRedirects
	case c.maxRedirects < 0:
		c.maxRedirects = 0
	}
	if c.now == nil {
		c.now = time.Now
	}

	rt := o.Transport
	if rt == nil {
		g := guard{allow: slices.Clone(o.AllowNetworks), deny: internalNetworks()}
		dialTimeout := min(10*time.Second, c.timeout)
		plain := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
		guarded := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: g.control}
		c.route = &routeTransport{
			trusted: newTransport(plain, c.timeout),
			guarded: newTransport(guarded, c.timeout),
		}
		rt = c.route
	}
	c.hc = &http.Client{Transport: rt, CheckRedirect: c.checkRedirect}
	return c
}

// newTransport builds one of the Client's two transports around dialer.
func newTransport(dialer *net.Dialer, timeout time.Duration) *http.Transport {
	return &http.Transport{
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true, // a custom DialContext would otherwise turn HTTP/2 off
		TLSHandshakeTimeout: min(10*time.Second, timeout),
		// The fetch's deadline ends a wait for headers with a clear "timed out"; this is a backstop.
		ResponseHeaderTimeout:  timeout + time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           256,
		MaxIdleConnsPerHost:    32, // many RSSHub routes live on one host
		IdleConnTimeout:        90 * time.Second,
		DisableCompression:     true,
		MaxResponseHeaderBytes: 1 << 20,
	}
}

// CloseIdleConnections closes connections kept alive for reuse; call it when shutting down or
// after a configuration reload.
func (c *Client) CloseIdleConnections() {
	if c.route != nil {
		c.route.closeIdleConnections()
		return
	}
	c.hc.CloseIdleConnections()
}

// Request says what to fetch and what the previous fetch of the same source remembered.
type Request struct {
	// URL is the source's configured URL. Its host:port is trusted even on a private network.
	URL string
	// ETag and LastModified are the validators of the last successful fetch, sent as If-None-Match
	// and If-Modified-Since; empty means unconditional.
	ETag         string
	LastModified string
	// Encoding is the source's charset override (Source.Encoding), used by Decode when the body's own
	// signals are missing or wrong.
	Encoding string
}

// Response is the result of a successful fetch: a feed body, or a 304.
type Response struct {
	// NotModified is true for a 304: Body is nil and the stored articles are still current.
	NotModified bool
	StatusCode  int
	// Body is the feed as UTF-8, without a BOM, with an XML declaration's encoding attribute removed
	// when it named another charset (see Decode). Nil when NotModified.
	Body []byte
	// Charset is the charset Body was decoded from ("utf-8", "gb18030", "big5", ...).
	Charset string
	// ETag and LastModified are the validators to send next time. A 304 that carries none keeps
	// the ones of the Request.
	ETag         string
	LastModified string
	// ContentType is the Content-Type header as sent.
	ContentType string
	// URL is the final URL, after redirects.
	URL string
	// Links holds the response's Link header values (at most maxLinks), where WebSub hubs are
	// advertised.
	Links []string
	// WireBytes counts the body bytes read from the network, before decompression.
	WireBytes int64

	// buf is the Client's pooled read buffer that Body lies in, nil when Body has a buffer of its
	// own (a charset was decoded); Release gives it back.
	buf    *[]byte
	client *Client
}

// Release gives Body's buffer back to the Client for a later fetch and sets Body to nil; call it
// once Body is no longer used, and keep nothing that points into it. A feed of 200 KB then costs no
// body-sized allocation (and no copy) per fetch. A Response that is never released is left to the
// garbage collector, which is never wrong, only slower; a second Release does nothing.
func (r *Response) Release() {
	if r == nil {
		return
	}
	c, bp := r.client, r.buf
	r.Body, r.buf, r.client = nil, nil, nil
	if bp != nil {
		c.putBuf(bp)
	}
}

// Fetch downloads r.URL within the Client's timeout (and ctx) and returns its body as UTF-8.
//
// Errors say what failed and where. They wrap a *StatusError for statuses other than 2xx and 304;
// ErrTooLarge, ErrTooManyRedirects, ErrRedirectScheme, ErrPrivateNetwork, ErrNotFeed,
// ErrEmptyBody or ErrCharset; context.DeadlineExceeded when the timeout expired; or the
// network error. A failed fetch never returns a partial body.
//
// The Body may lie in one of the Client's pooled read buffers: call Release when done with it.
func (c *Client) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: invalid url: %w", r.URL, err)
	}
	if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch: get %s: not an absolute http(s) url", r.URL)
	}
	if ctx == nil { // a programming error, but one that must not panic a daemon
		ctx = context.Background()
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	ctx = context.WithValue(ctx, trustedHostKey{}, hostPort(u))

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: %w", r.URL, err)
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", acceptHeader)
	req.Header.Set("Accept-Encoding", "gzip")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.fail(parent, ctx, r.URL, "", err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	where := r.URL
	if final != r.URL {
		where = r.URL + " (redirected to " + final + ")"
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		wire, _ := io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		return &Response{
			NotModified:  true,
			StatusCode:   resp.StatusCode,
			ETag:         orElse(resp.Header.Get("ETag"), r.ETag),
			LastModified: orElse(resp.Header.Get("Last-Modified"), r.LastModified),
			ContentType:  resp.Header.Get("Content-Type"),
			URL:          final,
			WireBytes:    wire,
		}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		se := &StatusError{URL: final, StatusCode: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.now())
		}
		return nil, se
	}

	ct := resp.Header.Get("Content-Type")
	bp, wire, err := c.readBody(resp)
	if err != nil {
		return nil, c.fail(parent, ctx, where, "reading the body", err)
	}
	lent := false // Body lies in bp: the Response holds it until Release
	defer func() {
		if !lent {
			c.putBuf(bp)
		}
	}()
	raw := *bp
	if len(bytes.TrimLeft(raw, " \t\r\n")) == 0 {
		return nil, fmt.Errorf("fetch: get %s: status %d with %d bytes: %w", where, resp.StatusCode, len(raw), ErrEmptyBody)
	}
	if isHTMLPage(ct, raw) {
		return nil, fmt.Errorf("fetch: get %s: content-type %q: %w", where, ct, ErrNotFeed)
	}
	body, cs, fresh, err := decode(raw, ct, r.Encoding)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: decode: %w", where, err)
	}
	out := &Response{
		StatusCode:   resp.StatusCode,
		Body:         body,
		Charset:      cs,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		ContentType:  ct,
		URL:          final,
		Links:        linkValues(resp.Header),
		WireBytes:    wire,
	}
	if !fresh { // body points into the pooled buffer: lent to the Response until its Release
		out.buf, out.client, lent = bp, c, true
	}
	return out, nil
}

// maxLinks bounds the Link header values kept: a server may send any number.
const maxLinks = 16

// linkValues returns the first maxLinks Link header values.
func linkValues(h http.Header) []string {
	v := h.Values("Link")
	if len(v) > maxLinks {
		v = v[:maxLinks]
	}
	return slices.Clone(v)
}

// Guarded returns an HTTP client on the Client's guarded transport: it refuses internal addresses
// (unless fetch.allow_networks allows them) and follows at most the Client's redirects, to http(s)
// only. It is for requests to URLs that feeds name, such as WebSub hubs.
func (c *Client) Guarded() *http.Client {
	rt := c.hc.Transport
	if c.route != nil {
		rt = c.route.guarded
	}
	return &http.Client{Transport: rt, Timeout: c.timeout, CheckRedirect: c.checkRedirect}
}

// orElse returns a unless it is empty, else b.
func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// checkRedirect is the http.Client's redirect policy: http(s) only, at most maxRedirects, no loops.
// The private-network check is not here but in the dialer, after DNS, where it cannot be raced.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if s := strings.ToLower(req.URL.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrRedirectScheme)
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return fmt.Errorf("redirect loop back to %s after %d redirects: %w", req.URL.Redacted(), len(via), ErrTooManyRedirects)
		}
	}
	if len(via) > c.maxRedirects {
		return fmt.Errorf("stopped after %d redirects, at %s: %w", c.maxRedirects, req.URL.Redacted(), ErrTooManyRedirects)
	}
	return nil
}

// fail turns an error of the HTTP exchange into one that names the source URL (and the URL that
// failed, when a redirect led elsewhere), and says "timed out" when the fetch's own deadline, not the
// caller's context, ended it.
func (c *Client) fail(parent, ctx context.Context, where, stage string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		// ue.URL is the request that failed; after a redirect it is a Location value, which may be
		// relative: name it only when it is absolute and says something new.
		if strings.Contains(ue.URL, "://") && !strings.Contains(where, ue.URL) {
			where += " (at " + ue.URL + ")"
		}
		err = ue.Err
	}
	timedOut := ctx.Err() != nil && parent.Err() == nil
	switch {
	case timedOut && stage != "":
		return fmt.Errorf("fetch: get %s: timed out after %s while %s: %w", where, c.timeout, stage, context.DeadlineExceeded)
	case timedOut:
		return fmt.Errorf("fetch: get %s: timed out after %s: %w", where, c.timeout, context.DeadlineExceeded)
	case stage != "":
		return fmt.Errorf("fetch: get %s: %s: %w", where, stage, err)
	}
	return fmt.Errorf("fetch: get %s: %w", where, err)
}

// readBody reads resp's body, decompressed, into a pooled buffer, refusing to hold more than
// maxBody bytes of it: a Content-Length over the cap is refused before reading, and a body that
// grows past it (a gzip bomb, a chunked stream) is refused as soon as it does. It returns the
// buffer (to be put back with putBuf) and the number of bytes read from the network.
func (c *Client) readBody(resp *http.Response) (*[]byte, int64, error) {
	cr := &countingReader{r: resp.Body}
	var body io.Reader = cr
	identity, what := false, "body"
	switch ce := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); ce {
	case "", "identity":
		identity = true
		if resp.ContentLength > c.maxBody {
			return nil, 0, fmt.Errorf("content-length %d exceeds the %d-byte cap: %w", resp.ContentLength, c.maxBody, ErrTooLarge)
		}
	case "gzip", "x-gzip":
		gz, err := c.getGunzipper(cr)
		if errors.Is(err, io.EOF) {
			return nil, cr.n, fmt.Errorf("gzip body with no data: %w", ErrEmptyBody)
		}
		if err != nil {
			return nil, cr.n, fmt.Errorf("gzip: %w", err)
		}
		defer c.gzips.Put(gz)
		body, what = gz, "gzip body"
	default:
		return nil, 0, fmt.Errorf("unsupported content-encoding %q", ce)
	}

	bp := c.getBuf()
	b := (*bp)[:0]
	if identity && resp.ContentLength > 0 {
		b = slices.Grow(b, int(resp.ContentLength)+1) // +1: room to see the EOF without growing
	}
	for {
		if len(b) == cap(b) {
			b = slices.Grow(b, int(min(int64(max(2*cap(b), minReadBuffer)), c.maxBody+1))-len(b))
		}
		n, err := body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > c.maxBody {
			*bp = b
			c.putBuf(bp)
			return nil, cr.n, fmt.Errorf("body exceeds the %d-byte cap (after decompression): %w", c.maxBody, ErrTooLarge)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			*bp = b
			c.putBuf(bp)
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, cr.n, fmt.Errorf("%s truncated after %d bytes: %w", what, len(b), err)
			}
			return nil, cr.n, fmt.Errorf("%s after %d bytes: %w", what, len(b), err)
		}
	}
	*bp = b
	return bp, cr.n, nil
}

// getBuf takes a read buffer from the pool.
func (c *Client) getBuf() *[]byte {
	if bp, ok := c.bufs.Get().(*[]byte); ok {
		return bp
	}
	b := make([]byte, 0, minReadBuffer)
	return &b
}

// putBuf returns a read buffer to the pool unless it grew too large to keep.
func (c *Client) putBuf(bp *[]byte) {
	if bp == nil || cap(*bp) > maxPooledBuffer {
		return
	}
	*bp = (*bp)[:0]
	c.bufs.Put(bp)
}

// getGunzipper returns a pooled gunzipper reading r; it reads the first gzip header.
func (c *Client) getGunzipper(r io.Reader) (*gunzipper, error) {
	g, ok := c.gzips.Get().(*gunzipper)
	if !ok {
		g = &gunzipper{br: bufio.NewReaderSize(r, 32<<10)}
	}
	g.br.Reset(r)
	var err error
	if g.zr == nil {
		g.zr, err = gzip.NewReader(g.br)
	} else {
		err = g.zr.Reset(g.br)
	}
	if err != nil {
		c.gzips.Put(g)
		return nil, err
	}
	g.zr.Multistream(false)
	return g, nil
}

// gunzipper decompresses a gzip body of one or more members (RFC 1952 allows several) and, as
// browsers and curl do, ignores junk after a complete member instead of failing the fetch.
type gunzipper struct {
	br *bufio.Reader // implements io.ByteReader, so gzip reads exactly to each member's end
	zr *gzip.Reader
}

// Read implements io.Reader.
func (g *gunzipper) Read(p []byte) (int, error) {
	for {
		n, err := g.zr.Read(p)
		if !errors.Is(err, io.EOF) {
			return n, err
		}
		if n > 0 {
			return n, nil // look for another member on the next call
		}
		// One member ended: another one, the end of the body, or junk.
		head, err := g.br.Peek(2)
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			return 0, io.EOF
		}
		if err := g.zr.Reset(g.br); err != nil {
			return 0, err
		}
		g.zr.Multistream(false)
	}
}

// countingReader counts the bytes read through it: the body as it came over the wire.
type countingReader struct {
	r io.Reader
	n int64
}

// Read implements io.Reader.
func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// isHTMLPage reports whether a body served as HTML is an HTML page rather than a feed served with the
// wrong type (which happens): it starts like an HTML document and has no feed root element anywhere.
// It looks only at bytes, so it is cheap, and it runs before charset decoding.
func isHTMLPage(contentType string, b []byte) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return false
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n")
	if !hasPrefixFold(b, "<!doctype html") && !hasPrefixFold(b, "<html") {
		return false
	}
	return !bytes.Contains(b, []byte("<rss")) && !bytes.Contains(b, []byte("<feed")) &&
		!bytes.Contains(b, []byte("<rdf:RDF"))
}

// hasPrefixFold is bytes.HasPrefix ignoring ASCII case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}
