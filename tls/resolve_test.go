package tls_test

import (
	"reflect"
	"testing"

	"github.com/irkit/irkit/tls"
)

func TestResolveConflicts(t *testing.T) {
	tests := []struct {
		name      string
		reason    string
		routes    []tls.Route
		conflicts []tls.Conflict
		hosts     map[string]string // "ep/host" -> effective options
		unbound   []string
	}{
		{
			name:   "same options",
			reason: "two routers asking for the same options on one host do not conflict",
			routes: []tls.Route{
				{Router: "a", EntryPoints: []string{"websecure"}, Options: "strict@kubernetescrd", Hosts: []string{"example.com"}},
				{Router: "b", EntryPoints: []string{"websecure"}, Options: "strict@kubernetescrd", Hosts: []string{"example.com"}},
			},
			hosts: map[string]string{"websecure/example.com": "strict@kubernetescrd"},
		},
		{
			name:   "empty means default",
			reason: "no options and the default options are the same options",
			routes: []tls.Route{
				{Router: "a", EntryPoints: []string{"websecure"}, Hosts: []string{"example.com"}},
				{Router: "b", EntryPoints: []string{"websecure"}, Options: "default", Hosts: []string{"example.com"}},
			},
			hosts: map[string]string{"websecure/example.com": "default"},
		},
		{
			name:   "conflict on one entry point",
			reason: "different options on one host and entry point fall back to default",
			routes: []tls.Route{
				{Router: "b", EntryPoints: []string{"websecure"}, Options: "mtls@kubernetescrd", Hosts: []string{"Example.com"}},
				{Router: "a", EntryPoints: []string{"websecure"}, Hosts: []string{"example.com", "other.com"}},
			},
			conflicts: []tls.Conflict{{EntryPoint: "websecure", Host: "example.com", Uses: []tls.OptionsUse{
				{Options: "default", Router: "a"}, {Options: "mtls@kubernetescrd", Router: "b"}}}},
			hosts: map[string]string{"websecure/example.com": "default", "websecure/other.com": "default"},
		},
		{
			name:   "different entry points",
			reason: "entry points are arbitrated separately (traefik#13329, after the 3.7.3 regression traefik#13314)",
			routes: []tls.Route{
				{Router: "a", EntryPoints: []string{"websecure"}, Hosts: []string{"example.com"}},
				{Router: "b", EntryPoints: []string{"mtls"}, Options: "mtls@file", Hosts: []string{"example.com"}},
			},
			hosts: map[string]string{"websecure/example.com": "default", "mtls/example.com": "mtls@file"},
		},
		{
			name:   "all entry points",
			reason: "a router without entry points serves on every entry point, so it meets the others",
			routes: []tls.Route{
				{Router: "a", Hosts: []string{"example.com"}},
				{Router: "b", EntryPoints: []string{"websecure"}, Options: "mtls@file", Hosts: []string{"example.com"}},
			},
			conflicts: []tls.Conflict{{EntryPoint: "websecure", Host: "example.com", Uses: []tls.OptionsUse{
				{Options: "default", Router: "a"}, {Options: "mtls@file", Router: "b"}}}},
			hosts: map[string]string{"websecure/example.com": "default"},
		},
		{
			name:   "no host",
			reason: "options on a router without Host matcher bind to nothing",
			routes: []tls.Route{
				{Router: "a", EntryPoints: []string{"websecure"}, Options: "mtls@file"},
				{Router: "b", EntryPoints: []string{"websecure"}},
			},
			unbound: []string{"a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tls.Resolve(tt.routes)
			if !reflect.DeepEqual(res.Conflicts, tt.conflicts) {
				t.Errorf("%s: conflicts = %+v, want %+v", tt.reason, res.Conflicts, tt.conflicts)
			}
			for k, want := range tt.hosts {
				var ep, host string
				for i := range k {
					if k[i] == '/' {
						ep, host = k[:i], k[i+1:]
						break
					}
				}
				if got := res.OptionsFor(ep, host); got != want {
					t.Errorf("%s: OptionsFor(%s, %s) = %q, want %q", tt.reason, ep, host, got, want)
				}
			}
			var unbound []string
			for _, r := range res.Unbound {
				unbound = append(unbound, r.Router)
			}
			if !reflect.DeepEqual(unbound, tt.unbound) {
				t.Errorf("%s: unbound = %v, want %v", tt.reason, unbound, tt.unbound)
			}
		})
	}
}

func TestResolveFronting(t *testing.T) {
	routes := []tls.Route{
		{Router: "api", EntryPoints: []string{"websecure"}, Options: "mtls@file", Hosts: []string{"api.example.com"}, Certificate: "ns/wildcard"},
		{Router: "www", EntryPoints: []string{"websecure"}, Hosts: []string{"www.example.com"}, Certificate: "ns/wildcard"},
		{Router: "www2", EntryPoints: []string{"websecure"}, Hosts: []string{"www2.example.com"}, Certificate: "ns/wildcard"},
		{Router: "solo", EntryPoints: []string{"websecure"}, Options: "strict@file", Hosts: []string{"solo.example.com"}},
	}
	res := tls.Resolve(routes)
	want := []tls.Fronting{
		{EntryPoint: "websecure", SNIHost: "api.example.com", SNIOptions: "mtls@file", SNIRouter: "api",
			HeaderHost: "www.example.com", HeaderOptions: "default", HeaderRouter: "www", Certificate: "ns/wildcard"},
		{EntryPoint: "websecure", SNIHost: "api.example.com", SNIOptions: "mtls@file", SNIRouter: "api",
			HeaderHost: "www2.example.com", HeaderOptions: "default", HeaderRouter: "www2", Certificate: "ns/wildcard"},
	}
	if !reflect.DeepEqual(res.Fronting, want) {
		t.Errorf("fronting = %+v\nwant %+v", res.Fronting, want)
	}
	for _, c := range []struct {
		sni, host string
		want      bool
	}{
		{sni: "api.example.com", host: "www.example.com", want: true},
		{sni: "www.example.com", host: "www2.example.com", want: false},
		{sni: "API.example.com", host: "api.example.com.", want: false},
		{sni: "solo.example.com", host: "unknown.example.com", want: true},
		{sni: "", host: "www.example.com", want: false},
	} {
		if got := res.Misdirected("websecure", c.sni, c.host); got != c.want {
			t.Errorf("Misdirected(%q, %q) = %v, want %v", c.sni, c.host, got, c.want)
		}
	}
}

func TestConflictedRouterName(t *testing.T) {
	if got := tls.ConflictedRouterName("websecure", "ns-web-0123456789abcdef0123"); got != "websecure-conflicted-ns-web-0123456789abcdef0123" {
		t.Errorf("got %q", got)
	}
	c := tls.Conflict{Uses: []tls.OptionsUse{{Options: "a", Router: "y"}, {Options: "b", Router: "x"}, {Options: "c", Router: "y"}}}
	if got := c.Routers(); !reflect.DeepEqual(got, []string{"x", "y"}) {
		t.Errorf("Routers() = %v", got)
	}
}

func TestResolveNil(t *testing.T) {
	res := tls.Resolve(nil)
	if len(res.Hosts)+len(res.Conflicts)+len(res.Unbound)+len(res.Fronting) != 0 {
		t.Errorf("Resolve(nil) = %+v", res)
	}
	var nilRes *tls.Resolution
	if got := nilRes.OptionsFor("ep", "h"); got != tls.DefaultOptions {
		t.Errorf("nil OptionsFor = %q", got)
	}
}
