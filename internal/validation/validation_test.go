package validation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/irkit/irkit/internal/validation"
	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var p = field.NewPath("f")

func TestParseDuration(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Duration
		ok   bool
	}{
		{name: "bare integer is seconds", in: "100", want: 100 * time.Second, ok: true},
		{name: "negative integer", in: "-1", want: -time.Second, ok: true},
		{name: "go duration", in: "1m30s", want: 90 * time.Second, ok: true},
		{name: "milliseconds", in: "100ms", want: 100 * time.Millisecond, ok: true},
		{name: "zero", in: "0", want: 0, ok: true},
		{name: "empty", in: "", ok: false},
		{name: "words", in: "30 seconds", ok: false},
		{name: "unit only", in: "s", ok: false},
		{name: "seconds overflow", in: "9223372036854775807", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := validation.ParseDuration(tt.in)
			if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
				t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestValidateDuration(t *testing.T) {
	tests := []struct {
		name string
		in   string
		sign validation.DurationSign
		want []vt.Want
	}{
		{name: "valid", in: "30s", sign: validation.Positive},
		{name: "bare integer", in: "30", sign: validation.Positive},
		{name: "negative allowed", in: "-1s", sign: validation.AnySign},
		{name: "syntax error", in: "thirty", sign: validation.AnySign, want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}},
		{name: "zero not positive", in: "0s", sign: validation.Positive, want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "f")}},
		{name: "negative", in: "-5s", sign: validation.NonNegative, want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "f")}},
		{name: "zero non-negative", in: "0", sign: validation.NonNegative},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, validation.ValidateDuration(tt.in, tt.sign, p), tt.want...)
		})
	}
	t.Run("origin", func(t *testing.T) {
		errs := validation.ValidateDuration("x", validation.AnySign, p)
		if len(errs) != 1 || errs[0].Origin != validation.OriginDuration {
			t.Errorf("got %v, want origin %s", errs, validation.OriginDuration)
		}
	})
}

func TestValidateIntOrStringDuration(t *testing.T) {
	i := func(n int) *intstr.IntOrString { v := intstr.FromInt32(int32(n)); return &v }
	s := func(x string) *intstr.IntOrString { v := intstr.FromString(x); return &v }
	tests := []struct {
		name string
		in   *intstr.IntOrString
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "int seconds", in: i(10)},
		{name: "string", in: s("10s")},
		{name: "int zero", in: i(0), want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "f")}},
		{name: "bad string", in: s("10 s"), want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, validation.ValidateIntOrStringDuration(tt.in, validation.Positive, p), tt.want...)
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name  string
		check func(string, *field.Path) field.ErrorList
		in    string
		valid bool
	}{
		{name: "object name with dots", check: validation.ValidateObjectName, in: "test.route", valid: true},
		{name: "object name with hyphens", check: validation.ValidateObjectName, in: "multiple---hyphens", valid: true},
		{name: "object name upper case", check: validation.ValidateObjectName, in: "Web", valid: false},
		{name: "object name underscore", check: validation.ValidateObjectName, in: "a_b", valid: false},
		{name: "object name empty", check: validation.ValidateObjectName, in: "", valid: false},
		{name: "namespace", check: validation.ValidateNamespace, in: "kube-system", valid: true},
		{name: "namespace with dot", check: validation.ValidateNamespace, in: "a.b", valid: false},
		{name: "service name", check: validation.ValidateServiceName, in: "whoami", valid: true},
		{name: "service name digit first", check: validation.ValidateServiceName, in: "1web", valid: false},
		{name: "service name with dot", check: validation.ValidateServiceName, in: "a.b", valid: false},
		{name: "port name", check: validation.ValidatePortName, in: "https-web", valid: true},
		{name: "port name upper", check: validation.ValidatePortName, in: "HTTP", valid: false},
	}
	t.Run("too long", func(t *testing.T) {
		long := strings.Repeat("a", 64)
		vt.Check(t, validation.ValidateNamespace(long, p), vt.Error(field.ErrorTypeTooLong, "f"))
		vt.Check(t, validation.ValidateObjectName(strings.Repeat(long[:60]+".", 5)+"a", p), vt.Error(field.ErrorTypeTooLong, "f"))
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []vt.Want
			if !tt.valid {
				want = []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}
			}
			errs := tt.check(tt.in, p)
			vt.Check(t, errs, want...)
			for _, e := range errs {
				if e.Origin != validation.OriginName {
					t.Errorf("origin %q, want %q", e.Origin, validation.OriginName)
				}
			}
		})
	}
}

func TestValidatePortNumber(t *testing.T) {
	for _, tt := range []struct {
		port  int
		valid bool
	}{{port: 1, valid: true}, {port: 65535, valid: true}, {port: 0}, {port: -1}, {port: 65536}} {
		var want []vt.Want
		if !tt.valid {
			want = []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}
		}
		vt.Check(t, validation.ValidatePortNumber(tt.port, p), want...)
	}
}

func TestValidateReference(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		valid bool
	}{
		{name: "local", in: "strip-prefix", valid: true},
		{name: "local invalid", in: "Strip_Prefix"},
		{name: "other provider", in: "redirect@file", valid: true},
		{name: "crd provider with namespace-name", in: "cross-ns-st-cross-ns@kubernetescrd", valid: true},
		{name: "provider name not a k8s name", in: "My_Middleware@file", valid: true},
		{name: "no name", in: "@file"},
		{name: "no provider", in: "redirect@"},
		{name: "two @", in: "a@b@file"},
		{name: "space", in: "a b@file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []vt.Want
			if !tt.valid {
				want = []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}
			}
			vt.Check(t, validation.ValidateReference(tt.in, validation.ValidateObjectName, p), want...)
		})
	}
}

func TestIsToken(t *testing.T) {
	for in, want := range map[string]bool{
		"X-Forwarded-For": true, "GET": true, "a!#$%&'*+-.^_`|~z": true,
		"": false, "X Header": false, "X:Y": false, "é": false, "a\n": false,
	} {
		if got := validation.IsToken(in); got != want {
			t.Errorf("IsToken(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestValidateDomain(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wildcard bool
		valid    bool
	}{
		{name: "plain", in: "example.com", valid: true},
		{name: "upper case", in: "Example.COM", valid: true},
		{name: "wildcard allowed", in: "*.example.com", wildcard: true, valid: true},
		{name: "wildcard refused", in: "*.example.com"},
		{name: "wildcard in the middle", in: "a.*.example.com", wildcard: true},
		{name: "space", in: "exa mple.com", wildcard: true},
		{name: "empty", in: "", wildcard: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []vt.Want
			if !tt.valid {
				want = []vt.Want{vt.Error(field.ErrorTypeInvalid, "f")}
			}
			vt.Check(t, validation.ValidateDomain(tt.in, tt.wildcard, p), want...)
		})
	}
}

type inner struct {
	Name string `json:"name" validate:"required"`
}

type embedded struct {
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=A B"`
}

type outer struct {
	embedded `json:",inline"`
	Items    []inner `json:"items" validate:"dive"`
	Ptr      *inner  `json:"ptr,omitempty"`
	Percent  int     `json:"percent,omitempty" validate:"min=0,max=100"`
	Skipped  *inner  `json:"skipped,omitempty" validate:"-"`
	Ignored  string  `json:"-" validate:"required"`
}

func TestStruct(t *testing.T) {
	root := field.NewPath("spec")
	tests := []struct {
		name string
		in   any
		want []vt.Want
	}{
		{name: "nil pointer", in: (*outer)(nil)},
		{name: "valid", in: &outer{Items: []inner{{Name: "a"}}, Ignored: "x"}},
		{name: "required in a list", in: &outer{Items: []inner{{Name: "a"}, {}}, Ignored: "x"},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.items[1].name")}},
		{name: "required behind a pointer", in: &outer{Ptr: &inner{}, Ignored: "x"},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.ptr.name")}},
		{name: "oneof in an inline struct", in: &outer{embedded: embedded{Kind: "C"}, Ignored: "x"},
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, "spec.kind")}},
		{name: "range", in: &outer{Percent: 101, Ignored: "x"},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.percent")}},
		{name: "skipped field", in: &outer{Skipped: &inner{}, Ignored: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, validation.Struct(tt.in, root), tt.want...)
		})
	}
	t.Run("supported values", func(t *testing.T) {
		errs := validation.Struct(&outer{embedded: embedded{Kind: "C"}, Ignored: "x"}, root)
		if len(errs) != 1 || errs[0].Detail != `supported values: "A", "B"` {
			t.Errorf("got %v", errs)
		}
	})
}
