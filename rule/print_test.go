package rule

import "testing"

// TestPrintRoundTrip prints every valid corpus rule and parses the result:
// the tree must be Equal, the rule must stay valid, printing must be stable,
// and the printed rule must match the corpus requests exactly as the
// original does.
func TestPrintRoundTrip(t *testing.T) {
	n := 0
	for _, c := range loadCorpus(t) {
		if !c.Valid {
			continue
		}
		s := caseSyntax(t, c)
		r, err := Parse(c.Rule, s)
		if err != nil {
			t.Errorf("line %d: %v", c.Line, err)
			continue
		}
		printed := r.String()
		r2, err := Parse(printed, s)
		if err != nil {
			t.Errorf("line %d: printed %q of %q does not parse: %v", c.Line, printed, c.Rule, err)
			continue
		}
		if !Equal(r.Root, r2.Root) {
			t.Errorf("line %d: parse(print(%q)) = %q, a different tree", c.Line, c.Rule, printed)
		}
		if again := r2.String(); again != printed {
			t.Errorf("line %d: printing is not stable: %q then %q", c.Line, printed, again)
		}
		for i, q := range c.Requests {
			req, err := buildRequest(q)
			if err != nil {
				t.Fatal(err)
			}
			if r2.Match(req) != q.Match {
				t.Errorf("line %d request %d: printed rule %q matches %v, want %v", c.Line, i, printed, !q.Match, q.Match)
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no valid rule in the corpus")
	}
}

func TestPrint(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "host(\"a\")", want: "Host(`a`)"},
		{in: "Host(`a`)&&Path(`/`)||!Method(`GET`)", want: "Host(`a`) && Path(`/`) || !Method(`GET`)"},
		{in: "Host(`a`) && (Path(`/`) || Path(`/b`))", want: "Host(`a`) && (Path(`/`) || Path(`/b`))"},
		{in: "!(Host(`a`))", want: "!(Host(`a`))"},
		{in: "Header(`X`, \"a`b\")", want: "Header(`X`, \"a`b\")"},
		{in: "Host(`a`...)", want: "Host(`a`)"},
		{in: "Path(`/a\r\nb`)", want: "Path(`/a\nb`)"},
		{in: "Path(\"/\\x00\")", want: "Path(\"/\\x00\")"},
	}
	for _, tt := range tests {
		r, err := Parse(tt.in, V3)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := r.String(); got != tt.want {
			t.Errorf("print(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Trees built by hand get the parentheses precedence needs.
	a := &Call{Kind: Host, Args: []*StringLit{{Value: "a"}}, Ellipsis: -1}
	b := &Call{Kind: Path, Args: []*StringLit{{Value: "/"}}, Ellipsis: -1}
	x := &BinaryExpr{X: a, Op: And, Y: &BinaryExpr{X: a, Op: Or, Y: b}}
	if got, want := Print(&NotExpr{X: x}), "!(Host(`a`) && (Host(`a`) || Path(`/`)))"; got != want {
		t.Errorf("Print = %q, want %q", got, want)
	}
	y := &BinaryExpr{X: a, Op: And, Y: &BinaryExpr{X: a, Op: And, Y: b}}
	p := Print(y)
	re, err := ParseTree(p)
	if err != nil || !Equal(re, y) {
		t.Errorf("right-nested && printed as %q, reparsed unequal (%v)", p, err)
	}
}
