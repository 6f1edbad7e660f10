package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// farmLang is the language of a built-in farm's texts. Chinese (the default) is what the team's
// figures were measured on: 财联社-like flashes, whose prints are shingles of Han characters. English
// (-lang en) is wire-like copy, whose prints also hold content words (aggregator/story's words.go):
// the cost of story grouping for feeds in English. The feeds' shapes, sizes and shares of copies
// are the same in both.
type farmLang struct {
	name string
	// sentences are whole sentences that stories share (boilerplate, the day's common phrases).
	sentences []string
	// sentence writes one sentence of a body from rng.
	sentence func(b *strings.Builder, rng *rand.Rand)
	// strong and caption are the body's decorations; related links to another article.
	strong, related, caption string
	// shared is the title of shared story i; item the title of feed i's item seq, given a
	// sentence of the language; near rewords a title, as another outlet re-publishing it.
	shared func(i int, s string) string
	item   func(i, seq int, s string) string
	near   func(title string) string
	// feed, description, author and category label the feeds.
	feed, description, author, category string
}

// langOf returns the farm language named by -lang.
func langOf(name string) (*farmLang, error) {
	switch name {
	case "", "zh":
		return chinese(), nil
	case "en":
		return english(), nil
	}
	return nil, fmt.Errorf("-lang %q: want zh or en", name)
}

func chinese() *farmLang {
	return &farmLang{
		name:      "zh",
		sentences: zhSentences,
		sentence:  writeSentence,
		strong:    "重点关注", related: "相关阅读", caption: "图片来源：网络",
		shared: func(i int, s string) string { return fmt.Sprintf("共享要闻%d：%s", i, runes(s, 10)) },
		item:   func(i, seq int, s string) string { return fmt.Sprintf("资讯源%d第%d条：%s", i, seq, runes(s, 8)) },
		near:   func(t string) string { return "快讯｜" + strings.Replace(t, "：", "消息，", 1) },
		feed:   "资讯源", description: "基准测试源", author: "记者", category: "财经",
	}
}

var enSentences = []string{
	"The central bank said on Tuesday it would keep its main interest rate unchanged at 4.5%, citing easing inflation.",
	"Analysts said the figures pointed to a resilient labor market despite higher borrowing costs.",
	"Shares in the company rose 3.2% in early trading after it raised its full-year profit forecast.",
	"The government said it would announce further measures to support small businesses next month.",
	"Regulators opened an investigation into the deal, which would create the largest operator in the region.",
	"Oil prices fell 1.4% as traders weighed rising inventories against supply cuts by major producers.",
	"The union said its members had voted to accept the offer, ending a strike that lasted six weeks.",
	"Officials said there were no immediate reports of casualties, and rescue teams were on their way.",
	"The court ruled that the merger would reduce competition and harm consumers, blocking the deal.",
	"Investors are watching for signs that demand for chips used in artificial intelligence is slowing.",
}

// enSyllables make the English farm's words: English-like words that no stopword list knows, so
// that different stories share their function words and a few common sentences, not their
// content (a word list of a few hundred made every item of the farm one story to content words).
var enSyllables = []string{"ka", "lo", "mir", "ten", "sa", "dor", "vi", "nel", "pra", "gu",
	"ros", "el", "tam", "bi", "qua", "fen", "zo", "lis", "mar", "du"}

var enFunction = []string{"the", "of", "and", "to", "in", "for", "on", "with", "said", "was"}

// enWord is English farm word k (k < 8,400): two or three syllables.
func enWord(k int) string {
	n := len(enSyllables)
	if k < n*n {
		return enSyllables[k/n] + enSyllables[k%n]
	}
	k -= n * n
	return enSyllables[k/(n*n)%n] + enSyllables[k/n%n] + enSyllables[k%n]
}

// enName is a capitalized word that the farm uses as a name (a company, a place, a person).
func enName(rng *rand.Rand) string {
	w := enWord(400 + rng.IntN(2000))
	return strings.ToUpper(w[:1]) + w[1:]
}

// writeEnglishSentence writes one sentence: one in eight is a shared sentence; the others open on
// a name and run on in words of their own, function words between, with a figure.
func writeEnglishSentence(b *strings.Builder, rng *rand.Rand) {
	if rng.IntN(8) == 0 {
		b.WriteString(enSentences[rng.IntN(len(enSentences))] + " ")
		return
	}
	b.WriteString(enName(rng))
	for w := range 6 + rng.IntN(8) {
		if w == 4 {
			fmt.Fprintf(b, " %d.%d%%", rng.IntN(100), rng.IntN(10))
		}
		if w%3 == 1 {
			b.WriteString(" " + enFunction[rng.IntN(len(enFunction))])
		}
		b.WriteString(" " + enWord(rng.IntN(8400)))
	}
	b.WriteString(". ")
}

func english() *farmLang {
	return &farmLang{
		name:      "en",
		sentences: enSentences,
		sentence:  writeEnglishSentence,
		strong:    "Key points", related: "Read more", caption: "Photo: agency",
		shared: func(i int, s string) string { return fmt.Sprintf("Shared story %d: %s", i, words(s, 7)) },
		item:   func(i, seq int, s string) string { return fmt.Sprintf("Source %d item %d: %s", i, seq, words(s, 6)) },
		near:   func(t string) string { return "BREAKING - " + strings.Replace(t, ": ", " reports ", 1) },
		feed:   "Source", description: "Benchmark source", author: "Reporter ", category: "Business",
	}
}

// words is the first n words of s.
func words(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
