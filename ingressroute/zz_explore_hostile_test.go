package ingressroute

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestZZExplore(t *testing.T) {
	cases := map[string]string{}
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: {")
	for i := range 100000 {
		fmt.Fprintf(&b, "k%d: v, ", i)
	}
	b.WriteString("}\n")
	cases["wide-one-line"] = b.String()
	b.Reset()
	for i := range 100000 {
		fmt.Fprintf(&b, "apiVersion: v1\nkind: Service\nmetadata: {name: s%d}\n---\n", i)
	}
	cases["100k-docs"] = b.String()
	cases["deep-flow-100k"] = "a: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	cases["deep-flow-5k"] = "a: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	b.Reset()
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 'b'; i <= 'i'; i++ {
		fmt.Fprintf(&b, "%c: &%c [", i, i)
		for j := 0; j < 9; j++ {
			fmt.Fprintf(&b, "*%c,", i-1)
		}
		b.WriteString("]\n")
	}
	cases["laughs"] = b.String()
	b.Reset()
	b.WriteString("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels:\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "    k: v%d\n", i)
	}
	cases["dupkeys"] = b.String()
	b.Reset()
	b.WriteString("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels:\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "    k%d: v\n", i)
	}
	cases["wide-block"] = b.String()
	for name, in := range cases {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		start := time.Now()
		set, ds := Decode("x.yaml", []byte(in))
		tb, cds := Compile(set, Options{})
		vds := Validate(set)
		el := time.Since(start)
		runtime.ReadMemStats(&m1)
		first := ""
		if len(ds) > 0 {
			first = ds[0].String()
		}
		if len(first) > 200 {
			first = first[:200]
		}
		t.Logf("%s: %d bytes %v alloc=%dMiB objs=%d diags=%d/%d/%d routers=%d first=%s", name, len(in), el, (m1.TotalAlloc-m0.TotalAlloc)>>20, len(set.Objects()), len(ds), len(vds), len(cds), len(tb.Routers), first)
	}
}
