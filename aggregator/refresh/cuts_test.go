package refresh

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/normalize"
)

// TestCategoryFloodIsCutAndLoggedOnce: a feed whose every entry lists hundreds of distinct
// categories is stored with each article's categories capped, and the cut is logged once for the
// fetch, with how many fields were cut, not once per entry.
func TestCategoryFloodIsCutAndLoggedOnce(t *testing.T) {
	const items, cats = 100, 200
	var feed strings.Builder
	feed.WriteString(`<rss version="2.0"><channel><title>flood</title>`)
	for i := range items {
		fmt.Fprintf(&feed, `<item><title>%s %d</title><link>http://example.com/%d</link>`, strings.Repeat("t", normalize.MaxTitleRunes), i, i)
		for c := range cats {
			fmt.Fprintf(&feed, "<category>c%d-%d</category>", i, c)
		}
		feed.WriteString("</item>")
	}
	feed.WriteString("</channel></rss>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, feed.String())
	}))
	defer srv.Close()
	logs := &lockedBuffer{}
	h := newHarness(t, []aggregator.Source{src("flood", srv.URL)}, Options{Logger: slog.New(slog.NewJSONHandler(logs, nil))})

	if res := h.refresh(true); res[0].Status != aggregator.StatusUpdated || res[0].New != items {
		t.Fatalf("refresh: %+v", res[0])
	}
	arts, err := h.store.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if len(a.Categories) != normalize.MaxCategories {
			t.Fatalf("article %s: %d categories, want the cap of %d", a.ID, len(a.Categories), normalize.MaxCategories)
		}
	}
	type cutLog struct {
		Msg           string `json:"msg"`
		Titles        int    `json:"titles"`
		CategoryLists int    `json:"category_lists"`
		Lists         int    `json:"lists"`
	}
	var got []cutLog
	logs.mu.Lock()
	for _, line := range strings.Split(strings.TrimSpace(logs.b.String()), "\n") {
		var rec cutLog
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "feed fields cut to their limits" {
			got = append(got, rec)
		}
	}
	logs.mu.Unlock()
	want := cutLog{Msg: "feed fields cut to their limits", Titles: items, CategoryLists: items, Lists: items}
	if len(got) != 1 || got[0] != want {
		t.Errorf("cut log records %+v, want one: %+v", got, want)
	}
}
