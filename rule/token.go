package rule

// tokenKind classifies a lexical token. Only the tokens a rule can be made of
// have kinds of their own; every other Go token is tokOther and is refused
// by the parser with a message naming it.
type tokenKind uint8

const (
	tokEOF      tokenKind = iota
	tokIdent              // Host
	tokString             // `a` or "a"
	tokLParen             // (
	tokRParen             // )
	tokComma              // ,
	tokAnd                // &&
	tokOr                 // ||
	tokNot                // !
	tokEllipsis           // ...
	tokNewline            // a line break that ends the expression (Go's automatic semicolon)
	tokNumber             // 1, 1.5, 0x1
	tokChar               // 'a'
	tokOther              // any other Go operator or delimiter: == + . [ ; ...
)

// Flags of a string token: what decoding its value needs. A string token
// without flags has the text between its quotes as its value.
const (
	tokEscaped uint8 = 1 << iota // "..." with escape sequences
	tokHasCR                     // `...` with carriage returns, which Go drops
)

// token is one lexical token: its kind and its byte range in the source. Its
// text is src[pos:end]; a string's value is decoded by the parser (flags say
// whether it needs decoding), so a token holds no string and copies cheaply.
type token struct {
	kind  tokenKind
	flags uint8
	pos   int
	end   int
}

// packedToken is a token as the parser buffers and reads it, in half the
// space: a rule is at most MaxRuleLength bytes long, so offsets fit in 32
// bits.
type packedToken struct {
	kind  tokenKind
	flags uint8
	pos   int32
	end   int32
}

// tokenCounts counts tokens by kind.
type tokenCounts [tokOther + 1]int32

func (t packedToken) describe(src string) string {
	switch t.kind {
	case tokEOF:
		return "end of rule"
	case tokNewline:
		return "line break"
	case tokIdent:
		return "identifier " + src[t.pos:t.end]
	case tokString:
		return "string " + src[t.pos:t.end]
	case tokNumber:
		return "number " + src[t.pos:t.end]
	case tokChar:
		return "character literal " + src[t.pos:t.end]
	}
	return "'" + src[t.pos:t.end] + "'"
}
