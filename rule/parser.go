package rule

import "strings"

// parser is a recursive-descent parser for the rule grammar:
//
//	rule    = or [newline] EOF .
//	or      = and { "||" and } .
//	and     = unary { "&&" unary } .
//	unary   = "!" unary | primary .
//	primary = "(" or ")" | call .
//	call    = name "(" [ string { "," string } [ "..." ] [ "," ] ] ")" .
//
// It refuses, with a position and a hint, every other Go expression that
// Traefik's parser (go/parser plus a tree walk) refuses. Nesting is bounded
// by MaxDepth, so recursion depth is bounded too.
type parser struct {
	src   string
	lex   lexer
	tok   token
	depth int
	err   *Error
	// Nodes are carved out of slabs: a few allocations per rule instead of
	// one per node.
	calls []Call
	lits  []StringLit
	bins  []BinaryExpr
	ptrs  []*StringLit
}

const slabSize = 8

type tinyArena struct {
	calls [1]Call
	lits  [2]StringLit
	ptrs  [2]*StringLit
}

type smallArena struct {
	calls [2]Call
	lits  [4]StringLit
	ptrs  [4]*StringLit
	bins  [1]BinaryExpr
}

func (p *parser) newCall() *Call {
	if len(p.calls) == cap(p.calls) {
		p.calls = make([]Call, 0, slabSize)
	}
	p.calls = p.calls[:len(p.calls)+1]
	return &p.calls[len(p.calls)-1]
}

func (p *parser) newLit() *StringLit {
	if len(p.lits) == cap(p.lits) {
		p.lits = make([]StringLit, 0, 2*slabSize)
	}
	p.lits = p.lits[:len(p.lits)+1]
	return &p.lits[len(p.lits)-1]
}

func (p *parser) newBinary(x Expr, op Op, pos int, y Expr) *BinaryExpr {
	if len(p.bins) == cap(p.bins) {
		p.bins = make([]BinaryExpr, 0, slabSize)
	}
	p.bins = append(p.bins, BinaryExpr{X: x, Op: op, OpPos: pos, Y: y})
	return &p.bins[len(p.bins)-1]
}

// parseExpr parses src into a tree whose matcher names are known in either
// syntax. It stops at the first error.
func parseExpr(src string) (Expr, *Error) {
	if len(src) > MaxRuleLength {
		return nil, errorf(MaxRuleLength, len(src), "split the route", "rule is %d bytes long, more than the limit of %d", len(src), MaxRuleLength)
	}
	if e := checkChars(src); e != nil {
		return nil, e
	}
	p := &parser{src: src, lex: newLexer(src)}
	// Size the node slabs from upper bounds read off the text. The nodes of
	// a small rule (most rules) come from one allocation.
	nCalls := strings.Count(src, "(")
	nLits := (strings.Count(src, "`") + strings.Count(src, `"`)) / 2
	nBins := 0
	if nCalls > 1 {
		nBins = strings.Count(src, "&&") + strings.Count(src, "||")
	}
	switch {
	case nCalls <= 1 && nLits <= 2 && nBins == 0:
		a := new(tinyArena)
		p.calls, p.lits, p.ptrs = a.calls[:0], a.lits[:0], a.ptrs[:0]
	case nCalls <= 2 && nLits <= 4 && nBins <= 1:
		a := new(smallArena)
		p.calls, p.lits, p.ptrs, p.bins = a.calls[:0], a.lits[:0], a.ptrs[:0], a.bins[:0]
	default:
		p.calls = make([]Call, 0, nCalls)
		p.lits = make([]StringLit, 0, nLits)
		p.ptrs = make([]*StringLit, 0, nLits)
		p.bins = make([]BinaryExpr, 0, nBins)
	}
	p.next()
	x := p.parseOr()
	if p.err == nil && p.tok.kind == tokNewline {
		p.next()
	}
	if p.err == nil && p.tok.kind != tokEOF {
		p.unexpectedAfterOperand()
	}
	if p.err != nil {
		return nil, p.err
	}
	return x, nil
}

func (p *parser) next() {
	p.tok = p.lex.next()
	if p.lex.err != nil && p.err == nil {
		p.err = p.lex.err
	}
}

func (p *parser) fail(e *Error) {
	if p.err == nil {
		p.err = e
	}
	p.tok = token{kind: tokEOF, pos: len(p.src), end: len(p.src)}
}

func (p *parser) failf(t token, hint, format string, args ...any) {
	p.fail(errorf(t.pos, t.end, hint, format, args...))
}

func (p *parser) parseOr() Expr {
	x := p.parseAnd()
	for p.err == nil && p.tok.kind == tokOr {
		pos := p.tok.pos
		p.next()
		y := p.parseAnd()
		if p.err != nil {
			return nil
		}
		x = p.newBinary(x, Or, pos, y)
	}
	return x
}

func (p *parser) parseAnd() Expr {
	x := p.parseUnary()
	for p.err == nil && p.tok.kind == tokAnd {
		pos := p.tok.pos
		p.next()
		y := p.parseUnary()
		if p.err != nil {
			return nil
		}
		x = p.newBinary(x, And, pos, y)
	}
	if p.err == nil {
		switch p.tok.kind {
		case tokOther:
			if isBinaryOp(p.tok.value) {
				hint := "combine matchers with &&, || and !"
				switch p.tok.value {
				case "&":
					hint = "write && for \"and\""
				case "|":
					hint = "write || for \"or\""
				case "=", "==":
					hint = "a matcher takes its value as an argument: Host(`example.com`)"
				}
				p.failf(p.tok, hint, "operator %s is not supported: expected &&, || or the end of the rule", p.tok.value)
			}
		}
	}
	return x
}

func isBinaryOp(op string) bool {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=", "+", "-", "|", "^", "*", "/", "%", "<<", ">>", "&", "&^", "=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=", "<-":
		return true
	}
	return false
}

func (p *parser) enter(t token) bool {
	p.depth++
	if p.depth > MaxDepth {
		p.failf(t, "simplify the rule", "rule nested more than %d levels deep", MaxDepth)
		return false
	}
	return true
}

func (p *parser) parseUnary() Expr {
	switch p.tok.kind {
	case tokNot:
		bang := p.tok
		if !p.enter(bang) {
			return nil
		}
		p.next()
		x := p.parseUnary()
		p.depth--
		if p.err != nil {
			return nil
		}
		return &NotExpr{Bang: bang.pos, X: x}
	case tokOther:
		switch p.tok.value {
		case "-", "+", "^", "*", "&", "<-", "~":
			p.failf(p.tok, "negate a matcher with !", "unary operator %s is not supported: expected a matcher, ! or (", p.tok.value)
			return nil
		}
	}
	return p.parsePrimary()
}

func (p *parser) parsePrimary() Expr {
	t := p.tok
	var x Expr
	switch t.kind {
	case tokLParen:
		if !p.enter(t) {
			return nil
		}
		p.next()
		inner := p.parseOr()
		p.depth--
		if p.err != nil {
			return nil
		}
		if p.tok.kind != tokRParen {
			p.expectedClose("')' to close the '(' at offset "+itoa(t.pos), t.pos)
			return nil
		}
		x = &ParenExpr{Lparen: t.pos, X: inner, Rparen: p.tok.pos}
		p.next()
		if p.tok.kind == tokLParen {
			p.failf(p.tok, "write the matcher name directly before its arguments: Host(`a`)", "a parenthesized expression cannot be called: expected a matcher name before '('")
			return nil
		}
	case tokIdent:
		x = p.parseCall()
		if p.err != nil {
			return nil
		}
	default:
		p.expectedOperand()
		return nil
	}
	// Postfix forms Go would parse (selector, index, call of a call, type
	// assertion, composite literal) are never rules.
	if p.tok.kind == tokLParen || p.tok.kind == tokOther && (p.tok.value == "." || p.tok.value == "[" || p.tok.value == "{") {
		p.failf(p.tok, "combine matchers with &&, || and !", "unexpected %s after %s", p.tok.describe(p.src), p.src[x.Pos():x.End()])
		return nil
	}
	return x
}

func (p *parser) expectedOperand() {
	t := p.tok
	switch t.kind {
	case tokEOF:
		p.failf(t, "complete the rule, or remove the trailing operator", "expected a matcher, found end of rule")
	case tokNewline:
		p.failf(t, "", "expected a matcher, found a line break")
	case tokString:
		p.failf(t, "a string is an argument, e.g. Host("+p.src[t.pos:t.end]+")", "expected a matcher, found string %s", p.src[t.pos:t.end])
	case tokNumber, tokChar:
		p.failf(t, "", "expected a matcher, found %s", t.describe(p.src))
	default:
		p.failf(t, "", "expected a matcher, '!' or '(', found %s", t.describe(p.src))
	}
}

func (p *parser) expectedClose(what string, _ int) {
	t := p.tok
	hint := ""
	if t.kind == tokNewline {
		hint = "in Go syntax a line break after a matcher, a string or ')' ends the rule: break lines after &&, ||, '(' or ','"
	}
	p.failf(t, hint, "expected %s, found %s", what, t.describe(p.src))
}

func (p *parser) unexpectedAfterOperand() {
	t := p.tok
	hint := ""
	switch {
	case t.kind == tokNewline || t.kind == tokOther && t.value == ";":
		hint = "a rule is one expression; join its parts with && or ||"
	case t.kind == tokIdent:
		switch strings.ToLower(t.value) {
		case "and":
			hint = "write && instead of " + t.value
		case "or":
			hint = "write || instead of " + t.value
		case "not":
			hint = "write ! instead of " + t.value
		default:
			hint = "join matchers with && or ||"
		}
	case t.kind == tokRParen:
		hint = "remove the unbalanced ')'"
	case t.kind == tokNot:
		hint = "join matchers with && or ||, e.g. A && !B"
	case t.kind == tokComma:
		hint = "a rule is one expression; join matchers with && or ||"
	}
	if t.kind != tokNewline && p.prevNewline(t.pos) {
		hint = "in Go syntax a line break after a matcher or ')' ends the rule: break lines after && or || instead"
	}
	p.failf(t, hint, "expected &&, || or the end of the rule, found %s", t.describe(p.src))
}

// prevNewline reports whether a line break separates the token at off from
// the text before it.
func (p *parser) prevNewline(off int) bool {
	i := off - 1
	for i >= 0 && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\r') {
		i--
	}
	return i >= 0 && p.src[i] == '\n'
}

func (p *parser) parseCall() Expr {
	name := p.tok
	kind := LookupKind(name.value)
	p.next()
	if p.err != nil {
		return nil
	}
	if p.tok.kind != tokLParen {
		if p.tok.kind == tokNewline && p.lex.off < len(p.src) && strings.TrimLeft(p.src[p.lex.off:], " \t\r\n") != "" && strings.HasPrefix(strings.TrimLeft(p.src[p.lex.off:], " \t\r\n"), "(") {
			p.failf(p.tok, "put '(' on the same line as the matcher name", "expected '(' after %s, found a line break", name.value)
			return nil
		}
		if kind != KindInvalid {
			p.failf(name, "write "+name.value+"(`value`)", "expected '(' after matcher %s", name.value)
			return nil
		}
		hint := "values are strings: quote them in backticks"
		if isKeyword(name.value) {
			hint = ""
		}
		p.failf(name, hint, "expected a matcher call, found identifier %s", name.value)
		return nil
	}
	if kind == KindInvalid {
		hint := ""
		s := suggestKind(name.value, V3)
		if s == "" {
			s = suggestKind(name.value, V2)
		}
		if s != "" {
			hint = "did you mean " + s + "?"
			if strings.EqualFold(s, name.value) {
				hint += " Traefik accepts " + s + ", " + strings.ToLower(s) + ", " + strings.ToUpper(s) + " and " + s[:1] + strings.ToLower(s[1:]) + " only"
			}
		}
		p.failf(name, hint, "unknown matcher %s", name.value)
		return nil
	}
	argStart := len(p.ptrs)
	c := p.newCall()
	*c = Call{Name: name.value, Kind: kind, NamePos: name.pos, Lparen: p.tok.pos, Ellipsis: -1}
	p.next()
	for p.err == nil && p.tok.kind != tokRParen {
		t := p.tok
		if t.kind != tokString {
			p.badArgument(c)
			return nil
		}
		if len(c.Args) >= MaxArgs {
			p.failf(t, "", "more than %d arguments to %s", MaxArgs, c.Name)
			return nil
		}
		lit := p.newLit()
		*lit = StringLit{ValuePos: t.pos, Raw: p.src[t.pos:t.end], Value: t.value}
		p.ptrs = append(p.ptrs, lit)
		c.Args = p.ptrs[argStart:len(p.ptrs):len(p.ptrs)]
		p.next()
		if p.tok.kind == tokEllipsis {
			c.Ellipsis = p.tok.pos
			p.next()
		}
		switch p.tok.kind {
		case tokComma:
			p.next()
			if c.Ellipsis >= 0 && p.tok.kind != tokRParen {
				p.failf(p.tok, "remove the '...'", "expected ')' after '...', found %s", p.tok.describe(p.src))
				return nil
			}
		case tokRParen:
		case tokNewline:
			p.failf(p.tok, "in Go syntax a line break after a string ends the rule: put ',' or ')' before the line break", "missing ',' before line break in argument list of %s", c.Name)
			return nil
		case tokString:
			p.failf(p.tok, "separate arguments with ','; strings cannot be concatenated", "missing ',' in argument list of %s", c.Name)
			return nil
		default:
			if p.err == nil {
				hint := ""
				if p.tok.kind == tokOther && isBinaryOp(p.tok.value) {
					hint = "arguments are plain strings; expressions are not evaluated"
				}
				p.failf(p.tok, hint, "expected ',' or ')' in argument list of %s, found %s", c.Name, p.tok.describe(p.src))
			}
			return nil
		}
	}
	if p.err != nil {
		return nil
	}
	c.Rparen = p.tok.pos
	p.next()
	return c
}

func (p *parser) badArgument(c *Call) {
	t := p.tok
	switch t.kind {
	case tokIdent:
		p.failf(t, "quote the value: `"+t.value+"`", "%s argument must be a string, found identifier %s", c.Name, t.value)
	case tokNumber:
		p.failf(t, "quote the value: `"+t.value+"`", "%s argument must be a string, found number %s", c.Name, t.value)
	case tokChar:
		p.failf(t, "single quotes make a Go character; use backticks or double quotes", "%s argument must be a string, found character literal %s", c.Name, t.value)
	case tokComma:
		p.failf(t, "remove the extra ','", "%s: expected a string argument, found ','", c.Name)
	case tokNewline:
		p.failf(t, "", "%s: expected a string argument, found line break", c.Name)
	case tokEOF:
		p.failf(t, "close the call with ')'", "%s: expected a string argument or ')', found end of rule", c.Name)
	default:
		p.failf(t, "", "%s argument must be a string literal, found %s", c.Name, t.describe(p.src))
	}
}

func isKeyword(s string) bool {
	switch s {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var":
		return true
	}
	return false
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
