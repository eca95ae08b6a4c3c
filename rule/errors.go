package rule

import (
	"strconv"
	"strings"
)

// Error is a problem found in a rule: the byte range [Offset, End) of the
// offending token in the rule's source, what was expected and found (Msg),
// and, where one helps, how to fix it (Hint). Offsets are bytes, not runes.
type Error struct {
	// Offset is the byte offset of the start of the offending token.
	Offset int
	// End is the byte offset just past the offending token (End >= Offset).
	End int
	// Msg says what was expected and what was found.
	Msg string
	// Hint suggests a fix; it may be empty.
	Hint string
}

// Error formats the error as "offset N: msg", followed by " (hint)" when
// there is a hint.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("offset ")
	b.WriteString(strconv.Itoa(e.Offset))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Position returns the 1-based line and the 1-based byte column of e.Offset
// in src. Columns count bytes, not runes.
func (e *Error) Position(src string) (line, col int) {
	return Position(src, e.Offset)
}

// Position returns the 1-based line and 1-based byte column of the byte
// offset off in src. An offset outside src is clamped to it.
func Position(src string, off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	line = 1 + strings.Count(src[:off], "\n")
	col = off - strings.LastIndexByte(src[:off], '\n')
	return line, col
}

func errorf(off, end int, hint, format string, args ...any) *Error {
	if end < off {
		end = off
	}
	return &Error{Offset: off, End: end, Msg: sprintf(format, args...), Hint: hint}
}
