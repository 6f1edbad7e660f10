package filter

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"tributary/aggregator"
)

// Bounds on the query string of a request for an output. Parameters this package does not know are
// ignored, as RSSHub ignores them, but they count against these bounds.
const (
	// MaxQueryBytes bounds the raw query string.
	MaxQueryBytes = 16 << 10
	// MaxParams bounds the parameters of one query, known or not.
	MaxParams = 32
	// MaxParamBytes bounds the decoded value of one known parameter.
	MaxParamBytes = 1 << 10
	// MaxLimit bounds `limit`; an output never serves more articles than this anyway.
	MaxLimit = 10000
	// maxFilterTime bounds `filter_time` (100 years in seconds), so that it fits a time.Duration.
	maxFilterTime = 100 * 365 * 24 * 3600
)

// The query parameters, as RSSHub names them (its docs, "Parameters"; its
// lib/middleware/parameter.ts).
const (
	ParamFilter              = "filter"
	ParamFilterTitle         = "filter_title"
	ParamFilterDescription   = "filter_description"
	ParamFilterAuthor        = "filter_author"
	ParamFilterCategory      = "filter_category"
	ParamFilterout           = "filterout"
	ParamFilteroutTitle      = "filterout_title"
	ParamFilteroutDesc       = "filterout_description"
	ParamFilteroutAuthor     = "filterout_author"
	ParamFilteroutCategory   = "filterout_category"
	ParamFilterCaseSensitive = "filter_case_sensitive"
	ParamFilterTime          = "filter_time"
	ParamLimit               = "limit"
)

// regexParams are the parameters holding a regular expression, in the order of the normalized key.
var regexParams = []string{
	ParamFilter, ParamFilterTitle, ParamFilterDescription, ParamFilterAuthor, ParamFilterCategory,
	ParamFilterout, ParamFilteroutTitle, ParamFilteroutDesc, ParamFilteroutAuthor, ParamFilteroutCategory,
}

// known says which parameters a query reads.
var known = map[string]bool{
	ParamFilter: true, ParamFilterTitle: true, ParamFilterDescription: true, ParamFilterAuthor: true,
	ParamFilterCategory: true, ParamFilterout: true, ParamFilteroutTitle: true, ParamFilteroutDesc: true,
	ParamFilteroutAuthor: true, ParamFilteroutCategory: true, ParamFilterCaseSensitive: true,
	ParamFilterTime: true, ParamLimit: true,
}

// ParamError is a query parameter that cannot be used, and why; the server answers it with a 400.
// It never holds the value: nothing a client sends is echoed back.
type ParamError struct {
	// Param is the parameter's name, or "" for the query as a whole.
	Param  string
	Reason string
}

// Error names the parameter and says why it cannot be used.
func (e *ParamError) Error() string {
	if e.Param == "" {
		return "query: " + e.Reason
	}
	return e.Param + ": " + e.Reason
}

// Query is a parsed, compiled query string with RSSHub's meanings:
//
//   - filter: a regular expression; an article is kept when it matches its title, description
//     (the HTML body, or the title when there is none), author or any of its categories. When
//     filter is given, the filter_* field parameters are ignored, as in RSSHub.
//   - filter_title, filter_description, filter_author, filter_category: each given one must match
//     its field (a category filter matches when any category does).
//   - filterout: drops articles whose title or description matches; filterout_title and
//     filterout_description replace it for their field; filterout_author and filterout_category
//     drop articles whose author or any category matches.
//   - filter_case_sensitive: "false" makes every expression ignore case; anything else, or its
//     absence, keeps them case-sensitive (RSSHub's default, true).
//   - filter_time: seconds; keeps articles dated at most that long ago.
//   - limit: keeps the first N articles left after filtering.
//
// Parameters with an empty value are ignored, as RSSHub ignores them. Once compiled (Compile), a
// Query is safe for concurrent use.
type Query struct {
	key string
	// patterns are the expressions by parameter, in regexParams order, until Compile compiles them.
	patterns    [][2]string
	insensitive bool
	compiled    bool
	compileErr  error
	any         *regexp.Regexp                 // filter
	only        [numQueryFields]*regexp.Regexp // filter_*; nil when filter is given
	out         [numQueryFields]*regexp.Regexp // filterout and filterout_*
	maxAge      time.Duration                  // filter_time; 0 when absent
	hasAge      bool
	limit       int
	hasLimit    bool
}

// The fields of the query parameters, in RSSHub's terms.
const (
	qTitle = iota
	qDescription
	qAuthor
	qCategory
	numQueryFields
)

// ParseQuery parses the raw query string of a request. Unknown parameters are ignored; a known one
// that is repeated, too long, or holds a malformed number is an error (*ParamError) that says which
// and why. Compile then compiles its expressions.
func ParseQuery(raw string) (*Query, error) {
	if len(raw) > MaxQueryBytes {
		return nil, &ParamError{Reason: fmt.Sprintf("%d bytes: at most %d", len(raw), MaxQueryBytes)}
	}
	if n := strings.Count(raw, "&") + 1; raw != "" && n > MaxParams {
		return nil, &ParamError{Reason: fmt.Sprintf("%d parameters: at most %d", n, MaxParams)}
	}
	vals := map[string]string{}
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(k)
		if err != nil || !known[name] {
			continue // unknown parameters are ignored, whatever they hold
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return nil, &ParamError{Param: name, Reason: "bad %-escape: encode the value with encodeURIComponent"}
		}
		if _, dup := vals[name]; dup {
			return nil, &ParamError{Param: name, Reason: "given more than once"}
		}
		if len(value) > MaxParamBytes {
			return nil, &ParamError{Param: name, Reason: fmt.Sprintf("%d bytes: at most %d", len(value), MaxParamBytes)}
		}
		vals[name] = value
	}
	return newQuery(vals)
}

// newQuery builds the Query of the decoded known parameters, in normal form, without compiling it.
func newQuery(vals map[string]string) (*Query, error) {
	q := &Query{}
	insensitive := vals[ParamFilterCaseSensitive] == "false"
	if vals[ParamFilter] != "" {
		for _, p := range []string{ParamFilterTitle, ParamFilterDescription, ParamFilterAuthor, ParamFilterCategory} {
			delete(vals, p) // ignored, as RSSHub ignores them next to filter
		}
	}
	key := url.Values{}
	for _, p := range regexParams {
		if v := vals[p]; v != "" {
			q.patterns = append(q.patterns, [2]string{p, v})
			key.Set(p, v)
		}
	}
	if len(q.patterns) > 0 && insensitive {
		q.insensitive = true
		key.Set(ParamFilterCaseSensitive, "false")
	}
	if v := vals[ParamFilterTime]; v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || n > maxFilterTime {
			return nil, &ParamError{Param: ParamFilterTime, Reason: fmt.Sprintf("want a whole number of seconds between 0 and %d", maxFilterTime)}
		}
		q.maxAge, q.hasAge = time.Duration(n)*time.Second, true
		key.Set(ParamFilterTime, strconv.FormatInt(n, 10))
	}
	if v := vals[ParamLimit]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > MaxLimit {
			return nil, &ParamError{Param: ParamLimit, Reason: fmt.Sprintf("want a whole number between 0 and %d", MaxLimit)}
		}
		q.limit, q.hasLimit = n, true
		key.Set(ParamLimit, strconv.Itoa(n))
	}
	q.key = key.Encode() // sorted by name: equal queries get equal keys
	return q, nil
}

// Compile compiles q's regular expressions; a malformed or too costly one is a *ParamError. It is
// apart from ParseQuery so that a server can look its cache up by Key first: a query found there
// compiled before, and compiling is most of what parsing a query costs. Apply compiles q if
// Compile was not called. Call it before sharing q between goroutines.
func (q *Query) Compile() error {
	if q.compiled {
		return q.compileErr
	}
	q.compiled = true
	res := map[string]*regexp.Regexp{}
	for _, pv := range q.patterns {
		re, err := compileRegex(pv[1], q.insensitive)
		if err != nil {
			q.compileErr = &ParamError{Param: pv[0], Reason: err.Error()}
			return q.compileErr
		}
		res[pv[0]] = re
	}
	q.any = res[ParamFilter]
	q.only = [numQueryFields]*regexp.Regexp{res[ParamFilterTitle], res[ParamFilterDescription], res[ParamFilterAuthor], res[ParamFilterCategory]}
	q.out = [numQueryFields]*regexp.Regexp{res[ParamFilteroutTitle], res[ParamFilteroutDesc], res[ParamFilteroutAuthor], res[ParamFilteroutCategory]}
	if re := res[ParamFilterout]; re != nil {
		for _, f := range []int{qTitle, qDescription} {
			if q.out[f] == nil {
				q.out[f] = re
			}
		}
	}
	return nil
}

// IsZero reports whether q changes nothing: the plain output serves it.
func (q *Query) IsZero() bool { return q.key == "" }

// Key is q in normal form (known, effective parameters only, sorted, encoded): two queries with
// the same Key select the same articles, so it keys their cache and is the query of their self link.
func (q *Query) Key() string { return q.key }

// Apply returns the articles q keeps out of articles (newest first, as an output serves them) at
// time now, and the first moment after now when filter_time will change that answer (zero when it
// never will).
//
// Matching is linear in the text but, for the largest patterns, 3 to 4.5 ms per article
// body (feeds' BenchmarkWorstPattern), so Apply checks ctx between articles and returns
// ErrTooExpensive when it is done: the caller bounds what one query may cost.
func (q *Query) Apply(ctx context.Context, articles []aggregator.Article, now time.Time) ([]aggregator.Article, time.Time, error) {
	if err := q.Compile(); err != nil {
		return nil, time.Time{}, err
	}
	var expires time.Time
	if q.hasAge {
		expires = ageExpiry(articles, []time.Duration{q.maxAge}, now)
	}
	out := articles[:0:0]
	for i := range articles {
		if i%16 == 15 && ctx.Err() != nil {
			return nil, time.Time{}, ErrTooExpensive
		}
		if q.keeps(&articles[i], now) {
			out = append(out, articles[i])
			if q.hasLimit && len(out) >= q.limit {
				break
			}
		}
	}
	if q.hasLimit && q.limit == 0 {
		out = out[:0]
	}
	return out, expires, nil
}

// ErrTooExpensive is returned by Apply when its context ends before every article was matched:
// the query's expressions cost too much over this output.
var ErrTooExpensive = errors.New("the expressions take too long to match this output's articles: simplify them")

func (q *Query) keeps(a *aggregator.Article, now time.Time) bool {
	if q.hasAge && now.Sub(a.Date) > q.maxAge {
		return false
	}
	desc := a.Body
	if desc == "" {
		desc = a.Title
	}
	fields := [numQueryFields]string{a.Title, desc, a.Author}
	if q.any != nil && !matchAny(q.any, fields[:qCategory], a.Categories) {
		return false
	}
	for f, re := range q.only {
		if re != nil && !matchField(re, f, fields, a.Categories) {
			return false
		}
	}
	for f, re := range q.out {
		if re != nil && matchField(re, f, fields, a.Categories) {
			return false
		}
	}
	return true
}

func matchAny(re *regexp.Regexp, fields []string, categories []string) bool {
	for _, s := range fields {
		if re.MatchString(s) {
			return true
		}
	}
	return anyCategory(re, categories)
}

func matchField(re *regexp.Regexp, f int, fields [numQueryFields]string, categories []string) bool {
	if f == qCategory {
		return anyCategory(re, categories)
	}
	return re.MatchString(fields[f])
}

func anyCategory(re *regexp.Regexp, categories []string) bool {
	for _, c := range categories {
		if re.MatchString(c) {
			return true
		}
	}
	return false
}
