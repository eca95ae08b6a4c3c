package rule

import (
	goparser "go/parser"
	"testing"
)

const zzOne = "Host(`example.com`)"

func BenchmarkZZOne(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		ParseTree(zzOne)
	}
}
func BenchmarkZZOneGo(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		goparser.ParseExpr(zzOne)
	}
}
func BenchmarkZZLexOnly(b *testing.B) {
	rules := validCorpusRules(b)
	b.ResetTimer()
	for range b.N {
		for _, r := range rules {
			l := newLexer(r)
			for l.next().kind != tokEOF {
			}
		}
	}
}
