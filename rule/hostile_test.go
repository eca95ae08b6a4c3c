package rule

import (
	"errors"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// hostileRuleTime and hostileRuleMemory bound what parsing one hostile
// rule may cost (issue 7: 2 s and 256 MiB). Time is wall time, checked
// only without the race detector and at hostileRuleTime: parsing a rule is
// far below it, so only a hang or a quadratic blow-up trips it, not a busy
// machine. Memory is the bytes allocated, an upper bound of the peak.
const (
	hostileRuleTime   = 2 * time.Second
	hostileRuleMemory = 256 << 20
)

func raceBuild() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return true
			}
		}
	}
	return false
}

// TestHostileRules parses rules built to exhaust the parser: each must be
// refused with an *Error at the offset where the limit is crossed.
func TestHostileRules(t *testing.T) {
	const n = 100000
	tests := []struct {
		name    string
		src     string
		syntax  Syntax
		wantOff int
		wantMsg string
	}{
		{name: "100,000 parentheses", src: strings.Repeat("(", n) + "Host(`a`)" + strings.Repeat(")", n), wantOff: MaxRuleLength, wantMsg: "long"},
		{name: "100,000 negations", src: strings.Repeat("!", n) + "Host(`a`)", wantOff: MaxRuleLength, wantMsg: "long"},
		{name: "1,001 parentheses", src: strings.Repeat("(", MaxDepth+1) + "Host(`a`)" + strings.Repeat(")", MaxDepth+1), wantOff: MaxDepth, wantMsg: "nested"},
		{name: "1,001 negations", src: strings.Repeat("!", MaxDepth+1) + "Host(`a`)", wantOff: MaxDepth, wantMsg: "nested"},
		{name: "100,000 arguments v3", src: "Host(" + strings.Repeat("`a`,", n) + "`a`)", wantOff: MaxRuleLength, wantMsg: "long"},
		{name: "100,000 arguments v2", src: "Host(" + strings.Repeat("`a`,", n) + "`a`)", syntax: V2, wantOff: MaxRuleLength, wantMsg: "long"},
		{name: "257 arguments v2", src: "Host(" + strings.Repeat("`a`,", MaxArgs) + "`a`)", syntax: V2, wantOff: 5 + 4*MaxArgs, wantMsg: "arguments"},
		{name: "1 MiB regular expression", src: "HostRegexp(`" + strings.Repeat("a", 1<<20) + "`)", wantOff: MaxRuleLength, wantMsg: "long"},
		{name: "4,097-byte regular expression", src: "PathRegexp(`" + strings.Repeat("a", MaxRegexpLength+1) + "`)", wantOff: 11, wantMsg: "regular expression"},
		{name: "NUL byte", src: "Host(`a\x00`)", wantOff: 7, wantMsg: "NUL"},
		{name: "invalid UTF-8", src: "Host(`caf\xe9`)", wantOff: 9},
		{name: "unterminated 64 KiB string", src: "Host(`" + strings.Repeat("a", MaxRuleLength-6), wantOff: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			cost := measureRule(func() { _, err = Parse(tt.src, tt.syntax) })
			cost.check(t)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse returned %v, want an *Error", err)
			}
			if e.Offset != tt.wantOff || !strings.Contains(e.Msg, tt.wantMsg) {
				t.Errorf("error at offset %d: %q; want offset %d, message with %q", e.Offset, e.Msg, tt.wantOff, tt.wantMsg)
			}
			if e.End < e.Offset || e.End > len(tt.src) {
				t.Errorf("error range [%d, %d) outside the %d-byte rule", e.Offset, e.End, len(tt.src))
			}
		})
	}
}

// TestHostileRulesAccepted checks rules at the limits that are accepted:
// they must parse, print, match and report their hosts within the bounds.
func TestHostileRulesAccepted(t *testing.T) {
	alternatives := strings.Repeat("Host(`a.example.com`) || ", MaxRuleLength/30) + "Path(`/`)"
	tests := []struct {
		name   string
		src    string
		syntax Syntax
	}{
		{name: "1,000 parentheses", src: strings.Repeat("(", MaxDepth) + "Host(`a`)" + strings.Repeat(")", MaxDepth)},
		{name: "2,000 alternatives", src: alternatives},
		{name: "256 arguments v2", src: "Host(" + strings.Repeat("`a`,", MaxArgs-1) + "`a`)", syntax: V2},
		{name: "4,096-byte regular expression", src: "PathRegexp(`" + strings.Repeat("a*", MaxRegexpLength/2) + "`)"},
	}
	req := httptest.NewRequest("GET", "http://b.example.com/x", nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.src) > MaxRuleLength {
				t.Fatalf("test rule is %d bytes, over the limit", len(tt.src))
			}
			cost := measureRule(func() {
				r, err := Parse(tt.src, tt.syntax)
				if err != nil {
					t.Errorf("Parse: %v", err)
					return
				}
				_ = r.String()
				_ = r.Hosts()
				_ = r.Match(req)
			})
			cost.check(t)
		})
	}
}

type ruleCost struct {
	wall      time.Duration
	allocated uint64
}

func measureRule(fn func()) ruleCost {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	fn()
	c := ruleCost{wall: time.Since(start)}
	runtime.ReadMemStats(&m1)
	c.allocated = m1.TotalAlloc - m0.TotalAlloc
	return c
}

func (c ruleCost) check(t *testing.T) {
	t.Helper()
	t.Logf("wall %v, allocated %d KiB", c.wall, c.allocated>>10)
	if c.allocated >= hostileRuleMemory {
		t.Errorf("allocated %d MiB, want < %d MiB", c.allocated>>20, hostileRuleMemory>>20)
	}
	if !raceBuild() && c.wall >= hostileRuleTime {
		t.Errorf("took %v, want < %v", c.wall, hostileRuleTime)
	}
}
