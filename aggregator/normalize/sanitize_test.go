package normalize

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// allowedAttrs is the attribute allowlist, per element ("*" for every element), that checkSafe
// enforces on sanitized output independently of the sanitizer's own tables.
var allowedAttrs = map[string]map[string]bool{
	"*":   {"class": true, "id": true},
	"a":   {"href": true, "title": true},
	"img": {"src": true, "alt": true, "width": true, "height": true, "referrerpolicy": true},
	"td":  {"colspan": true, "rowspan": true},
	"th":  {"colspan": true, "rowspan": true},
}

// checkSafe re-parses sanitized HTML the way a browser would (x/net/html's tree builder, in a body
// context) and reports the first thing that could run, load from an unexpected scheme or leak a
// Referer: an element outside the allowlist or in a foreign namespace, an attribute outside it, a
// URL whose scheme is not http(s) (or mailto on links), an <img> without referrerpolicy="no-referrer",
// or characters XML cannot carry.
func checkSafe(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("invalid UTF-8")
	}
	if cleanText(s) != s {
		return fmt.Errorf("XML-illegal characters")
	}
	allowed := map[string]bool{}
	for _, e := range allowedElements {
		allowed[e] = true
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return err
	}
	var walk func(*html.Node) error
	walk = func(n *html.Node) error {
		if n.Type == html.ElementNode {
			if n.Namespace != "" || !allowed[n.Data] {
				return fmt.Errorf("element <%s> (namespace %q)", n.Data, n.Namespace)
			}
			policy := ""
			for _, a := range n.Attr {
				if a.Namespace != "" || (!allowedAttrs["*"][a.Key] && !allowedAttrs[n.Data][a.Key]) {
					return fmt.Errorf("attribute %s on <%s>", a.Key, n.Data)
				}
				switch a.Key {
				case "href", "src":
					if err := checkURL(a.Val, n.Data == "a"); err != nil {
						return fmt.Errorf("<%s %s=%q>: %v", n.Data, a.Key, a.Val, err)
					}
				case "referrerpolicy":
					policy = a.Val
				}
			}
			if n.Data == "img" && policy != "no-referrer" {
				return fmt.Errorf("<img> with referrerpolicy %q", policy)
			}
		}
		if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
			return fmt.Errorf("%v node survived", n.Type)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range nodes {
		if err := walk(n); err != nil {
			return err
		}
	}
	return nil
}

func checkURL(v string, link bool) error {
	for _, r := range v {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return fmt.Errorf("control character or backslash")
		}
	}
	u, err := url.Parse(v)
	if err != nil {
		return err
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return nil
	case "mailto":
		if link {
			return nil
		}
	case "":
		if u.Host == "" && !strings.HasPrefix(v, "//") && !strings.Contains(strings.SplitN(v, "/", 2)[0], ":") {
			return nil
		}
	}
	return fmt.Errorf("scheme %q", u.Scheme)
}

// xssVectors are OWASP-cheat-sheet-style attacks (and a few from feed readers' own CVEs). Each must
// come out of Sanitize with nothing active left.
var xssVectors = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
	`<script/xss src="https://xss.example/x.js"></script>`,
	`<<SCRIPT>alert("XSS");//<</SCRIPT>`,
	`<script>/* </script> */alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<IMG SRC="javascript:alert('XSS');">`,
	`<IMG SRC=javascript:alert('XSS')>`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	`<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>`,
	`<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
	`<IMG SRC=# onmouseover="alert('xxs')">`,
	`<IMG onmouseover="alert('xxs')">`,
	`<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
	`<img src=x:alert(alt) onerror=eval(src) alt=0>`,
	`<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
	`<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
	`<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
	`<IMG SRC="jav	ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0D;ascript:alert('XSS');">`,
	"<IMG SRC=\"java\x00script:alert('XSS');\">",
	`<IMG SRC=" &#14;  javascript:alert('XSS');">`,
	`<a href="&#106;avascript:alert(1)">x</a>`,
	`<a href="javascript&colon;alert(1)">x</a>`,
	`<a href="java&Tab;script:alert(1)">x</a>`,
	`<a href="  javascript:alert(1)">x</a>`,
	`<a href="JAVASCRIPT:alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
	`<a href="\x01javascript:alert(1)">x</a>`,
	`<a href="javascript://%0aalert(1)">x</a>`,
	`<a href="javas&#99;ript:alert(1)">x</a>`,
	`<a href="jav&#x61;script:alert(1)" onclick="alert(2)" style="color:red">x</a>`,
	`<a href="https://ok.example/" onmouseover="alert(1)">x</a>`,
	`<a href=https://ok.example/ target=_blank rel=opener>x</a>`,
	`<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x, https://evil.example/b.png 2x">`,
	`<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
	`<img dynsrc="javascript:alert(1)"><img lowsrc="javascript:alert(1)">`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>`,
	`<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
	`<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCI+PC9zdmc+#x"/></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<math><maction actiontype="statusline#http://google.com" xlink:href="javascript:alert(1)">CLICKME</maction></math>`,
	`<math href="javascript:alert(1)">CLICK</math>`,
	`<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<style>@import 'https://evil.example/x.css';</style>`,
	`<div style="background-image: url(javascript:alert('XSS'))">x</div>`,
	`<div style="width: expression(alert('XSS'));">x</div>`,
	`<p style="behavior: url(xss.htc);">x</p>`,
	`<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
	`<BASE HREF="javascript:alert('XSS');//">`,
	`<base href="https://evil.example/"><a href="/x">x</a>`,
	`<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
	`<OBJECT TYPE="text/x-scriptlet" DATA="https://evil.example/scriptlet.html"></OBJECT>`,
	`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
	`<applet code="x.class"></applet>`,
	`<form action="https://evil.example/"><input type="password" name="p"><button formaction="javascript:alert(1)">go</button></form>`,
	`<input onfocus=alert(1) autofocus>`,
	`<select onfocus=alert(1) autofocus><option>x</option></select>`,
	`<textarea onfocus=alert(1) autofocus></textarea><keygen onfocus=alert(1) autofocus>`,
	`<details open ontoggle=alert(1)><summary>x</summary></details>`,
	`<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)>`,
	`<body onload=alert(1)>`,
	`<BGSOUND SRC="javascript:alert('XSS');">`,
	`<TABLE BACKGROUND="javascript:alert('XSS')"><TD BACKGROUND="javascript:alert('XSS')">x</TD></TABLE>`,
	`<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">x</DIV>`,
	`<XSS STYLE="xss:expression(alert('XSS'))">`,
	`<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`,
	`<!--<img src="--><img src=x onerror=alert(1)//">`,
	`<![CDATA[<script>alert(1)</script>]]>`,
	`<xmp><img src=x onerror=alert(1)></xmp>`,
	`<plaintext><img src=x onerror=alert(1)>`,
	`<template><img src=x onerror=alert(1)></template>`,
	`<p id="x" class="y" onclick="alert(1)" data-x="1" aria-label="z" title="t">x</p>`,
	`<a href="https://ok.example/" id="location" name="alert">clobber</a>`,
	`<img src="https://ok.example/a.png" width="100%; background:url(javascript:alert(1))" height="onerror=alert(1)">`,
	`<img src="https://ok.example/a.png" referrerpolicy="unsafe-url">`,
	`<a href="//evil.example/x">proto-relative</a><img src="//evil.example/x.png">`,
	`<a href="\\evil.example\x">backslashes</a>`,
	`<isindex type=image src=1 onerror=alert(1)>`,
	`<object data="javascript:alert(1)"><param name="src" value="javascript:alert(1)"></object>`,
	`<marquee onstart=alert(1)>x</marquee><blink>x</blink>`,
	`<a href="jav&#x0000;ascript:alert(1)">x</a>`,
	`<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>`,
	`<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">percent</a>`,
	`<img src="https://ok.example/a.png"/onerror=alert(1)>`,
	`<div><p>nested <b><i>ok</i></b> text</p><script>alert(1)</script></div>`,
}

// forbidden are substrings no sanitized vector may contain, case-insensitively (the vectors put none
// of them in plain text).
var forbidden = []string{
	"<script", "<style", "<svg", "<math", "<iframe", "<frame", "<object", "<embed", "<applet", "<form",
	"<input", "<button", "<select", "<textarea", "<base", "<meta", "<link", "<video", "<audio", "<source",
	"<body", "<template", "<details", "<marquee", "<isindex", "<bgsound", "<xss", "javascript:", "vbscript:",
	"data:", "srcset", "style=", "onerror", "onload", "onclick", "onmouseover", "onfocus", "ontoggle",
	"formaction", "xlink", "background=", "dynsrc", "lowsrc", "expression(", "<!--", "]]>", "srcdoc",
	"unsafe-url",
}

func TestSanitizeXSS(t *testing.T) {
	n := New(Options{})
	if len(xssVectors) < 60 {
		t.Fatalf("only %d vectors", len(xssVectors))
	}
	for i, v := range xssVectors {
		for _, base := range []string{"", "https://www.cls.cn/detail/1"} {
			t.Run(fmt.Sprintf("%02d/base=%t", i, base != ""), func(t *testing.T) {
				out, img := n.Sanitize(v, base)
				if err := checkSafe(out); err != nil {
					t.Errorf("Sanitize(%q) = %q: %v", v, out, err)
				}
				low := strings.ToLower(out)
				for _, f := range forbidden {
					if strings.Contains(low, f) {
						t.Errorf("Sanitize(%q) = %q contains %q", v, out, f)
					}
				}
				if img != "" && checkURL(img, false) != nil {
					t.Errorf("first image %q", img)
				}
				if again, _ := n.Sanitize(out, base); again != out {
					t.Errorf("not idempotent: %q → %q", out, again)
				}
			})
		}
	}
}

// telegraphText is a plain-text telegraph body: it must come out unchanged.
const telegraphText = "【10月11日周一《新闻联播》要闻15条】财联社10月11日电，今天《新闻联播》主要内容有：\n1、习近平将出席“峰会”。\n2、A 股 \"双创\" 指数 O'Neil 的 100% 数据。  \n"

// keepCases are inputs whose sanitized form is known exactly: what Sanitize keeps, escapes, resolves
// and adds. The differential test runs them through the oracle too.
var keepCases = []struct {
	name, in, base, want, wantImg string
}{
	{
		name: "telegraph plain text unchanged",
		in:   telegraphText, base: "https://www.cls.cn/detail/870611", want: telegraphText,
	},
	{
		name: "text escaped only where HTML needs it",
		in:   "S&P 500 < 5000 > 4000 &amp; \"quoted\" 'single'", want: "S&amp;P 500 &lt; 5000 &gt; 4000 &amp; \"quoted\" 'single'",
	},
	{
		name: "referrerpolicy added",
		in:   `<p><img src="https://img.cls.cn/images/20211118/a.png" alt="image"></p>`,
		want: `<p><img src="https://img.cls.cn/images/20211118/a.png" alt="image" referrerpolicy="no-referrer"></p>`, wantImg: "https://img.cls.cn/images/20211118/a.png",
	},
	{
		name: "referrerpolicy kept in place and forced to no-referrer",
		in:   `<img src="https://a.example/x.png" referrerpolicy="origin" alt="x"><img src="https://a.example/y.png" referrerpolicy="no-referrer">`,
		want: `<img src="https://a.example/x.png" referrerpolicy="no-referrer" alt="x"><img src="https://a.example/y.png" referrerpolicy="no-referrer">`, wantImg: "https://a.example/x.png",
	},
	{
		name:    "relative URLs resolved against the entry link",
		in:      `<p><a href="../about/?a=1&amp;b=2#top" title="关于">关于</a> <img src="img/1.png" width="640" height="360"> <a href="/x">x</a> <a href="mailto:a@example.com">mail</a></p>`,
		base:    "https://blog.example.org/zh/posts/1/",
		want:    `<p><a href="https://blog.example.org/zh/posts/about/?a=1&amp;b=2#top" title="关于">关于</a> <img src="https://blog.example.org/zh/posts/1/img/1.png" width="640" height="360" referrerpolicy="no-referrer"> <a href="https://blog.example.org/x">x</a> <a href="mailto:a@example.com">mail</a></p>`,
		wantImg: "https://blog.example.org/zh/posts/1/img/1.png",
	},
	{
		name: "scheme-relative image takes the base's scheme",
		in:   `<img src="//img.cls.cn/a.png">`, base: "https://www.cls.cn/detail/1",
		want: `<img src="https://img.cls.cn/a.png" referrerpolicy="no-referrer">`, wantImg: "https://img.cls.cn/a.png",
	},
	{
		// Republished elsewhere they would resolve against tributary's host: dropped.
		name: "relative URLs are dropped without a base",
		in:   `<a href="../x.html">x</a><img src="y.png">`,
		want: `x`, wantImg: "",
	},
	{
		name:    "allowed markup of 深度 posts",
		in:      "<div class=\"m-b-10\"><h2 id=\"-\">小标题</h2><p><strong>财联社（上海，记者 王）讯，</strong><u>下划线</u><span class=\"underLine\">强调</span></p><blockquote><p>引用</p></blockquote><hr><ul><li>一</li></ul><ol><li>二</li></ol><dl><dt>t</dt><dd>d</dd></dl><table><caption>c</caption><thead><tr><th colspan=\"2\">h</th></tr></thead><tbody><tr><td rowspan=\"1\">1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table><pre><code>x := 1\n  y</code></pre><figure><img src=\"https://img.cls.cn/a.jpg\" alt referrerpolicy=\"no-referrer\"><figcaption>图</figcaption></figure><p>H<sub>2</sub>O x<sup>2</sup> <s>del</s> <em>e</em> <i>i</i> <b>b</b><br>next<br/></p><h1>1</h1><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6></div>",
		want:    "<div class=\"m-b-10\"><h2 id=\"-\">小标题</h2><p><strong>财联社（上海，记者 王）讯，</strong><u>下划线</u><span class=\"underLine\">强调</span></p><blockquote><p>引用</p></blockquote><hr><ul><li>一</li></ul><ol><li>二</li></ol><dl><dt>t</dt><dd>d</dd></dl><table><caption>c</caption><thead><tr><th colspan=\"2\">h</th></tr></thead><tbody><tr><td rowspan=\"1\">1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table><pre><code>x := 1\n  y</code></pre><figure><img src=\"https://img.cls.cn/a.jpg\" alt=\"\" referrerpolicy=\"no-referrer\"><figcaption>图</figcaption></figure><p>H<sub>2</sub>O x<sup>2</sup> <s>del</s> <em>e</em> <i>i</i> <b>b</b><br>next<br/></p><h1>1</h1><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6></div>",
		wantImg: "https://img.cls.cn/a.jpg",
	},
	{
		name: "XML-illegal characters removed",
		in:   "<p>a\x00b\x01c\x0bd\x1fe\uFFFEf\uFFFFg\xed\xa0\x80h\xffi&#1;j&#xFFFE;k&#xD800;l\tm\r\nn</p>",
		// The HTML tokenizer normalizes CR LF to LF; a lone surrogate reference becomes U+FFFD.
		want: "<p>abcdefghijk\uFFFDl\tm\nn</p>",
	},
	{
		name: "first image is the first that survives",
		in:   `<img src="javascript:alert(1)"><img src="data:image/png;base64,AA=="><img src="https://a.example/ok.png">`,
		want: `<img src="https://a.example/ok.png" referrerpolicy="no-referrer">`, wantImg: "https://a.example/ok.png",
	},
	{name: "empty", in: "", want: ""},
	{name: "only scripts", in: "<script>x</script>", want: ""},
}

func TestSanitizeKeeps(t *testing.T) {
	n := New(Options{})
	tests := keepCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, img := n.Sanitize(tt.in, tt.base)
			if got != tt.want {
				t.Errorf("Sanitize =\n%q\nwant\n%q", got, tt.want)
			}
			if img != tt.wantImg {
				t.Errorf("first image = %q, want %q", img, tt.wantImg)
			}
			if err := checkSafe(got); err != nil && tt.base != "" {
				t.Errorf("output not safe: %v", err)
			}
		})
	}
}

// TestSanitizeSeedBody: the seed's body is already clean; it must come out byte for byte.
func TestSanitizeSeedBody(t *testing.T) {
	body := seedBody(t)
	n := New(Options{})
	got, img := n.Sanitize(body, "https://www.cls.cn/detail/"+idSeed)
	if got != body {
		i := 0
		for i < len(got) && i < len(body) && got[i] == body[i] {
			i++
		}
		t.Fatalf("seed body changed at byte %d: %q vs %q", i, got[i:min(len(got), i+60)], body[i:min(len(body), i+60)])
	}
	if want := "https://img.cls.cn/images/20211118/IkQWc3B11w.png"; img != want {
		t.Errorf("first image = %q, want %q", img, want)
	}
}

// FuzzSanitize checks, for any body and base, that the output is safe (checkSafe and checkTokens:
// only allowlisted elements and attributes, no on* handler, only http(s) URLs and mailto on links,
// every image without Referer, XML-legal), that sanitizing it again changes nothing, that bluemonday
// with the old policy finds nothing in it to remove or rewrite, and that it is the old sanitizer's
// output (up to the CR difference documented at TestSanitizeMatchesOracle).
func FuzzSanitize(f *testing.F) {
	for _, v := range xssVectors {
		f.Add(v, "https://www.cls.cn/detail/1")
	}
	for _, v := range quirkBodies {
		f.Add(v, "http://example.org:8080/a/b/c.html?q=1")
	}
	f.Add(`<p><img src="a.png"><a href="b">c</a></p>`, "")
	f.Add("【标题】财联社11月18日电，正文\n第二行", "https://api3.cls.cn/share/article/1?os=web")
	f.Add(`<div class="m-b-10"><p>x<img src="https://img.cls.cn/a.png" alt="image" referrerpolicy="no-referrer"></p></div>`, "javascript:alert(1)")
	n, o := New(Options{}), newOracle()
	policy := oraclePolicy()
	f.Fuzz(func(t *testing.T, in, base string) {
		if got, want := isXMLText(in), cleanText(in) == in; got != want {
			t.Fatalf("isXMLText(%q) = %t, cleanText says %t", in, got, want)
		}
		out, img := n.Sanitize(in, base)
		if err := checkSafe(out); err != nil {
			t.Fatalf("Sanitize(%q, %q) = %q: %v", in, base, out, err)
		}
		if err := checkTokens(out); err != nil {
			t.Fatalf("Sanitize(%q, %q) = %q: %v", in, base, out, err)
		}
		if img != "" {
			if err := checkURL(img, false); err != nil {
				t.Fatalf("first image %q: %v", img, err)
			}
		}
		if again, againImg := n.Sanitize(out, base); again != out || againImg != img {
			t.Fatalf("Sanitize(%q, %q) not idempotent:\n%q, %q\n%q, %q", in, base, out, img, again, againImg)
		}
		if bm := policy.Sanitize(out); !sameTokens(bm, out) {
			t.Fatalf("Sanitize(%q, %q) = %q: bluemonday changes it to %q", in, base, out, bm)
		}
		want, wantImg := o.Sanitize(in, base)
		if img != wantImg || oracleDiff(out, want) == "unexpected" {
			t.Fatalf("Sanitize(%q, %q) =\n%q, %q\noracle\n%q, %q", in, base, out, img, want, wantImg)
		}
	})
}

// checkTokens reads sanitized HTML token by token, as the tokenizer (not a tree builder) sees it, and
// reports the first tag outside the allowlist, attribute outside it (event handlers named), comment
// or doctype.
func checkTokens(s string) error {
	allowed := map[string]bool{}
	for _, e := range allowedElements {
		allowed[e] = true
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.CommentToken, html.DoctypeToken:
			return fmt.Errorf("%v token", tt)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if !allowed[tok.Data] {
				return fmt.Errorf("tag %v", tok)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					return fmt.Errorf("event handler %s on <%s>", a.Key, tok.Data)
				}
				if !allowedAttrs["*"][a.Key] && !allowedAttrs[tok.Data][a.Key] {
					return fmt.Errorf("attribute %s on <%s>", a.Key, tok.Data)
				}
			}
		}
	}
}

// sameTokens reports whether a and b are the same tokens: same tags with the same attributes and
// values, the same text once entities are decoded and adjacent text joined, comments and doctypes
// included.
func sameTokens(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i].Type != tb[i].Type || ta[i].Data != tb[i].Data || len(ta[i].Attr) != len(tb[i].Attr) {
			return false
		}
		for j := range ta[i].Attr {
			if ta[i].Attr[j] != tb[i].Attr[j] {
				return false
			}
		}
	}
	return true
}

// tokens returns the tokens of s, adjacent text tokens joined.
func tokens(s string) []html.Token {
	var out []html.Token
	z := html.NewTokenizer(strings.NewReader(s))
	for z.Next() != html.ErrorToken {
		tok := z.Token()
		if n := len(out); tok.Type == html.TextToken && n > 0 && out[n-1].Type == html.TextToken {
			out[n-1].Data += tok.Data
			continue
		}
		out = append(out, tok)
	}
	return out
}
