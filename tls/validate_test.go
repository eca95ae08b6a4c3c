package tls_test

import (
	"testing"

	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"github.com/irkit/irkit/tls"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateRouteTLS(t *testing.T) {
	p := field.NewPath("spec", "tls")
	tests := []struct {
		name string
		in   *tls.RouteTLS
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "empty", in: &tls.RouteTLS{}},
		{name: "full", in: &tls.RouteTLS{SecretName: "web-tls", Options: &tls.OptionRef{Name: "strict", Namespace: "infra"},
			Store: &tls.StoreRef{Name: "default"}, CertResolver: "le",
			Domains: []tls.Domain{{Main: "example.com", SANs: []string{"*.example.com", "www.example.com"}}}}},
		{name: "options of another provider", in: &tls.RouteTLS{Options: &tls.OptionRef{Name: "modern@file"}}},
		{name: "bad secret name", in: &tls.RouteTLS{SecretName: "Web_TLS"},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.tls.secretName")}},
		{name: "options without name", in: &tls.RouteTLS{Options: &tls.OptionRef{Namespace: "infra"}},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.tls.options.name")}},
		{name: "bad options reference", in: &tls.RouteTLS{Options: &tls.OptionRef{Name: "strict@", Namespace: "In_Fra"}},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.tls.options.name"), vt.Error(field.ErrorTypeInvalid, "spec.tls.options.namespace")}},
		{name: "store without name", in: &tls.RouteTLS{Store: &tls.StoreRef{}},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.tls.store.name")}},
		{name: "domain without main", in: &tls.RouteTLS{Domains: []tls.Domain{{SANs: []string{"a.example.com"}}}},
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec.tls.domains[0].main")}},
		{name: "bad domains", in: &tls.RouteTLS{Domains: []tls.Domain{{Main: "ok.example.com"}, {Main: "bad domain", SANs: []string{"a.*.example.com", "x.example.com", "x.example.com"}}}},
			want: []vt.Want{
				vt.Warning(field.ErrorTypeInvalid, "spec.tls.domains[1].main"),
				vt.Warning(field.ErrorTypeInvalid, "spec.tls.domains[1].sans[0]"),
				vt.Warning(field.ErrorTypeDuplicate, "spec.tls.domains[1].sans[2]"),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, tls.ValidateRouteTLS(tt.in, p), tt.want...)
		})
	}
}

func TestValidateOptionSpec(t *testing.T) {
	p := field.NewPath("spec")
	tests := []struct {
		name string
		in   *tls.OptionSpec
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "empty", in: &tls.OptionSpec{}},
		{name: "full", in: &tls.OptionSpec{MinVersion: "VersionTLS12", MaxVersion: "VersionTLS13",
			CipherSuites:     []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_RSA_WITH_AES_256_GCM_SHA384"},
			CurvePreferences: []string{"CurveP521", "secp384r1", "X25519", "X25519MLKEM768"},
			ClientAuth:       tls.ClientAuth{SecretNames: []string{"ca"}, ClientAuthType: "VerifyClientCertIfGiven"},
			SniStrict:        true, ALPNProtocols: []string{"h2"}}},
		{name: "unknown versions", in: &tls.OptionSpec{MinVersion: "TLS1.2", MaxVersion: "VersionTLS14"},
			want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, "spec.minVersion"), vt.Warning(field.ErrorTypeNotSupported, "spec.maxVersion")}},
		{name: "min above max", in: &tls.OptionSpec{MinVersion: "VersionTLS13", MaxVersion: "VersionTLS12"},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.minVersion")}},
		{name: "unknown cipher suite", in: &tls.OptionSpec{CipherSuites: []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "AES128"}},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.cipherSuites[1]")}},
		{name: "repeated cipher suite", in: &tls.OptionSpec{CipherSuites: []string{"TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"}},
			want: []vt.Want{vt.Warning(field.ErrorTypeDuplicate, "spec.cipherSuites[1]")}},
		{name: "unknown curve", in: &tls.OptionSpec{CurvePreferences: []string{"P-256"}},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.curvePreferences[0]")}},
		{name: "unknown client auth type", in: &tls.OptionSpec{ClientAuth: tls.ClientAuth{ClientAuthType: "VerifyClientCert"}},
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, "spec.clientAuth.clientAuthType")}},
		{name: "bad CA secret name", in: &tls.OptionSpec{ClientAuth: tls.ClientAuth{SecretNames: []string{"ok", "Not_OK"}}},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.clientAuth.secretNames[1]")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, tls.ValidateOptionSpec(tt.in, p), tt.want...)
		})
	}
}

func TestValidateStoreSpec(t *testing.T) {
	p := field.NewPath("spec")
	tests := []struct {
		name string
		in   *tls.StoreSpec
		want []vt.Want
	}{
		{name: "nil", in: nil},
		{name: "valid", in: &tls.StoreSpec{DefaultCertificate: &tls.Certificate{SecretName: "default-cert"},
			Certificates: []tls.Certificate{{SecretName: "a"}}}},
		{name: "default certificate without secret", in: &tls.StoreSpec{DefaultCertificate: &tls.Certificate{}},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.defaultCertificate.secretName")}},
		{name: "certificate without secret", in: &tls.StoreSpec{Certificates: []tls.Certificate{{SecretName: "a"}, {}}},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.certificates[1].secretName")}},
		{name: "bad secret name", in: &tls.StoreSpec{Certificates: []tls.Certificate{{SecretName: "A"}}},
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.certificates[0].secretName")}},
		{name: "generated cert domain", in: &tls.StoreSpec{DefaultGeneratedCert: &tls.GeneratedCert{Resolver: "le", Domain: &tls.Domain{}}},
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec.defaultGeneratedCert.domain.main")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, tls.ValidateStoreSpec(tt.in, p), tt.want...)
		})
	}
}

func TestKnownNames(t *testing.T) {
	for _, n := range tls.KnownCipherSuites() {
		if !tls.IsCipherSuite(n) {
			t.Errorf("IsCipherSuite(%q) = false", n)
		}
	}
	for _, n := range []string{"TLS_FALLBACK_SCSV", "TLS_RSA_WITH_RC4_128_SHA", "TLS_CHACHA20_POLY1305_SHA256"} {
		if !tls.IsCipherSuite(n) {
			t.Errorf("IsCipherSuite(%q) = false", n)
		}
	}
	for _, n := range []string{"secp256r1", "CurveP256", "X25519"} {
		if !tls.IsCurve(n) {
			t.Errorf("IsCurve(%q) = false", n)
		}
	}
	if len(tls.KnownCurves()) == 0 {
		t.Error("no curves")
	}
}

// TestTablesAreCopies checks that the tables of supported values cannot
// be changed through what their functions return.
func TestTablesAreCopies(t *testing.T) {
	for name, tt := range map[string]struct {
		get   func() []string
		first string
	}{
		"Versions":        {get: tls.Versions, first: "VersionTLS10"},
		"ClientAuthTypes": {get: tls.ClientAuthTypes, first: "NoClientCert"},
	} {
		s := tt.get()
		if len(s) == 0 || s[0] != tt.first {
			t.Fatalf("%s() = %q, want %s first", name, s, tt.first)
		}
		s[0] = "changed"
		if got := tt.get(); got[0] != tt.first {
			t.Errorf("%s() = %q after changing a returned slice, want %s first", name, got, tt.first)
		}
	}
}

// TestVersionOrder checks the order of every TLS version name, and that
// IsVersion agrees with it.
func TestVersionOrder(t *testing.T) {
	for i, v := range tls.Versions() {
		n, ok := tls.VersionOrder(v)
		if !ok || n != 10+i || !tls.IsVersion(v) {
			t.Errorf("VersionOrder(%q) = %d, %v; IsVersion = %v; want %d, true, true", v, n, ok, tls.IsVersion(v), 10+i)
		}
	}
	for _, v := range []string{"", "VersionTLS14", "TLS12", "versiontls12"} {
		if n, ok := tls.VersionOrder(v); ok || tls.IsVersion(v) {
			t.Errorf("VersionOrder(%q) = %d, true, want false", v, n)
		}
	}
}
