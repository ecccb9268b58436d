package limitations

import "encoding/json"

type JSON struct {
	Raw []byte
}

type Release struct {
	Values *JSON
}

type DAG struct {
	Name         string
	Dependencies []string
}

type ApplicationSpec struct {
	Release   Release
	Subcharts []DAG
}

type Application struct {
	Name string
	Spec ApplicationSpec
}

// GetValues unmarshals the raw values to a map[string]interface{} and returns
// the result.
func (in *Application) GetValues() map[string]interface{} {
	var values map[string]interface{}
	if in.Spec.Release.Values != nil {
		_ = json.Unmarshal(in.Spec.Release.Values.Raw, &values)
	}
	return values
}

// SetValues marshals the raw values into the JSON values
func (in *Application) SetValues(values map[string]interface{}) error {
	bytes, err := json.Marshal(values)
	if err != nil {
		return err
	}
	in.Spec.Release.Values = &JSON{Raw: bytes}
	return nil
}

// generateSubchartAndAppDAGTasks is Azure/orkestra's workflow generator
// before https://github.com/Azure/orkestra/pull/338 (issue #337, "Assignment
// to entry in nil map returned by GetValues()"): an application without
// values gets a nil map from GetValues, and disabling its subcharts
// panics. Gathered for stop 34's recall measure; a known miss: the nil
// return depends on a field of the receiver (in.Spec.Release.Values ==
// nil), and such a nil is trusted (see receiverDependent): the caller may
// know the field is set, and a condition on a field is not carried to the
// call.
func generateSubchartAndAppDAGTasks(app *Application) error {
	// Force disable all subchart for the staged application chart
	// to prevent duplication and possible collision of deployed resources
	values := app.GetValues()
	for _, d := range app.Spec.Subcharts {
		values[d.Name] = map[string]interface{}{ // known miss: GetValues's nil depends on the receiver's field
			"enabled": false,
		}
	}
	return app.SetValues(values)
}

// GetValuesFixed is the fix: the map is made before the values are
// decoded into it.
func (in *Application) GetValuesFixed() map[string]interface{} {
	values := make(map[string]interface{})
	if in.Spec.Release.Values != nil {
		_ = json.Unmarshal(in.Spec.Release.Values.Raw, &values)
	}
	return values
}

func generateSubchartAndAppDAGTasksFixed(app *Application) error {
	values := app.GetValuesFixed()
	for _, d := range app.Spec.Subcharts {
		values[d.Name] = map[string]interface{}{
			"enabled": false,
		}
	}
	return app.SetValues(values)
}
