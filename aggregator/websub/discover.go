// Package websub speaks WebSub (W3C Recommendation, formerly PubSubHubbub) for tributary: the
// publisher side pings a hub when an output changes, so that readers subscribed through the hub
// get it in seconds; the subscriber side subscribes to sources that advertise a hub and hands
// what the hub pushes to the same ingest path a poll takes. Polling goes on beside it, as the
// fallback and for sources without a hub: a push is an early refresh, never the only one.
//
// Everything here comes from the network and is hostile: discovery reads only the head of a feed
// and keeps few, short, absolute URLs; a callback answers only for the token, topic and mode it
// asked for; a push is read through a size cap and, when a secret was sent, refused unless its
// X-Hub-Signature matches.
package websub

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"strings"
)

// Bounds of discovery: a feed may advertise any number of links of any length.
const (
	maxHubs       = 4
	maxURLLen     = 2048
	maxLinkValues = 16
	maxXMLTokens  = 4096
)

const atomNS = "http://www.w3.org/2005/Atom"

// Discovery is what a feed advertises: its hubs and its canonical ("self") URL, the topic to
// subscribe to.
type Discovery struct {
	Hubs []string
	Self string
}

// Discover finds the hubs and the self URL of a fetched feed. HTTP Link headers come first, as
// the spec's discovery order says; the document's own links (Atom <link>, RSS <atom:link>, JSON
// Feed "hubs" and "feed_url") fill in what the headers lack. Relative URLs are resolved against
// base, the URL the feed was fetched from; anything that is not an absolute http(s) URL is
// dropped.
func Discover(linkHeaders []string, body []byte, base string) Discovery {
	b, _ := url.Parse(base)
	var d Discovery
	hubs, self := parseLinkHeaders(linkHeaders)
	for _, h := range hubs {
		d.addHub(resolve(b, h))
	}
	d.Self = resolve(b, self)
	if len(d.Hubs) > 0 && d.Self != "" {
		return d
	}
	var bh []string
	var bs string
	if t := bytes.TrimLeft(body, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		bh, bs = jsonLinks(t)
	} else {
		bh, bs = xmlLinks(body)
	}
	if len(d.Hubs) == 0 {
		for _, h := range bh {
			d.addHub(resolve(b, h))
		}
	}
	if d.Self == "" {
		d.Self = resolve(b, bs)
	}
	return d
}

func (d *Discovery) addHub(u string) {
	if u == "" || len(d.Hubs) >= maxHubs {
		return
	}
	for _, h := range d.Hubs {
		if h == u {
			return
		}
	}
	d.Hubs = append(d.Hubs, u)
}

// resolve returns ref resolved against base as an absolute http(s) URL, or "".
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > maxURLLen {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	if s := u.String(); len(s) <= maxURLLen {
		return s
	}
	return ""
}

// parseLinkHeaders reads RFC 8288 Link header values: `<url>; rel="hub", <url>; rel=self`. A rel
// may hold several relation types separated by spaces.
func parseLinkHeaders(values []string) (hubs []string, self string) {
	if len(values) > maxLinkValues {
		values = values[:maxLinkValues]
	}
	for _, v := range values {
		for len(v) > 0 && len(hubs) < maxHubs*4 {
			v = strings.TrimLeft(v, " \t,")
			if !strings.HasPrefix(v, "<") {
				break
			}
			end := strings.IndexByte(v, '>')
			if end < 0 {
				break
			}
			target := v[1:end]
			v = v[end+1:]
			params, rest := splitParams(v)
			v = rest
			for _, rel := range strings.Fields(strings.ToLower(params["rel"])) {
				switch rel {
				case "hub":
					hubs = append(hubs, target)
				case "self":
					if self == "" {
						self = target
					}
				}
			}
		}
	}
	return hubs, self
}

// splitParams reads `; key="value"; key=value` up to the comma that ends one link (a comma
// inside quotes does not), and returns the parameters and what follows.
func splitParams(s string) (map[string]string, string) {
	params := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ";") {
			break
		}
		s = strings.TrimLeft(s[1:], " \t")
		i := strings.IndexAny(s, "=;,")
		if i < 0 {
			params[strings.ToLower(strings.TrimSpace(s))] = ""
			return params, ""
		}
		key := strings.ToLower(strings.TrimSpace(s[:i]))
		if s[i] != '=' {
			params[key] = ""
			s = s[i:]
			continue
		}
		s = strings.TrimLeft(s[i+1:], " \t")
		var val string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexAny(s, ";,")
			if end < 0 {
				end = len(s)
			}
			val, s = strings.TrimSpace(s[:end]), s[end:]
		}
		if _, dup := params[key]; !dup {
			params[key] = val
		}
	}
	return params, s
}

// xmlLinks reads the feed-level links of an Atom feed (<feed><link>) or an RSS channel
// (<channel><atom:link>), stopping at the first entry or item: the head is all discovery needs.
func xmlLinks(body []byte) (hubs []string, self string) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	// fetch has transcoded the body to UTF-8 already; a leftover label must not stop the read.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth := 0
	for n := 0; n < maxXMLTokens; n++ {
		tok, err := dec.Token()
		if err != nil {
			return hubs, self
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "entry", "item":
				return hubs, self
			case "link":
				// Atom: feed > link (depth 2); RSS: rss > channel > atom:link (depth 3). An
				// RSS <link> has no namespace and no rel: it is the site, not the feed.
				if t.Name.Space != atomNS || depth > 3 {
					continue
				}
				var rel, href string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "rel":
						rel = a.Value
					case "href":
						href = a.Value
					}
				}
				for _, r := range strings.Fields(strings.ToLower(rel)) {
					switch r {
					case "hub":
						if len(hubs) < maxHubs*4 {
							hubs = append(hubs, href)
						}
					case "self":
						if self == "" {
							self = href
						}
					}
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	return hubs, self
}

// jsonLinks reads JSON Feed's "hubs" (type "WebSub", or any type naming a hub URL) and
// "feed_url".
func jsonLinks(body []byte) (hubs []string, self string) {
	var doc struct {
		FeedURL string `json:"feed_url"`
		Hubs    []struct {
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"hubs"`
	}
	if json.Unmarshal(body, &doc) != nil {
		return nil, ""
	}
	for i, h := range doc.Hubs {
		if i >= maxHubs*4 {
			break
		}
		if t := strings.ToLower(h.Type); t == "" || t == "websub" || t == "pubsubhubbub" {
			hubs = append(hubs, h.URL)
		}
	}
	return hubs, doc.FeedURL
}
