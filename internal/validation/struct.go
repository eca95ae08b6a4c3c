package validation

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// inlineMark prefixes the name the tag-name function gives an embedded
// struct marked `json:",inline"`: its segment is dropped from field paths.
const inlineMark = "\x00"

// validate is the shared validator/v10 instance: field names are the JSON
// names, so that error namespaces are JSON field paths.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case name == "-":
			return "-"
		case name == "" && f.Anonymous && strings.Contains(","+opts+",", ",inline,"):
			return inlineMark + f.Name
		}
		return name
	})
	return v
})

// Struct runs the `validate:"..."` tags of v (a struct or a pointer to
// one) and returns what fails as field errors whose paths are JSON paths
// under fldPath: `required` gives field.Required, `oneof` gives
// field.NotSupported with the allowed values, everything else
// field.Invalid. A nil pointer is valid.
func Struct(v any, fldPath *field.Path) field.ErrorList {
	if rv := reflect.ValueOf(v); !rv.IsValid() || (rv.Kind() == reflect.Pointer && rv.IsNil()) {
		return nil
	}
	err := validate().Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return field.ErrorList{field.InternalError(fldPath, err)}
	}
	errs := make(field.ErrorList, 0, len(verrs))
	for _, fe := range verrs {
		errs = append(errs, fieldError(fe, fldPath))
	}
	return errs
}

// fieldError converts one validator error.
func fieldError(fe validator.FieldError, root *field.Path) *field.Error {
	p := namespacePath(fe.Namespace(), root)
	value := fe.Value()
	switch fe.Tag() {
	case "required":
		return field.Required(p, "")
	case "oneof":
		return field.NotSupported(p, value, strings.Fields(fe.Param()))
	case "min", "gte":
		return field.Invalid(p, value, "must be greater than or equal to "+fe.Param())
	case "max", "lte":
		return field.Invalid(p, value, "must be less than or equal to "+fe.Param())
	case "gt":
		return field.Invalid(p, value, "must be greater than "+fe.Param())
	case "lt":
		return field.Invalid(p, value, "must be less than "+fe.Param())
	}
	return field.Invalid(p, value, fmt.Sprintf("fails the %q check", fe.Tag()))
}

// namespacePath turns a validator namespace ("Spec.routes[0].match") into
// a field path under root: the first segment (the type validated) is
// dropped, and so are the segments of inline embedded structs.
func namespacePath(ns string, root *field.Path) *field.Path {
	segs := strings.Split(ns, ".")
	if len(segs) > 0 {
		segs = segs[1:]
	}
	p := root
	for _, s := range segs {
		name, rest, _ := strings.Cut(s, "[")
		if !strings.HasPrefix(name, inlineMark) {
			p = child(p, name)
		}
		for rest != "" {
			idx, after, ok := strings.Cut(rest, "]")
			if !ok {
				break
			}
			if n, err := strconv.Atoi(idx); err == nil {
				p = p.Index(n)
			} else {
				p = p.Key(idx)
			}
			rest = strings.TrimPrefix(after, "[")
		}
	}
	if p == nil {
		p = field.NewPath("")
	}
	return p
}

func child(p *field.Path, name string) *field.Path {
	if p == nil {
		return field.NewPath(name)
	}
	return p.Child(name)
}
