package ingressroute

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzValidate makes sure that Validate never panics on decoded input and
// is deterministic.
func FuzzValidate(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/validate/*/input.yaml")
	fixtures, _ := filepath.Glob("../testdata/conformance/crd/fixtures/*.yml")
	for _, file := range append(seeds, fixtures...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, _ := Decode("fuzz.yaml", data)
		a := Validate(set)
		b := Validate(set)
		if a.Error() != b.Error() {
			t.Fatalf("Validate is not deterministic:\n%v\n---\n%v", a, b)
		}
	})
}
