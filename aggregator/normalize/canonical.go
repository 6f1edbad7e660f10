package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/idna"
)

// ErrURL is wrapped by the errors of CanonicalURL.
var ErrURL = errors.New("not an absolute http(s) URL")

// trackingParams are query parameters that say how a reader arrived, not what they read.
var trackingParams = map[string]bool{"spm": true, "from": true, "fbclid": true, "gclid": true}

// clsClientParams are the client/version parameters of cls.cn share links
// (?os=web&sv=7.7.5&app=CailianpressWeb vs ?os=android&sv=8.0&app=cls). They are dropped on cls.cn
// hosts only: on other sites "app" or "os" may well select content.
var clsClientParams = map[string]bool{"os": true, "sv": true, "app": true}

// clsShare matches a cls.cn share link path: /share/article/<id>.
var clsShare = regexp.MustCompile(`^/share/article/(\d+)/?$`)

// CanonicalURL returns the form of an absolute http(s) URL under which the same page is recognised
// whatever link led to it: scheme and host lower-cased, internationalized host names in Punycode, the
// default port, the fragment, an empty query and userinfo dropped, an empty path made "/", tracking
// parameters (utm_*, spm, from, fbclid, gclid) removed everywhere and cls.cn share-link client
// parameters (os, sv, app) removed on cls.cn hosts, the remaining parameters sorted by name (stable
// for equal names, encoding kept as written, bytes not allowed in a URL percent-encoded).
//
// cls.cn serves one story under two links: the telegraph share link
// https://api3.cls.cn/share/article/<id>?… and the article page https://www.cls.cn/detail/<id>, with
// the same id. Both canonicalize to https://www.cls.cn/detail/<id>, so a story carried by the
// telegraph and by a depth section is stored once.
func CanonicalURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("normalize: canonical url %q: %w", truncate(raw, 80), err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || !validHost(u.Host) || u.Opaque != "" {
		return "", fmt.Errorf("normalize: canonical url %q: %w", truncate(raw, 80), ErrURL)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimRight(host, ".")
	if !isASCII(host) {
		// One spelling for internationalized names: 例子.测试 and xn--fsqu00a.xn--0zwm56d are one host.
		if a, err := idna.Punycode.ToASCII(host); err == nil {
			host = strings.TrimRight(strings.ToLower(a), ".")
		}
	}
	if host == "" {
		return "", fmt.Errorf("normalize: canonical url %q: %w", truncate(raw, 80), ErrURL)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u.Host = host
	if strings.Contains(host, ":") { // IPv6 literal
		u.Host = "[" + host + "]"
	}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}

	cls := host == "cls.cn" || strings.HasSuffix(host, ".cls.cn")
	if cls {
		if m := clsShare.FindStringSubmatch(u.Path); m != nil {
			u.Scheme, u.Host, u.Path, u.RawPath = "https", "www.cls.cn", "/detail/"+m[1], ""
		} else if host == "cls.cn" && strings.HasPrefix(u.Path, "/detail/") {
			u.Host = "www.cls.cn"
		}
		if u.Host == "www.cls.cn" {
			u.Scheme = "https"
		}
	}

	u.RawQuery = canonicalQuery(u.RawQuery, cls)
	u.ForceQuery = false
	// Bytes a URL may not hold (raw non-ASCII or quotes in a query) are percent-encoded, so
	// "?q=中文" and "?q=%E4%B8%AD%E6%96%87" are one key. Escaping can change how the query keys
	// sort, so an escaped result is canonicalized once more: that form has nothing left to escape,
	// which makes CanonicalURL idempotent.
	plain := u.String()
	if escaped := escapeURL(plain); escaped != plain {
		return CanonicalURL(escaped)
	}
	return plain, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// canonicalQuery filters and sorts the pairs of a raw query without re-encoding them.
func canonicalQuery(raw string, cls bool) string {
	if raw == "" {
		return ""
	}
	type pair struct{ key, text string }
	var pairs []pair
	for _, p := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		k, _, _ := strings.Cut(p, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		lk := strings.ToLower(key)
		if key == "" || strings.HasPrefix(lk, "utm_") || trackingParams[lk] || (cls && clsClientParams[lk]) {
			continue
		}
		pairs = append(pairs, pair{key, p})
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
	texts := make([]string, len(pairs))
	for i, p := range pairs {
		texts[i] = p.text
	}
	return strings.Join(texts, "&")
}

// Key returns an entry's dedup key: its canonical link when it has one that canonicalizes, else
// src + "\x00" + guid, else "sha256:" and the hex SHA-256 of title + "\x00" + the RFC 3339 date in
// UTC (the entry's own date, zero when it has none; never the first-seen time, which would change on
// every fetch). The "\x00" separator cannot occur in a source name, a guid or a URL, so the three
// forms never collide; Key is internal and never republished (ID is).
func Key(src string, guid, link, title string, date time.Time) string {
	if link != "" {
		if c, err := CanonicalURL(link); err == nil {
			return c
		}
	}
	if guid = strings.TrimSpace(guid); guid != "" {
		return src + "\x00" + guid
	}
	sum := sha256.Sum256([]byte(title + "\x00" + date.UTC().Format(time.RFC3339Nano)))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ID derives an article's id from its key: the first 16 bytes of SHA-256(key) as 32 lower-case hex
// characters. It is stable across restarts and re-fetches, the same for the same story from any
// source, and 128 bits make collisions irrelevant at any realistic article count.
func ID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}
