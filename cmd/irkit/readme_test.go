package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestREADME checks that the output shown in the README's "## The command"
// section is the command's real output: every ```console block there starts
// with "$ irkit ARGS" and holds what irkit prints (standard output, then
// standard error), run from the repository root. go test -update rewrites
// the blocks.
func TestREADME(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Skip("no README.md")
	}
	text := string(data)
	start := strings.Index(text, "\n## The command\n")
	if start < 0 {
		t.Fatal("README.md has no \"## The command\" section")
	}
	end := len(text)
	if i := strings.Index(text[start+1:], "\n## "); i >= 0 {
		end = start + 1 + i
	}
	section := text[start:end]
	var out strings.Builder
	rest := section
	blocks := 0
	for {
		i := strings.Index(rest, "```console\n")
		if i < 0 {
			out.WriteString(rest)
			break
		}
		i += len("```console\n")
		j := strings.Index(rest[i:], "```\n")
		if j < 0 {
			t.Fatal("unterminated console block")
		}
		block := rest[i : i+j]
		first, _, _ := strings.Cut(block, "\n")
		if !strings.HasPrefix(first, "$ irkit ") {
			t.Fatalf("console block starts with %q, want \"$ irkit ...\"", first)
		}
		args := strings.Fields(strings.TrimPrefix(first, "$ irkit "))
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr)
		got := first + "\n" + stdout.String() + stderr.String()
		if !strings.HasSuffix(got, "\n") {
			got += "\n"
		}
		if got != block && !*update {
			t.Errorf("README block %q is not the real output; run go test ./cmd/irkit -run TestREADME -update.\n--- README:\n%s--- actual:\n%s", first, block, got)
		}
		out.WriteString(rest[:i] + got + "```\n")
		rest = rest[i+j+len("```\n"):]
		blocks++
	}
	if blocks == 0 {
		t.Fatal("no console block in the command section")
	}
	if *update {
		updated := text[:start] + out.String() + text[end:]
		if updated != text {
			if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
