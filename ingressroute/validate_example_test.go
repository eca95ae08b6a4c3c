package ingressroute_test

import (
	"fmt"

	"github.com/irkit/irkit/ingressroute"
)

func ExampleValidate() {
	const manifest = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
  namespace: default
spec:
  routes:
    - match: Host(` + "`example.com`" + `)
      services:
        - name: web
          port: 80
          scheme: HTTPS
          weight: -1
`
	set, _ := ingressroute.Decode("web.yaml", []byte(manifest))
	for _, d := range ingressroute.Validate(set) {
		fmt.Printf("%s: %s %s %s\n  %s\n", d.Pos, d.Severity, d.Code, d.Field, d.Message)
	}
	// Output:
	// web.yaml:12:19: error IR2003 spec.routes[0].services[0].scheme
	//   unsupported scheme "HTTPS"
	// web.yaml:13:19: warning IR2102 spec.routes[0].services[0].weight
	//   invalid weight -1: a negative weight is taken as 0: the service never gets traffic
}
