package realbugs

import (
	"errors"
	"fmt"
)

type FieldDiff struct{ Old, New string }

type ChangeValidation func(diff FieldDiff) (bool, error)

type Version struct {
	Name   string
	Fields map[string]string
}

type ChangeValidator struct{ Validations []ChangeValidation }

func calculateFlatSchemaDiff(o, n map[string]string) (map[string]FieldDiff, error) {
	out := make(map[string]FieldDiff)
	for k, v := range o {
		if n[k] != v {
			out[k] = FieldDiff{v, n[k]}
		}
	}
	return out, nil
}

// Validate is carvel-dev/kapp's CRD change validator before
// https://github.com/carvel-dev/kapp/pull/1047 ("Ensure fixed order in
// multi-line error returned by change validator"): the joined error lists
// the fields in map order.
func (cv *ChangeValidator) Validate(old, new []Version) error {
	errs := []error{}
	for i, version := range old {
		diffs, err := calculateFlatSchemaDiff(version.Fields, new[i].Fields)
		if err != nil {
			errs = append(errs, fmt.Errorf("calculating schema diff for CRD version %q", version.Name))
			continue
		}

		for field, diff := range diffs { // want `keys appended to errs, which is returned unsorted`
			handled := false
			for _, validation := range cv.Validations {
				ok, err := validation(diff)
				if err != nil {
					errs = append(errs, fmt.Errorf("version %q, field %q: %w", version.Name, field, err))
				}
				if ok {
					handled = true
					break
				}
			}

			if !handled {
				errs = append(errs, fmt.Errorf("version %q, field %q has unknown change, refusing to determine that change is safe", version.Name, field))
			}
		}
	}

	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return nil
}
