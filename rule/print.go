package rule

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// String returns the rule in canonical form (see Print).
func (r *Rule) String() string { return Print(r.Root) }

// Print returns the canonical text of a rule tree: matcher names in their
// canonical spelling, arguments in backticks (double quotes when a backtick
// string cannot hold the value), ", " between arguments, " && " and " || "
// between operands, "!" directly before its operand, and the parentheses of
// the tree plus those precedence needs. Parsing the result gives a tree
// Equal to x.
func Print(x Expr) string {
	var b strings.Builder
	printExpr(&b, x)
	return b.String()
}

// Quote returns a string literal for v: in backticks when possible,
// otherwise a double-quoted Go string.
func Quote(v string) string {
	if strings.ContainsAny(v, "`\r\x00\uFEFF") || !utf8.ValidString(v) {
		return strconv.Quote(v)
	}
	return "`" + v + "`"
}

func printExpr(b *strings.Builder, x Expr) {
	// An explicit stack of pending work keeps printing iterative.
	type item struct {
		e    Expr
		text string
	}
	stack := []item{{e: x}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.e == nil {
			b.WriteString(it.text)
			continue
		}
		switch e := it.e.(type) {
		case *ParenExpr:
			b.WriteByte('(')
			stack = append(stack, item{text: ")"}, item{e: e.X})
		case *NotExpr:
			b.WriteByte('!')
			if needParens(e.X, 3) {
				stack = append(stack, item{text: ")"}, item{e: e.X}, item{text: "("})
			} else {
				stack = append(stack, item{e: e.X})
			}
		case *BinaryExpr:
			prec := 1
			if e.Op == And {
				prec = 2
			}
			// Left-associative: the right operand needs parentheses at equal
			// precedence, the left one only at lower precedence.
			var right, left []item
			if needParens(e.Y, prec+1) {
				right = []item{{text: ")"}, {e: e.Y}, {text: "("}}
			} else {
				right = []item{{e: e.Y}}
			}
			if needParens(e.X, prec) {
				left = []item{{text: ")"}, {e: e.X}, {text: "("}}
			} else {
				left = []item{{e: e.X}}
			}
			stack = append(stack, right...)
			stack = append(stack, item{text: " " + e.Op.String() + " "})
			stack = append(stack, left...)
		case *Call:
			name := e.Kind.String()
			if e.Kind == KindInvalid {
				name = e.Name
			}
			b.WriteString(name)
			b.WriteByte('(')
			for i, a := range e.Args {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(Quote(a.Value))
			}
			b.WriteByte(')')
		}
	}
}

// needParens reports whether x must be parenthesized where an operand of
// precedence prec is expected (1: ||, 2: &&, 3: operand of !).
func needParens(x Expr, prec int) bool {
	e, ok := x.(*BinaryExpr)
	if !ok {
		return false
	}
	p := 1
	if e.Op == And {
		p = 2
	}
	return p < prec
}
