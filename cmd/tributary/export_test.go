package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPost is where the seed article lands under an export directory.
const seedPost = "金融/财联社/深度/2021翼支付合作伙伴大会成功举办大咖_论道_共话数字发展图景.md"

const depthSource = `
[[source]]
name = "cls-depth"
title = "财联社 - 深度"
url = "%s/cls/depth/1000"
schedule = "@yearly"
categories = ["金融", "财联社", "深度"]
author = "财联社"
timezone = "Asia/Shanghai"
`

func TestExportCommandDirect(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+"[[output]]\nname = \"depth\"\nsources = [\"cls-depth\"]\n")
	if code, out, errOut := runCLI("refresh", "--config", cfgPath); code != 0 {
		t.Fatalf("refresh: %d %s %s", code, out, errOut)
	}
	posts := filepath.Join(dir, "site", "source", "_posts")
	code, out, errOut := runCLI("export", "--config", cfgPath, "--format", "hexo", "--dir", posts, "--output", "depth")
	if code != 0 || !strings.Contains(out, "6 written") || !strings.Contains(errOut, "no daemon is running") {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	got, err := os.ReadFile(filepath.Join(posts, seedPost))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../aggregator/testdata/seed/cls-depth-article.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(seed) {
		t.Errorf("exported seed post differs from the seed:\n%s", got)
	}
	// A second run changes nothing and says so.
	code, out, _ = runCLI("export", "--config", cfgPath, "--dir", posts, "--output", "depth")
	if code != 0 || !strings.Contains(out, "nothing changed") {
		t.Errorf("rerun: exit %d, %q", code, out)
	}
	// The real title and the site's time zone, as options.
	styled := filepath.Join(dir, "styled")
	code, out, errOut = runCLI("export", "--config", cfgPath, "--dir", styled, "--output", "depth", "--title", "real", "--site-timezone", "Asia/Shanghai")
	if code != 0 {
		t.Fatalf("export --title real --site-timezone Asia/Shanghai: exit %d, %q, %q", code, out, errOut)
	}
	checkStyledSeed(t, styled)
	for _, bad := range [][]string{
		{"export", "--config", cfgPath, "--dir", posts, "--title", "raw"},
		{"export", "--config", cfgPath, "--dir", posts, "--site-timezone", "Beijing"},
		{"export", "--config", cfgPath},
		{"export", "--config", cfgPath, "--dir", posts, "--format", "jekyll"},
		{"export", "--config", cfgPath, "--dir", posts, "--since", "yesterday"},
	} {
		if code, _, _ := runCLI(bad...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", bad, code, exitUsage)
		}
	}
	if code, _, errOut := runCLI("export", "--config", cfgPath, "--dir", posts, "--output", "nope"); code != 1 || !strings.Contains(errOut, `"nope"`) {
		t.Errorf("unknown output: exit %d, %q", code, errOut)
	}
}

func TestExportContinuousThroughDaemon(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	posts := filepath.Join(site, "source", "_posts")
	os.MkdirAll(posts, 0o755)
	writeFile(t, site, "_config.yml", "title: test\n")
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+`
[[output]]
name = "depth"
sources = ["cls-depth"]
limit = 2

[[export]]
format = "hexo"
dir = "site/source/_posts"
output = "depth"
after = ["sh", "-c", "echo generated >> built.txt"]
`)
	app := startApp(t, cfgPath)
	app.refreshAll(t)
	waitUntil(t, func() bool { _, err := os.Stat(filepath.Join(posts, seedPost)); return err == nil })
	// The after-command ran in the site root (where _config.yml is), once for the change.
	waitUntil(t, func() bool { b, _ := os.ReadFile(filepath.Join(site, "built.txt")); return len(b) > 0 })
	// Every article of the output is exported, not only the newest `limit` of the feed.
	if n := countPosts(t, posts); n != 6 {
		t.Errorf("%d posts, want all 6 articles of the output", n)
	}

	// A key a site's plugin adds to a post (hexo-abbrlink) is no change: the post is not rewritten
	// and the site not rebuilt.
	seedFile := filepath.Join(posts, seedPost)
	withKey := strings.Replace(mustRead(t, seedFile), "\ncomments:", "\nabbrlink: 1a2b\ncomments:", 1)
	writeFile(t, filepath.Dir(seedFile), filepath.Base(seedFile), withKey)
	code, body := adminDo(t, "POST", app.admin+"/api/export", "", map[string]string{"Content-Type": "application/json"})
	var resp struct{ Exports []exportResponse }
	if code != 200 || jsonUnmarshal(body, &resp) != nil || len(resp.Exports) != 1 || resp.Exports[0].Report.Changed() {
		t.Errorf("export after a plugin's key: %d %s, want nothing changed", code, body)
	}
	if got := mustRead(t, seedFile); got != withKey {
		t.Errorf("the post with a plugin's key was rewritten:\n%.400s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(site, "built.txt")); strings.Count(string(b), "generated") != 1 {
		t.Errorf("the site was rebuilt for a plugin's key: %q", b)
	}

	// A headline edit renames the post: no duplicate is left.
	src.set("/cls/depth/1000", "cls-depth-edited.xml")
	app.refreshAll(t)
	edited := "金融/财联社/深度/10年期美债收益率创3个月新低：美国CPI爆表 债市利空出尽？.md" // full-width colon: kept
	waitUntil(t, func() bool { _, err := os.Stat(filepath.Join(posts, edited)); return err == nil })
	if n := countPosts(t, posts); n != 6 {
		t.Errorf("%d posts after a headline edit, want 6 (the old name removed)", n)
	}
	waitUntil(t, func() bool {
		b, _ := os.ReadFile(filepath.Join(site, "built.txt"))
		return strings.Count(string(b), "generated") == 2
	})
	// The one-shot export goes through the daemon, which holds the database.
	cfg := strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`, `admin_listen = "`+app.adminLn.Addr().String()+`"`, 1)
	cliCfg := writeFile(t, t.TempDir(), "config.toml", strings.Replace(cfg, `path = "data/tributary.db"`, `path = "`+app.Config().DBPath+`"`, 1))
	// The daemon writes only where its configuration says: another directory is refused with the
	// key to add, and written once the key is there and the daemon reloaded.
	other := filepath.Join(dir, "other")
	code, out, errOut := runCLI("export", "--config", cliCfg, "--dir", other)
	if code != 1 || !strings.Contains(errOut, "export_dirs = ["+fmt.Sprintf("%q", other)+"]") || !strings.Contains(errOut, cliCfg) {
		t.Errorf("one-shot export into an unconfigured dir: exit %d, %q, %q; want exit 1 naming server.export_dirs and the config", code, out, errOut)
	}
	if _, err := os.Stat(other); err == nil {
		t.Fatalf("%s was written", other)
	}
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), "[server]\n", "[server]\nexport_dirs = [\"other\"]\n", 1))
	if err := app.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI("export", "--config", cliCfg, "--dir", other, "--title", "real", "--site-timezone", "Asia/Shanghai")
	if code != 0 || strings.Contains(errOut, "no daemon") || !strings.Contains(out, "6 written") {
		t.Errorf("one-shot export through the daemon: exit %d, %q, %q", code, out, errOut)
	}
	checkStyledSeed(t, other)
}

// checkStyledSeed checks the seed's post as an export with the real title and the site time zone
// Asia/Shanghai writes it under dir: the seed's path, the title with its curly quotes, the date as
// Beijing wall time.
func checkStyledSeed(t *testing.T, dir string) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, seedPost))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"\ntitle: '2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景'\n", "\ndate: 2021-11-18 09:06:01\n"} {
		if !strings.Contains(string(got), w) {
			t.Errorf("styled seed post lacks %q:\n%.400s", w, got)
		}
	}
}

func countPosts(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			n++
		}
		return nil
	})
	return n
}

// TestExportAbbrlink: `abbrlink = true` in an [[export]] block puts an abbrlink into every post, also
// when the block's directory is exported one-shot from the CLI, so that a one-shot export does not
// take them out again.
func TestExportAbbrlink(t *testing.T) {
	dir, cfgPath := refreshed(t, "cls-depth.xml", "[[export]]\ndir = \"site/source/_posts\"\nabbrlink = true\n")
	posts := filepath.Join(dir, "site", "source", "_posts")
	if code, out, errOut := runCLI("export", "--config", cfgPath, "--dir", posts); code != 0 || !strings.Contains(out, "6 written") {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	got := mustRead(t, filepath.Join(posts, seedPost))
	if !strings.Contains(got, "\nabbrlink: '") {
		t.Errorf("the seed post has no abbrlink:\n%.600s", got)
	}
	if code, out, _ := runCLI("export", "--config", cfgPath, "--dir", posts); code != 0 || !strings.Contains(out, "nothing changed") {
		t.Errorf("rerun: exit %d, %q", code, out)
	}
}

// TestExportSkipsSymlink: a symlink the site's owner placed where the posts' category directory goes
// does not fail the export: those posts are skipped and the CLI says which and why.
func TestExportSkipsSymlink(t *testing.T) {
	dir, cfgPath := refreshed(t, "cls-depth.xml", "")
	posts := filepath.Join(dir, "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(posts, "金融")); err != nil {
		t.Skip("no symlinks:", err)
	}
	code, out, errOut := runCLI("export", "--config", cfgPath, "--dir", posts)
	if code != 0 || !strings.Contains(errOut, "skipped") || !strings.Contains(errOut, "symlink") {
		t.Errorf("export: exit %d, %q, %q; want success naming the skipped posts", code, out, errOut)
	}
}

// TestExportPermalink: in a Hexo site whose permalink takes file names (Hexo's default, when
// _config.yml sets none), no post is named with a '%' (hexo-util drops such a post with "URIError:
// URI malformed"), and the export says so; with `permalink: p/:abbrlink.html` the names keep it.
func TestExportPermalink(t *testing.T) {
	_, cfgPath := refreshed(t, "cls-telegraph.xml", "")
	for _, tt := range []struct {
		config      string
		wantPercent bool
	}{
		{"title: news\n", false},
		{"title: news\npermalink: p/:abbrlink.html\n", true},
	} {
		site := t.TempDir()
		writeFile(t, site, "_config.yml", tt.config)
		posts := filepath.Join(site, "source", "_posts")
		code, out, errOut := runCLI("export", "--config", cfgPath, "--dir", posts)
		if code != 0 {
			t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
		}
		var names []string
		filepath.WalkDir(posts, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".md") {
				names = append(names, p)
			}
			return nil
		})
		withPercent := 0
		for _, n := range names {
			if strings.Contains(n, "%") {
				withPercent++
			}
		}
		if got := withPercent > 0; got != tt.wantPercent || len(names) == 0 {
			t.Errorf("%q: %d of %d names hold '%%', want some: %v", tt.config, withPercent, len(names), tt.wantPercent)
		}
		if said := strings.Contains(errOut, "permalink"); said == tt.wantPercent {
			t.Errorf("%q: stderr %q, want the permalink named: %v", tt.config, errOut, !tt.wantPercent)
		}
	}
}

// refreshed is a config (in a temporary directory, returned) with the depth source, served from a
// fixture, and extra appended, after one refresh.
func refreshed(t *testing.T, fixture, extra string) (dir, cfgPath string) {
	t.Helper()
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": fixture})
	dir = t.TempDir()
	cfgPath = writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+extra)
	if code, out, errOut := runCLI("refresh", "--config", cfgPath); code != 0 {
		t.Fatalf("refresh: %d %s %s", code, out, errOut)
	}
	return dir, cfgPath
}
