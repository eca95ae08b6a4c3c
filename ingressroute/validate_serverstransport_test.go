package ingressroute

import (
	"testing"

	vt "github.com/irkit/irkit/internal/validation/validationtest"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateServersTransport(t *testing.T) {
	tests := []struct {
		name string
		spec ServersTransportSpec
		want []vt.Want
	}{
		{name: "empty", spec: ServersTransportSpec{}},
		{name: "full", spec: ServersTransportSpec{ServerName: "backend", RootCAs: []RootCA{{Secret: ptr("ca")}, {ConfigMap: ptr("ca-bundle")}},
			RootCAsSecrets: []string{"old-ca"}, CertificatesSecrets: []string{"client"}, CipherSuites: []string{"TLS_AES_128_GCM_SHA256"},
			MinVersion: "VersionTLS12", MaxVersion: "VersionTLS13", MaxIdleConnsPerHost: -1,
			ForwardingTimeouts: &ForwardingTimeouts{DialTimeout: ptr(intstr.FromString("30s")), IdleConnTimeout: ptr(intstr.FromInt32(90))}}},
		{name: "root CA both", spec: ServersTransportSpec{RootCAs: []RootCA{{Secret: ptr("a"), ConfigMap: ptr("b")}}},
			want: []vt.Want{vt.Error(field.ErrorTypeForbidden, "spec.rootCAs[0].configMap")}},
		{name: "root CA none", spec: ServersTransportSpec{RootCAs: []RootCA{{}}},
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec.rootCAs[0]")}},
		{name: "secret names", spec: ServersTransportSpec{RootCAs: []RootCA{{Secret: ptr("A")}}, RootCAsSecrets: []string{"B"}, CertificatesSecrets: []string{"C"}},
			want: []vt.Want{
				vt.Error(field.ErrorTypeInvalid, "spec.rootCAs[0].secret"),
				vt.Error(field.ErrorTypeInvalid, "spec.rootCAsSecrets[0]"),
				vt.Error(field.ErrorTypeInvalid, "spec.certificatesSecrets[0]"),
			}},
		{name: "tls", spec: ServersTransportSpec{MinVersion: "VersionTLS13", MaxVersion: "VersionTLS12", CipherSuites: []string{"X", "X"}},
			want: []vt.Want{
				vt.Warning(field.ErrorTypeInvalid, "spec.minVersion"),
				vt.Warning(field.ErrorTypeInvalid, "spec.cipherSuites[0]"),
				vt.Warning(field.ErrorTypeDuplicate, "spec.cipherSuites[1]"),
			}},
		{name: "unknown version", spec: ServersTransportSpec{MaxVersion: "1.3"},
			want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, "spec.maxVersion")}},
		{name: "idle connections", spec: ServersTransportSpec{MaxIdleConnsPerHost: -2},
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, "spec.maxIdleConnsPerHost")}},
		{name: "timeouts", spec: ServersTransportSpec{ForwardingTimeouts: &ForwardingTimeouts{
			DialTimeout: ptr(intstr.FromString("soon")), PingTimeout: ptr(intstr.FromString("-1s")),
		}}, want: []vt.Want{
			vt.Error(field.ErrorTypeInvalid, "spec.forwardingTimeouts.dialTimeout"),
			vt.Warning(field.ErrorTypeInvalid, "spec.forwardingTimeouts.pingTimeout"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &ServersTransport{ObjectMeta: metav1.ObjectMeta{Name: "st", Namespace: "default"}, Spec: tt.spec}
			vt.Check(t, validateServersTransport(st), tt.want...)
		})
	}
}
