package feeds

import (
	"bytes"
	"html/template"
	"net/http"
	"strconv"
	"time"
)

// indexCSP allows nothing but the page's own inline style: no script, image, frame, form or base
// URL, so that even a title that slipped past html/template's escaping could not run.
const indexCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// indexHTML is the index page. html/template escapes every value for its context (text, attribute,
// URL), so titles, error texts and names from the configuration or from sources cannot inject markup.
const indexHTML = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>tributary</title>
{{- range .Outputs}}{{$title := .Title}}{{range .Links}}
<link rel="alternate" {{.Type}} title="{{$title}} ({{.Label}})" href="{{.URL}}">
{{- end}}{{end}}
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
.ok { color: #080; } .bad { color: #b00; font-weight: bold; } .err { color: #666; font-size: 90%; word-break: break-word; }
code { font-size: 90%; }
</style>
</head>
<body>
<h1>tributary</h1>
<h2>Feeds</h2>
{{- if .Outputs}}
<ul>
{{- range .Outputs}}
<li><strong>{{.Title}}</strong> <code>{{.Name}}</code>{{if .Description}} — {{.Description}}{{end}}<br>
{{- range $i, $l := .Links}}{{if $i}} · {{end}}<a href="{{$l.URL}}">{{$l.Label}}</a>{{end}}</li>
{{- end}}
</ul>
{{- else}}
<p>No outputs are configured.</p>
{{- end}}
<h2>Sources</h2>
{{- if .Sources}}
<table>
<thead><tr><th>Source</th><th>Title</th><th>Health</th><th>Last success</th><th>Last error</th><th>Articles</th></tr></thead>
<tbody>
{{- range .Sources}}
<tr><td><code>{{.Name}}</code></td><td>{{.Title}}</td>
<td>{{if .Healthy}}<span class="ok">healthy</span>{{else}}<span class="bad">failing</span>{{end}}{{with .Note}} ({{.}}){{end}}</td>
<td>{{.LastSuccess}}</td><td class="err">{{.LastError}}</td><td>{{.Articles}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No sources are configured.</p>
{{- end}}
<p><small>Generated {{.Generated}}.</small></p>
</body>
</html>
`

type indexLink struct {
	Label, URL string
	// Type is the whole type attribute, built from constants: as a plain string html/template
	// would write "application/rss&#43;xml", correct HTML that naive autodiscovery code misreads.
	Type template.HTMLAttr
}

type indexOutput struct {
	Name, Title, Description string
	Links                    []indexLink
}

type indexSource struct {
	Name, Title, Note string
	Healthy           bool
	LastSuccess       string
	LastError         string
	Articles          int
}

type indexPage struct {
	Outputs   []indexOutput
	Sources   []indexSource
	Generated string
}

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	page := indexPage{Generated: formatTime(s.now())}
	for _, slot := range s.outputs.Load().list {
		o := indexOutput{Name: slot.out.Name, Title: feedTitle(slot.out), Description: cleanText(slot.out.Description)}
		for _, f := range Formats() {
			o.Links = append(o.Links, indexLink{Label: formatLabel(f), Type: template.HTMLAttr(`type="` + f.mediaType() + `"`), URL: slot.self[f]})
		}
		page.Outputs = append(page.Outputs, o)
	}
	if s.status != nil {
		for _, st := range s.status(r.Context()) {
			src := indexSource{
				Name:        st.Source.Name,
				Title:       st.Source.Title,
				Healthy:     st.Healthy(),
				LastSuccess: formatTime(st.State.LastSuccess),
				LastError:   st.State.LastError,
				Articles:    st.Articles,
			}
			switch {
			case st.State.Gone:
				src.Note = "gone: the source answered 410"
			case st.State.ConsecutiveFailures > 0:
				src.Note = strconv.Itoa(st.State.ConsecutiveFailures) + " failures in a row"
			case st.Running:
				src.Note = "refreshing"
			}
			page.Sources = append(page.Sources, src)
		}
	}
	var buf bytes.Buffer
	if err := s.index.Execute(&buf, page); err != nil {
		s.logger.Error("cannot render the index page", "error", err)
		s.observeCode("", "html", http.StatusInternalServerError)
		s.plainError(w, r, http.StatusInternalServerError, "500 internal server error\n")
		return
	}
	h := w.Header()
	h["Content-Type"] = []string{"text/html; charset=utf-8"}
	h["Content-Security-Policy"] = []string{indexCSP}
	h["X-Content-Type-Options"] = s.hdrNosniff
	h["Referrer-Policy"] = []string{"no-referrer"}
	h["Cache-Control"] = []string{"no-cache"}
	h["Content-Length"] = []string{strconv.Itoa(buf.Len())}
	s.observeCode("", "html", http.StatusOK)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func formatLabel(f Format) string {
	switch f {
	case RSS:
		return "RSS"
	case Atom:
		return "Atom"
	}
	return "JSON Feed"
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}
