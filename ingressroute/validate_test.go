package ingressroute

import (
	"errors"
	"testing"

	"github.com/irkit/irkit/internal/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateNilAndEmpty(t *testing.T) {
	if ds := Validate(nil); len(ds) != 0 {
		t.Errorf("Validate(nil) = %v", ds)
	}
	if ds := Validate(&Set{}); len(ds) != 0 {
		t.Errorf("Validate(empty) = %v", ds)
	}
}

// TestValidateDiagnostics checks the boundary: each kind of object is
// validated, and each diagnostic carries its code, registered severity,
// object and field path.
func TestValidateDiagnostics(t *testing.T) {
	meta := metav1.ObjectMeta{Name: "x", Namespace: "ns"}
	set := &Set{}
	set.Add(irWith(func(ir *IngressRoute) { ir.ObjectMeta = meta; ir.Spec.Routes[0].Match = "" }), nil)
	set.Add(&TraefikService{ObjectMeta: meta}, nil)
	set.Add(&Middleware{ObjectMeta: meta}, nil)
	set.Add(&TLSOption{ObjectMeta: metav1.ObjectMeta{Name: "X", Namespace: "ns"}}, nil)
	set.Add(&TLSStore{ObjectMeta: metav1.ObjectMeta{Namespace: "ns"}}, nil)
	set.Add(&ServersTransport{ObjectMeta: meta, Spec: ServersTransportSpec{MinVersion: "tls13"}}, nil)
	type key struct{ code, kind, field string }
	want := map[key]Severity{
		{code: CodeSchemaRequired, kind: "IngressRoute", field: "spec.routes[0].match"}:    SeverityError,
		{code: CodeSchemaRequired, kind: "TraefikService", field: "spec"}:                  SeverityError,
		{code: CodeSchemaMissing, kind: "Middleware", field: "spec"}:                       SeverityWarning,
		{code: CodeSchemaName, kind: "TLSOption", field: "metadata.name"}:                  SeverityError,
		{code: CodeSchemaRequired, kind: "TLSStore", field: "metadata.name"}:               SeverityError,
		{code: CodeSchemaIgnoredValue, kind: "ServersTransport", field: "spec.minVersion"}: SeverityWarning,
	}
	got := map[key]Severity{}
	for _, d := range Validate(set) {
		got[key{code: d.Code, kind: d.Object.Kind, field: d.Field}] = d.Severity
		if d.Object.Namespace != "ns" {
			t.Errorf("%v: object %v", d, d.Object)
		}
		if _, ok := LookupCode(d.Code); !ok {
			t.Errorf("%s is not registered", d.Code)
		}
		if d.Message == "" {
			t.Errorf("%v: no message", d)
		}
	}
	for k, sev := range want {
		if g, ok := got[k]; !ok || g != sev {
			t.Errorf("%v: got severity %v (found %v), want %v", k, g, ok, sev)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestFieldErrorCode covers every error type and origin of the boundary.
func TestFieldErrorCode(t *testing.T) {
	p := field.NewPath("spec", "x")
	tests := []struct {
		name string
		err  *field.Error
		code string
	}{
		{name: "required", err: field.Required(p, ""), code: CodeSchemaRequired},
		{name: "invalid", err: field.Invalid(p, 1, ""), code: CodeSchemaInvalid},
		{name: "not supported", err: field.NotSupported(p, "a", []string{"b"}), code: CodeSchemaUnsupported},
		{name: "forbidden", err: field.Forbidden(p, ""), code: CodeSchemaForbidden},
		{name: "too long", err: field.TooLong(p, "", 3), code: CodeSchemaTooLong},
		{name: "too many", err: field.TooMany(p, 4, 3), code: CodeSchemaTooLong},
		{name: "internal", err: field.InternalError(p, errors.New("boom")), code: CodeSchemaInternal},
		{name: "name", err: field.Invalid(p, "A", "").WithOrigin(validation.OriginName), code: CodeSchemaName},
		{name: "duration", err: field.Invalid(p, "x", "").WithOrigin(validation.OriginDuration), code: CodeSchemaDuration},
		{name: "warning required", err: validation.Warn(field.Required(p, "")), code: CodeSchemaMissing},
		{name: "warning invalid", err: validation.Warn(field.Invalid(p, 1, "")), code: CodeSchemaDubious},
		{name: "warning not supported", err: validation.Warn(field.NotSupported(p, "a", []string{"b"})), code: CodeSchemaIgnoredValue},
		{name: "warning duplicate", err: validation.Warn(field.Duplicate(p, "a")), code: CodeSchemaDuplicate},
		{name: "warning forbidden", err: validation.Warn(field.Forbidden(p, "")), code: CodeSchemaIgnoredField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fieldErrorCode(tt.err); got != tt.code {
				t.Errorf("fieldErrorCode = %s, want %s", got, tt.code)
			}
			if _, ok := LookupCode(tt.code); !ok {
				t.Errorf("%s is not registered", tt.code)
			}
			if fieldErrorMessage(tt.err) == "" {
				t.Error("empty message")
			}
		})
	}
}

func TestLastPathElement(t *testing.T) {
	for in, want := range map[string]string{
		"spec.routes[0].services[1].port":   "port",
		"spec.routes[0]":                    "routes[0]",
		"spec":                              "spec",
		"spec.healthCheck.headers[X-A.b.c]": "headers[X-A.b.c]",
	} {
		if got := lastPathElement(in); got != want {
			t.Errorf("lastPathElement(%q) = %q, want %q", in, got, want)
		}
	}
}
