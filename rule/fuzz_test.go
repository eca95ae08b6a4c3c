package rule

import (
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, c := range loadCorpus(f) {
		f.Add(c.Rule, c.Syntax == "v2")
	}
	f.Fuzz(func(t *testing.T, src string, v2 bool) {
		s := V3
		if v2 {
			s = V2
		}
		checkAgainstReference(t, src)
		r, err := Parse(src, s)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			if e.Offset < 0 || e.Offset > len(src) || e.End < e.Offset {
				t.Fatalf("error range [%d, %d) outside %d-byte rule", e.Offset, e.End, len(src))
			}
			return
		}
		printed := r.String()
		r2, err := Parse(printed, s)
		if err != nil {
			t.Fatalf("print(%q) = %q does not parse: %v", src, printed, err)
		}
		if !Equal(r.Root, r2.Root) {
			t.Fatalf("parse(print(%q)) differs: %q", src, printed)
		}
		if r2.String() != printed {
			t.Fatalf("printing %q is not stable", src)
		}
		Walk(r.Root, func(n Node) bool {
			if n.Pos() < 0 || n.End() > len(src) || n.Pos() > n.End() {
				t.Fatalf("node %T range [%d, %d) outside %d-byte rule", n, n.Pos(), n.End(), len(src))
			}
			return true
		})
	})
}
