// Package validationtest helps test validators that return field errors:
// it compares what they found by error type, field path and severity, not
// by count or wording.
package validationtest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/irkit/irkit/internal/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Want is one expected finding.
type Want struct {
	// Type is the field error type, such as field.ErrorTypeRequired.
	Type field.ErrorType
	// Field is the field path, such as "spec.routes[0].match".
	Field string
	// Warning is true for a finding marked with validation.Warn.
	Warning bool
}

// String renders the finding as "Required spec.x" or "warning Invalid spec.x".
func (w Want) String() string {
	s := fmt.Sprintf("%s %s", typeName(w.Type), w.Field)
	if w.Warning {
		s = "warning " + s
	}
	return s
}

func typeName(t field.ErrorType) string { return strings.ReplaceAll(t.String(), " ", "") }

// Check fails t unless errs holds exactly the findings of want (each
// distinct type, path and severity once or more; order does not matter).
func Check(t testing.TB, errs field.ErrorList, want ...Want) {
	t.Helper()
	got := map[string]bool{}
	for _, e := range errs {
		got[Want{Type: e.Type, Field: e.Field, Warning: validation.IsWarning(e)}.String()] = true
	}
	exp := map[string]bool{}
	for _, w := range want {
		exp[w.String()] = true
	}
	var missing, extra []string
	for k := range exp {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !exp[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("missing %q, unexpected %q; all: %v", missing, extra, errs)
	}
}

// Error returns a Want for an error.
func Error(typ field.ErrorType, path string) Want { return Want{Type: typ, Field: path} }

// Warning returns a Want for a warning.
func Warning(typ field.ErrorType, path string) Want {
	return Want{Type: typ, Field: path, Warning: true}
}
