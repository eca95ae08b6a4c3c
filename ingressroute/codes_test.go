package ingressroute

import (
	"bytes"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestCodesRegistry(t *testing.T) {
	codes := Codes()
	if len(codes) == 0 {
		t.Fatal("no codes")
	}
	format := regexp.MustCompile(`^IR[1-6]\d{3}$`)
	seen := map[string]bool{}
	total := 0
	for _, fam := range codeFamilies {
		total += len(fam)
	}
	if total != len(codes) {
		t.Errorf("Codes() has %d codes, the families %d", len(codes), total)
	}
	if !sort.SliceIsSorted(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code }) {
		t.Error("Codes() is not sorted")
	}
	for _, c := range codes {
		if !format.MatchString(c.Code) {
			t.Errorf("%q: bad format", c.Code)
		}
		if seen[c.Code] {
			t.Errorf("%s: registered twice", c.Code)
		}
		seen[c.Code] = true
		for name, v := range map[string]string{"Title": c.Title, "Explanation": c.Explanation, "Before": c.Before, "After": c.After} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: empty %s", c.Code, name)
			}
		}
		if c.Severity < SeverityError || c.Severity > SeverityInfo {
			t.Errorf("%s: bad severity %v", c.Code, c.Severity)
		}
		if got, ok := LookupCode(c.Code); !ok || got.Code != c.Code {
			t.Errorf("LookupCode(%s) = %v, %v", c.Code, got, ok)
		}
	}
	if _, ok := LookupCode("IR9999"); ok {
		t.Error("LookupCode(IR9999) found something")
	}
}

// TestDecodeCodesRegistered makes sure every code the decoder emits is
// registered with the severity it is emitted with.
func TestDecodeCodesRegistered(t *testing.T) {
	for _, code := range []string{CodeSyntax, CodeDuplicateKey, CodeUnknownField, CodeWrongType, CodeMissingType,
		CodeUnknownKind, CodeSkippedKind, CodeNotObject, CodeTooLarge, CodeTooManyDocuments, CodeTooDeep,
		CodeAliasExpansion, CodeEncoding, CodeIO, CodeTooManyDiags, CodeDeprecatedGroup} {
		if _, ok := LookupCode(code); !ok {
			t.Errorf("%s is not registered", code)
		}
	}
}

// TestDiagnosticsDoc checks that docs/diagnostics.md is generated from the
// current registry; -update regenerates it.
func TestDiagnosticsDoc(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCodeMarkdown(&b, Codes()); err != nil {
		t.Fatal(err)
	}
	const file = "../docs/diagnostics.md"
	if *update {
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./ingressroute -run TestDiagnosticsDoc -update)", err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("%s is stale: run go test ./ingressroute -run TestDiagnosticsDoc -update", file)
	}
}
