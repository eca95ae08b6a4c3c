package ingressroute

import (
	"unicode/utf8"

	yaml3 "go.yaml.in/yaml/v3"
)

// sourceExt is what Decode knows of an object's source beyond the value
// positions kept in Source: where each key is written, and how each string
// scalar is written, so that an offset inside a decoded string maps back to
// the file.
type sourceExt struct {
	keys    map[string]Position
	scalars map[string]*scalarRef
}

// scalarRef is a string scalar as written in the file.
type scalarRef struct {
	style yaml3.Style
	start Position // of the first byte of the token: quote, indicator or first character
	raw   []byte   // the file from start to the end of its document
	value string   // the decoded string
}

func (x *sourceExt) setKey(path string, pos Position) {
	if x.keys == nil {
		x.keys = map[string]Position{}
	}
	x.keys[path] = pos
}

func (x *sourceExt) addScalar(path string, d *decoder, c docChunk, n *yaml3.Node, value string) {
	start := d.nodePos(c, n)
	if !start.IsValid() || start.Offset < c.off || start.Offset > c.off+len(c.text) {
		return
	}
	if x.scalars == nil {
		x.scalars = map[string]*scalarRef{}
	}
	x.scalars[path] = &scalarRef{style: n.Style, start: start, raw: c.text[start.Offset-c.off:], value: value}
}

func setSourceExt(src *Source, x *sourceExt) { src.ext = x }

func sourceExtOf(src *Source) *sourceExt {
	if src == nil {
		return nil
	}
	return src.ext
}

// KeyPos returns the position of the key of the field at path (where
// "mach:" is written, for an unknown field), or Lookup(path) when the key
// position is not known. It is safe on a nil Source.
func (s *Source) KeyPos(path string) Position {
	if x := sourceExtOf(s); x != nil {
		if pos, ok := x.keys[path]; ok {
			return pos
		}
	}
	return s.Lookup(path)
}

// ValuePos returns the file position of the byte at offset in the decoded
// string value of the field at path: where an error found at that offset of
// a rule must be reported. It accounts for the scalar's style: plain,
// 'single-quoted' (” is one quote), "double-quoted" (escapes such as \t or
// \u00e9, escaped line breaks), literal | and folded > blocks, and line
// folding in every style. An offset inside an escape sequence maps to its
// backslash; an offset at or past the end maps to the end of the value.
// When path holds no string scalar, ValuePos returns Lookup(path).
func (s *Source) ValuePos(path string, offset int) Position {
	x := sourceExtOf(s)
	if x == nil {
		return s.Lookup(path)
	}
	sc, ok := x.scalars[path]
	if !ok {
		return s.Lookup(path)
	}
	i := sc.rawOffset(max(offset, 0))
	pos := sc.start
	for _, c := range sc.raw[:i] {
		if c == '\n' {
			pos.Line++
			pos.Column = 1
		} else {
			pos.Column++
		}
	}
	pos.Offset += i
	return pos
}

// rawOffset returns the offset in raw of the byte that produces byte k of
// the decoded value. It walks raw and value together: equal bytes advance
// both; a line break folded into a space or kept as a newline advances
// both; escapes advance by their decoded length; anything else in raw
// (quotes, indentation, block headers, trailing spaces) is skipped.
func (sc *scalarRef) rawOffset(k int) int {
	raw, val := sc.raw, sc.value
	i, j := 0, 0
	switch sc.style {
	case yaml3.DoubleQuotedStyle, yaml3.SingleQuotedStyle:
		i = 1
	case yaml3.LiteralStyle, yaml3.FoldedStyle:
		for i < len(raw) && raw[i] != '\n' {
			i++
		}
		i++
	}
	for i < len(raw) && j < len(val) {
		c := raw[i]
		if sc.style == yaml3.DoubleQuotedStyle && c == '\\' && i+1 < len(raw) {
			if raw[i+1] == '\n' || raw[i+1] == '\r' {
				i += 2 // escaped line break: nothing decoded
				continue
			}
			elen, dlen := escapeLen(raw[i+1:])
			if k < j+dlen {
				return i
			}
			i += 1 + elen
			j += dlen
			continue
		}
		if c == val[j] || (c == '\n' && (val[j] == ' ' || val[j] == '\n')) {
			if j == k {
				return i
			}
			i++
			j++
			continue
		}
		i++
	}
	return min(i, len(raw))
}

// escapeLen returns the length in raw bytes of the escape after a
// backslash and the length in bytes of what it decodes to.
func escapeLen(b []byte) (elen, dlen int) {
	hex := 0
	switch b[0] {
	case 'x':
		hex = 2
	case 'u':
		hex = 4
	case 'U':
		hex = 8
	case 'N', '_':
		return 1, 2 // U+0085, U+00A0
	case 'L', 'P':
		return 1, 3 // U+2028, U+2029
	default:
		return 1, 1
	}
	if len(b) < 1+hex {
		return len(b), 1
	}
	r := rune(0)
	for _, c := range b[1 : 1+hex] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c-'a') + 10
		case 'A' <= c && c <= 'F':
			r |= rune(c-'A') + 10
		}
	}
	n := utf8.RuneLen(r)
	if n < 0 {
		n = 3 // replacement character
	}
	return 1 + hex, n
}
