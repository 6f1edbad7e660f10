package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"tributary/aggregator"
)

// previewItems caps the items of a preview: it is for a person checking what an output says, and
// an output may hold thousands of stories.
const previewItems = 100

// previewImgSrc is where a preview may load images from: the images of the stories, which
// sanitized bodies only ever reference by http(s) URL.
const previewImgSrc = "https: http:"

// previewHTML is the preview of one output. Bodies are inserted as template.HTML: they passed the
// ingest sanitizer, are sanitized again here (previewBody) in case the store holds articles written
// under an older allowlist, and the CSP forbids scripts, frames, forms, plug-ins and any style but
// pageCSS whatever got through.
const previewHTML = `<!DOCTYPE html>
<html>
<head>
{{template "head"}}
<title>{{.Title}} · tributary</title>
{{- $title := .Title}}{{range .Links}}
<link rel="alternate" {{.Type}} title="{{$title}} ({{.Label}})" href="{{.URL}}">
{{- end}}
</head>
<body>
<p class="muted"><a href="{{.Index}}">tributary</a> › <code>{{.Name}}</code> · subscribe in a feed reader:
{{- range $i, $l := .Links}}{{if $i}} ·{{end}} <a href="{{$l.URL}}">{{$l.Label}}</a>{{end}}</p>
<h1>{{.Title}}</h1>
{{- with .Description}}
<p>{{.}}</p>
{{- end}}
<p class="muted" id="count">{{if not .Total}}No items yet.{{else if lt .Shown .Total}}The newest {{.Shown}} of {{.Total}} items.{{else}}{{plural .Total "item"}}.{{end}}</p>
{{- range .Items}}
<article>
<h2>{{if .Link}}<a href="{{.Link}}" rel="noopener noreferrer nofollow">{{.Title}}</a>{{else}}{{.Title}}{{end}}</h2>
<p class="muted">{{with .Date}}<time datetime="{{.ISO}}">{{.Abs}}</time>{{end}}
{{- with .Author}} · {{.}}{{end}}
{{- with .Categories}} · {{range $i, $c := .}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}
{{- with .Sources}} · from {{range $i, $c := .}}{{if $i}}, {{end}}<code>{{$c}}</code>{{end}}{{end}}</p>
{{- with .Image}}
<p><img src="{{.}}" alt="" loading="lazy" referrerpolicy="no-referrer"></p>
{{- end}}
<div class="body">{{.Body}}</div>
</article>
{{- end}}
</body>
</html>
`

type previewItem struct {
	Title, Link, Author, Image string
	Categories, Sources        []string
	Date                       *pageTime
	Body                       template.HTML
}

type previewPage struct {
	Name, Title, Description, Index string
	Links                           []indexLink
	Items                           []previewItem
	Shown, Total                    int
}

// previewEntry is a rendered preview. It depends on the articles alone, not on the time, so it is
// cached like the feeds, per store generation.
type previewEntry struct {
	gen     uint64
	expires time.Time // see snapshot.expires
	body    []byte
	etag    string
	hdrETag []string
}

func (s *Server) servePreview(w http.ResponseWriter, r *http.Request, slot *outputSlot) {
	p, err := s.currentPreview(r.Context(), slot)
	if err != nil {
		w.Header()["Retry-After"] = []string{"30"}
		s.observeCode(slot.out.Name, "html", http.StatusServiceUnavailable)
		s.plainError(w, r, http.StatusServiceUnavailable, "503 feed temporarily unavailable\n")
		return
	}
	h := w.Header()
	h["Etag"] = p.hdrETag
	h["Cache-Control"] = []string{"no-cache"}
	if etagMatches(r.Header["If-None-Match"], p.etag) {
		s.observeCode(slot.out.Name, "html", http.StatusNotModified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.observeCode(slot.out.Name, "html", http.StatusOK)
	s.writePage(w, r, s.hdrPreviewCSP, p.body)
}

// currentPreview returns the preview of slot at the store's current generation, rendering it when
// needed; like rebuild, it serves the last one when the store fails.
func (s *Server) currentPreview(ctx context.Context, slot *outputSlot) (*previewEntry, error) {
	if p := slot.page.Load(); p != nil && fresh(p.gen, p.expires, s.store.Generation(), s.now) {
		return p, nil
	}
	slot.mu.Lock()
	defer slot.mu.Unlock()
	gen := s.store.Generation()
	prev := slot.page.Load()
	if prev != nil && fresh(prev.gen, prev.expires, gen, s.now) {
		return prev, nil
	}
	if err := s.recentFailure(slot, gen); err != nil {
		if prev != nil {
			return prev, nil
		}
		return nil, err
	}
	var buf bytes.Buffer
	snap, err := s.snapshot(ctx, slot, gen)
	if err == nil {
		err = s.previewTmpl.Execute(&buf, s.previewData(slot, snap.articles))
	}
	if err != nil {
		s.noteFailure(slot, gen, "html", prev != nil, err)
		if prev != nil {
			return prev, nil
		}
		return nil, err
	}
	s.noteSuccess(slot, "html")
	body := compact(buf.Bytes())
	sum := sha256.Sum256(body)
	etag := `"p` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	p := &previewEntry{gen: gen, expires: snap.expires, body: body, etag: etag, hdrETag: []string{etag}}
	slot.page.Store(p)
	return p, nil
}

func (s *Server) previewData(slot *outputSlot, articles []aggregator.Article) previewPage {
	page := previewPage{
		Name:        slot.out.Name,
		Title:       feedTitle(slot.out),
		Description: cleanText(strings.TrimSpace(slot.out.Description)),
		Index:       s.site(),
		Total:       len(articles),
	}
	for _, f := range Formats() {
		page.Links = append(page.Links, indexLink{Label: formatLabel(f), Type: template.HTMLAttr(`type="` + f.mediaType() + `"`), URL: slot.self[f]})
	}
	if len(articles) > previewItems {
		articles = articles[:previewItems]
	}
	page.Shown = len(articles)
	page.Items = make([]previewItem, 0, len(articles))
	for i := range articles {
		it := prepare(&articles[i])
		pi := previewItem{
			Title:      it.title,
			Link:       it.link,
			Author:     it.author,
			Categories: it.categories,
			Sources:    articles[i].Sources,
		}
		// A telegraph flash is often its own title: showing it twice says nothing more.
		if strings.TrimSpace(it.body) != it.title {
			pi.Body = s.previewBody(it.body, it.link)
		}
		if pi.Title == "" {
			pi.Title = "(untitled)"
		}
		if !it.published.IsZero() {
			pi.Date = &pageTime{Abs: formatTime(it.published), ISO: it.published.Format(time.RFC3339)}
		}
		// The head image, unless the body shows pictures of its own (it usually shows that one).
		if it.image != "" && !strings.Contains(string(pi.Body), "<img") {
			pi.Image = it.image
		}
		page.Items = append(page.Items, pi)
	}
	return page
}

// previewBody returns an article's body as markup for the preview. The body was sanitized at
// ingest; it is sanitized again with the current allowlist, then parsed into a tree and written
// back, so that unbalanced markup (an unclosed <table> or <h1>, a stray </div>) cannot swallow or
// restyle the items after it. Links get rel="noopener noreferrer nofollow", images
// referrerpolicy="no-referrer" and lazy loading, and class and id attributes go: the page's own
// stylesheet must not apply to a body, nor its anchors be taken by one.
func (s *Server) previewBody(body, link string) template.HTML {
	clean, _ := s.sanitizer.Sanitize(body, link)
	if clean == "" {
		return ""
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(clean), ctx)
	if err != nil {
		// Only a failing reader errs, and a strings.Reader does not; text is still safe.
		return template.HTML(template.HTMLEscapeString(clean))
	}
	var buf strings.Builder
	for _, n := range nodes {
		confine(n)
		if err := html.Render(&buf, n); err != nil {
			return template.HTML(template.HTMLEscapeString(clean))
		}
	}
	return template.HTML(buf.String())
}

// confine rewrites the attributes of the elements under n for the preview (see previewBody).
func confine(n *html.Node) {
	if n.Type == html.ElementNode {
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			switch a.Key {
			case "class", "id", "rel", "loading", "referrerpolicy", "target":
				continue
			}
			attrs = append(attrs, a)
		}
		switch n.DataAtom {
		case atom.A:
			attrs = append(attrs, html.Attribute{Key: "rel", Val: "noopener noreferrer nofollow"})
		case atom.Img:
			attrs = append(attrs, html.Attribute{Key: "loading", Val: "lazy"}, html.Attribute{Key: "referrerpolicy", Val: "no-referrer"})
		}
		n.Attr = attrs
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		confine(c)
	}
}
