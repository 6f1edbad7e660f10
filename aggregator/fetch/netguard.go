package fetch

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// internalNetworks returns the address ranges, beyond those that netip.Addr's predicates know
// (loopback, RFC 1918, fc00::/7, link-local, multicast, unspecified), that a host reached by a
// redirect, or any host other than the source's own, must not resolve to: whatever answers there is
// inside the operator's network, and republishing it as a public feed item would leak it.
// It is a function, not a package variable, so that nothing is built at init.
func internalNetworks() []netip.Prefix {
	return []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
		netip.MustParsePrefix("100.64.0.0/10"),  // CGNAT (RFC 6598)
		netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
		netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
		netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and 255.255.255.255
		netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64 (RFC 8215)
		netip.MustParsePrefix("100::/64"),       // discard-only
		netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	}
}

// guard decides at dial time, on the address DNS resolved, whether a connection is allowed.
type guard struct {
	allow []netip.Prefix // Options.AllowNetworks: internal networks the operator opened
	deny  []netip.Prefix // internalNetworks()
}

// isInternal reports whether addr is an address that only an operator's own network answers on.
func (g guard) isInternal(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() ||
		addr.IsUnspecified() {
		return true
	}
	if addr.Is6() {
		b := addr.As16()
		// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one too.
		if b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && [8]byte(b[4:12]) == [8]byte{} {
			return g.isInternal(netip.AddrFrom4([4]byte(b[12:16])))
		}
		if b[0] == 0x20 && b[1] == 0x02 {
			return g.isInternal(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	for _, p := range g.deny {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// allowed reports whether a connection to addr may be opened: it is public, or inside an
// allowed network.
func (g guard) allowed(addr netip.Addr) bool {
	addr = addr.Unmap()
	for _, p := range g.allow {
		if p.Contains(addr) {
			return true
		}
	}
	return !g.isInternal(addr)
}

// control is a net.Dialer Control function. It runs after DNS resolution for every address the
// dialer tries, so DNS rebinding and hosts with many addresses are covered.
func (g guard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("unparsable address %q: %w", address, ErrPrivateNetwork)
	}
	if !g.allowed(ap.Addr()) {
		return fmt.Errorf("%s is internal and not in allow_networks: %w", ap.Addr(), ErrPrivateNetwork)
	}
	return nil
}

// trustedHostKey is the context key under which Fetch stores the source's own host:port.
type trustedHostKey struct{}

// hostPort returns the lower-cased host:port of u with the scheme's default port made explicit, so
// that "https://Example.com" and "https://example.com:443" are the same host.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https":
			port = "443"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// routeTransport sends each request to one of two transports: trusted, which dials anywhere, for
// requests to the host:port of the source being fetched; guarded, whose dialer refuses internal
// addresses, for every other host (redirect targets). Two transports keep two connection pools: a
// connection opened without the check, to a source that lives on the LAN, is never reused for a
// redirect of another source to that same host:port.
type routeTransport struct {
	trusted, guarded http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *routeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if s := strings.ToLower(req.URL.Scheme); s != "http" && s != "https" {
		// http.Client checks redirects first; this guards any other path.
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("scheme %q: %w", req.URL.Scheme, ErrRedirectScheme)
	}
	if trusted, _ := req.Context().Value(trustedHostKey{}).(string); trusted != "" && trusted == hostPort(req.URL) {
		return t.trusted.RoundTrip(req)
	}
	return t.guarded.RoundTrip(req)
}

// closeIdleConnections closes the idle connections of both pools.
func (t *routeTransport) closeIdleConnections() {
	for _, rt := range []http.RoundTripper{t.trusted, t.guarded} {
		if c, ok := rt.(interface{ CloseIdleConnections() }); ok {
			c.CloseIdleConnections()
		}
	}
}
