// Package filter decides which articles an output serves: it compiles the [[output.rule]] blocks
// of the configuration (Compile) and the RSSHub-style query parameters of a request for an output
// (ParseQuery), and applies them to articles. It has no I/O and uses the standard library only.
//
// How rules combine (README, "Filtering outputs"):
//
//   - Within a rule, every field it sets must match (AND): title, text, author, category, source
//     and older_than.
//   - Within a field, any of its keywords or its regular expression may match (OR). Keywords match
//     as substrings, ignoring case; regular expressions are case-sensitive unless they start with
//     (?i). A category or source condition matches when any of the article's categories or
//     sources does.
//   - Drops win: an article that any drop rule matches is left out, whatever keep rules say.
//   - If the output has at least one keep rule, an article must match one of them to be served;
//     without keep rules every article not dropped is served.
//   - Order does not matter, so reordering rules never changes an output.
//
// Regular expressions are Go's (RE2 syntax): matching takes time linear in the text, whatever the
// pattern, so no pattern can make an output hang; patterns are bounded in length and compiled size
// all the same, because that linear factor is the size of the compiled pattern.
package filter

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"

	"tributary/aggregator"
)

// Bounds on what a configuration or a request may ask for.
const (
	// MaxRules bounds the rules of one output.
	MaxRules = 64
	// MaxKeywords bounds the keywords of one field of one rule.
	MaxKeywords = 256
	// MaxKeywordBytes bounds one keyword.
	MaxKeywordBytes = 256
	// MaxPatternBytes bounds one regular expression, in the configuration or in a query parameter.
	MaxPatternBytes = 1024
	// MaxProgram bounds the instructions of one compiled regular expression. Matching costs up to
	// one step per instruction per byte of text; 2048 keeps the worst pattern at 3 to 4.5 ms per
	// real article body (feeds' BenchmarkWorstPattern), while a 1 KiB pattern of literal text
	// compiles to about 1000.
	MaxProgram = 2048
)

// field is a part of an article that a condition looks at.
type field int

const (
	fieldTitle field = iota
	fieldText
	fieldAuthor
	fieldCategory
	fieldSource
	numFields
)

// fieldKeys are the configuration keys of the fields, in field order.
var fieldKeys = [numFields]string{"title", "text", "author", "category", "source"}

// cond is the condition of one rule on one field.
type cond struct {
	field field
	words []string // lower-cased
	re    *regexp.Regexp
}

type rule struct {
	keep      bool
	conds     []cond
	olderThan time.Duration
}

// Filter is an output's compiled rules. The zero of *Filter (nil) keeps everything. It is safe for
// concurrent use.
type Filter struct {
	keeps, drops []rule
	ages         []time.Duration // every older_than, for Expiry
}

// RuleError is a problem of one rule, worded for the configuration: `rule 2: title_regex "a(b":
// missing closing ) at position 3`.
type RuleError struct {
	// Rule counts from 1, as the blocks appear in the file.
	Rule int
	// Key and Value are the offending key and its value; Value is empty when the problem is the
	// rule as a whole.
	Key, Value string
	Err        error
}

// Error words the problem as the configuration reports it, after the output's name.
func (e *RuleError) Error() string {
	switch {
	case e.Key == "":
		return fmt.Sprintf("rule %d: %v", e.Rule, e.Err)
	case e.Value == "":
		return fmt.Sprintf("rule %d: %s: %v", e.Rule, e.Key, e.Err)
	}
	return fmt.Sprintf("rule %d: %s %q: %v", e.Rule, e.Key, e.Value, e.Err)
}

// Unwrap returns the problem without the rule and key.
func (e *RuleError) Unwrap() error { return e.Err }

// Compile checks and compiles rules. It returns nil and no error for no rules, and every problem
// found (each a *RuleError), joined, otherwise.
func Compile(rules []aggregator.Rule) (*Filter, error) {
	if len(rules) == 0 {
		return nil, nil
	}
	var errs []error
	if len(rules) > MaxRules {
		return nil, fmt.Errorf("%d rules: at most %d", len(rules), MaxRules)
	}
	f := &Filter{}
	for i, r := range rules {
		bad := func(key, value string, err error) {
			errs = append(errs, &RuleError{Rule: i + 1, Key: key, Value: value, Err: err})
		}
		cr := rule{olderThan: r.OlderThan}
		switch r.Action {
		case aggregator.RuleKeep:
			cr.keep = true
		case aggregator.RuleDrop:
		case "":
			bad("action", "", errors.New(`is missing: want "keep" or "drop"`))
		default:
			bad("action", r.Action, errors.New(`want "keep" or "drop"`))
		}
		words := [numFields][]string{r.Title, r.Text, r.Author, r.Category, r.Source}
		regexes := [numFields]string{r.TitleRegex, r.TextRegex, r.AuthorRegex, r.CategoryRegex, r.SourceRegex}
		for fl := range numFields {
			c := cond{field: fl}
			key := fieldKeys[fl]
			if len(words[fl]) > MaxKeywords {
				bad(key, "", fmt.Errorf("%d keywords: at most %d", len(words[fl]), MaxKeywords))
			}
			for _, w := range words[fl] {
				switch {
				case strings.TrimSpace(w) == "":
					bad(key, w, errors.New("an empty keyword would match every article"))
				case len(w) > MaxKeywordBytes:
					bad(key, strings.ToValidUTF8(w[:32], "")+"…", fmt.Errorf("%d bytes: at most %d", len(w), MaxKeywordBytes))
				default:
					c.words = append(c.words, strings.ToLower(w))
				}
			}
			if p := regexes[fl]; p != "" {
				re, err := compileRegex(p, false)
				if err != nil {
					bad(key+"_regex", p, err)
				}
				c.re = re
			}
			if len(c.words) > 0 || c.re != nil {
				cr.conds = append(cr.conds, c)
			}
		}
		switch {
		case r.OlderThan < 0:
			bad("older_than", r.OlderThan.String(), errors.New("must not be negative"))
		case r.OlderThan > 0:
			f.ages = append(f.ages, r.OlderThan)
		}
		if hasNoCondition(r) {
			bad("", "", errors.New("sets no condition: give at least one of title, text, author, category, source, their _regex, or older_than"))
		}
		if cr.keep {
			f.keeps = append(f.keeps, cr)
		} else {
			f.drops = append(f.drops, cr)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return f, nil
}

// hasNoCondition reports whether r sets no condition at all, so that a rule whose only conditions
// were invalid is reported for them alone.
func hasNoCondition(r aggregator.Rule) bool {
	return len(r.Title)+len(r.Text)+len(r.Author)+len(r.Category)+len(r.Source) == 0 &&
		r.TitleRegex+r.TextRegex+r.AuthorRegex+r.CategoryRegex+r.SourceRegex == "" && r.OlderThan == 0
}

// Keeps reports whether the output serves a at time now.
func (f *Filter) Keeps(a *aggregator.Article, now time.Time) bool {
	if f == nil {
		return true
	}
	d := doc{a: a}
	for i := range f.drops {
		if f.drops[i].matches(&d, now) {
			return false
		}
	}
	if len(f.keeps) == 0 {
		return true
	}
	for i := range f.keeps {
		if f.keeps[i].matches(&d, now) {
			return true
		}
	}
	return false
}

// Apply returns the articles that f keeps at time now, in their order: a new slice, or articles
// itself when f is nil.
func (f *Filter) Apply(articles []aggregator.Article, now time.Time) []aggregator.Article {
	if f == nil {
		return articles
	}
	out := make([]aggregator.Article, 0, len(articles))
	for i := range articles {
		if f.Keeps(&articles[i], now) {
			out = append(out, articles[i])
		}
	}
	return out
}

// Expiry returns the first moment after now when an older_than condition changes its answer for one
// of articles, so that a result cached at now must be computed again; zero when none will. Without
// it an output with `older_than` would keep serving an article that has since aged out, since no
// write to the store marks the change.
func (f *Filter) Expiry(articles []aggregator.Article, now time.Time) time.Time {
	if f == nil {
		return time.Time{}
	}
	return ageExpiry(articles, f.ages, now)
}

// ageExpiry is the earliest date+age after now over articles and ages, or zero.
func ageExpiry(articles []aggregator.Article, ages []time.Duration, now time.Time) time.Time {
	var first time.Time
	for _, age := range ages {
		for i := range articles {
			// older_than holds once now-date > age, that is from date+age+1ns on.
			t := articles[i].Date.Add(age + 1)
			if t.After(now) && (first.IsZero() || t.Before(first)) {
				first = t
			}
		}
	}
	return first
}

func (r *rule) matches(d *doc, now time.Time) bool {
	if r.olderThan > 0 && now.Sub(d.a.Date) <= r.olderThan {
		return false
	}
	for i := range r.conds {
		if !r.conds[i].matches(d) {
			return false
		}
	}
	return true
}

func (c *cond) matches(d *doc) bool {
	switch c.field {
	case fieldCategory:
		return c.anyOf(d.a.Categories)
	case fieldSource:
		return c.anyOf(d.a.Sources)
	}
	return c.match(d.value(c.field), d.lower(c.field))
}

func (c *cond) anyOf(values []string) bool {
	for _, v := range values {
		if c.match(v, lowerIf(c.words, v)) {
			return true
		}
	}
	return false
}

// match tests s (lower-cased as lower, which is computed only when there are keywords).
func (c *cond) match(s, lower string) bool {
	for _, w := range c.words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return c.re != nil && c.re.MatchString(s)
}

func lowerIf(words []string, s string) string {
	if len(words) == 0 {
		return ""
	}
	return strings.ToLower(s)
}

// doc is an article with the derived strings that conditions compare, each computed at most once.
type doc struct {
	a      *aggregator.Article
	text   *string
	lowers [numFields]*string
}

func (d *doc) value(f field) string {
	switch f {
	case fieldTitle:
		return d.a.Title
	case fieldAuthor:
		return d.a.Author
	case fieldText:
		if d.text == nil {
			t := PlainText(d.a.Body)
			d.text = &t
		}
		return *d.text
	}
	return ""
}

func (d *doc) lower(f field) string {
	if d.lowers[f] == nil {
		l := strings.ToLower(d.value(f))
		d.lowers[f] = &l
	}
	return *d.lowers[f]
}

// compileRegex compiles a pattern given in the configuration or a request, bounded in length and
// compiled size. Its errors say what is wrong and, when it can be told, at which byte offset
// (counted from 0): "missing closing ) at position 3".
func compileRegex(p string, insensitive bool) (*regexp.Regexp, error) {
	if len(p) > MaxPatternBytes {
		return nil, fmt.Errorf("%d bytes: at most %d", len(p), MaxPatternBytes)
	}
	flags := syntax.Perl
	if insensitive {
		flags |= syntax.FoldCase
	}
	tree, err := syntax.Parse(p, flags)
	if err != nil {
		return nil, syntaxProblem(p, err)
	}
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil {
		return nil, syntaxProblem(p, err)
	}
	if n := len(prog.Inst); n > MaxProgram {
		return nil, fmt.Errorf("too complex: compiles to %d instructions, at most %d (a repeat such as {1000} multiplies what it repeats)", n, MaxProgram)
	}
	if insensitive {
		p = "(?i)" + p
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, syntaxProblem(p, err)
	}
	return re, nil
}

// syntaxProblem words a regexp/syntax error without repeating the pattern, with its position.
func syntaxProblem(p string, err error) error {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return err
	}
	pos := -1
	switch {
	case se.Code == syntax.ErrMissingParen:
		pos = len(p) // where the ) was expected
	case se.Code == syntax.ErrUnexpectedParen:
		pos = unmatchedParen(p)
	case se.Code == syntax.ErrMissingBracket && strings.HasSuffix(p, se.Expr):
		pos = len(p) - len(se.Expr) // the [ that is never closed
	case se.Expr != "" && se.Expr != p && strings.HasSuffix(p, se.Expr):
		pos = len(p) - len(se.Expr)
	case se.Expr != "" && se.Expr != p:
		pos = strings.Index(p, se.Expr)
	}
	if pos < 0 {
		return fmt.Errorf("%s", se.Code)
	}
	return fmt.Errorf("%s at position %d", se.Code, pos)
}

// unmatchedParen returns the offset of the first ) that closes no group, skipping escapes and
// character classes, or -1.
func unmatchedParen(p string) int {
	depth := 0
	inClass := false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if i+1 < len(p) && p[i+1] == ']' {
				i++ // a ] first in a class is a literal
			}
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}
