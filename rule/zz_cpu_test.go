package rule

import (
	"fmt"
	goparser "go/parser"
	"os"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("ZZROUNDS"))
	if rounds == 0 {
		t.Skip()
	}
	rules := validCorpusRulesT(t)
	const iters = 40
	var ours, theirs, ratios []float64
	for r := 0; r < rounds; r++ {
		c0 := cpuNow()
		for range iters {
			for _, s := range rules {
				if _, err := ParseTree(s); err != nil {
					t.Fatal(err)
				}
			}
		}
		c1 := cpuNow()
		for range iters {
			for _, s := range rules {
				if _, err := goparser.ParseExpr(s); err != nil {
					t.Fatal(err)
				}
			}
		}
		c2 := cpuNow()
		ours = append(ours, float64(c1-c0)/iters/1e6)
		theirs = append(theirs, float64(c2-c1)/iters/1e6)
		ratios = append(ratios, float64(c2-c1)/float64(c1-c0))
	}
	sort.Float64s(ours)
	sort.Float64s(theirs)
	sort.Float64s(ratios)
	med := func(x []float64) float64 { return x[len(x)/2] }
	fmt.Printf("CPU ms/op: ParseTree min %.3f med %.3f | go/parser min %.3f med %.3f | ratio(med) %.2f ratio(min) %.2f pairwise-median %.2f\n",
		ours[0], med(ours), theirs[0], med(theirs), med(theirs)/med(ours), theirs[0]/ours[0], med(ratios))
}
