package main

import (
	"slices"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string // fs.Args() after parsing
		fmt  string
	}{
		{name: "flags before paths", args: []string{"--format", "json", "a.yaml"}, want: []string{"a.yaml"}, fmt: "json"},
		{name: "flags after paths", args: []string{"a.yaml", "--format", "json", "b"}, want: []string{"a.yaml", "b"}, fmt: "json"},
		{name: "flag=value after a path", args: []string{"a.yaml", "-format=sarif"}, want: []string{"a.yaml"}, fmt: "sarif"},
		{name: "bool flag takes no value", args: []string{"a.yaml", "-w", "b.yaml"}, want: []string{"a.yaml", "b.yaml"}, fmt: "text"},
		{name: "stdin is an operand", args: []string{"-", "--format", "json"}, want: []string{"-"}, fmt: "json"},
		{name: "leading -- ends flags", args: []string{"--", "-odd.yaml"}, want: []string{"-odd.yaml"}, fmt: "text"},
		{name: "inner -- is kept", args: []string{"t.yaml", "--", "dir", "--format", "json"}, want: []string{"t.yaml", "--", "dir", "--format", "json"}, fmt: "text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFlagSet("lint")
			format := fs.String("format", "text", "")
			fs.Bool("w", false, "")
			if err := fs.Parse(flagsFirst(fs, tc.args)); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(fs.Args(), tc.want) || *format != tc.fmt {
				t.Errorf("args %q: got operands %q format %q, want %q format %q", tc.args, fs.Args(), *format, tc.want, tc.fmt)
			}
		})
	}
}
