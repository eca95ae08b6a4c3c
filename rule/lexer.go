package rule

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexer splits a rule into tokens the way Go's scanner does (Traefik parses
// rules with go/parser): the same whitespace (space, tab, CR, LF), comments,
// string literal forms and escapes, identifiers, and the automatic semicolon
// that a line break inserts after an identifier, a literal or ')'.
//
// The lexer also notes whether it has seen a NUL or non-ASCII byte (in a
// token, a string or a comment): only then can checkChars find something, so
// a rule whose every byte the lexer read without noting one needs no
// separate pass.
type lexer struct {
	src        string
	off        int // next byte to read
	insertSemi bool
	special    bool // a NUL or non-ASCII byte was read
	err        *Error
}

const bom = 0xFEFF

func newLexer(src string) lexer {
	l := lexer{src: src}
	if strings.HasPrefix(src, "\uFEFF") {
		l.off = 3 // a byte order mark is ignored at the very start only
	}
	return l
}

// checkChars reports the first character Go's scanner refuses anywhere in a
// source, inside literals and comments too: NUL, invalid UTF-8, and a byte
// order mark other than at offset 0.
func checkChars(src string) *Error {
	if plainASCII(src) {
		return nil
	}
	for i := 0; i < len(src); {
		c := src[i]
		if c == 0 {
			return errorf(i, i+1, "remove it", "illegal character NUL")
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && w == 1 {
			return errorf(i, i+1, "rules must be valid UTF-8", "illegal UTF-8 encoding")
		}
		if r == bom && i > 0 {
			return errorf(i, i+w, "remove the invisible U+FEFF character", "illegal byte order mark")
		}
		i += w
	}
	return nil
}

// plainASCII reports whether src is ASCII without NUL, the common case that
// needs no further check. It reads 8 bytes at a time.
func plainASCII(src string) bool {
	if len(src) < 8 {
		for i := 0; i < len(src); i++ {
			if c := src[i]; c == 0 || c >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	// A byte of w-lo has its high bit set if the byte of w is 0 or borrows
	// from a lower byte that is 0; a byte of w has it if it is not ASCII.
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	var acc uint64
	i := 0
	for ; i+16 <= len(src); i += 16 {
		w, v := le64(src[i:]), le64(src[i+8:])
		acc |= w | (w - lo) | v | (v - lo)
	}
	if i+8 <= len(src) {
		w := le64(src[i:])
		acc |= w | (w - lo)
	}
	w := le64(src[len(src)-8:]) // the tail, overlapping what was read
	acc |= w | (w - lo)
	return acc&hi == 0
}

// le64 reads the first 8 bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func (l *lexer) fail(e *Error) token {
	if l.err == nil {
		l.err = e
	}
	l.off = len(l.src)
	return token{kind: tokEOF, pos: e.Offset, end: e.Offset}
}

func isLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	return '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r)
}

// next returns the next token. After an error it returns tokEOF and l.err is set.
func (l *lexer) next() token {
	src := l.src
	off := l.off
	// Skip whitespace and comments, turning a line break into tokNewline when
	// Go would insert a semicolon there.
	for off < len(src) {
		c := src[off]
		if c == ' ' || c == '\t' || c == '\r' {
			off++
			continue
		}
		if c == '\n' {
			off++
			if l.insertSemi {
				l.insertSemi = false
				l.off = off
				return token{kind: tokNewline, pos: off - 1, end: off}
			}
			continue
		}
		if c != '/' || off+1 >= len(src) || src[off+1] != '/' && src[off+1] != '*' {
			break
		}
		start := off
		if src[off+1] == '/' {
			end := strings.IndexByte(src[off:], '\n')
			if end < 0 {
				end = len(src) - off
			}
			if !plainASCII(src[off : off+end]) {
				l.special = true
			}
			off += end // the line break itself is handled above
			continue
		}
		end := strings.Index(src[off+2:], "*/")
		if end < 0 {
			return l.fail(errorf(start, len(src), "close it with */", "comment not terminated"))
		}
		body := src[off+2 : off+2+end]
		if !plainASCII(body) {
			l.special = true
		}
		off += 2 + end + 2
		if l.insertSemi && strings.IndexByte(body, '\n') >= 0 {
			l.insertSemi = false
			l.off = off
			return token{kind: tokNewline, pos: start, end: off}
		}
	}
	l.off = off
	if off >= len(src) {
		l.insertSemi = false
		return token{kind: tokEOF, pos: len(src), end: len(src)}
	}
	start := off
	c := src[start]
	l.insertSemi = false
	switch c {
	case '(':
		l.off = off + 1
		return token{kind: tokLParen, pos: start, end: off + 1}
	case ')':
		l.off = off + 1
		l.insertSemi = true
		return token{kind: tokRParen, pos: start, end: off + 1}
	case ',':
		l.off = off + 1
		return token{kind: tokComma, pos: start, end: off + 1}
	case '`':
		return l.rawString()
	case '"':
		return l.string()
	case '&':
		if off+1 < len(src) && src[off+1] == '&' {
			l.off = off + 2
			return token{kind: tokAnd, pos: start, end: off + 2}
		}
	case '|':
		if off+1 < len(src) && src[off+1] == '|' {
			l.off = off + 2
			return token{kind: tokOr, pos: start, end: off + 2}
		}
	}
	if identASCII[c] == 1 {
		// ASCII identifier: the common case.
		off++
		for off < len(src) && identASCII[src[off]] != 0 {
			off++
		}
		if off == len(src) || src[off] < utf8.RuneSelf {
			l.off = off
			l.insertSemi = true
			return token{kind: tokIdent, pos: start, end: off}
		}
		return l.ident(start) // it goes on with a non-ASCII character
	}
	switch {
	case c == '\'':
		return l.char()
	case '0' <= c && c <= '9' || c == '.' && start+1 < len(src) && '0' <= src[start+1] && src[start+1] <= '9':
		return l.number()
	}
	if c < utf8.RuneSelf {
		if c == 0 {
			l.special = true
		}
		return l.operator(start, rune(c), 1)
	}
	l.special = true
	r, w := utf8.DecodeRuneInString(src[start:])
	if isLetter(r) {
		return l.ident(start)
	}
	return l.operator(start, r, w)
}

// ident scans an identifier that has a non-ASCII character.
func (l *lexer) ident(start int) token {
	l.special = true
	src := l.src
	off := start
	for off < len(src) {
		r, w := rune(src[off]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(src[off:])
		}
		if !isLetter(r) && !isDigit(r) {
			break
		}
		off += w
	}
	l.off = off
	l.insertSemi = true
	return token{kind: tokIdent, pos: start, end: off}
}

// scan lexes tokens into buf, counting them by kind, until buf is full or
// the source ends; then the last token is tokEOF and done is true. It is next
// unrolled for the bytes rules are mostly made of (spaces, parentheses,
// commas, &&, ||, !, ASCII identifiers, raw strings and plain double-quoted
// strings); at any other byte it calls next.
func (l *lexer) scan(buf []packedToken, counts *tokenCounts) (n int, done bool) {
	src := l.src
	off, semi := l.off, l.insertSemi
	for n < len(buf) {
		for off < len(src) && (src[off] == ' ' || src[off] == '\t' || src[off] == '\r') {
			off++
		}
		var t packedToken
		fast := off < len(src)
		if fast {
			start := off
			switch c := src[off]; {
			case c == '(':
				t = packedToken{kind: tokLParen, pos: int32(start), end: int32(start + 1)}
				off++
				semi = false
			case c == ')':
				t = packedToken{kind: tokRParen, pos: int32(start), end: int32(start + 1)}
				off++
				semi = true
			case c == ',':
				t = packedToken{kind: tokComma, pos: int32(start), end: int32(start + 1)}
				off++
				semi = false
			case c == '&' && off+1 < len(src) && src[off+1] == '&':
				t = packedToken{kind: tokAnd, pos: int32(start), end: int32(start + 2)}
				off += 2
				semi = false
			case c == '|' && off+1 < len(src) && src[off+1] == '|':
				t = packedToken{kind: tokOr, pos: int32(start), end: int32(start + 2)}
				off += 2
				semi = false
			case c == '!' && (off+1 == len(src) || src[off+1] != '='):
				t = packedToken{kind: tokNot, pos: int32(start), end: int32(start + 1)}
				off++
				semi = false
			case c == '`':
				end, flags, special := scanRaw(src, start)
				if end < 0 {
					fast = false // not terminated: next reports it
					break
				}
				l.special = l.special || special
				t = packedToken{kind: tokString, flags: flags, pos: int32(start), end: int32(end)}
				off = end
				semi = true
			case c == '"':
				i := off + 1
				for i < len(src) && plainStringByte[src[i]] != 0 {
					i++
				}
				if i == len(src) || src[i] != '"' {
					fast = false // an escape or an error: string handles them
					break
				}
				t = packedToken{kind: tokString, pos: int32(start), end: int32(i + 1)}
				off = i + 1
				semi = true
			case identASCII[c] == 1:
				i := off + 1
				for i < len(src) && identASCII[src[i]] != 0 {
					i++
				}
				if i < len(src) && src[i] >= utf8.RuneSelf {
					fast = false // the identifier goes on with a non-ASCII letter
					break
				}
				t = packedToken{kind: tokIdent, pos: int32(start), end: int32(i)}
				off = i
				semi = true
			default:
				fast = false
			}
		}
		if !fast {
			l.off, l.insertSemi = off, semi
			tok := l.next()
			off, semi = l.off, l.insertSemi
			t = packedToken{kind: tok.kind, flags: tok.flags, pos: int32(tok.pos), end: int32(tok.end)}
		}
		buf[n] = t
		n++
		counts[t.kind]++
		if t.kind == tokEOF {
			done = true
			break
		}
	}
	l.off, l.insertSemi = off, semi
	return n, done
}

// identASCII classifies ASCII bytes: 1 starts an identifier (letter or
// '_'), 2 continues one (digit); 0 is neither.
var identASCII = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 1
	}
	t['_'] = 1
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	return t
}()

var operators = [...]string{
	// longest first within a common prefix
	"&&", "&^=", "&^", "&=", "&",
	"||", "|=", "|",
	"!=", "!",
	"...", ".",
	"<<=", "<<", "<=", "<-", "<",
	">>=", ">>", ">=", ">",
	"==", "=",
	"++", "+=", "+",
	"--", "-=", "-",
	"*=", "*", "/=", "/", "%=", "%", "^=", "^",
	":=", ":", "(", ")", "[", "]", "{", "}", ",", ";", "~",
}

func (l *lexer) operator(start int, r rune, w int) token {
	rest := l.src[start:]
	// Fast paths for the tokens rules are made of.
	switch rest[0] {
	case '(':
		l.off = start + 1
		return token{kind: tokLParen, pos: start, end: l.off}
	case ')':
		l.off = start + 1
		l.insertSemi = true
		return token{kind: tokRParen, pos: start, end: l.off}
	case ',':
		l.off = start + 1
		return token{kind: tokComma, pos: start, end: l.off}
	case '&':
		if len(rest) > 1 && rest[1] == '&' {
			l.off = start + 2
			return token{kind: tokAnd, pos: start, end: l.off}
		}
	case '|':
		if len(rest) > 1 && rest[1] == '|' {
			l.off = start + 2
			return token{kind: tokOr, pos: start, end: l.off}
		}
	case '!':
		if len(rest) == 1 || rest[1] != '=' {
			l.off = start + 1
			return token{kind: tokNot, pos: start, end: l.off}
		}
	}
	for _, op := range operators {
		if strings.HasPrefix(rest, op) {
			l.off = start + len(op)
			t := token{kind: tokOther, pos: start, end: l.off}
			switch op {
			case "&&":
				t.kind = tokAnd
			case "||":
				t.kind = tokOr
			case "!":
				t.kind = tokNot
			case "(":
				t.kind = tokLParen
			case ")":
				t.kind = tokRParen
				l.insertSemi = true
			case ",":
				t.kind = tokComma
			case "...":
				t.kind = tokEllipsis
			case "]", "}", "++", "--":
				l.insertSemi = true
			}
			return t
		}
	}
	hint := ""
	switch {
	case r == 0xA0 || r == 0x3000 || r == 0x200B || r == '\f' || r == '\v' || unicode.IsSpace(r):
		hint = "an invisible or non-ASCII space: use a plain space"
	case r == '#' || r == '@' || r == '$' || r == '?' || r == '\\':
		hint = "quote the value in backticks"
	}
	return l.fail(errorf(start, start+w, hint, "illegal character %U %s", r, strconv.QuoteRune(r)))
}

// rawString scans a `raw` string. Carriage returns are dropped from its
// value, as Go does; the token's flags say whether there are any.
func (l *lexer) rawString() token {
	start := l.off
	end, flags, special := scanRaw(l.src, start)
	if end < 0 {
		return l.fail(errorf(start, len(l.src), "close the string with a backtick", "raw string literal not terminated"))
	}
	l.special = l.special || special
	l.off = end
	l.insertSemi = true
	return token{kind: tokString, flags: flags, pos: start, end: end}
}

// scanRaw finds the end of the raw string that starts at src[start]: the
// offset just past its closing backtick, or -1 if it has none. flags say
// whether it holds carriage returns; special whether it holds NUL or
// non-ASCII bytes.
func scanRaw(src string, start int) (end int, flags uint8, special bool) {
	n := strings.IndexByte(src[start+1:], '`')
	if n < 0 {
		return -1, 0, false
	}
	body := src[start+1 : start+1+n]
	if strings.IndexByte(body, '\r') >= 0 {
		flags = tokHasCR
	}
	return start + 1 + n + 1, flags, !plainASCII(body)
}

// string scans a "double-quoted" string with Go's escapes.
func (l *lexer) string() token {
	src := l.src
	start := l.off
	i := start + 1
	escaped := false
	for {
		if i >= len(src) || src[i] == '\n' {
			return l.fail(errorf(start, i, "close the string with \"; a string cannot span lines", "string literal not terminated"))
		}
		c := src[i]
		if c == '"' {
			i++
			break
		}
		if c == 0 || c >= utf8.RuneSelf {
			l.special = true
		}
		if c == '\\' {
			escaped = true
			n, e := escapeLen(src, i)
			if e != nil {
				return l.fail(e)
			}
			i += n
			continue
		}
		i++
	}
	l.off = i
	l.insertSemi = true
	var flags uint8
	if escaped {
		flags = tokEscaped
	}
	return token{kind: tokString, flags: flags, pos: start, end: i}
}

// escapeLen validates the escape sequence at src[i] (a backslash) in a
// double-quoted string and returns its length in bytes.
func escapeLen(src string, i int) (int, *Error) {
	const hint = "in a double-quoted string a backslash starts an escape (\\\\ for one backslash); a `raw string` keeps backslashes as they are"
	if i+1 >= len(src) {
		return 0, errorf(i, i+1, hint, "escape sequence not terminated")
	}
	var n, base int
	var maxv uint32
	start := i + 2
	switch c := src[i+1]; c {
	case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"':
		return 2, nil
	case '0', '1', '2', '3', '4', '5', '6', '7':
		n, base, maxv = 3, 8, 255
		start = i + 1 // the first digit is part of the value
	case 'x':
		n, base, maxv = 2, 16, 255
	case 'u':
		n, base, maxv = 4, 16, unicode.MaxRune
	case 'U':
		n, base, maxv = 8, 16, unicode.MaxRune
	default:
		if c == '\n' {
			return 0, errorf(i, i+1, hint, "escape sequence not terminated")
		}
		return 0, errorf(i, i+2, hint, "unknown escape sequence \\%c", rune(c))
	}
	var x uint32
	for j := 0; j < n; j++ {
		p := start + j
		if p >= len(src) {
			return 0, errorf(p, p, hint, "escape sequence not terminated")
		}
		d := digitVal(src[p])
		if d >= base {
			return 0, errorf(p, p+1, hint, "illegal character %q in escape sequence", rune(src[p]))
		}
		x = x*uint32(base) + uint32(d)
	}
	if x > maxv || 0xD800 <= x && x < 0xE000 {
		return 0, errorf(i, start+n, hint, "escape sequence is invalid Unicode code point")
	}
	return start + n - i, nil
}

func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return 16
}

// char scans a character literal; rules never accept one, so its value is
// not decoded.
func (l *lexer) char() token {
	src := l.src
	start := l.off
	i := start + 1
	for {
		if i >= len(src) || src[i] == '\n' {
			return l.fail(errorf(start, i, "strings are written in backticks or double quotes", "rune literal not terminated"))
		}
		if src[i] == '\\' {
			i += 2
			continue
		}
		if src[i] == '\'' {
			i++
			break
		}
		i++
	}
	l.off = min(i, len(src))
	l.insertSemi = true
	return token{kind: tokChar, pos: start, end: l.off}
}

// number scans a numeric literal loosely; rules never accept one.
func (l *lexer) number() token {
	src := l.src
	start := l.off
	i := start
	for i < len(src) {
		c := src[i]
		if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '.' {
			i++
			continue
		}
		if (c == '+' || c == '-') && i > start && (src[i-1] == 'e' || src[i-1] == 'E' || src[i-1] == 'p' || src[i-1] == 'P') {
			i++
			continue
		}
		break
	}
	l.off = i
	l.insertSemi = true
	return token{kind: tokNumber, pos: start, end: i}
}

// unquote decodes a double-quoted string literal as strconv.Unquote does,
// in one allocation. The lexer has validated its escapes (escapeLen) and its
// UTF-8 (checkChars); ok is false only if lit is not a valid literal.
func unquote(lit string) (s string, ok bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	in := lit[1 : len(lit)-1]
	var b strings.Builder
	b.Grow(len(in)) // an escape never decodes to more bytes than it is written with
	for i := 0; i < len(in); {
		j := strings.IndexByte(in[i:], '\\')
		if j < 0 {
			b.WriteString(in[i:])
			break
		}
		b.WriteString(in[i : i+j])
		i += j
		if i+1 >= len(in) {
			return "", false
		}
		c := in[i+1]
		var n, base int
		switch c {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"':
			b.WriteByte(c)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n, base = 3, 8
		case 'x':
			n, base = 2, 16
		case 'u':
			n, base = 4, 16
		case 'U':
			n, base = 8, 16
		default:
			return "", false
		}
		if n == 0 {
			i += 2
			continue
		}
		digits := i + 2
		if base == 8 {
			digits = i + 1 // the first digit is part of the value
		}
		if digits+n > len(in) {
			return "", false
		}
		var x rune
		for _, d := range []byte(in[digits : digits+n]) {
			v := digitVal(d)
			if v >= base {
				return "", false
			}
			x = x*rune(base) + rune(v)
		}
		i = digits + n
		switch c {
		case 'u', 'U':
			if !utf8.ValidRune(x) {
				return "", false
			}
			b.WriteRune(x)
		default: // octal and \x escapes are bytes
			if x > 255 {
				return "", false
			}
			b.WriteByte(byte(x))
		}
	}
	return b.String(), true
}
