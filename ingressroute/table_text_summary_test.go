package ingressroute

import "testing"

func TestServersSummary(t *testing.T) {
	lb := func(servers ...DynServer) *Service {
		return &Service{Name: "s", Config: &DynService{LoadBalancer: &DynLoadBalancer{Servers: servers}}}
	}
	runtime := lb()
	runtime.ResolvedAtRuntime = true
	for _, tc := range []struct {
		name string
		svc  *Service
		want string
	}{
		{name: "urls in order, fenced marked", svc: lb(DynServer{URL: "http://10.0.0.1:80"}, DynServer{URL: "http://10.0.0.2:80", Fenced: true}),
			want: "http://10.0.0.1:80 http://10.0.0.2:80 (fenced)"},
		{name: "no servers", svc: lb(), want: "no servers"},
		{name: "partial input", svc: runtime, want: "servers resolved at run time"},
		{name: "not a load balancer", svc: &Service{Name: "w", Config: &DynService{}}, want: ""},
		{name: "nil", svc: nil, want: ""},
	} {
		if got := tc.svc.ServersSummary(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
