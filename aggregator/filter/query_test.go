package filter

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// queryArticles are three articles, newest first, as an output serves them.
func queryArticles() []aggregator.Article {
	return []aggregator.Article{
		{ID: "1", Title: "Blue sky", Body: "<p>calm day</p>", Author: "Alice", Categories: []string{"Weather"}, Date: now.Add(-time.Hour)},
		{ID: "2", Title: "Yellow card", Body: "<p>a Blue moment</p>", Author: "Bob", Categories: []string{"Sport", "Football"}, Date: now.Add(-3 * time.Hour)},
		{ID: "3", Title: "Black Friday", Body: "", Author: "Carol", Categories: []string{"Retail"}, Date: now.Add(-48 * time.Hour)},
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		name, raw string
		want      string // IDs kept, in order
		key       string
	}{
		{"empty", "", "123", ""},
		{"unknown parameters are ignored", "format=rss&mode=fulltext&key=x", "123", ""},
		{"empty values are ignored", "filter=&limit=", "123", ""},
		{"filter over title", "filter=Yellow", "2", "filter=Yellow"},
		{"filter over description", "filter=calm", "1", "filter=calm"},
		{"filter over author", "filter=^Carol$", "3", "filter=%5ECarol%24"},
		{"filter over any category", "filter=Football", "2", "filter=Football"},
		{"filter alternatives", "filter=Blue|Black", "123", "filter=Blue%7CBlack"},
		{"case-sensitive by default", "filter=blue", "", "filter=blue"},
		{"filter_case_sensitive=false", "filter=blue&filter_case_sensitive=false", "12", "filter=blue&filter_case_sensitive=false"},
		{"filter_case_sensitive other values stay sensitive", "filter=blue&filter_case_sensitive=0", "", "filter=blue"},
		{"filter_case_sensitive alone changes nothing", "filter_case_sensitive=false", "123", ""},
		{"filter_title", "filter_title=Blue", "1", "filter_title=Blue"},
		{"description is the title when there is no body", "filter_description=Friday", "3", "filter_description=Friday"},
		{"description is the HTML body", "filter_description=<p>", "12", "filter_description=%3Cp%3E"},
		{"field filters AND", "filter_title=Blue|Yellow&filter_author=Bob", "2", "filter_author=Bob&filter_title=Blue%7CYellow"},
		{"filter_category any", "filter_category=^Sport$", "2", "filter_category=%5ESport%24"},
		{"filter makes field filters ignored", "filter=Black&filter_title=Blue", "3", "filter=Black"},
		{"filterout over title and description", "filterout=Blue", "3", "filterout=Blue"},
		{"filterout_title replaces filterout for titles", "filterout=Blue&filterout_title=Black", "1", "filterout=Blue&filterout_title=Black"},
		{"filterout leaves authors alone", "filterout=Alice", "123", "filterout=Alice"},
		{"filterout_author", "filterout_author=Alice|Bob", "3", "filterout_author=Alice%7CBob"},
		{"filterout_category any", "filterout_category=Football", "13", "filterout_category=Football"},
		{"filterout_description", "filterout_description=moment", "13", "filterout_description=moment"},
		{"filter and filterout together", "filter=Blue&filterout_author=Bob", "1", "filter=Blue&filterout_author=Bob"},
		{"filter_time in seconds", "filter_time=7200", "1", "filter_time=7200"},
		{"filter_time normalized", "filter_time=010800", "12", "filter_time=10800"},
		{"limit after filtering", "filterout=Blue&limit=5", "3", "filterout=Blue&limit=5"},
		{"limit", "limit=2", "12", "limit=2"},
		{"limit 0", "limit=0", "", "limit=0"},
		{"plus is a space", "filter_title=Blue+sky", "1", "filter_title=Blue+sky"},
		{"order does not change the key", "limit=1&filter=Blue", "1", "filter=Blue&limit=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if q.Key() != tt.key {
				t.Errorf("key %q, want %q", q.Key(), tt.key)
			}
			if q.IsZero() != (tt.key == "") {
				t.Errorf("IsZero = %v", q.IsZero())
			}
			kept, _, _ := q.Apply(context.Background(), queryArticles(), now)
			var ids strings.Builder
			for _, a := range kept {
				ids.WriteString(a.ID)
			}
			if ids.String() != tt.want {
				t.Errorf("kept %q, want %q", ids.String(), tt.want)
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	long := strings.Repeat("a", MaxParamBytes+1)
	tests := []struct{ name, raw, want string }{
		{"bad regex", "filter_title=a(b", "filter_title: missing closing ) at position 3"},
		{"bad regex in filterout", "limit=3&filterout=x[", "filterout: missing closing ] at position 1"},
		{"Perl syntax RE2 lacks", "filter=x(?!a)", "filter: invalid or unsupported Perl syntax at position 1"},
		{"too long", "filter=" + long, "filter: 1025 bytes: at most 1024"},
		{"too complex", "filter=" + strings.Repeat(".{1000}", 5), "filter: too complex: compiles to 5002 instructions, at most 2048 (a repeat such as {1000} multiplies what it repeats)"},
		{"repeated", "filter=a&filter=b", "filter: given more than once"},
		{"bad escape", "filter=%zz", "filter: bad %-escape: encode the value with encodeURIComponent"},
		{"bad limit", "limit=ten", "limit: want a whole number between 0 and 10000"},
		{"limit too large", "limit=10001", "limit: want a whole number between 0 and 10000"},
		{"negative limit", "limit=-1", "limit: want a whole number between 0 and 10000"},
		{"bad filter_time", "filter_time=1h", "filter_time: want a whole number of seconds between 0 and 3153600000"},
		{"too many parameters", strings.Repeat("x=1&", MaxParams) + "y=2", "query: 33 parameters: at most 32"},
		{"query too long", "x=" + strings.Repeat("a", MaxQueryBytes), "query: 16386 bytes: at most 16384"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(tt.raw)
			if err == nil {
				err = q.Compile()
			}
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParamError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

// TestQueryExpiry: filter_time's answer changes when the first kept article ages out.
func TestQueryExpiry(t *testing.T) {
	q, err := ParseQuery("filter_time=7200")
	if err != nil {
		t.Fatal(err)
	}
	arts := queryArticles()
	kept, exp, _ := q.Apply(context.Background(), arts, now)
	if len(kept) != 1 {
		t.Fatalf("kept %d", len(kept))
	}
	if want := arts[0].Date.Add(2*time.Hour + 1); !exp.Equal(want) {
		t.Fatalf("expires %v, want %v", exp, want)
	}
	if kept, _, _ := q.Apply(context.Background(), arts, exp); len(kept) != 0 {
		t.Errorf("at expiry kept %d, want 0", len(kept))
	}
	if _, exp, _ := mustQuery(t, "filter=Blue").Apply(context.Background(), arts, now); !exp.IsZero() {
		t.Errorf("a query without filter_time expires at %v", exp)
	}
}

func mustQuery(tb testing.TB, raw string) *Query {
	tb.Helper()
	q, err := ParseQuery(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return q
}

// FuzzParseQuery: any query string parses or fails with a *ParamError, never panics; a parsed
// query's key parses to itself, and applying it never panics.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "filter=a(b", "filter=Blue|Black&filter_case_sensitive=false&limit=2",
		"filterout=x&filterout_title=y&filter_time=60", "filter_category=%E9%87%91&x=%zz", "limit=1&limit=2",
		"filter=" + strings.Repeat("(a|b)*", 100)} {
		f.Add(s)
	}
	arts := queryArticles()
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseQuery(raw)
		if err == nil {
			err = q.Compile()
		}
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("%T %v is not a *ParamError", err, err)
			}
			return
		}
		again, err := ParseQuery(q.Key())
		if err == nil {
			err = again.Compile()
		}
		if err != nil || again.Key() != q.Key() {
			t.Fatalf("key %q parses to %v, %v", q.Key(), again, err)
		}
		q.Apply(context.Background(), arts, now)
	})
}

// FuzzCompileRegex: any pattern compiles or fails with a message, never panics, and a position in
// the message is inside the pattern.
func FuzzCompileRegex(f *testing.F) {
	for _, s := range []string{"a(b", `a\)b)c`, "[", `\q`, "a**", "(?P<n>x)", "[]a]", ")"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		_, err := compileRegex(p, false)
		if err == nil {
			return
		}
		msg := err.Error()
		if i := strings.LastIndex(msg, " at position "); i >= 0 {
			var pos int
			if _, serr := fmtSscan(msg[i+len(" at position "):], &pos); serr != nil || pos < 0 || pos > len(p) {
				t.Fatalf("%q: position out of the pattern: %s", p, msg)
			}
		}
	})
}

func fmtSscan(s string, n *int) (int, error) { return fmt.Sscan(s, n) }

// TestQueryTooExpensive: Apply stops at a done context instead of matching every article.
func TestQueryTooExpensive(t *testing.T) {
	q := mustQuery(t, "filter=x")
	arts := make([]aggregator.Article, 100)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := q.Apply(ctx, arts, now); !errors.Is(err, ErrTooExpensive) {
		t.Errorf("err = %v, want ErrTooExpensive", err)
	}
	if _, _, err := q.Apply(ctx, arts[:10], now); err != nil {
		t.Errorf("a short list is matched whole: %v", err)
	}
}
