package rule

import (
	"fmt"
	"sort"
	"testing"
)

func TestZZStats(t *testing.T) {
	m := map[string]int{}
	for _, r := range validCorpusRulesT(t) {
		x, err := ParseTree(r)
		if err != nil {
			t.Fatal(err)
		}
		var c, l, b, p, n, esc int
		Walk(x, func(nd Node) bool {
			switch nd := nd.(type) {
			case *Call:
				c++
			case *StringLit:
				l++
				if nd.Raw[0] == '"' {
					esc++
				}
			case *BinaryExpr:
				b++
			case *ParenExpr:
				p++
			case *NotExpr:
				n++
			}
			return true
		})
		if !(c <= 1 && l <= 2 && b == 0 && p == 0 && n == 0) && !(c <= 2 && l <= 3 && b <= 1 && p == 0 && n == 0) { m[fmt.Sprintf("c%d l%d b%d p%d n%d", c, l, b, p, n)]++ }
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] })
	for _, k := range ks[:min(40, len(ks))] {
		fmt.Println(m[k], k)
	}
}

func validCorpusRulesT(t *testing.T) []string {
	var rules []string
	for _, c := range loadCorpus(t) {
		if c.Valid {
			rules = append(rules, c.Rule)
		}
	}
	return rules
}
