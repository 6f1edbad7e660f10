package feeds

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"strconv"
	"time"
)

// pageCSS is the stylesheet of the index page and the previews, the only style either page may
// apply: the CSP names its hash, so a style attribute or element that got into a body or a title is
// ignored by the browser even if every other defence failed.
const pageCSS = `
body { font: 15px/1.55 system-ui, sans-serif; margin: 1.5em auto; max-width: 62em; padding: 0 1em; color: #222; background: #fff; }
a { color: #0550ae; }
h1 { margin-bottom: .2em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .5em; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-size: 85%; color: #555; white-space: nowrap; }
code { font-size: 90%; }
time { white-space: nowrap; }
.summary { font-size: 110%; padding: .6em .8em; background: #f4f6f8; border-left: 4px solid #8a9; }
.summary.bad { border-left-color: #c33; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .3em; font-size: 85%; font-weight: 600; white-space: nowrap; }
.h-ok { background: #e3f4e6; color: #176a2b; } .h-new { background: #eef; color: #335; }
.h-failing { background: #fbe3e3; color: #a11; } .h-gone { background: #e8e8e8; color: #444; text-decoration: line-through; }
.h-running { background: #fff1cc; color: #7a5200; }
tr.failing td { background: #fff7f7; } tr.gone td { color: #666; }
.err { color: #933; font-size: 88%; word-break: break-word; max-width: 24em; }
.muted { color: #666; font-size: 90%; }
article { border-top: 1px solid #ddd; padding: .8em 0 1.2em; overflow-wrap: break-word; }
article h2 { font-size: 1.25em; margin: .2em 0; }
article img { max-width: 100%; height: auto; }
article .body { overflow-x: auto; }
.body h1, .body h2, .body h3 { font-size: 1.1em; } .body h4, .body h5, .body h6 { font-size: 1em; }
article table { width: auto; }
pre { white-space: pre-wrap; }
`

// pageStyleHash is the CSP source expression that allows pageCSS and nothing else.
func pageStyleHash() string {
	sum := sha256.Sum256([]byte(pageCSS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// pageCSP is the Content-Security-Policy of the HTML pages: no script at all, no frame, form, base
// URL or plug-in, pageCSS as the only style; imgSrc, when not "", is where images may come from.
func pageCSP(imgSrc string) string {
	csp := "default-src 'none'; style-src " + pageStyleHash()
	if imgSrc != "" {
		csp += "; img-src " + imgSrc
	}
	return csp + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

// writePage sends an HTML page with the headers that confine it: its CSP, nosniff, and no Referer
// to the sites it links to or loads images from (a feed's image host would otherwise learn who
// reads it and from where).
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, csp []string, body []byte) {
	h := w.Header()
	h["Content-Type"] = []string{"text/html; charset=utf-8"}
	h["Content-Security-Policy"] = csp
	h["X-Content-Type-Options"] = s.hdrNosniff
	h["Referrer-Policy"] = []string{"no-referrer"}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// pageTime is a time as the pages show it: relative to the page's generation, with the absolute
// time in the title and in the datetime attribute of a <time> element.
type pageTime struct {
	Rel, Abs, ISO string
}

func newPageTime(t, now time.Time) *pageTime {
	if t.IsZero() {
		return nil
	}
	return &pageTime{Rel: relTime(t, now), Abs: formatTime(t), ISO: t.UTC().Format(time.RFC3339)}
}

// relTime says how far t is from now in the coarsest unit that keeps a useful figure: "3 min ago",
// "in 12 min", "5 h ago", "2 days ago".
func relTime(t, now time.Time) string {
	d := t.Sub(now)
	future := d > 0
	if d < 0 {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		if future {
			return "in under a minute"
		}
		return "just now"
	case d < time.Hour:
		s = strconv.Itoa(int(d/time.Minute)) + " min"
	case d < 48*time.Hour:
		s = strconv.Itoa(int(d/time.Hour)) + " h"
		if m := int(d % time.Hour / time.Minute); d < 10*time.Hour && m > 0 {
			s += " " + strconv.Itoa(m) + " min"
		}
	default:
		s = strconv.Itoa(int(d/(24*time.Hour))) + " days"
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

// pageTemplates are the pieces the index page and the previews share, defined in each of their
// templates.
const pageTemplates = `
{{- define "time"}}<time datetime="{{.ISO}}" title="{{.Abs}}">{{.Rel}}</time>{{end}}
{{- define "head"}}<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<style>` + pageCSS + `</style>{{end}}`

// newPageTemplate parses one of the pages with the pieces they share.
func newPageTemplate(name, text string) *template.Template {
	// The texts are constants: an error is a mistake in them, which every test would show.
	return template.Must(template.New(name).Funcs(template.FuncMap{"plural": plural}).Parse(pageTemplates + text))
}
