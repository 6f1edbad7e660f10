package websub

import (
	"reflect"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	const base = "https://feeds.example.com/a/feed.xml"
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>t</title><link rel="alternate" href="https://example.com/"/>
<link rel="hub" href="https://hub.example.com/"/><link rel="self" href="/a/atom"/>
<entry><link rel="hub" href="https://entry-hub.example.com/"/></entry></feed>`
	rss := `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
<link>https://example.com/</link><atom:link rel="self" type="application/rss+xml" href="https://feeds.example.com/rss"/>
<atom:link rel="hub" href="https://hub1.example.com/"/><atom:link href="https://hub2.example.com/" rel="hub"/>
<item><title>x</title></item></channel></rss>`
	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"t","feed_url":"https://feeds.example.com/j.json",
"hubs":[{"type":"WebSub","url":"https://hub.example.com/"},{"type":"rssCloud","url":"https://cloud.example.com/"}],"items":[]}`
	tests := []struct {
		name  string
		links []string
		body  string
		want  Discovery
	}{
		{"atom", nil, atom, Discovery{Hubs: []string{"https://hub.example.com/"}, Self: "https://feeds.example.com/a/atom"}},
		{"rss atom:link", nil, rss, Discovery{Hubs: []string{"https://hub1.example.com/", "https://hub2.example.com/"}, Self: "https://feeds.example.com/rss"}},
		{"json feed", nil, jsonFeed, Discovery{Hubs: []string{"https://hub.example.com/"}, Self: "https://feeds.example.com/j.json"}},
		{"link headers win over the body", []string{`<https://h.example.com/>; rel="hub", <https://feeds.example.com/canonical>; rel="self"`}, atom,
			Discovery{Hubs: []string{"https://h.example.com/"}, Self: "https://feeds.example.com/canonical"}},
		{"header hub, body self", []string{`<https://h.example.com/>; rel=hub`}, atom,
			Discovery{Hubs: []string{"https://h.example.com/"}, Self: "https://feeds.example.com/a/atom"}},
		{"several rels and a comma in quotes", []string{`<https://h.example.com/x,y>; title="a, b"; rel="hub self"`}, "",
			Discovery{Hubs: []string{"https://h.example.com/x,y"}, Self: "https://h.example.com/x,y"}},
		{"no hub", nil, `<rss version="2.0"><channel><link>https://example.com/</link></channel></rss>`, Discovery{}},
		{"entry links are not the feed's", nil, `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="hub" href="https://h.example.com/"/></entry></feed>`, Discovery{}},
		{"not http", []string{`<javascript:alert(1)>; rel="hub"`, `<ftp://h.example.com/>; rel="hub"`}, "", Discovery{}},
		{"duplicates and the cap", []string{strings.Repeat(`<https://h.example.com/>; rel="hub", `, 3) +
			`<https://a.example.com/>; rel="hub", <https://b.example.com/>; rel="hub", <https://c.example.com/>; rel="hub", <https://d.example.com/>; rel="hub"`}, "",
			Discovery{Hubs: []string{"https://h.example.com/", "https://a.example.com/", "https://b.example.com/", "https://c.example.com/"}}},
		{"overlong url", []string{"<https://h.example.com/" + strings.Repeat("a", maxURLLen) + `>; rel="hub"`}, "", Discovery{}},
		{"garbage", []string{"<<<>>>;;;,,,", `<unterminated; rel="hub"`}, "\x00\xff<feed", Discovery{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Discover(tt.links, []byte(tt.body), base)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Discover = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func FuzzDiscover(f *testing.F) {
	f.Add(`<https://h.example.com/>; rel="hub"`, `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="hub" href="/h"/></feed>`)
	f.Add(`<a>;rel=self;title="x,y"`, `{"hubs":[{"url":"https://h/"}],"feed_url":"x"}`)
	f.Add("", `<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><atom:link rel="hub self" href="//h/x"/></channel></rss>`)
	f.Fuzz(func(t *testing.T, header, body string) {
		d := Discover([]string{header}, []byte(body), "https://feeds.example.com/f")
		if len(d.Hubs) > maxHubs {
			t.Fatalf("%d hubs kept, cap %d", len(d.Hubs), maxHubs)
		}
		for _, u := range append(d.Hubs, d.Self) {
			if u == "" {
				continue
			}
			if len(u) > maxURLLen || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
				t.Fatalf("kept %q: not a bounded absolute http(s) URL", u)
			}
		}
	})
}
