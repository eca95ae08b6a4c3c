package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestMain_RoutesTheCart runs the example on the bundled manifests and
// checks what it prints: the findings and the router serving the cart.
func TestMain_RoutesTheCart(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, args := os.Stdout, os.Args
	os.Stdout, os.Args = w, []string{"embed", "../manifests"}
	main()
	os.Stdout, os.Args = stdout, args
	w.Close()
	var out bytes.Buffer
	io.Copy(&out, r)
	for _, want := range []string{
		"error IR4003: service port not found: 8081",
		"GET https://shop.example.com/api/cart -> router shop-shop-api-",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
