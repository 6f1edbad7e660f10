package hexo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// benchArticles are n articles the size of the seed's (its body, ~5.7 KB), with distinct titles,
// a third of them without image.
func benchArticles(b *testing.B, n int) []aggregator.Article {
	b.Helper()
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		b.Fatal(err)
	}
	_, post := splitPost(b, string(seed))
	body := strings.TrimSuffix(strings.TrimPrefix(post, "\n<div>   \n"), bodyClose) // as stored
	arts := make([]aggregator.Article, n)
	for i := range arts {
		a := article(fmt.Sprintf("%032x", i*7919+1), fmt.Sprintf("第%d篇：2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景", i))
		a.Date = a.Date.Add(-time.Duration(i) * time.Minute)
		a.Body = body
		if i%3 == 0 {
			a.HeadImg, a.Thumbnail = "", ""
		}
		arts[i] = a
	}
	return arts
}

// BenchmarkSync exports 1,000 articles: "first" into an empty directory (every post written and
// fsynced), "noop" again with the same articles (render and hash each post, read it back and compare
// tributary's part of it; nothing written).
//
//	go test -run '^$' -bench BenchmarkSync -benchtime 20x ./feeds/hexo/
func BenchmarkSync(b *testing.B) {
	const n = 1000
	arts := benchArticles(b, n)
	o := Options{PlaceholderImage: "https://picsum.photos/400/300?random={n}"}
	ctx := context.Background()
	b.Run("first", func(b *testing.B) {
		root := b.TempDir()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			rep, err := Sync(ctx, filepath.Join(root, fmt.Sprint(i)), arts, o)
			if err != nil || rep.Written != n {
				b.Fatalf("%+v, %v", rep, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "µs/post")
	})
	b.Run("noop", func(b *testing.B) {
		dir := b.TempDir()
		if _, err := Sync(ctx, dir, arts, o); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			rep, err := Sync(ctx, dir, arts, o)
			if err != nil || rep.Unchanged != n {
				b.Fatalf("%+v, %v", rep, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "µs/post")
	})
}

// BenchmarkSyncCategories exports one article with many categories into an empty directory: the
// time must grow with the number of categories no faster than linearly (the path is capped).
//
//	go test -run '^$' -bench BenchmarkSyncCategories -benchtime 5x ./feeds/hexo/
func BenchmarkSyncCategories(b *testing.B) {
	for _, n := range []int{1000, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a := benchArticles(b, 1)[0]
			a.Categories = nil
			for i := range n {
				a.Categories = append(a.Categories, fmt.Sprintf("分类%04d", i))
			}
			root := b.TempDir()
			for i := 0; b.Loop(); i++ {
				if rep, err := Sync(context.Background(), filepath.Join(root, fmt.Sprint(i)), []aggregator.Article{a}, Options{}); err != nil || rep.Written != 1 {
					b.Fatalf("%+v, %v", rep, err)
				}
			}
		})
	}
}

// BenchmarkRender renders the seed-sized article.
func BenchmarkRender(b *testing.B) {
	a := benchArticles(b, 1)[0]
	b.ReportAllocs()
	for b.Loop() {
		Render(a, Options{})
	}
}
