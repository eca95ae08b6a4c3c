package ingressroute

import (
	"testing"

	"github.com/irkit/irkit/healthcheck"
	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"github.com/irkit/irkit/sticky"
	"github.com/irkit/irkit/tls"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validRoute returns a route that passes validation, for tests to spoil.
func validRoute() Route {
	return Route{
		Match: "Host(`example.com`)",
		Kind:  "Rule",
		Services: []LoadBalancerSpec{{
			Name: "web", Port: intstr.FromInt32(80),
		}},
	}
}

// irWith returns a valid IngressRoute changed by edit.
func irWith(edit func(ir *IngressRoute)) *IngressRoute {
	ir := &IngressRoute{
		ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "default"},
		Spec:       IngressRouteSpec{EntryPoints: []string{"websecure"}, Routes: []Route{validRoute()}},
	}
	if edit != nil {
		edit(ir)
	}
	return ir
}

func ptr[T any](v T) *T { return &v }

func TestValidateIngressRoute(t *testing.T) {
	const svc = "spec.routes[0].services[0]"
	tests := []struct {
		name string
		edit func(ir *IngressRoute)
		want []vt.Want
	}{
		{name: "valid", edit: nil},
		{name: "valid full", edit: func(ir *IngressRoute) {
			r := &ir.Spec.Routes[0]
			r.Priority = -5
			r.Syntax = "v2"
			r.Observability = &RouterObservability{TraceVerbosity: "detailed"}
			r.Middlewares = []MiddlewareRef{{Name: "strip", Namespace: "infra"}, {Name: "redirect@file"}}
			r.Services = append(r.Services, LoadBalancerSpec{Name: "canary", Kind: "TraefikService", Weight: ptr(0)},
				LoadBalancerSpec{Name: "api", Port: intstr.FromString("https-api"), Scheme: "h2c", Strategy: "RoundRobin",
					ServersTransport: "insecure@file", ResponseForwarding: &ResponseForwarding{FlushInterval: "-1"}},
				LoadBalancerSpec{Name: "legacy@kubernetescrd", Port: intstr.FromInt32(8080)})
			ir.Spec.TLS = &tls.RouteTLS{SecretName: "web-tls"}
			ir.Spec.ParentRefs = []IngressRouteRef{{Name: "parent", Namespace: "infra"}}
		}},
		{name: "metadata", edit: func(ir *IngressRoute) { ir.Name = "Web"; ir.Namespace = "a.b" },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "metadata.name"), vt.Error(field.ErrorTypeInvalid, "metadata.namespace")}},
		{name: "no name", edit: func(ir *IngressRoute) { ir.Name = "" },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "metadata.name")}},
		{name: "generated name", edit: func(ir *IngressRoute) { ir.Name = ""; ir.GenerateName = "web-" }},
		{name: "no routes", edit: func(ir *IngressRoute) { ir.Spec.Routes = nil },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.routes")}},
		{name: "empty match", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Match = "" },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.routes[0].match")}},
		{name: "route kind", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Kind = "rule" },
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, "spec.routes[0].kind")}},
		{name: "priority too large", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Priority = 1<<63 - 1000 },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.routes[0].priority")}},
		{name: "priority at the limit", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Priority = 1<<63 - 1001 }},
		{name: "unknown syntax", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Syntax = "v1" },
			want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, "spec.routes[0].syntax")}},
		{name: "trace verbosity", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Observability = &RouterObservability{TraceVerbosity: "full"}
		}, want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, "spec.routes[0].observability.traceVerbosity")}},
		{name: "entry points", edit: func(ir *IngressRoute) { ir.Spec.EntryPoints = []string{"web", "", "web"} },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, "spec.entryPoints[1]"), vt.Warning(field.ErrorTypeDuplicate, "spec.entryPoints[2]")}},
		{name: "middleware without name", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Middlewares = []MiddlewareRef{{Namespace: "infra"}}
		}, want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.routes[0].middlewares[0].name")}},
		{name: "middleware names", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Middlewares = []MiddlewareRef{{Name: "Strip_Prefix"}, {Name: "@file"}, {Name: "a", Namespace: "B"}, {Name: "a", Namespace: "B"}}
		}, want: []vt.Want{
			vt.Error(field.ErrorTypeInvalid, "spec.routes[0].middlewares[0].name"),
			vt.Error(field.ErrorTypeInvalid, "spec.routes[0].middlewares[1].name"),
			vt.Error(field.ErrorTypeInvalid, "spec.routes[0].middlewares[2].namespace"),
			vt.Error(field.ErrorTypeInvalid, "spec.routes[0].middlewares[3].namespace"),
			vt.Warning(field.ErrorTypeDuplicate, "spec.routes[0].middlewares[3].name"),
		}},
		{name: "parent ref", edit: func(ir *IngressRoute) {
			ir.Spec.ParentRefs = []IngressRouteRef{{}, {Name: "P"}}
		}, want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.parentRefs[0].name"), vt.Error(field.ErrorTypeInvalid, "spec.parentRefs[1].name")}},
		{name: "tls", edit: func(ir *IngressRoute) { ir.Spec.TLS = &tls.RouteTLS{Options: &tls.OptionRef{}} },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec.tls.options.name")}},
		{name: "service without name", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Name = "" },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, svc+".name")}},
		{name: "service kind", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Kind = "service" },
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, svc+".kind")}},
		{name: "service name", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Name = "1web" },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".name")}},
		{name: "service of another provider", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Name = "web@file" },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".name")}},
		{name: "traefik service of another provider", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0] = LoadBalancerSpec{Name: "web@file", Kind: "TraefikService"}
		}},
		{name: "service namespace", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Namespace = "Prod" },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".namespace")}},
		{name: "no port", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Port = intstr.IntOrString{} },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, svc+".port")}},
		{name: "empty port name", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Port = intstr.FromString("") },
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, svc+".port")}},
		{name: "port out of range", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Port = intstr.FromInt32(65536) },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".port")}},
		{name: "bad port name", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Port = intstr.FromString("HTTP") },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".port")}},
		{name: "no port on a traefik service", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0] = LoadBalancerSpec{Name: "wrr", Kind: "TraefikService"}
		}},
		{name: "scheme", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Scheme = "HTTPS" },
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, svc+".scheme")}},
		{name: "strategy", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Strategy = "roundrobin" },
			want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, svc+".strategy")}},
		{name: "servers transport", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].ServersTransport = "Fast" },
			want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".serversTransport")}},
		{name: "negative weight", edit: func(ir *IngressRoute) { ir.Spec.Routes[0].Services[0].Weight = ptr(-1) },
			want: []vt.Want{vt.Warning(field.ErrorTypeInvalid, svc+".weight")}},
		{name: "flush interval", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0].ResponseForwarding = &ResponseForwarding{FlushInterval: "100 ms"}
		}, want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".responseForwarding.flushInterval")}},
		{name: "sticky", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0].Sticky = &sticky.Sticky{Cookie: &sticky.Cookie{SameSite: "always"}}
		}, want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, svc+".sticky.cookie.sameSite")}},
		{name: "health check", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0].HealthCheck = &healthcheck.ServerHealthCheck{Mode: "tcp"}
		}, want: []vt.Want{vt.Warning(field.ErrorTypeNotSupported, svc+".healthCheck.mode")}},
		{name: "passive health check", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0].PassiveHealthCheck = &healthcheck.PassiveServerHealthCheck{FailureWindow: ptr(intstr.FromString("x"))}
		}, want: []vt.Want{vt.Error(field.ErrorTypeInvalid, svc+".passiveHealthCheck.failureWindow")}},
		{name: "service middlewares", edit: func(ir *IngressRoute) {
			ir.Spec.Routes[0].Services[0].Middlewares = []MiddlewareRef{{}}
		}, want: []vt.Want{vt.Error(field.ErrorTypeRequired, svc+".middlewares[0].name")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vt.Check(t, validateIngressRoute(irWith(tt.edit)), tt.want...)
		})
	}
}
