package normalize

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator/testenv"
)

// diffBases are the bases every differential body is sanitized against: none (relative URLs go), a
// cls.cn entry link, and a deep http link (relative paths, ports and schemes resolve differently).
var diffBases = []string{"", "https://www.cls.cn/detail/883427", "http://example.org:8080/a/b/c.html?q=1"}

// realpostBodies returns the body of every post under ../shared/realposts (the RSS description
// inside the script's <div> wrapper, else everything after the front matter), keyed by path. The
// test is skipped when ../shared is not there.
func realpostBodies(tb testing.TB) map[string]string {
	tb.Helper()
	dir := filepath.Dir(testenv.Shared(tb, "realposts/pairs.tsv"))
	bodies := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || d.Name() == "README.md" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		bodies[path] = postBody(string(b))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return bodies
}

// postBody cuts the front matter (and the <div> wrapper, when there is one) off a Hexo post.
func postBody(s string) string {
	const open, end = "<div>   \n", "  \n</div>"
	if i, j := strings.Index(s, open), strings.LastIndex(s, end); i >= 0 && j > i {
		return s[i+len(open) : j]
	}
	if rest, ok := strings.CutPrefix(s, "---\n"); ok {
		if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
			return body
		}
	}
	return s
}

// corpusBodies returns every distinct non-empty title, description and content that gofeed finds in
// the files of ../shared/corpus (feedparser's sanitize and wellformed suites carry hundreds of
// hostile snippets; miniflux's are real feeds), keyed by file and field. Files gofeed cannot parse
// are passed over.
func corpusBodies(tb testing.TB) map[string]string {
	tb.Helper()
	dir := filepath.Dir(testenv.Shared(tb, "corpus/manifest.tsv"))
	bodies := map[string]string{}
	seen := map[string]bool{}
	add := func(key, v string) {
		if strings.TrimSpace(v) == "" || seen[v] {
			return
		}
		seen[v] = true
		bodies[key] = v
	}
	p := gofeed.NewParser()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(path), "corpus/") || d.Name() == "LICENSE" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		feed, err := p.ParseString(string(b))
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		add(rel+"#feed.title", feed.Title)
		add(rel+"#feed.description", feed.Description)
		for i, it := range feed.Items {
			add(fmt.Sprintf("%s#%d.title", rel, i), it.Title)
			add(fmt.Sprintf("%s#%d.description", rel, i), it.Description)
			add(fmt.Sprintf("%s#%d.content", rel, i), it.Content)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return bodies
}

// localBodies are this package's own sanitizer inputs: the XSS vectors and the known cases.
func localBodies() map[string]string {
	bodies := map[string]string{}
	for i, v := range xssVectors {
		bodies[fmt.Sprintf("xss/%02d", i)] = v
	}
	for _, c := range keepCases {
		bodies["keep/"+c.name] = c.in
	}
	for i, v := range quirkBodies {
		bodies[fmt.Sprintf("quirk/%02d", i)] = v
	}
	return bodies
}

// quirkBodies is malformed markup on which the old sanitizer had particular ways: bare links and
// images whose end tags are matched on a stack, skipped elements counted by tags, raw text after
// self-closing script-like tags, end tags with attributes, and entities decoding to CR or to
// characters XML cannot carry.
var quirkBodies = []string{
	`<a>x</a>y`,
	`<a><img>x</a>y</img>z</a>`,
	`<a href="rel">x</a>y</a>z`,
	`<a href="rel"><a href="https://a.example/">x</a>y</a>z</a>`,
	`<a href="https://a.example/"/>x</a>`,
	`<img/>x</img>`,
	`<img src="javascript:x" alt="a">b</img>`,
	`</iframe>a<iframe>b</iframe>c<p>d</p>`,
	`<svg><p>x</p></svg>y<svg/>z`,
	`<svg><script>a</script></svg>b</script>c`,
	`<iframe/>raw &amp; text</iframe>after`,
	`<textarea/>rc &amp; data</textarea>after`,
	`<script/>alert(1)</script>x`,
	`<style>p{}</style><p>x</p><style>`,
	`<p title="x" onclick="y">a</p title="z">`,
	`<p>a&#13;b&#x0D;c</p><p title="a&#13;b">x</p>`,
	"<p>a\r\nb\rc</p>",
	`<p class="a&#1;b&#xFFFE;c">x&#0;y</p>`,
	`<img src="https://a.example/?q=&#xFFFE;" width="1.5px" height="12345%"><img src="HTTPS://A.EXAMPLE/%41" width="123456">`,
	`<td colspan="1000" rowspan="999">x</td><th colspan=" 1">y</th>`,
	`<a href=" https://a.example/x y">sp</a><a href="https://a.example/&#9;x">tab</a>`,
	`<a href="https://a.example/ü?ü=ü#ü">idn</a><img src="//img.example/a.png">`,
	`<a href="mailto:a@example.com">m</a><img src="mailto:a@example.com">`,
	`<a href="?q=1">q</a><a href="#top">frag</a><a href="">empty</a>`,
	`<a href="http://[::1]:80/">v6</a><a href="http://a&quot;b/">quote</a>`,
	`<plaintext/><p>still text</p>`,
	`<div><noscript><p>x</p></noscript><select><option>o</select>after</div>`,
	`<head><title>t</title></head><body><p>x</p></body>`,
	`<!DOCTYPE html><!-- c --><p>x<![CDATA[y]]></p>`,
	`<p>unclosed <b>bold <i>both</p> after`,
	`<P CLASS="X">upper</P><IMG SRC="https://a.example/a.png">`,
	`<a title="t">no href</a><a class="c" href="javascript:x">class</a>`,
	`<nostyle>x</nostyle>y<frame>z</frame>w`,
	`<font>&nbsp;</font>`,
	`&#Xa0`,
}

// oracleDiff reports how Sanitize's output got differs from the old sanitizer's want: "" when they
// are equal, else the name of one of the deliberate differences below, else "unexpected". Both
// differences exist because the old output was not idempotent: sanitized again, it changed.
//
//   - "cr": a carriage return decoded from an entity (&#13;) is written as &#13;, where the old
//     sanitizer wrote it raw and sanitizing again made it a line feed. The text is the same: got
//     equals want once &#13; is read as CR (the old output never holds "&#13;", its & is escaped).
//   - "blank": an output of white space only (an &nbsp; whose markup was dropped) is empty, as the
//     old sanitizer made it only when sanitizing it again. Nothing is lost but the blank.
func oracleDiff(got, want string) string {
	switch {
	case got == want:
		return ""
	case strings.Contains(got, "&#13;") && strings.ReplaceAll(got, "&#13;", "\r") == want:
		return "cr"
	case got == "" && strings.TrimSpace(want) == "":
		return "blank"
	}
	return "unexpected"
}

// TestSanitizeMatchesOracle: over real bodies, the corpus's hostile and well-formed snippets and the
// package's own cases, Sanitize gives the old sanitizer's output and first image, but for the
// deliberate differences of oracleDiff.
func TestSanitizeMatchesOracle(t *testing.T) {
	n, o := New(Options{}), newOracle()
	tests := []struct {
		name   string
		bodies func(testing.TB) map[string]string
		min    int // fewer bodies means the source was not read as meant
	}{
		{"local", func(testing.TB) map[string]string { return localBodies() }, 100},
		{"seed", func(tb testing.TB) map[string]string { return map[string]string{"seed": seedBody(tb)} }, 1},
		{"realposts", realpostBodies, 240},
		{"corpus", corpusBodies, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bodies := tt.bodies(t)
			if len(bodies) < tt.min {
				t.Fatalf("%d bodies, want at least %d", len(bodies), tt.min)
			}
			keys := make([]string, 0, len(bodies))
			for k := range bodies {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			same, diffs := 0, map[string]int{}
			for _, k := range keys {
				for _, base := range diffBases {
					got, gotImg := n.Sanitize(bodies[k], base)
					want, wantImg := o.Sanitize(bodies[k], base)
					if gotImg != wantImg {
						t.Errorf("%s (base %q): first image %q, oracle %q", k, base, gotImg, wantImg)
					}
					switch d := oracleDiff(got, want); d {
					case "":
						same++
					case "unexpected":
						t.Errorf("%s (base %q):\n in     %q\n got    %q\n oracle %q", k, base, bodies[k], got, want)
					default:
						diffs[d]++
					}
				}
			}
			t.Logf("%d bodies × %d bases: %d identical, deliberate differences %v", len(bodies), len(diffBases), same, diffs)
		})
	}
}

// TestElementTable: the element table is the old policy's lists — the allowlist, and the skipped
// elements with bluemonday's defaults (nostyle) and without the void frame it allowed back.
func TestElementTable(t *testing.T) {
	elems := newElements()
	want := map[string]bool{} // element → skipped with its content
	for _, e := range oracleElements {
		want[e] = false
	}
	for _, e := range append(oracleSkipped, "nostyle") {
		want[e] = true
	}
	delete(want, "frame")
	names := make([]string, 0, len(want))
	for e := range want {
		names = append(names, e)
	}
	sort.Strings(names)
	for _, e := range names {
		t.Run(e, func(t *testing.T) {
			k, ok := elems[e]
			skipped := k == elemSkip || k == elemScript
			if !ok || k == elemOther || skipped != want[e] {
				t.Errorf("kind %d (in table: %t), want skipped: %t", k, ok, want[e])
			}
		})
	}
	if len(elems) != len(want) {
		t.Errorf("table has %d elements, the old policy %d", len(elems), len(want))
	}
	for _, e := range []string{"frame", "embed", "input", "option", "base", "meta", "link", "font"} {
		if k := elems[e]; k != elemOther {
			t.Errorf("%s: kind %d, want dropped with its content kept", e, k)
		}
	}
}

// TestAttrValueRules: isDimension and isSpan accept exactly what the old policy's regular
// expressions did.
func TestAttrValueRules(t *testing.T) {
	dimension := regexp.MustCompile(`^[0-9]{1,5}(?:\.[0-9]+)?(?:%|px)?$`)
	span := regexp.MustCompile(`^[0-9]{1,3}$`)
	values := []string{
		"", "0", "1", "12", "123", "1234", "12345", "123456", "640", "100%", "100px", "1.5", "1.5px",
		"1.5%", "12345.6789px", "1.", ".5", "1..5", "1.5.5", "px", "%", "1px%", "1%px", "1PX", " 1", "1 ",
		"1\n", "-1", "+1", "1e3", "１２", "100%; background:url(javascript:alert(1))", "onerror=alert(1)",
		"0x10", "00000", "000000",
	}
	for _, v := range values {
		t.Run(v, func(t *testing.T) {
			if got, want := isDimension([]byte(v)), dimension.MatchString(v); got != want {
				t.Errorf("isDimension(%q) = %t, regexp %t", v, got, want)
			}
			if got, want := isSpan([]byte(v)), span.MatchString(v); got != want {
				t.Errorf("isSpan(%q) = %t, regexp %t", v, got, want)
			}
		})
	}
}

// TestIsXMLText: isXMLText agrees with cleanText on every kind of character cleanText removes, in
// the word-at-a-time part of hasControl and in its tail.
func TestIsXMLText(t *testing.T) {
	tests := []struct{ name, s string }{
		{"empty", ""},
		{"ascii", "plain text, long enough for words"},
		{"chinese", "财联社（上海，记者 王）讯：全角标点"},
		{"tab lf cr", "a\tb\nc\r\nd and more text after"},
		{"nul in word", "abcdefg\x00hijklmnop"},
		{"control in tail", "abcdefgh\x1f"},
		{"del is legal", "abc\x7fdef"},
		{"invalid utf-8", "abc\xffdef"},
		{"truncated rune", "abc\xe8\xb4"},
		{"surrogate", "abc\xed\xa0\x80def"},
		{"U+FFFE", "abcdefgh\uFFFE"},
		{"U+FFFF", "\uFFFFabc"},
		{"U+FFFD is legal", "abc\uFFFDdef"},
		{"EF at the end", "abcdef\xef"},
		{"EF BF at the end", "abcdef\xef\xbf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := isXMLText(tt.s), cleanText(tt.s) == tt.s; got != want {
				t.Errorf("isXMLText(%q) = %t, cleanText says %t", tt.s, got, want)
			}
		})
	}
}
