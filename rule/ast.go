package rule

// Node is a node of a rule's syntax tree. Pos and End are byte offsets into
// the rule's source: the node spans src[Pos():End()]. The interface is
// sealed: the node types are *BinaryExpr, *NotExpr, *ParenExpr, *Call and
// *StringLit.
type Node interface {
	Pos() int
	End() int
	node()
}

// Expr is a boolean expression node: *BinaryExpr, *NotExpr, *ParenExpr or
// *Call.
type Expr interface {
	Node
	expr()
}

// Op is a binary operator.
type Op uint8

const (
	// And is &&.
	And Op = iota + 1
	// Or is ||.
	Or
)

// String returns "&&" or "||".
func (o Op) String() string {
	if o == Or {
		return "||"
	}
	return "&&"
}

// BinaryExpr is X && Y or X || Y. && binds tighter than ||; both are
// left-associative.
type BinaryExpr struct {
	// X is the left operand.
	X Expr
	// Op is the operator, And or Or.
	Op    Op
	OpPos int // offset of the operator
	// Y is the right operand.
	Y Expr
}

// NotExpr is !X.
type NotExpr struct {
	Bang int // offset of '!'
	// X is the negated operand.
	X Expr
}

// ParenExpr is (X).
type ParenExpr struct {
	// Lparen is the offset of '('.
	Lparen int
	// X is the parenthesized expression.
	X      Expr
	Rparen int // offset of ')'
}

// Call is a matcher call such as Host(`example.com`).
type Call struct {
	Name string // the name as written (Traefik accepts Host, host, HOST)
	Kind Kind   // the matcher, independent of spelling
	// NamePos is the offset of the name.
	NamePos int
	// Lparen is the offset of '('.
	Lparen int
	// Args are the string arguments, in order.
	Args     []*StringLit
	Ellipsis int // offset of "..." after the last argument, or -1
	Rparen   int // offset of ')'
}

// StringLit is a string argument: `raw` or "interpreted".
type StringLit struct {
	ValuePos int    // offset of the opening quote
	Raw      string // the literal as written, quotes included
	Value    string // the decoded value
}

// Pos returns the offset of X.
func (x *BinaryExpr) Pos() int { return x.X.Pos() }

// End returns the offset just past Y.
func (x *BinaryExpr) End() int { return x.Y.End() }

// Pos returns the offset of '!'.
func (x *NotExpr) Pos() int { return x.Bang }

// End returns the offset just past X.
func (x *NotExpr) End() int { return x.X.End() }

// Pos returns the offset of '('.
func (x *ParenExpr) Pos() int { return x.Lparen }

// End returns the offset just past ')'.
func (x *ParenExpr) End() int { return x.Rparen + 1 }

// Pos returns the offset of the matcher name.
func (x *Call) Pos() int { return x.NamePos }

// End returns the offset just past ')'.
func (x *Call) End() int { return x.Rparen + 1 }

// Pos returns the offset of the opening quote.
func (x *StringLit) Pos() int { return x.ValuePos }

// End returns the offset just past the closing quote.
func (x *StringLit) End() int { return x.ValuePos + len(x.Raw) }

// Values returns the decoded values of the call's arguments.
func (x *Call) Values() []string {
	v := make([]string, len(x.Args))
	for i, a := range x.Args {
		v[i] = a.Value
	}
	return v
}

func (*BinaryExpr) node() {}
func (*NotExpr) node()    {}
func (*ParenExpr) node()  {}
func (*Call) node()       {}
func (*StringLit) node()  {}

func (*BinaryExpr) expr() {}
func (*NotExpr) expr()    {}
func (*ParenExpr) expr()  {}
func (*Call) expr()       {}

// Walk traverses the tree rooted at n in depth-first order, source order:
// it calls f(n); if f returns true, Walk visits n's children. Walk uses an
// explicit stack, so deep trees do not grow the goroutine stack.
func Walk(n Node, f func(Node) bool) {
	if n == nil {
		return
	}
	stack := []Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil || !f(n) {
			continue
		}
		switch n := n.(type) {
		case *BinaryExpr:
			stack = append(stack, n.Y, n.X)
		case *NotExpr:
			stack = append(stack, n.X)
		case *ParenExpr:
			stack = append(stack, n.X)
		case *Call:
			for i := len(n.Args) - 1; i >= 0; i-- {
				stack = append(stack, n.Args[i])
			}
		}
	}
}

// MatcherUse is a matcher call found in a rule, with whether it is negated
// (under an odd number of !).
type MatcherUse struct {
	// Call is the matcher call.
	Call *Call
	// Negated is set when the call is under an odd number of '!'.
	Negated bool
}

// Matchers lists the matcher calls of the tree rooted at x in source order,
// each with whether it is negated.
func Matchers(x Expr) []MatcherUse {
	var out []MatcherUse
	type item struct {
		e   Expr
		neg bool
	}
	stack := []item{{e: x}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch e := it.e.(type) {
		case *BinaryExpr:
			stack = append(stack, item{e: e.Y, neg: it.neg}, item{e: e.X, neg: it.neg})
		case *NotExpr:
			stack = append(stack, item{e: e.X, neg: !it.neg})
		case *ParenExpr:
			stack = append(stack, item{e: e.X, neg: it.neg})
		case *Call:
			out = append(out, MatcherUse{Call: e, Negated: it.neg})
		}
	}
	return out
}

// Unparen returns x without enclosing parentheses.
func Unparen(x Expr) Expr {
	for {
		p, ok := x.(*ParenExpr)
		if !ok {
			return x
		}
		x = p.X
	}
}

// Equal reports whether a and b are the same rule tree, ignoring positions,
// parentheses, how strings were quoted and how matcher names were spelled.
func Equal(a, b Expr) bool {
	type pair struct{ a, b Expr }
	stack := []pair{{a, b}}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x, y := Unparen(p.a), Unparen(p.b)
		switch x := x.(type) {
		case *BinaryExpr:
			y, ok := y.(*BinaryExpr)
			if !ok || x.Op != y.Op {
				return false
			}
			stack = append(stack, pair{x.X, y.X}, pair{x.Y, y.Y})
		case *NotExpr:
			y, ok := y.(*NotExpr)
			if !ok {
				return false
			}
			stack = append(stack, pair{x.X, y.X})
		case *Call:
			y, ok := y.(*Call)
			if !ok || x.Kind != y.Kind || len(x.Args) != len(y.Args) {
				return false
			}
			for i := range x.Args {
				if x.Args[i].Value != y.Args[i].Value {
					return false
				}
			}
		case nil:
			if y != nil {
				return false
			}
		default:
			return false
		}
	}
	return true
}
