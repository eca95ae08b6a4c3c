package rule

import (
	"fmt"
	"regexp"
	"strings"
)

// tplType is the kind of a v2 (gorilla/mux) route template.
type tplType uint8

const (
	tplPath tplType = iota
	tplPrefix
	tplHost
	tplQuery
)

// muxTemplate is a v2 template compiled as Traefik v2's router (gorilla/mux)
// compiles it: literal text is quoted, {name} and {name:pattern} become
// groups, and the whole is anchored (a prefix is anchored at the start only).
type muxTemplate struct {
	pattern string // the regular expression, without the (?i) of hosts
	re      *regexp.Regexp
	hasVars bool
}

// braceIndices returns the [start, end) pairs of the top-level {...} groups
// of s.
func braceIndices(s string) ([]int, error) {
	var level, idx int
	var idxs []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			level++
			if level == 1 {
				idx = i
			}
		case '}':
			level--
			if level == 0 {
				idxs = append(idxs, idx, i+1)
			} else if level < 0 {
				return nil, fmt.Errorf("mux: unbalanced braces in %q", s)
			}
		}
	}
	if level != 0 {
		return nil, fmt.Errorf("mux: unbalanced braces in %q", s)
	}
	return idxs, nil
}

// compileTemplate compiles a v2 template. Host templates match case
// insensitively.
func compileTemplate(tpl string, typ tplType) (*muxTemplate, error) {
	if len(tpl) > MaxRegexpLength {
		return nil, fmt.Errorf("template is %d bytes long, more than the limit of %d", len(tpl), MaxRegexpLength)
	}
	idxs, err := braceIndices(tpl)
	if err != nil {
		return nil, err
	}
	defaultPattern := "[^/]+"
	switch typ {
	case tplQuery:
		defaultPattern = ".*"
	case tplHost:
		defaultPattern = "[^.]+"
	}
	var pattern strings.Builder
	pattern.WriteByte('^')
	end := 0
	for i := 0; i < len(idxs); i += 2 {
		raw := tpl[end:idxs[i]]
		end = idxs[i+1]
		name, patt, found := strings.Cut(tpl[idxs[i]+1:end-1], ":")
		if !found {
			patt = defaultPattern
		}
		if name == "" || patt == "" {
			return nil, fmt.Errorf("mux: missing name or pattern in %q", tpl[idxs[i]:end])
		}
		if _, err := regexp.Compile("^" + patt + "$"); err != nil {
			return nil, err
		}
		pattern.WriteString(regexp.QuoteMeta(raw))
		pattern.WriteString("(")
		pattern.WriteString(patt)
		pattern.WriteString(")")
	}
	pattern.WriteString(regexp.QuoteMeta(tpl[end:]))
	if typ == tplQuery {
		if _, v, _ := strings.Cut(tpl, "="); v == "" {
			pattern.WriteString(defaultPattern)
		}
	}
	if typ != tplPrefix {
		pattern.WriteByte('$')
	}
	t := &muxTemplate{pattern: pattern.String(), hasVars: len(idxs) > 0}
	expr := t.pattern
	if typ == tplHost {
		expr = "(?i)" + expr
	}
	t.re, err = regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return t, nil
}
