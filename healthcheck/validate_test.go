package healthcheck_test

import (
	"testing"

	"github.com/irkit/irkit/healthcheck"
	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func dur(s string) *intstr.IntOrString { v := intstr.Parse(s); return &v }

func TestValidate(t *testing.T) {
	p := field.NewPath("spec", "healthCheck")
	tests := []struct {
		name string
		in   *healthcheck.ServerHealthCheck
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "empty", in: &healthcheck.ServerHealthCheck{}},
		{name: "full", in: &healthcheck.ServerHealthCheck{Scheme: "https", Mode: "grpc", Path: "/health", Method: "HEAD",
			Status: 204, Port: 8443, Interval: dur("10s"), UnhealthyInterval: dur("5"), Timeout: dur("3s"),
			Hostname: "example.com", Headers: map[string]string{"X-Check": "1"}}},
		{name: "unknown mode", in: &healthcheck.ServerHealthCheck{Mode: "tcp"},
			want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, "spec.healthCheck.mode")}},
		{name: "unknown scheme", in: &healthcheck.ServerHealthCheck{Scheme: "HTTPS"},
			want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, "spec.healthCheck.scheme")}},
		{name: "status out of range", in: &healthcheck.ServerHealthCheck{Status: 700},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.status")}},
		{name: "port out of range", in: &healthcheck.ServerHealthCheck{Port: 70000},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.port")}},
		{name: "bad method", in: &healthcheck.ServerHealthCheck{Method: "GET /"},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.method")}},
		{name: "bad hostname", in: &healthcheck.ServerHealthCheck{Hostname: "example.com/x"},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.hostname")}},
		{name: "bad interval", in: &healthcheck.ServerHealthCheck{Interval: dur("10 s")},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.healthCheck.interval")}},
		{name: "zero timeout", in: &healthcheck.ServerHealthCheck{Timeout: dur("0")},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.timeout")}},
		{name: "negative unhealthy interval", in: &healthcheck.ServerHealthCheck{UnhealthyInterval: dur("-1s")},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.unhealthyInterval")}},
		{name: "bad header name", in: &healthcheck.ServerHealthCheck{Headers: map[string]string{"X Check": "1", "Ok": "1"}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.headers[X Check]")}},
		{name: "header value with line break", in: &healthcheck.ServerHealthCheck{Headers: map[string]string{"X-A": "a\r\nb"}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.healthCheck.headers[X-A]")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, healthcheck.Validate(tt.in, p), tt.want...)
		})
	}
}

func TestValidatePassive(t *testing.T) {
	p := field.NewPath("spec", "passiveHealthCheck")
	n := func(i int) *int { return &i }
	tests := []struct {
		name string
		in   *healthcheck.PassiveServerHealthCheck
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "valid", in: &healthcheck.PassiveServerHealthCheck{FailureWindow: dur("10s"), MaxFailedAttempts: n(3)}},
		{name: "bad window", in: &healthcheck.PassiveServerHealthCheck{FailureWindow: dur("ten")},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.passiveHealthCheck.failureWindow")}},
		{name: "zero attempts", in: &healthcheck.PassiveServerHealthCheck{MaxFailedAttempts: n(0)},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.passiveHealthCheck.maxFailedAttempts")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, healthcheck.ValidatePassive(tt.in, p), tt.want...)
		})
	}
}

// TestTablesAreCopies checks that the tables of supported values cannot
// be changed through what their functions return.
func TestTablesAreCopies(t *testing.T) {
	for name, get := range map[string]func() []string{"Modes": healthcheck.Modes, "Schemes": healthcheck.Schemes} {
		s := get()
		if len(s) == 0 || s[0] != "http" {
			t.Fatalf("%s() = %q, want http first", name, s)
		}
		s[0] = "changed"
		if got := get(); got[0] != "http" {
			t.Errorf("%s() = %q after changing a returned slice, want http first", name, got)
		}
	}
}
