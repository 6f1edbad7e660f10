package filter

import (
	"errors"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

var now = time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)

// sample is one article with every field set, 48 hours old.
func sample() aggregator.Article {
	return aggregator.Article{
		ID: "a", Title: "财联社 A股 Rally", Author: "Reuters Desk",
		Body:       `<p>Stocks <b>rose</b> &amp; bonds fell</p><img src="x.png">`,
		Categories: []string{"金融", "Markets"}, Sources: []string{"cls-depth", "wire"},
		Date: now.Add(-48 * time.Hour),
	}
}

func TestRules(t *testing.T) {
	keep := func(r aggregator.Rule) aggregator.Rule { r.Action = aggregator.RuleKeep; return r }
	drop := func(r aggregator.Rule) aggregator.Rule { r.Action = aggregator.RuleDrop; return r }
	tests := []struct {
		name  string
		rules []aggregator.Rule
		want  bool
	}{
		{"no rules keep everything", nil, true},
		{"title keyword ignores case", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"rally"}})}, true},
		{"title keyword absent", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"crash"}})}, false},
		{"keywords within a field OR", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"crash", "A股"}})}, true},
		{"title regex is case-sensitive", []aggregator.Rule{keep(aggregator.Rule{TitleRegex: `rally`})}, false},
		{"title regex with (?i)", []aggregator.Rule{keep(aggregator.Rule{TitleRegex: `(?i)rally$`})}, true},
		{"keyword or regex within a field", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"crash"}, TitleRegex: `^财联社`})}, true},
		{"text is the body's plain text", []aggregator.Rule{keep(aggregator.Rule{Text: []string{"rose & bonds"}})}, true},
		{"text holds no markup", []aggregator.Rule{keep(aggregator.Rule{Text: []string{"img"}})}, false},
		{"text regex", []aggregator.Rule{keep(aggregator.Rule{TextRegex: `^Stocks rose`})}, true},
		{"author keyword", []aggregator.Rule{drop(aggregator.Rule{Author: []string{"reuters"}})}, false},
		{"author regex", []aggregator.Rule{drop(aggregator.Rule{AuthorRegex: `^Desk`})}, true},
		{"any category matches", []aggregator.Rule{keep(aggregator.Rule{Category: []string{"markets"}})}, true},
		{"category keyword absent", []aggregator.Rule{keep(aggregator.Rule{Category: []string{"sport"}})}, false},
		{"category regex", []aggregator.Rule{keep(aggregator.Rule{CategoryRegex: `^金融$`})}, true},
		{"any source matches", []aggregator.Rule{drop(aggregator.Rule{Source: []string{"wire"}})}, false},
		{"source regex", []aggregator.Rule{keep(aggregator.Rule{SourceRegex: `^cls-`})}, true},
		{"fields AND: all hold", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"rally"}, Author: []string{"reuters"}})}, true},
		{"fields AND: one fails", []aggregator.Rule{keep(aggregator.Rule{Title: []string{"rally"}, Author: []string{"bloomberg"}})}, false},
		{"older_than holds", []aggregator.Rule{drop(aggregator.Rule{OlderThan: 24 * time.Hour})}, false},
		{"older_than does not hold", []aggregator.Rule{drop(aggregator.Rule{OlderThan: 72 * time.Hour})}, true},
		{"older_than ANDs with a field", []aggregator.Rule{drop(aggregator.Rule{OlderThan: 24 * time.Hour, Title: []string{"crash"}})}, true},
		{"drops win over keeps", []aggregator.Rule{
			keep(aggregator.Rule{Title: []string{"rally"}}), drop(aggregator.Rule{Author: []string{"reuters"}})}, false},
		{"drops win whatever the order", []aggregator.Rule{
			drop(aggregator.Rule{Author: []string{"reuters"}}), keep(aggregator.Rule{Title: []string{"rally"}})}, false},
		{"one keep rule of several suffices", []aggregator.Rule{
			keep(aggregator.Rule{Title: []string{"crash"}}), keep(aggregator.Rule{Source: []string{"cls-depth"}})}, true},
		{"a keep rule makes unmatched articles go", []aggregator.Rule{
			keep(aggregator.Rule{Title: []string{"crash"}}), drop(aggregator.Rule{Title: []string{"sport"}})}, false},
		{"drop rules alone keep the rest", []aggregator.Rule{drop(aggregator.Rule{Title: []string{"sport"}})}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Compile(tt.rules)
			if err != nil {
				t.Fatal(err)
			}
			a := sample()
			if got := f.Keeps(&a, now); got != tt.want {
				t.Errorf("Keeps = %v, want %v", got, tt.want)
			}
			kept := f.Apply([]aggregator.Article{a}, now)
			if (len(kept) == 1) != tt.want {
				t.Errorf("Apply kept %d, want %v", len(kept), tt.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	long := strings.Repeat("a", MaxPatternBytes+1)
	tests := []struct {
		name  string
		rules []aggregator.Rule
		want  string // the whole error
	}{
		{"missing paren", []aggregator.Rule{{Action: "keep", Title: []string{"x"}}, {Action: "drop", TitleRegex: "a(b"}},
			`rule 2: title_regex "a(b": missing closing ) at position 3`},
		{"unexpected paren", []aggregator.Rule{{Action: "drop", TextRegex: `a\)b)c`}},
			`rule 1: text_regex "a\\)b)c": unexpected ) at position 4`},
		{"missing bracket", []aggregator.Rule{{Action: "drop", AuthorRegex: `ab[c`}},
			`rule 1: author_regex "ab[c": missing closing ] at position 2`},
		{"bad escape", []aggregator.Rule{{Action: "drop", CategoryRegex: `x\qy`}},
			`rule 1: category_regex "x\\qy": invalid escape sequence at position 1`},
		{"bad repeat", []aggregator.Rule{{Action: "drop", SourceRegex: `a**`}},
			`rule 1: source_regex "a**": invalid nested repetition operator at position 1`},
		{"too long", []aggregator.Rule{{Action: "drop", TitleRegex: long}},
			`rule 1: title_regex "` + long + `": 1025 bytes: at most 1024`},
		{"too complex", []aggregator.Rule{{Action: "drop", TitleRegex: `[a-z]{1000}[0-9]{1000}x{1000}y{1000}z{1000}`}},
			`rule 1: title_regex "[a-z]{1000}[0-9]{1000}x{1000}y{1000}z{1000}": too complex: compiles to 5002 instructions, at most 2048 (a repeat such as {1000} multiplies what it repeats)`},
		{"missing action", []aggregator.Rule{{Title: []string{"x"}}}, `rule 1: action: is missing: want "keep" or "drop"`},
		{"bad action", []aggregator.Rule{{Action: "allow", Title: []string{"x"}}}, `rule 1: action "allow": want "keep" or "drop"`},
		{"no condition", []aggregator.Rule{{Action: "drop"}},
			`rule 1: sets no condition: give at least one of title, text, author, category, source, their _regex, or older_than`},
		{"empty keyword", []aggregator.Rule{{Action: "drop", Title: []string{" "}}}, `rule 1: title " ": an empty keyword would match every article`},
		{"negative age", []aggregator.Rule{{Action: "drop", OlderThan: -time.Hour}}, `rule 1: older_than "-1h0m0s": must not be negative`},
		{"every problem at once", []aggregator.Rule{{Action: "drop", TitleRegex: "(", Author: []string{""}}},
			"rule 1: title_regex \"(\": missing closing ) at position 1\nrule 1: author: an empty keyword would match every article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(tt.rules)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
			var re *RuleError
			if !errors.As(err, &re) {
				t.Errorf("%T is no *RuleError", err)
			}
		})
	}
	many := make([]aggregator.Rule, MaxRules+1)
	if _, err := Compile(many); err == nil || !strings.Contains(err.Error(), "at most 64") {
		t.Errorf("65 rules: %v", err)
	}
}

// TestExpiry: a result that depends on age is valid until the first article crosses an age.
func TestExpiry(t *testing.T) {
	f, err := Compile([]aggregator.Rule{{Action: "drop", OlderThan: 72 * time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	a, b := sample(), sample() // 48 h old
	b.Date = now.Add(-100 * time.Hour)
	arts := []aggregator.Article{a, b}
	if got := len(f.Apply(arts, now)); got != 1 {
		t.Fatalf("kept %d, want 1", got)
	}
	exp := f.Expiry(arts, now)
	if want := a.Date.Add(72*time.Hour + 1); !exp.Equal(want) {
		t.Fatalf("expiry %v, want %v", exp, want)
	}
	if got := len(f.Apply(arts, exp.Add(-1))); got != 1 {
		t.Errorf("just before expiry kept %d, want 1", got)
	}
	if got := len(f.Apply(arts, exp)); got != 0 {
		t.Errorf("at expiry kept %d, want 0", got)
	}
	if e := (*Filter)(nil).Expiry(arts, now); !e.IsZero() {
		t.Errorf("nil filter expiry %v", e)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain  text\n", "plain text"},
		{"<p>a</p><p>b</p>", "a b"},
		{"x &lt;b&gt; &amp; y", "x <b> & y"},
		{"un<terminated", "un"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
