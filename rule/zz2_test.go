package rule

import (
	"fmt"
	"testing"
)

func TestZZTok(t *testing.T) {
	hist := map[int]int{}
	for _, r := range validCorpusRulesT(t) {
		l := newLexer(r)
		n := 0
		for {
			n++
			if l.next().kind == tokEOF {
				break
			}
		}
		hist[(n/8)*8]++
	}
	fmt.Println(hist)
}
