package rule

import (
	"strings"
	"unicode/utf8"
)

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
//
// The parser reads tokens from a buffer that the lexer fills a batch at a
// time, counting them by kind. The first batch holds all the tokens of most
// rules; for a longer rule a copy of the lexer counts the rest. The counts
// are the node counts of a valid rule, so its nodes are allocated together,
// from one allocation for most rules.
type parser struct {
	src   string
	lex   lexer
	tok   packedToken
	depth int
	err   *Error

	toks    [tokBatch]packedToken
	ti, tn  int  // next and number of buffered tokens in toks
	lexDone bool // the lexer has returned tokEOF: toks[tn-1] is the last token
	kinds   tokenCounts

	// Nodes are carved out of slabs: a few allocations per rule instead of
	// one per node.
	calls []Call
	lits  []StringLit
	bins  []BinaryExpr
	ptrs  []*StringLit
	pars  []ParenExpr
	nots  []NotExpr
	// Sizes of the slabs of parentheses and ! when they are first needed.
	nPar, nNot int
}

// tokBatch is the number of tokens lexed at a time: enough for nearly all
// rules, few enough that clearing the buffer costs little.
const tokBatch = 32

// fill lexes the next batch of tokens, counting them by kind.
func (p *parser) fill() {
	p.tn, p.lexDone = p.lex.scan(p.toks[:], &p.kinds)
	p.ti = 0
}

// next advances to the next token. A lexical error ends the token stream
// with tokEOF; fail and parseExpr report it in preference to what the parser
// makes of that EOF.
func (p *parser) next() {
	if p.ti == p.tn {
		p.refill()
		return
	}
	p.tok = p.toks[p.ti]
	p.ti++
}

// refill reads the next batch of tokens into the buffer, or past the end of
// the tokens answers tokEOF as the lexer itself would.
func (p *parser) refill() {
	if p.lexDone {
		p.tok = packedToken{kind: tokEOF, pos: int32(len(p.src)), end: int32(len(p.src))}
		return
	}
	p.fill()
	p.next()
}

// lexErr returns the lexical error, if any, once the parser has reached the
// token where the lexer stopped: the parser reports it in preference to what
// it makes of that token, and before it nothing is wrong yet.
func (p *parser) lexErr() *Error {
	if p.lexDone && p.ti >= p.tn {
		return p.lex.err
	}
	return nil
}

// Node arenas for the shapes most rules have: one allocation holds all the
// nodes of the rule.
type (
	arena11 struct { // Host(`a`)
		calls [1]Call
		lits  [1]StringLit
		ptrs  [1]*StringLit
	}
	arena12 struct { // Header(`a`, `b`)
		calls [1]Call
		lits  [2]StringLit
		ptrs  [2]*StringLit
	}
	arena23 struct { // Host(`a`) && Header(`b`, `c`)
		calls [2]Call
		lits  [3]StringLit
		ptrs  [3]*StringLit
		bins  [1]BinaryExpr
	}
	arena24 struct { // !(Host(`a`) && Header(`b`, `c`))
		calls [2]Call
		lits  [4]StringLit
		ptrs  [4]*StringLit
		bins  [1]BinaryExpr
		pars  [1]ParenExpr
		nots  [2]NotExpr
	}
	arena46 struct {
		calls [4]Call
		lits  [6]StringLit
		ptrs  [6]*StringLit
		bins  [3]BinaryExpr
		pars  [2]ParenExpr
		nots  [3]NotExpr
	}
)

// alloc sizes the node slabs from the token counts, which for a valid rule
// are its node counts. For a rule longer than the first batch, a copy of the
// lexer counts the rest of its tokens; the parser lexes them again.
func (p *parser) alloc() {
	k := &p.kinds
	if !p.lexDone {
		l := p.lex
		var buf [tokBatch]packedToken
		for done := false; !done; {
			_, done = l.scan(buf[:], k)
		}
	}
	calls := int(k[tokIdent])
	lits := int(k[tokString])
	bins := int(k[tokAnd] + k[tokOr])
	p.nPar = max(int(k[tokLParen])-calls, 0)
	p.nNot = int(k[tokNot])
	switch {
	case calls == 0:
		// Not a valid rule: the parser fails before it needs a node.
	case calls <= 1 && lits <= 1 && bins == 0:
		a := new(arena11)
		p.calls, p.lits, p.ptrs = a.calls[:0], a.lits[:0], a.ptrs[:0]
	case calls <= 1 && lits <= 2 && bins == 0:
		a := new(arena12)
		p.calls, p.lits, p.ptrs = a.calls[:0], a.lits[:0], a.ptrs[:0]
	case calls <= 2 && lits <= 3 && bins <= 1 && p.nPar == 0 && p.nNot == 0:
		a := new(arena23)
		p.calls, p.lits, p.ptrs, p.bins = a.calls[:0], a.lits[:0], a.ptrs[:0], a.bins[:0]
	case calls <= 2 && lits <= 4 && bins <= 1 && p.nPar <= 1 && p.nNot <= 2:
		a := new(arena24)
		p.calls, p.lits, p.ptrs, p.bins = a.calls[:0], a.lits[:0], a.ptrs[:0], a.bins[:0]
		p.pars, p.nots = a.pars[:0], a.nots[:0]
	case calls <= 4 && lits <= 6 && bins <= 3 && p.nPar <= 2 && p.nNot <= 3:
		a := new(arena46)
		p.calls, p.lits, p.ptrs, p.bins = a.calls[:0], a.lits[:0], a.ptrs[:0], a.bins[:0]
		p.pars, p.nots = a.pars[:0], a.nots[:0]
	default:
		if calls > 0 {
			p.calls = make([]Call, 0, calls)
		}
		if lits > 0 {
			p.lits = make([]StringLit, 0, lits)
			p.ptrs = make([]*StringLit, 0, lits)
		}
		if bins > 0 {
			p.bins = make([]BinaryExpr, 0, bins)
		}
	}
}

// slabGrow is the size of a slab allocated when the counted one is full,
// which only an invalid rule can need.
const slabGrow = 8

func (p *parser) newCall() *Call {
	if len(p.calls) == cap(p.calls) {
		p.calls = make([]Call, 0, slabGrow)
	}
	p.calls = p.calls[:len(p.calls)+1]
	return &p.calls[len(p.calls)-1]
}

func (p *parser) newLit() *StringLit {
	if len(p.lits) == cap(p.lits) {
		p.lits = make([]StringLit, 0, 2*slabGrow)
	}
	p.lits = p.lits[:len(p.lits)+1]
	return &p.lits[len(p.lits)-1]
}

func (p *parser) newBinary(x Expr, op Op, pos int, y Expr) *BinaryExpr {
	if len(p.bins) == cap(p.bins) {
		p.bins = make([]BinaryExpr, 0, slabGrow)
	}
	p.bins = p.bins[:len(p.bins)+1]
	b := &p.bins[len(p.bins)-1]
	b.X, b.Op, b.OpPos, b.Y = x, op, pos, y
	return b
}

func (p *parser) newParen(x ParenExpr) *ParenExpr {
	if len(p.pars) == cap(p.pars) {
		p.pars = make([]ParenExpr, 0, max(p.nPar, 1))
		p.nPar = slabGrow
	}
	p.pars = append(p.pars, x)
	return &p.pars[len(p.pars)-1]
}

func (p *parser) newNot(x NotExpr) *NotExpr {
	if len(p.nots) == cap(p.nots) {
		p.nots = make([]NotExpr, 0, max(p.nNot, 1))
		p.nNot = slabGrow
	}
	p.nots = append(p.nots, x)
	return &p.nots[len(p.nots)-1]
}

// text returns the source text of t.
func (p *parser) text(t packedToken) string { return p.src[int(t.pos):int(t.end)] }

// decode returns the value of the string token t, whose flags say it needs
// decoding; without flags its value is the text between its quotes.
func (p *parser) decode(t packedToken) (string, bool) {
	if t.flags == tokEscaped {
		return unquote(p.src[int(t.pos):int(t.end)])
	}
	return strings.ReplaceAll(p.src[int(t.pos)+1:int(t.end)-1], "\r", ""), true
}

// parseExpr parses src into a tree whose matcher names are known in either
// syntax. It stops at the first error.
func parseExpr(src string) (Expr, *Error) {
	if len(src) > MaxRuleLength {
		return nil, errorf(MaxRuleLength, len(src), "split the route", "rule is %d bytes long, more than the limit of %d", len(src), MaxRuleLength)
	}
	if c := parseSimple(src); c != nil {
		return c, nil
	}
	p := &parser{src: src, lex: newLexer(src)}
	p.fill()
	return p.parse()
}

// parseSimple parses the commonest rules, one matcher call with one or two
// plain string arguments such as Host(`example.com`) or
// Header(`X-Env`, "prod"), in one pass over src and one allocation. It takes
// only ASCII text with spaces, no line breaks, comments, escapes or other
// tokens, and builds the tree parse would build. For any other rule it
// returns nil, having allocated nothing, and parse takes over.
func parseSimple(src string) *Call {
	i := skipBlanks(src, 0)
	name := i
	if i == len(src) || identASCII[src[i]] != 1 {
		return nil
	}
	for i++; i < len(src) && identASCII[src[i]] != 0; i++ {
	}
	nameEnd := i
	kind := lookupKind(src[name:nameEnd])
	if kind == KindInvalid {
		return nil
	}
	i = skipBlanks(src, i)
	if i == len(src) || src[i] != '(' {
		return nil
	}
	lparen := i
	var args [2]int // offsets of the arguments' opening quotes
	n := 0
	for i++; ; i++ {
		i = skipBlanks(src, i)
		if i == len(src) || n == len(args) || src[i] != '`' && src[i] != '"' {
			return nil
		}
		args[n] = i
		n++
		j := i + 1
		for j < len(src) && plainStringByte[src[j]] != 0 {
			j++
		}
		if j == len(src) || src[j] != src[i] {
			return nil // an escape, a line break, a carriage return, NUL or non-ASCII
		}
		i = skipBlanks(src, j+1)
		if i == len(src) || src[i] == ')' {
			break
		}
		if src[i] != ',' {
			return nil
		}
	}
	if i == len(src) || skipBlanks(src, i+1) != len(src) {
		return nil
	}
	var c *Call
	var lits []StringLit
	var ptrs []*StringLit
	if n == 1 {
		a := new(arena11)
		c, lits, ptrs = &a.calls[0], a.lits[:], a.ptrs[:]
	} else {
		a := new(arena12)
		c, lits, ptrs = &a.calls[0], a.lits[:], a.ptrs[:]
	}
	for k, pos := range args[:n] {
		end := pos + 1 + strings.IndexByte(src[pos+1:], src[pos]) + 1
		lit := &lits[k]
		lit.ValuePos, lit.Raw, lit.Value = pos, src[pos:end], src[pos+1:end-1]
		ptrs[k] = lit
	}
	c.Name, c.Kind, c.NamePos, c.Lparen, c.Args, c.Ellipsis, c.Rparen = src[name:nameEnd], kind, name, lparen, ptrs, -1, i
	return c
}

// skipBlanks returns the offset of the first byte at or after i in src that
// is not a space, a tab or a carriage return.
func skipBlanks(src string, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
		i++
	}
	return i
}

// plainStringByte marks the bytes a string can hold whose value is its text:
// ASCII but NUL, quotes, backslash, line breaks and carriage returns.
var plainStringByte = func() (t [256]uint8) {
	for c := 1; c < utf8.RuneSelf; c++ {
		t[c] = 1
	}
	t['`'], t['"'], t['\\'], t['\n'], t['\r'] = 0, 0, 0, 0, 0
	return t
}()

// parse parses the rule whose first batch of tokens is read.
func (p *parser) parse() (Expr, *Error) {
	p.alloc()
	p.next()
	x := p.parseOr()
	if p.err == nil && p.tok.kind == tokNewline {
		p.next()
	}
	if p.err == nil && p.tok.kind != tokEOF {
		p.unexpectedAfterOperand()
	}
	if p.err == nil && p.lex.err != nil {
		p.err = p.lex.err
	}
	// An illegal character anywhere (NUL, invalid UTF-8, a misplaced byte
	// order mark) is reported first, as Go's scanner does. A rule parsed
	// without error was read to its end by the lexer, so it can only have
	// one if the lexer saw a NUL or non-ASCII byte.
	if p.err != nil || p.lex.special {
		if e := checkChars(p.src); e != nil {
			return nil, e
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return x, nil
}

func (p *parser) fail(e *Error) {
	if p.err == nil {
		p.err = e
		if le := p.lexErr(); le != nil {
			p.err = le
		}
	}
	p.tok = packedToken{kind: tokEOF, pos: int32(len(p.src)), end: int32(len(p.src))}
}

func (p *parser) failf(t packedToken, hint, format string, args ...any) {
	p.fail(errorf(int(t.pos), int(t.end), hint, format, args...))
}

func (p *parser) parseOr() Expr {
	x := p.parseAnd()
	for p.err == nil && p.tok.kind == tokOr {
		pos := int(p.tok.pos)
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
		pos := int(p.tok.pos)
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
			if isBinaryOp(p.text(p.tok)) {
				hint := "combine matchers with &&, || and !"
				switch p.text(p.tok) {
				case "&":
					hint = "write && for \"and\""
				case "|":
					hint = "write || for \"or\""
				case "=", "==":
					hint = "a matcher takes its value as an argument: Host(`example.com`)"
				}
				p.failf(p.tok, hint, "operator %s is not supported: expected &&, || or the end of the rule", p.text(p.tok))
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

func (p *parser) enter(t packedToken) bool {
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
		return p.newNot(NotExpr{Bang: int(bang.pos), X: x})
	case tokOther:
		switch p.text(p.tok) {
		case "-", "+", "^", "*", "&", "<-", "~":
			p.failf(p.tok, "negate a matcher with !", "unary operator %s is not supported: expected a matcher, ! or (", p.text(p.tok))
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
			p.expectedClose("')' to close the '(' at offset "+itoa(int(t.pos)), int(t.pos))
			return nil
		}
		x = p.newParen(ParenExpr{Lparen: int(t.pos), X: inner, Rparen: int(p.tok.pos)})
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
	if p.tok.kind == tokLParen || p.tok.kind == tokOther && isPostfix(p.text(p.tok)) {
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
		p.failf(t, "a string is an argument, e.g. Host("+p.src[int(t.pos):int(t.end)]+")", "expected a matcher, found string %s", p.src[int(t.pos):int(t.end)])
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
	case t.kind == tokNewline || t.kind == tokOther && p.text(t) == ";":
		hint = "a rule is one expression; join its parts with && or ||"
	case t.kind == tokIdent:
		switch name := p.text(t); strings.ToLower(name) {
		case "and":
			hint = "write && instead of " + name
		case "or":
			hint = "write || instead of " + name
		case "not":
			hint = "write ! instead of " + name
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
	if t.kind != tokNewline && p.prevNewline(int(t.pos)) {
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
	nameText := p.text(name)
	kind := lookupKind(nameText)
	p.next()
	if p.err != nil {
		return nil
	}
	if p.tok.kind != tokLParen {
		if p.tok.kind == tokNewline && int(p.tok.end) < len(p.src) && strings.TrimLeft(p.src[int(p.tok.end):], " \t\r\n") != "" && strings.HasPrefix(strings.TrimLeft(p.src[int(p.tok.end):], " \t\r\n"), "(") {
			p.failf(p.tok, "put '(' on the same line as the matcher name", "expected '(' after %s, found a line break", nameText)
			return nil
		}
		if kind != KindInvalid {
			p.failf(name, "write "+nameText+"(`value`)", "expected '(' after matcher %s", nameText)
			return nil
		}
		hint := "values are strings: quote them in backticks"
		if isKeyword(nameText) {
			hint = ""
		}
		p.failf(name, hint, "expected a matcher call, found identifier %s", nameText)
		return nil
	}
	if kind == KindInvalid {
		hint := ""
		s := suggestKind(nameText, V3)
		if s == "" {
			s = suggestKind(nameText, V2)
		}
		if s != "" {
			hint = "did you mean " + s + "?"
			if strings.EqualFold(s, nameText) {
				hint += " Traefik accepts " + s + ", " + strings.ToLower(s) + ", " + strings.ToUpper(s) + " and " + s[:1] + strings.ToLower(s[1:]) + " only"
			}
		}
		p.failf(name, hint, "unknown matcher %s", nameText)
		return nil
	}
	argStart := len(p.ptrs)
	// Fields are set one by one: the slot is zero, and a whole-struct
	// assignment would copy through a temporary.
	c := p.newCall()
	c.Name, c.Kind, c.NamePos, c.Lparen, c.Ellipsis = nameText, kind, int(name.pos), int(p.tok.pos), -1
	p.next()
	for p.err == nil && p.tok.kind != tokRParen {
		t := p.tok
		if t.kind != tokString {
			p.badArgument(c)
			return nil
		}
		if len(p.ptrs)-argStart >= MaxArgs {
			p.failf(t, "", "more than %d arguments to %s", MaxArgs, c.Name)
			return nil
		}
		v := p.src[int(t.pos)+1 : int(t.end)-1]
		if t.flags != 0 {
			var ok bool
			if v, ok = p.decode(t); !ok {
				p.failf(t, "", "invalid string literal %s", p.text(t))
				return nil
			}
		}
		lit := p.newLit()
		lit.ValuePos, lit.Raw, lit.Value = int(t.pos), p.src[int(t.pos):int(t.end)], v
		p.ptrs = append(p.ptrs, lit)
		p.next()
		if p.tok.kind == tokEllipsis {
			c.Ellipsis = int(p.tok.pos)
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
				if p.tok.kind == tokOther && isBinaryOp(p.text(p.tok)) {
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
	if n := len(p.ptrs); n > argStart {
		c.Args = p.ptrs[argStart:n:n]
	}
	c.Rparen = int(p.tok.pos)
	p.next()
	return c
}

func (p *parser) badArgument(c *Call) {
	t := p.tok
	text := p.text(t)
	switch t.kind {
	case tokIdent:
		p.failf(t, "quote the value: `"+text+"`", "%s argument must be a string, found identifier %s", c.Name, text)
	case tokNumber:
		p.failf(t, "quote the value: `"+text+"`", "%s argument must be a string, found number %s", c.Name, text)
	case tokChar:
		p.failf(t, "single quotes make a Go character; use backticks or double quotes", "%s argument must be a string, found character literal %s", c.Name, text)
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

// isPostfix reports whether op starts a postfix form Go would parse after an
// operand: a selector, an index or slice, a composite literal.
func isPostfix(op string) bool {
	return op == "." || op == "[" || op == "{"
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
