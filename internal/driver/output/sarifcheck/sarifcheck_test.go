package sarifcheck

import "testing"

func TestValidate(t *testing.T) {
	valid := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "maplint"}}, "results": [
		{"ruleId": "nilmerge", "level": "warning", "message": {"text": "write to map out, which is nil"}}]}]}`
	if err := Validate([]byte(valid)); err != nil {
		t.Errorf("valid log rejected: %v", err)
	}
	for name, log := range map[string]string{
		"not JSON":        `{"version": `,
		"wrong version":   `{"version": "2.0.0", "runs": []}`,
		"no driver name":  `{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,
		"unknown level":   `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "m"}}, "results": [{"level": "fatal", "message": {"text": "x"}}]}]}`,
		"result no text":  `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "m"}}, "results": [{"message": {}}]}]}`,
		"bad helpUri":     `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "m", "rules": [{"id": "r", "helpUri": "not a uri"}]}}}]}`,
		"unknown element": `{"version": "2.1.0", "runs": [], "extra": 1}`,
	} {
		if err := Validate([]byte(log)); err == nil {
			t.Errorf("%s: invalid log accepted", name)
		}
	}
}
