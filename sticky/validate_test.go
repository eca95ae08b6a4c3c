package sticky_test

import (
	"testing"

	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"github.com/irkit/irkit/sticky"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidate(t *testing.T) {
	str := func(s string) *string { return &s }
	p := field.NewPath("spec", "routes").Index(0).Child("services").Index(1).Child("sticky")
	const base = "spec.routes[0].services[1].sticky"
	tests := []struct {
		name string
		in   *sticky.Sticky
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "empty cookie", in: &sticky.Sticky{Cookie: &sticky.Cookie{}}},
		{name: "full cookie", in: &sticky.Sticky{Cookie: &sticky.Cookie{Name: "route_id", Secure: true, HTTPOnly: true,
			SameSite: "strict", MaxAge: 3600, Path: str("/app"), Domain: ".example.com"}}},
		{name: "capitalized sameSite", in: &sticky.Sticky{Cookie: &sticky.Cookie{SameSite: "Lax"}}},
		{name: "no cookie", in: &sticky.Sticky{},
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, base+".cookie")}},
		{name: "unknown sameSite", in: &sticky.Sticky{Cookie: &sticky.Cookie{SameSite: "LAX"}},
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, base+".cookie.sameSite")}},
		{name: "bad cookie name", in: &sticky.Sticky{Cookie: &sticky.Cookie{Name: "my cookie"}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, base+".cookie.name")}},
		{name: "negative maxAge", in: &sticky.Sticky{Cookie: &sticky.Cookie{MaxAge: -1}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, base+".cookie.maxAge")}},
		{name: "relative path", in: &sticky.Sticky{Cookie: &sticky.Cookie{Path: str("app")}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, base+".cookie.path")}},
		{name: "path with semicolon", in: &sticky.Sticky{Cookie: &sticky.Cookie{Path: str("/a;b")}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, base+".cookie.path")}},
		{name: "bad domain", in: &sticky.Sticky{Cookie: &sticky.Cookie{Domain: "exa mple.com"}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, base+".cookie.domain")}},
		{name: "ip domain", in: &sticky.Sticky{Cookie: &sticky.Cookie{Domain: "10.0.0.1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, sticky.Validate(tt.in, p), tt.want...)
		})
	}
}
