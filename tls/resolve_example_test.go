package tls_test

import (
	"fmt"

	"github.com/irkit/irkit/tls"
)

func ExampleResolve() {
	res := tls.Resolve([]tls.Route{
		{Router: "admin", EntryPoints: []string{"websecure"}, Options: "mtls@file", Hosts: []string{"example.com"}},
		{Router: "web", EntryPoints: []string{"websecure"}, Hosts: []string{"example.com"}},
	})
	for _, c := range res.Conflicts {
		fmt.Println(c.EntryPoint, c.Host, c.Routers())
		for _, r := range c.Routers() {
			fmt.Println(tls.ConflictedRouterName(c.EntryPoint, r))
		}
	}
	fmt.Println(res.OptionsFor("websecure", "example.com"))
	// Output:
	// websecure example.com [admin web]
	// websecure-conflicted-admin
	// websecure-conflicted-web
	// default
}
