package ingressroute_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/irkit/irkit/ingressroute"
)

// A user's own unit test: the manifests of a repository, compiled as
// Traefik compiles them, must send https://shop.example.com/api/cart to the
// api Service. In a real test the bytes come from the repository's files
// and the checks call t.Fatalf.
func ExampleTable_Match() {
	manifests := []byte(`
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: shop
  namespace: shop
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(` + "`shop.example.com`" + `)
      services:
        - name: web
          port: 80
    - match: Host(` + "`shop.example.com`" + `) && PathPrefix(` + "`/api`" + `)
      services:
        - name: api
          port: 8080
  tls: {}
`)
	set, diags := ingressroute.Decode("shop.yaml", manifests)
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	table, diags := ingressroute.Compile(set, ingressroute.DefaultOptions())
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}

	req := httptest.NewRequest("GET", "https://shop.example.com/api/cart", nil)
	m := table.Match("websecure", req)
	if m.Router == nil {
		fmt.Println("no router serves the request")
		return
	}
	fmt.Println("router:", m.Router.Name, "priority:", m.Router.Priority)
	fmt.Println("service:", m.Service.Name)
	for _, o := range m.Others {
		fmt.Println("also matches:", o.Name, "priority:", o.Priority)
	}
	// Output:
	// router: shop-shop-2e672463355d335d17ef priority: 46
	// service: shop-shop-2e672463355d335d17ef
	// also matches: shop-shop-38bcef08ab977d6de43a priority: 24
}
