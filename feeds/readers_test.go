package feeds

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// readerCase is a feed URL and the titles it must show.
type readerCase struct {
	path string
	want []string
}

// readerCases are filtered outputs, by rules and by query parameters, with the titles each must
// show: what TestReadersFiltered has real feed readers check.
func readerCases(tb testing.TB) (outputs []aggregator.Output, cases []readerCase) {
	arts := fixtureArticles(tb)
	m2, asia, seed, bare := arts[0].Title, arts[1].Title, arts[2].Title, arts[3].Title
	outputs = []aggregator.Output{
		fixtureOutput(),
		{Name: "finance", Title: "金融", Limit: 10, Rules: []aggregator.Rule{
			{Action: "keep", Category: []string{"金融"}},
			{Action: "drop", TextRegex: `广义货币`},
		}},
	}
	for _, f := range []Format{RSS, Atom} {
		ext := f.Ext()
		cases = append(cases,
			struct {
				path string
				want []string
			}{"/feeds/finance." + ext, []string{seed}},
			struct {
				path string
				want []string
			}{"/feeds/all." + ext + "?filterout=%E8%B4%A2%E8%81%94%E7%A4%BE&limit=5", []string{asia, seed, bare}},
			struct {
				path string
				want []string
			}{"/feeds/all." + ext + "?filter=m2%7Cbonds&filter_case_sensitive=false", []string{m2, asia}},
			struct {
				path string
				want []string
			}{"/feeds/all." + ext + "?filter_title=story&filter_author=%5E%24", []string{bare}},
		)
	}
	return outputs, cases
}

func newReadersServer(tb testing.TB) (*httptest.Server, []readerCase) {
	tb.Helper()
	st := openStore(tb)
	save(tb, st, "cls-depth", fixtureArticles(tb))
	outputs, cases := readerCases(tb)
	srv := New(Options{Store: st, Outputs: outputs, BaseURL: testBase})
	ts := httptest.NewServer(srv.Handler())
	tb.Cleanup(ts.Close)
	return ts, cases
}

// TestFeedparserReadsFiltered: Python's feedparser reads filtered outputs and per-query outputs,
// fetched over HTTP, without error (bozo) and with exactly the titles the filters leave.
func TestFeedparserReadsFiltered(t *testing.T) {
	python := testenv.Tool(t, "/usr/bin/python3", "apt-get install -y python3-feedparser")
	if err := exec.Command(python, "-c", "import feedparser").Run(); err != nil {
		testenv.Missing(t, "needs feedparser for /usr/bin/python3 (apt-get install -y python3-feedparser)")
	}
	ts, cases := newReadersServer(t)
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			resp, err := http.Get(ts.URL + c.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if got := feedparserTitles(t, python, body); !slices.Equal(got, c.want) {
				t.Errorf("feedparser titles %q, want %q", got, c.want)
			}
		})
	}
}

// TestNewsboatReadsFiltered: newsboat subscribes to the same URLs (queries included, as a reader
// stores them), reloads them all in one run without an error in its log, and stores exactly the
// titles the filters leave for each.
func TestNewsboatReadsFiltered(t *testing.T) {
	newsboat := testenv.Tool(t, "newsboat", "apt-get install -y newsboat")
	python := testenv.Tool(t, "/usr/bin/python3", "apt-get install -y python3")
	ts, cases := newReadersServer(t)
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			// One run and one cache per URL: newsboat keeps an article once by its guid, whichever
			// feed it came from, and these outputs share articles.
			titles := newsboatTitles(t, newsboat, python, ts.URL+c.path)
			slices.Sort(titles)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(titles, want) {
				t.Errorf("newsboat stored %q, want %q", titles, want)
			}
		})
	}
}

// newsboatTitles has newsboat reload url, fails tb on anything in its error log, and returns the
// titles it stored, read back from its SQLite cache with Python's sqlite3.
func newsboatTitles(tb testing.TB, newsboat, python, url string) []string {
	tb.Helper()
	dir := tb.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			tb.Fatal(err)
		}
		return p
	}
	urlsFile := write("urls", url+"\n")
	errLog := filepath.Join(dir, "error.log")
	config := write("config", fmt.Sprintf("error-log %q\n", errLog))
	cache := filepath.Join(dir, "cache.db")
	cmd := exec.Command(newsboat, "-u", urlsFile, "-c", cache, "-C", config, "-x", "reload")
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("newsboat reload: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(errLog); len(strings.TrimSpace(string(b))) > 0 {
		tb.Errorf("newsboat logged errors:\n%s", b)
	}
	q := exec.Command(python, "-c", `
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
feeds = c.execute("select count(*) from rss_feed where rssurl = ?", (sys.argv[2],)).fetchone()[0]
print(json.dumps({"feeds": feeds, "titles": [t for (t,) in c.execute("select title from rss_item where feedurl = ?", (sys.argv[2],))]}))
`, cache, url)
	res, err := q.Output()
	if err != nil {
		tb.Fatalf("reading newsboat's cache: %v", err)
	}
	var got struct {
		Feeds  int
		Titles []string
	}
	if err := json.Unmarshal(res, &got); err != nil {
		tb.Fatal(err)
	}
	if got.Feeds != 1 {
		tb.Fatalf("newsboat stored no feed for %s", url)
	}
	return got.Titles
}
