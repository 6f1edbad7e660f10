package normalize

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string // want "" means an error
	}{
		// cls.cn: the telegraph share link of every client, and the depth page, are one story.
		{"https://api3.cls.cn/share/article/983517?os=web&sv=7.7.5&app=CailianpressWeb", "https://www.cls.cn/detail/983517"},
		{"https://api3.cls.cn/share/article/983517?os=android&sv=8.0&app=cls", "https://www.cls.cn/detail/983517"},
		{"https://api3.cls.cn/share/article/983517?app=cls&os=ios&sv=7.9.1", "https://www.cls.cn/detail/983517"},
		{"http://API3.CLS.CN:80/share/article/983517/?os=web", "https://www.cls.cn/detail/983517"},
		{"https://api3.cls.cn/share/article/983517", "https://www.cls.cn/detail/983517"},
		{"https://www.cls.cn/detail/983517", "https://www.cls.cn/detail/983517"},
		{"http://www.cls.cn/detail/983517#comments", "https://www.cls.cn/detail/983517"},
		{"https://cls.cn/detail/983517?utm_source=rss", "https://www.cls.cn/detail/983517"},
		{"https://www.cls.cn/depth?id=1000&os=web", "https://www.cls.cn/depth?id=1000"},
		// Generic rules.
		{"HTTPS://Example.COM:443/Path/To?b=2&a=1#frag", "https://example.com/Path/To?a=1&b=2"},
		{"http://example.com:80", "http://example.com/"},
		{"http://example.com:8080/x", "http://example.com:8080/x"},
		{"https://example.com:80/x", "https://example.com:80/x"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x&id=7", "https://example.com/a?id=7"},
		{"https://example.com/a?spm=a2c4g.11186623&from=timeline&fbclid=IwAR0&gclid=Cj0&p=1", "https://example.com/a?p=1"},
		{"https://example.com/a?utm_source=x", "https://example.com/a"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/a?os=web&app=x&sv=1", "https://example.com/a?app=x&os=web&sv=1"}, // not cls.cn: kept
		{"https://example.com/a?b=2&a=3&a=1", "https://example.com/a?a=3&a=1&b=2"},
		{"https://example.com/a?q=%E4%B8%AD+%E6%96%87&x=a%20b", "https://example.com/a?q=%E4%B8%AD+%E6%96%87&x=a%20b"},
		{"https://example.com/a?q=中 文&x=\"y\"", "https://example.com/a?q=%E4%B8%AD%20%E6%96%87&x=%22y%22"},
		{"https://example.com/a;b?x=1;y=2", "https://example.com/a;b?x=1&y=2"},
		{"https://user:pass@example.com/a", "https://example.com/a"},
		{"https://EXAMPLE.com./a", "https://example.com/a"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"https://[::1]:443/a", "https://[::1]/a"},
		{"https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a"},
		{"https://例子.测试/路径", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84"},
		{"https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84"},
		// Not canonicalizable: no dedup by link.
		{"", ""},
		{"/relative/path", ""},
		{"//example.com/a", ""},
		{"javascript:alert(1)", ""},
		{"mailto:a@example.com", ""},
		{"ftp://example.com/a", ""},
		{"https://", ""},
		{"http://exa mple.com/", ""},
		{"urn:uuid:1234", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CanonicalURL(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("CanonicalURL = %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("CanonicalURL: %v", err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL = %q, want %q", got, tt.want)
			}
			if again, err := CanonicalURL(got); err != nil || again != got {
				t.Errorf("not idempotent: %q → %q, %v", got, again, err)
			}
		})
	}
}

func TestKey(t *testing.T) {
	date := time.Date(2021, 11, 18, 1, 6, 1, 0, time.UTC)
	shareWeb := "https://api3.cls.cn/share/article/983517?os=web&sv=7.7.5&app=CailianpressWeb"
	shareApp := "https://api3.cls.cn/share/article/983517?os=android&sv=8.0&app=cls"
	depth := "https://www.cls.cn/detail/983517"
	tests := []struct {
		name                   string
		src, guid, link, title string
		date                   time.Time
		want                   string
	}{
		{"link wins", "cls-depth", "g", depth, "t", date, depth},
		{"share link web", "cls-telegraph", "", shareWeb, "t", date, depth},
		{"share link app", "cls-app", "", shareApp, "other title", time.Time{}, depth},
		{"guid without link", "src", "urn:1", "", "t", date, "src\x00urn:1"},
		{"guid when link is not http", "src", "urn:1", "javascript:alert(1)", "t", date, "src\x00urn:1"},
		{"hash of title and date", "src", "", "", "标题", date, "sha256:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Key(tt.src, tt.guid, tt.link, tt.title, tt.date)
			if tt.want == "sha256:" {
				if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(got) {
					t.Errorf("Key = %q, want a sha256 key", got)
				}
				return
			}
			if got != tt.want {
				t.Errorf("Key = %q, want %q", got, tt.want)
			}
		})
	}
	// The hash key depends on title and date only, and on both.
	a := Key("s1", "", "", "标题", date)
	if b := Key("s2", "", "", "标题", date.In(time.FixedZone("x", 8*3600))); a != b {
		t.Errorf("same title and instant gave %q and %q", a, b)
	}
	if b := Key("s1", "", "", "标题", date.Add(time.Second)); a == b {
		t.Error("different dates gave one key")
	}
	if b := Key("s1", "", "", "标题2", date); a == b {
		t.Error("different titles gave one key")
	}
}

// pinnedSeedID is ID of the seed article's canonical link: hex(sha256(key)[:16]).
const pinnedSeedID = "215d05d6304886ca64ba771095a3678e"

func TestID(t *testing.T) {
	id := ID("https://www.cls.cn/detail/883427")
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(id) {
		t.Fatalf("ID = %q, want 32 hex characters", id)
	}
	if id != ID("https://www.cls.cn/detail/883427") {
		t.Error("ID is not stable")
	}
	if id == ID("https://www.cls.cn/detail/883428") {
		t.Error("two keys gave one ID")
	}
	// Pinned: ids are persisted and republished as guids; changing the derivation changes every guid.
	if got, want := ID("https://www.cls.cn/detail/883427"), pinnedSeedID; got != want {
		t.Errorf("ID = %s, want %s", got, want)
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://api3.cls.cn/share/article/983517?os=web&sv=7.7.5&app=CailianpressWeb",
		"HTTPS://Example.COM:443/Path/To?b=2&a=1#frag", "https://[::1]:443/a", "https://例子.测试/路径",
		"http://a/b?utm_x=1&&&=&a", "https://user:pass@h/", "javascript:alert(1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CanonicalURL(s)
		if err != nil {
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Fatalf("CanonicalURL(%q) = %q: not http(s)", s, got)
		}
		if strings.Contains(got, "#") {
			t.Fatalf("CanonicalURL(%q) = %q keeps a fragment", s, got)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("CanonicalURL(%q) = %q: invalid UTF-8", s, got)
		}
		again, err := CanonicalURL(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, got, again, err)
		}
	})
}
