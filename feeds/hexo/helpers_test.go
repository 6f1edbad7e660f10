package hexo

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"

	"tributary/aggregator"
	"tributary/aggregator/normalize"
	"tributary/aggregator/parse"
	"tributary/store"
)

// Paths of the shared fixtures, relative to this package's directory: the seed post, the real posts
// the fixture feeds were made from (a few of ../shared/realposts), the feeds.
const (
	seedFile     = "../../aggregator/testdata/seed/cls-depth-article.md"
	realpostsDir = "../../aggregator/testdata/realposts"
	fixtureDir   = "../../aggregator/testdata"
)

// seedPath is where the seed article's post must land.
const seedPath = "金融/财联社/深度/2021翼支付合作伙伴大会成功举办大咖_论道_共话数字发展图景.md"

// fetchedAt is the fixed "now" of the fixtures' refreshes, after every fixture's dates.
var fetchedAt = time.Date(2022, 4, 7, 0, 0, 0, 0, time.UTC)

// depthSource is the RSSHub /cls/depth/1000 source as config.toml configures it.
func depthSource(tb testing.TB) aggregator.Source {
	tb.Helper()
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		tb.Fatal(err)
	}
	return aggregator.Source{
		Name: "cls-depth", Title: "财联社 - 深度", URL: "https://rsshub.app/cls/depth/1000",
		Categories: []string{"金融", "财联社", "深度"}, Author: "财联社", Location: shanghai,
	}
}

// normalizeFixture runs a shared fixture through parse and normalize, as a refresh does.
func normalizeFixture(tb testing.TB, name string, now time.Time) []aggregator.Article {
	tb.Helper()
	body, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	feed, err := parse.Parse(body, "application/rss+xml; charset=utf-8")
	if err != nil {
		tb.Fatalf("parse %s: %v", name, err)
	}
	src := depthSource(tb)
	arts := normalize.New(normalize.Options{}).Feed(src, feed, src.URL, now)
	if len(arts) == 0 {
		tb.Fatalf("%s: no articles", name)
	}
	return arts
}

// testStore is a real store in a temporary directory whose clock is settable.
type testStore struct {
	*store.Store
	now time.Time
}

func openStore(tb testing.TB) *testStore {
	tb.Helper()
	ts := &testStore{now: fetchedAt}
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "tributary.db"),
		store.Options{Timeout: time.Second, Now: func() time.Time { return ts.now }})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	ts.Store = st
	return ts
}

// refresh stores one fixture as a fetch of the depth source at now and returns every stored article,
// newest first, as an output would select them.
func (ts *testStore) refresh(tb testing.TB, fixture string, now time.Time) []aggregator.Article {
	tb.Helper()
	ts.now = now
	ctx := context.Background()
	arts := normalizeFixture(tb, fixture, now)
	state := aggregator.FetchState{LastFetch: now, LastSuccess: now, LastStatus: aggregator.StatusUpdated}
	if _, err := ts.SaveFeed(ctx, "cls-depth", arts, state); err != nil {
		tb.Fatal(err)
	}
	return ts.articles(tb)
}

func (ts *testStore) articles(tb testing.TB) []aggregator.Article {
	tb.Helper()
	out, err := ts.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// mustSync runs a Sync that must succeed.
func mustSync(tb testing.TB, dir string, arts []aggregator.Article, o Options) Report {
	tb.Helper()
	rep, err := Sync(context.Background(), dir, arts, o)
	if err != nil {
		tb.Fatalf("Sync: %v", err)
	}
	return rep
}

// tree returns every regular file under dir (relative, "/"-separated) with its content, the manifest
// included.
func tree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// posts returns the sorted paths of the .md files under dir.
func posts(tb testing.TB, dir string) []string {
	tb.Helper()
	var out []string
	for p := range tree(tb, dir) {
		if strings.HasSuffix(p, ".md") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// frontMatter is the front matter of a post as a Hexo site reads it.
type frontMatter struct {
	Title      string   `yaml:"title"`
	Categories []string `yaml:"categories"`
	HeadImg    string   `yaml:"headimg"`
	Author     string   `yaml:"author"`
	Comments   bool     `yaml:"comments"`
	Date       string   `yaml:"date"`
	Thumbnail  string   `yaml:"thumbnail"`
}

// splitPost splits a post in the seed's layout into its front matter (the lines between the "---"
// lines) and its body (everything after the closing "---" line).
func splitPost(tb testing.TB, content string) (fm, body string) {
	tb.Helper()
	rest, ok := strings.CutPrefix(content, "\n---\n")
	if !ok {
		tb.Fatalf("post does not open with \"\\n---\\n\": %.80q", content)
	}
	fm, body, ok = strings.Cut(rest, "\n---\n")
	if !ok {
		tb.Fatalf("post has no closing ---: %.200q", content)
	}
	return fm + "\n", body
}

// parseFrontMatter reads a front matter with yaml.v3, checking the seed's field order.
func parseFrontMatter(tb testing.TB, fm string) frontMatter {
	tb.Helper()
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &node); err != nil {
		tb.Fatalf("front matter is not YAML: %v\n%s", err, fm)
	}
	if len(node.Content) != 1 || node.Content[0].Kind != yaml.MappingNode {
		tb.Fatalf("front matter is not a mapping:\n%s", fm)
	}
	// yaml.v3 would decode a bare true or 12 into a string field without complaint: check the tags,
	// which say what any YAML reader (Hexo's js-yaml) makes of each value.
	var keys []string
	pairs := node.Content[0].Content
	for i := 0; i+1 < len(pairs); i += 2 {
		k, v := pairs[i].Value, pairs[i+1]
		keys = append(keys, k)
		switch {
		case k == "comments":
			if v.Tag != "!!bool" {
				tb.Errorf("comments is %s, want !!bool", v.Tag)
			}
		case k == "categories":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue // no categories
			}
			if v.Kind != yaml.SequenceNode {
				tb.Errorf("categories is not a list:\n%s", fm)
				continue
			}
			for _, c := range v.Content {
				if c.Tag != "!!str" {
					tb.Errorf("category %q is %s, want !!str", c.Value, c.Tag)
				}
			}
		case k == "date" && v.Tag == "!!timestamp":
			// Hexo's own form, written with Options.SiteTimezone.
		case v.Tag != "!!str":
			tb.Errorf("%s %q is %s, want !!str", k, v.Value, v.Tag)
		}
	}
	want := []string{"title", "categories", "headimg", "author", "comments", "date", "thumbnail"}
	if !slices.Equal(keys, want) {
		tb.Errorf("front matter keys %q, want %q", keys, want)
	}
	var f frontMatter
	if err := node.Decode(&f); err != nil {
		tb.Fatalf("decode front matter: %v\n%s", err, fm)
	}
	return f
}

// checkHTMLBlock checks the body as a post holds it (got, between the `<div>` line and the `</div>`
// line) against the body it was made of: the same HTML, token for token once parsed, and one
// HTML block to Markdown from `<div>` to `</div>` (no blank line in between, by CommonMark's and
// marked's rules: LF, CRLF and CR end lines; spaces and tabs alone make a line blank), with no
// run of three backticks or tildes that Hexo would make a code block of. A body of white space
// alone may stay as it is.
func checkHTMLBlock(t *testing.T, body, got string) {
	t.Helper()
	if g, w := htmlTokens(got), htmlTokens(body); !slices.Equal(g, w) {
		t.Errorf("the post's body is other HTML than the article's\n got: %.300q\nwant: %.300q", g, w)
	}
	if strings.Trim(body, " \t\f\v\r\n") == "" {
		return
	}
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace("<div>   \n"+got+bodyClose), "\n")
	for i, l := range lines[:len(lines)-2] { // up to the </div> line
		if strings.Trim(l, " \t") == "" {
			t.Errorf("line %d inside the <div> is blank: Markdown would read what follows (body %.200q)", i, got)
			break
		}
	}
	if strings.Contains(got, "```") || strings.Contains(got, "~~~") {
		t.Errorf("a fence of backticks or tildes is left in the body: %.200q", got)
	}
}

// htmlTokens is s as an HTML parser reads it: tags with their attributes, and text with character
// references decoded and line breaks normalized, adjacent text tokens joined.
func htmlTokens(s string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := z.Token()
		if tt == html.TextToken {
			if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "text:") {
				out[n-1] += tok.Data
				continue
			}
			out = append(out, "text:"+tok.Data)
			continue
		}
		out = append(out, tok.String())
	}
}

// sameCounts compares the counts of two Reports, not what was skipped.
func sameCounts(a, b Report) bool {
	a.Skipped, b.Skipped = nil, nil
	return reflect.DeepEqual(a, b)
}
