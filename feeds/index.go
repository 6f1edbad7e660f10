package feeds

import (
	"bytes"
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"tributary/aggregator"
)

// indexHTML is the index page. html/template escapes every value for its context (text, attribute,
// URL), so titles, error texts and names from the configuration or from sources cannot inject markup;
// the CSP (pageCSP) would keep anything that did from running or loading.
const indexHTML = `<!DOCTYPE html>
<html lang="en">
<head>
{{template "head"}}
{{- if .Summary.Running}}
<meta http-equiv="refresh" content="15">
{{- end}}
<title>tributary</title>
{{- range .Outputs}}{{$title := .Title}}{{range .Links}}{{if .Type}}
<link rel="alternate" {{.Type}} title="{{$title}} ({{.Label}})" href="{{.URL}}">
{{- end}}{{end}}{{end}}
</head>
<body>
<h1>tributary</h1>
{{- with .Summary}}
<p id="summary" class="summary{{if or .Failing .Gone}} bad{{end}}"><strong>{{plural .Sources "source"}}</strong>
· {{if .Failing}}<strong>{{.Failing}} failing</strong>{{else}}none failing{{end}}
{{- if .Gone}} · {{.Gone}} gone{{end}}
{{- if .New}} · {{.New}} not fetched yet{{end}}
{{- if .Running}} · <span class="badge h-running">{{.Running}} refreshing now</span>{{end}}
· last refresh {{with .LastRefresh}}{{template "time" .}}{{else}}never{{end}}</p>
{{- end}}
<h2>Feeds</h2>
{{- if .Outputs}}
<ul id="outputs">
{{- range .Outputs}}
<li><strong><a href="{{.Preview}}">{{.Title}}</a></strong> <code>{{.Name}}</code>{{if .Description}} — {{.Description}}{{end}}<br>
{{- range $i, $l := .Links}}{{if $i}} · {{end}}<a href="{{$l.URL}}">{{$l.Label}}</a>{{end}}</li>
{{- end}}
</ul>
<p>All of them at once, for a feed reader's import: <a href="{{.OPML}}" type="text/x-opml">OPML</a></p>
{{- else}}
<p>No outputs are configured.</p>
{{- end}}
<h2>Sources</h2>
{{- if .Sources}}
<table id="sources">
<thead><tr><th>Source</th><th>Health</th><th>Last attempt</th><th>Last success</th><th>Next attempt</th><th>Last error</th><th>Articles</th></tr></thead>
<tbody>
{{- range .Sources}}
<tr class="{{.Health}}"><td><code>{{.Name}}</code>{{if .Title}}<br>{{.Title}}{{end}}</td>
<td><span class="badge h-{{.Health}}">{{.Health}}</span>{{if .Running}} <span class="badge h-running">refreshing</span>{{end}}
{{- if eq .Health "failing"}}<br><span class="muted">{{plural .Failures "failure"}} in a row</span>{{end}}
{{- if eq .Health "gone"}}<br><span class="muted">answered 410 Gone</span>{{end}}</td>
<td>{{with .LastAttempt}}{{template "time" .}}{{else}}never{{end}}{{with .LastStatus}}<br><span class="muted">{{.}}</span>{{end}}</td>
<td>{{with .LastSuccess}}{{template "time" .}}{{else}}never{{end}}</td>
<td>{{if eq .Health "gone"}}<span class="muted">none: refresh it by hand or reload the configuration</span>
{{- else}}{{with .Next}}{{template "time" .}}{{else}}—{{end}}{{if eq .Health "failing"}}<br><span class="muted">retry, backing off</span>{{end}}{{end}}</td>
<td class="err">{{.LastError}}</td><td>{{.Articles}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No sources are configured.</p>
{{- end}}
{{- if .Exports}}
<h2>Exports</h2>
<table id="exports">
<thead><tr><th>Directory</th><th>Status</th><th>Last run</th><th>Posts</th><th>After-command</th></tr></thead>
<tbody>
{{- range .Exports}}
<tr class="{{.Class}}"><td><code>{{.Dir}}</code>{{with .Output}}<br><span class="muted">output <code>{{.}}</code></span>{{end}}</td>
<td><span class="badge h-{{.Class}}">{{.Status}}</span></td>
<td>{{with .LastRunTime}}{{template "time" .}}{{else}}never{{end}}{{with .SuccessTime}}<br><span class="muted">last success {{template "time" .}}</span>{{end}}</td>
<td>{{.Written}} written · {{.Renamed}} renamed · {{.Removed}} removed{{if .Skipped}} · {{.Skipped}} skipped{{end}}
{{- with .ChangeTime}}<br><span class="muted">changed {{template "time" .}}</span>{{end}}{{with .Error}}<br><span class="err">{{.}}</span>{{end}}</td>
<td>{{with .After}}<code>{{.Command}}</code><br><span class="badge h-{{if eq .Status "ok"}}ok{{else}}failing{{end}}">exit {{.ExitCode}}</span> · {{plural .ErrorLines "error line"}} · {{.Duration}}
{{- if .LastErrors}}<pre class="err">{{range .LastErrors}}{{.}}
{{end}}</pre>{{end}}
{{- with .OutputTail}}<details><summary>output</summary><pre>{{.}}</pre></details>{{end}}
{{- else}}<span class="muted">not run</span>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<p class="muted">Generated {{.Generated}}.{{if .Summary.Running}} This page reloads every 15 s while a refresh runs.{{end}}</p>
</body>
</html>
`

type indexLink struct {
	Label, URL string
	// Type is the whole type attribute, built from constants: as a plain string html/template
	// would write "application/rss&#43;xml", correct HTML that naive autodiscovery code misreads.
	// It is empty for the preview, which is no feed.
	Type template.HTMLAttr
}

type indexOutput struct {
	Name, Title, Description, Preview string
	Links                             []indexLink
}

type indexSource struct {
	Name, Title string
	Health      string // one of aggregator's Health* words; also the row's and badge's class
	Running     bool
	Failures    int
	LastStatus  string
	LastError   string
	Articles    int

	LastAttempt, LastSuccess, Next *pageTime
}

type indexSummary struct {
	Sources, Failing, Gone, New, Running int
	LastRefresh                          *pageTime
}

type indexPage struct {
	Summary   indexSummary
	Outputs   []indexOutput
	Sources   []indexSource
	Exports   []indexExport
	Generated string
	// OPML is the URL of the list of every output (GET /opml).
	OPML string
}

// healthRank orders the sources table: what needs the operator comes first, failing sources (which
// may recover on their own, or may not) before gone ones (which will not be fetched again).
func healthRank(health string) int {
	switch health {
	case aggregator.HealthFailing:
		return 0
	case aggregator.HealthGone:
		return 1
	case aggregator.HealthNew:
		return 2
	}
	return 3
}

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	page := indexPage{Generated: formatTime(now), OPML: s.base + opmlPath}
	for _, slot := range s.outputs.Load().list {
		o := indexOutput{Name: slot.out.Name, Title: feedTitle(slot.out), Description: cleanText(slot.out.Description), Preview: slot.preview}
		o.Links = append(o.Links, indexLink{Label: "Read", URL: slot.preview})
		for _, f := range Formats() {
			o.Links = append(o.Links, indexLink{Label: formatLabel(f), Type: template.HTMLAttr(`type="` + f.mediaType() + `"`), URL: slot.self[f]})
		}
		page.Outputs = append(page.Outputs, o)
	}
	if s.status != nil {
		sum := &page.Summary
		var last aggregator.FetchState
		for _, st := range s.status(r.Context()) {
			src := indexSource{
				Name:        st.Source.Name,
				Title:       st.Source.Title,
				Health:      st.Health(),
				Running:     st.Running,
				Failures:    st.State.ConsecutiveFailures,
				LastStatus:  string(st.State.LastStatus),
				LastError:   st.State.LastError,
				Articles:    st.Articles,
				LastAttempt: newPageTime(st.State.LastFetch, now),
				LastSuccess: newPageTime(st.State.LastSuccess, now),
				Next:        newPageTime(st.NextRun, now),
			}
			sum.Sources++
			switch src.Health {
			case aggregator.HealthFailing:
				sum.Failing++
			case aggregator.HealthGone:
				sum.Gone++
			case aggregator.HealthNew:
				sum.New++
			}
			if st.Running {
				sum.Running++
			}
			if st.State.LastFetch.After(last.LastFetch) {
				last = st.State
			}
			page.Sources = append(page.Sources, src)
		}
		sum.LastRefresh = newPageTime(last.LastFetch, now)
		slices.SortStableFunc(page.Sources, func(a, b indexSource) int {
			return cmp.Compare(healthRank(a.Health), healthRank(b.Health))
		})
	}
	if s.exports != nil {
		page.Exports = newIndexExports(s.exports(r.Context()), now)
	}
	var buf bytes.Buffer
	if err := s.index.Execute(&buf, page); err != nil {
		s.logger.Error("cannot render the index page", "error", err)
		s.observeCode("", "html", http.StatusInternalServerError)
		s.plainError(w, r, http.StatusInternalServerError, "500 internal server error\n")
		return
	}
	w.Header()["Cache-Control"] = []string{"no-cache"}
	s.observeCode("", "html", http.StatusOK)
	s.writePage(w, r, s.hdrIndexCSP, buf.Bytes())
}

// plural writes "1 source", "3 sources": the pages' template function of that name.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
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
