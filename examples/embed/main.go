// Command embed shows irkit used as a library, the way another CI linter
// or a Go unit test would: decode manifests, analyze them, print the
// findings, then ask which router serves a request.
//
//	go run ./examples/embed examples/manifests
package main

import (
	"fmt"
	"net/http/httptest"
	"os"

	"github.com/irkit/irkit/ingressroute"
)

func main() {
	paths := os.Args[1:]
	if len(paths) == 0 {
		paths = []string{"examples/manifests"}
	}
	set, diags := ingressroute.DecodeFiles(paths...)
	table, diags := ingressroute.Analyze(set, ingressroute.DefaultOptions(),
		ingressroute.AnalyzeOptions{Prior: diags})

	fmt.Printf("%d routers, %d services, %d errors, %d warnings\n",
		len(table.Routers), len(table.Services),
		diags.Count(ingressroute.SeverityError), diags.Count(ingressroute.SeverityWarning))
	for _, d := range diags {
		if d.Severity == ingressroute.SeverityError && !d.Suppressed {
			fmt.Println(" ", d)
		}
	}

	req := httptest.NewRequest("GET", "https://shop.example.com/api/cart", nil)
	m := table.Match("websecure", req)
	if m.Router == nil {
		fmt.Println("GET https://shop.example.com/api/cart: no router (Traefik answers 404)")
		return
	}
	fmt.Printf("GET https://shop.example.com/api/cart -> router %s (priority %d) -> service %s\n",
		m.Router.Name, m.Router.Priority, m.Router.Service)
}
