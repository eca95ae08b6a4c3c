package ingressroute

import "testing"

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{in: "default-test.route", want: "default-test-route"},
		{in: "a..b--c", want: "a-b-c"},
		{in: "-x-", want: "x"},
		{in: "émoji✓ok", want: "émoji-ok"},
		{in: "", want: ""},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRouterName(t *testing.T) {
	// The name Traefik gives the router of the corpus's simple.yml.
	got := RouterName("default", "test.route", "Host(`foo.com`) && PathPrefix(`/bar`)")
	if want := "default-test-route-6b204d94623b3df4370c"; got != want {
		t.Errorf("RouterName = %q, want %q", got, want)
	}
	if RouterName("default", "web.app", "Host(`x`)") != RouterName("default", "web-app", "Host(`x`)") {
		t.Error("web.app and web-app must collide, as in Traefik")
	}
}

func TestSplitProvider(t *testing.T) {
	for _, tc := range []struct {
		in, name, provider string
		ok                 bool
	}{
		{in: "auth@file", name: "auth", provider: "file", ok: true},
		{in: "a@b@kubernetescrd", name: "a@b", provider: "kubernetescrd", ok: true},
		{in: "plain", name: "plain", ok: false},
	} {
		n, p, ok := splitProvider(tc.in)
		if n != tc.name || p != tc.provider || ok != tc.ok {
			t.Errorf("splitProvider(%q) = %q, %q, %v", tc.in, n, p, ok)
		}
	}
}
