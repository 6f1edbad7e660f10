package main

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// The admin API assumes a hostile page runs in the operator's browser. Such a page can reach the
// admin listener in two ways, and each has its own guard:
//
//   - DNS rebinding: its own name now resolves to 127.0.0.1, so the browser lets it read the
//     answers; the request carries that name in Host. checkHost serves only the names and
//     addresses the listener is really reached by.
//   - Cross-site requests that need no CORS preflight (forms, simple fetches): the page cannot read
//     the answer, but the request acts. checkCrossSite refuses what Fetch Metadata or Origin marks
//     as coming from another origin, and requireJSON refuses every POST without
//     Content-Type: application/json, which no page can send cross-origin without a preflight that
//     the admin API never grants.

// isProbe reports whether r asks for a health probe, which every guard lets through: a supervisor
// may use any name and needs no secret, and the answer tells nothing.
func isProbe(r *http.Request) bool { return r.URL.Path == "/healthz" || r.URL.Path == "/readyz" }

// checkHost answers 403 to a request whose Host is not a name or address of this listener.
func (a *App) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
		if !isProbe(r) && !adminHostAllowed(r.Host, local, a.Config()) {
			writeJSONError(w, http.StatusForbidden, fmt.Sprintf("Host %q is not a name of this admin listener: "+
				"use 127.0.0.1, [::1], localhost or the address it listens on; add other names to server.admin_hosts", r.Host))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// adminHostAllowed reports whether hostport (a Host header) names the admin listener reached at
// local: a loopback address or localhost, the address the connection really arrived on, the host
// of server.admin_listen, or a name in server.admin_hosts. The port is not compared: a browser
// sends the port it connected to, and rebinding forges the name.
func adminHostAllowed(hostport string, local net.Addr, cfg *Config) bool {
	host := normalHost(hostport)
	if host == "" {
		return false
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap()
		if ip.IsLoopback() {
			return true
		}
		if tcp, ok := local.(*net.TCPAddr); ok && !ip.IsUnspecified() && tcp.AddrPort().Addr().Unmap() == ip {
			return true
		}
	}
	if host == "localhost" {
		return true
	}
	if h, _, err := net.SplitHostPort(cfg.AdminListen); err == nil && normalHost(h) == host {
		if _, err := netip.ParseAddr(host); err != nil { // a name; addresses were compared above
			return true
		}
	}
	for _, n := range cfg.AdminHosts {
		if n == host {
			return true
		}
	}
	return false
}

// normalHost is the host of a Host header or host name, lower-case, without port, brackets or a
// trailing dot, so that "LocalHost.:8081" and "localhost" compare equal.
func normalHost(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	return strings.ToLower(strings.TrimSuffix(host, "."))
}

// checkCrossSite answers 403 to a state-changing request (any method but GET and HEAD) that a
// browser marks as sent by another origin: Sec-Fetch-Site other than same-origin or none, or an
// Origin other than the admin listener's own (browsers without Fetch Metadata still send Origin
// on every cross-origin POST). same-site is refused too: a page of another port of 127.0.0.1 — the
// public listener's, or any local development server — is same-site to the admin listener.
// Reads stay open to navigation: a page cannot read their answers, and checkHost has run.
func checkCrossSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || isProbe(r) {
			next.ServeHTTP(w, r)
			return
		}
		why := ""
		switch site := r.Header.Get("Sec-Fetch-Site"); site {
		case "", "same-origin", "none":
		default:
			why = fmt.Sprintf("Sec-Fetch-Site is %q", site)
		}
		if origin := r.Header.Get("Origin"); why == "" && origin != "" {
			if u, err := url.Parse(origin); err != nil || origin == "null" || !strings.EqualFold(u.Host, r.Host) {
				why = fmt.Sprintf("Origin %q is not this listener's", origin)
			}
		}
		if why != "" {
			writeJSONError(w, http.StatusForbidden, fmt.Sprintf("cross-site request refused (%s): the admin API takes "+
				"state-changing requests only from its own origin and from tools such as the tributary CLI or curl", why))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireJSON answers 415 to a request other than GET and HEAD without Content-Type:
// application/json. The endpoints read no body: the header is what a page cannot send cross-site
// without a CORS preflight.
func requireJSON(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || isProbe(r) {
			next.ServeHTTP(w, r)
			return
		}
		ct := r.Header.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeJSONError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("%s needs the header Content-Type: application/json "+
				"(got %q), which web pages cannot send cross-site; the tributary CLI sends it, with curl add "+
				"-H 'Content-Type: application/json'", r.Method, ct))
			return
		}
		next.ServeHTTP(w, r)
	})
}
