package ingressroute

import (
	"testing"

	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"github.com/irkit/irkit/tls"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateMiddleware(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want []vt.Want
	}{
		{name: "strip prefix", spec: `{"stripPrefix":{"prefixes":["/api"]}}`},
		{name: "chain", spec: `{"chain":{"middlewares":[{"name":"a"},{"name":"b@file"}]}}`},
		{name: "errors", spec: `{"errors":{"status":["500"],"service":{"name":"errors","port":80}}}`},
		{name: "no type", spec: `{}`,
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec")}},
		{name: "absent spec", spec: ``,
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec")}},
		{name: "two types", spec: `{"stripPrefix":{},"addPrefix":{}}`,
			want: []vt.Want{vt.Warning(field.ErrorTypeForbidden, "spec.stripPrefix")}},
		{name: "not a mapping", spec: `[1]`,
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec")}},
		{name: "chain references", spec: `{"chain":{"middlewares":[{"name":""},{"name":"A"}]}}`,
			want: []vt.Want{
				vt.Error(field.ErrorTypeRequired, "spec.chain.middlewares[0].name"),
				vt.Error(field.ErrorTypeInvalid, "spec.chain.middlewares[1].name"),
			}},
		{name: "errors service", spec: `{"errors":{"service":{"name":"errors"}}}`,
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.errors.service.port")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Middleware{ObjectMeta: metav1.ObjectMeta{Name: "mw", Namespace: "default"}}
			if tt.spec != "" {
				m.Spec = runtime.RawExtension{Raw: []byte(tt.spec)}
			}
			vt.Check(t, validateMiddleware(m), tt.want...)
		})
	}
}

func TestValidateTLSOptionAndStore(t *testing.T) {
	o := &TLSOption{ObjectMeta: metav1.ObjectMeta{Name: "Opt", Namespace: "default"},
		Spec: tls.OptionSpec{CurvePreferences: []string{"P256"}}}
	vt.Check(t, validateTLSOption(o),
		vt.Error(field.ErrorTypeInvalid, "metadata.name"), vt.Error(field.ErrorTypeInvalid, "spec.curvePreferences[0]"))
	s := &TLSStore{ObjectMeta: metav1.ObjectMeta{Name: "default", Namespace: "default"},
		Spec: tls.StoreSpec{DefaultCertificate: &tls.Certificate{}}}
	vt.Check(t, validateTLSStore(s), vt.Error(field.ErrorTypeRequired, "spec.defaultCertificate.secretName"))
}
