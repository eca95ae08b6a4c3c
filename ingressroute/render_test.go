package ingressroute

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("got %q, want []", b.String())
	}
}

func TestWriteTextSuppressedAndSorted(t *testing.T) {
	ds := Diagnostics{
		{Severity: SeverityWarning, Code: "IR1016", Pos: Position{File: "b.yaml", Line: 1, Column: 1}, Message: "second"},
		{Severity: SeverityError, Code: "IR1003", Pos: Position{File: "a.yaml", Line: 2, Column: 3}, Message: "first", Hint: "line one\nline two"},
		{Severity: SeverityError, Code: "IR1004", Pos: Position{File: "a.yaml", Line: 1}, Message: "hidden", Suppressed: true},
	}
	var b bytes.Buffer
	if err := WriteText(&b, ds, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "a.yaml:2:3: error IR1003: first\n    hint: line one\n          line two\nb.yaml:1:1: warning IR1016: second\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteText(&b, ds, TextOptions{Suppressed: true, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "hidden [suppressed]") || !strings.Contains(b.String(), ansiRed) {
		t.Errorf("suppressed or colour missing:\n%q", b.String())
	}
	b.Reset()
	if err := WriteJSON(&b, ds); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"suppressed": true`) {
		t.Errorf("JSON lacks the suppressed diagnostic:\n%s", b.String())
	}
	if strings.Index(b.String(), "hidden") > strings.Index(b.String(), "second") {
		t.Errorf("JSON not sorted:\n%s", b.String())
	}
}

func TestWriteTextCaretWithTabs(t *testing.T) {
	src := []byte("a:\n\tb: x\n")
	ds := Diagnostics{{Severity: SeverityError, Code: "IR1001", Pos: Position{File: "f", Line: 2, Column: 5}, Message: "m"}}
	var b bytes.Buffer
	if err := WriteText(&b, ds, TextOptions{Source: func(string) ([]byte, bool) { return src, true }}); err != nil {
		t.Fatal(err)
	}
	want := "f:2:5: error IR1001: m\n    2 | \tb: x\n      | \t   ^\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
}
