package rule

import (
	"errors"
	"strings"
	"testing"
)

// Each invalid source marks the offending token with @@; the error's Offset
// must be there. msg and hint are substrings the error must contain.
var invalidRules = []struct {
	src    string
	syntax Syntax
	msg    string
	hint   string
}{
	{src: `@@`, msg: "expected a matcher, found end of rule"},
	{src: "Host(`a`) && @@", msg: "found end of rule", hint: "trailing operator"},
	{src: "Host(`a`) @@== Host(`b`)", msg: "operator == is not supported"},
	{src: "Host(`a`) @@& Path(`/`)", msg: "operator & is not supported", hint: "&&"},
	{src: "Host(`a`) @@AND Path(`/`)", msg: "expected &&, || or the end of the rule", hint: "write && instead of AND"},
	{src: "@@not Path(`/`)", msg: "found identifier not"},
	{src: "@@-Host(`a`)", msg: "unary operator -"},
	{src: "@@hOST(`a`)", msg: "unknown matcher hOST", hint: "did you mean Host?"},
	{src: "@@HostRegex(`a`)", msg: "unknown matcher HostRegex", hint: "did you mean HostRegexp?"},
	{src: "Host(@@example.com)", msg: "must be a string, found identifier example", hint: "quote"},
	{src: "Host(@@'e')", msg: "character literal", hint: "backticks"},
	{src: "Query(@@1)", msg: "found number 1"},
	{src: "Host(`a` @@`b`)", msg: "missing ','"},
	{src: "Host(`a`,@@,)", msg: "found ','"},
	{src: "Host(`a`@@\n)", msg: "line break"},
	{src: "Host(`a`)\n@@&& Path(`/`)", msg: "found '&&'", hint: "line break"},
	{src: "Host(`a`) /* c */\n@@&& Path(`/`)", msg: "found '&&'", hint: "line break"},
	{src: "Host(`a`)@@))", msg: "found ')'", hint: "unbalanced"},
	{src: "(Host(`a`)@@", msg: "expected ')'"},
	{src: "@@Host", msg: "expected '(' after matcher Host"},
	{src: "@@\"a\" || \"b\"", msg: "found string"},
	{src: "Host(\"a@@\\.b\")", msg: "unknown escape sequence", hint: "raw string"},
	{src: "Host(@@\"a)", msg: "string literal not terminated"},
	{src: "Host(@@`a)", msg: "raw string literal not terminated"},
	{src: "Host(`a`) @@/* x", msg: "comment not terminated"},
	{src: "Host(`a`)@@\u00a0", msg: "illegal character U+00A0", hint: "space"},
	{src: "Host(`a`@@\x00)", msg: "illegal character NUL"},
	{src: "(@@Host)(`a`)", msg: "expected '(' after matcher Host"},
	{src: "(Host(`a`))@@(`a`)", msg: "cannot be called"},
	{src: "Host(`a`)@@.x", msg: "unexpected '.'"},
	{src: "Host@@()", msg: "Host needs an argument"},
	{src: "Host(@@``)", msg: "argument 1 is empty"},
	{src: "Host(`a`, @@`b`)", msg: "takes 1 argument(s), found 2", hint: "in v3 write Host(`a`) || Host(`b`)"},
	{src: "Path(@@`api`)", msg: "does not start with '/'", hint: "`/api`"},
	{src: "PathRegexp(@@`/{id:(}`)", msg: "invalid regular expression", hint: "{name:...} placeholders are v2"},
	{src: "ClientIP(@@`10.0.0.0/33`)", msg: "neither an IP address nor a CIDR range"},
	{src: "Host(@@`exämple.com`)", msg: "non-ASCII", hint: "punycode"},
	{src: "@@Headers(`X-A`, `1`)", msg: "not available in syntax v3", hint: "in v3 write Header"},
	{src: "@@Header(`X-A`, `1`)", syntax: V2, msg: "not available in syntax v2", hint: "Headers"},
	{src: "Headers(`X-A`, `1`, @@`X-B`)", syntax: V2, msg: "name, value pairs"},
	{src: "Query(`a=1`, @@`b`)", syntax: V2, msg: "key=value"},
	{src: "Host(`a`, `b`..., @@`c`)", msg: "expected ')' after '...'"},
	{src: "Host(`a`)@@[0]", msg: "unexpected '['"},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range invalidRules {
		off := strings.Index(tt.src, "@@")
		if off < 0 {
			t.Fatalf("%q: no @@ marker", tt.src)
		}
		src := strings.Replace(tt.src, "@@", "", 1)
		t.Run(src, func(t *testing.T) {
			r, err := Parse(src, tt.syntax)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want error", src)
			}
			if r != nil {
				t.Errorf("Parse returned a rule with an error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if e.Offset != off {
				t.Errorf("Offset = %d, want %d (%v)", e.Offset, off, e)
			}
			if e.End < e.Offset || e.End > len(src) {
				t.Errorf("End = %d out of range [%d, %d]", e.End, e.Offset, len(src))
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("Msg = %q, want it to contain %q", e.Msg, tt.msg)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("Hint = %q, want it to contain %q", e.Hint, tt.hint)
			}
			if !strings.HasPrefix(e.Error(), "offset "+itoa(off)+": ") {
				t.Errorf("Error() = %q, want prefix %q", e.Error(), "offset "+itoa(off)+": ")
			}
		})
	}
}

func TestValidForms(t *testing.T) {
	// Go-expression forms Traefik accepts.
	for _, src := range []string{
		"Host(`a`)",
		"host(`a`) && HOST(`b`) || Hostregexp(`c`)",
		"Host(\"a\\x41\")",
		"\ufeffHost(`a`)",
		"Host(`a`,)",
		"Host(`a`...)",
		"Host(`a`) // comment",
		"Host(`a`) /* c */ && Path(`/`)",
		"Host(`a`)\n",
		"Host(`a`) &&\nPath(`/`)",
		"Host(\n`a`,\n)",
		"!!(Host(`a`))",
	} {
		if _, err := Parse(src, V3); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
}

func TestDepthLimit(t *testing.T) {
	// 100,000 nested parentheses exceed the length limit: refused at once.
	deep := strings.Repeat("(", 100000) + "Host(`a`)" + strings.Repeat(")", 100000)
	if _, err := Parse(deep, V3); err == nil {
		t.Fatal("100,000 nested parentheses accepted")
	}
	for _, open := range []string{"(", "!"} {
		src := strings.Repeat(open, 20000) + "Host(`a`)"
		if open == "(" {
			src += strings.Repeat(")", 20000)
		}
		_, err := Parse(src, V3)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg, "nested more than") {
			t.Fatalf("depth 100000 %q: err = %v, want nesting error", open, err)
		}
		if e.Offset != MaxDepth {
			t.Errorf("Offset = %d, want %d", e.Offset, MaxDepth)
		}
	}
	ok := strings.Repeat("(", MaxDepth) + "Host(`a`)" + strings.Repeat(")", MaxDepth)
	if _, err := Parse(ok, V3); err != nil {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
}

func TestLengthLimit(t *testing.T) {
	src := "Host(`" + strings.Repeat("a", MaxRuleLength) + "`)"
	_, err := Parse(src, V3)
	var e *Error
	if !errors.As(err, &e) || e.Offset != MaxRuleLength {
		t.Fatalf("err = %v, want length error at offset %d", err, MaxRuleLength)
	}
}

func TestParseSyntax(t *testing.T) {
	for in, want := range map[string]Syntax{"": V3, "v3": V3, "v2": V2} {
		got, err := ParseSyntax(in)
		if err != nil || got != want {
			t.Errorf("ParseSyntax(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if s, err := ParseSyntax("V2"); err == nil || s != V3 {
		t.Errorf("ParseSyntax(V2) = %v, %v; want v3 and an error", s, err)
	}
}

func TestPositions(t *testing.T) {
	src := "!(Host(`a`) && Path(\"/b\"))"
	r, err := Parse(src, V3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	Walk(r.Root, func(n Node) bool {
		got = append(got, src[n.Pos():n.End()])
		return true
	})
	want := []string{src, src[1:], "Host(`a`) && Path(\"/b\")", "Host(`a`)", "`a`", "Path(\"/b\")", "\"/b\""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("node texts = %q, want %q", got, want)
	}
	ms := r.Matchers()
	if len(ms) != 2 || ms[0].Call.Kind != Host || !ms[0].Negated || ms[1].Call.Values()[0] != "/b" {
		t.Errorf("Matchers = %+v", ms)
	}
}

func TestLookupKind(t *testing.T) {
	for name, k := range spellings {
		if got := LookupKind(name); got != k {
			t.Errorf("LookupKind(%q) = %v, want %v", name, got, k)
		}
	}
	for _, name := range []string{"hOST", "Hostregexp2", "", "PATHprefix"} {
		if got := LookupKind(name); got != KindInvalid {
			t.Errorf("LookupKind(%q) = %v, want KindInvalid", name, got)
		}
	}
}

func TestHostsAndDomains(t *testing.T) {
	r, err := Parse("(Host(`A.com`) || HostRegexp(`b`)) && !Host(`c.com`)", V3)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Hosts(), ","); got != "a.com" {
		t.Errorf("Hosts = %q, want a.com (negated Host left out)", got)
	}
	if got := strings.Join(r.Domains(), ","); got != "a.com,c.com" {
		t.Errorf("Domains = %q, want a.com,c.com (Traefik includes negated Host)", got)
	}
	if d, err := Domains("Path(`/`)"); d != nil || err != nil {
		t.Errorf("Domains without Host = %q, %v; want nil, nil", d, err)
	}
	if _, err := Domains("Host(`a`) &&"); err == nil {
		t.Error("Domains of a malformed rule succeeded")
	}
	// Domains does not check arguments or syntax, as Traefik's extraction.
	if d, err := Domains("Host(`A`, ``) && Headers(1 == 1)"); err == nil {
		t.Errorf("Domains with a number argument = %q, want error", d)
	}
	if d, err := Domains("Host(`A`, ``) && HostHeader(`x`)"); err != nil || strings.Join(d, ",") != "a," {
		t.Errorf("Domains = %q, %v; want [a \"\"]", d, err)
	}
	if line, col := Position("a\nbc", 3); line != 2 || col != 2 {
		t.Errorf("Position = %d:%d, want 2:2", line, col)
	}
}
