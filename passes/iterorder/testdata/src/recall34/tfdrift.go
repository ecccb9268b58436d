//go:build go1.23

package recall34

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
)

type GitHubClient struct {
	owner, repo string
	httpClient  *http.Client
	apiBase     string
}

type treeItem struct {
	Path    string `json:"path"`
	Mode    string `json:"mode"`
	Type    string `json:"type"`
	Content string `json:"content"`
}

type treeRequest struct {
	Tree     []treeItem `json:"tree"`
	BaseTree string     `json:"base_tree"`
}

type treeResponse struct {
	SHA string `json:"sha"`
}

func (c *GitHubClient) doRequest(ctx context.Context, method, url string, body []byte) (*http.Response, error) { // want doRequest:`sinks\(3: sent as a request body by http.NewRequestWithContext\)`
	var bodyReader io.Reader
	if body != nil {
		bodyReader = bytes.NewReader(body)
	}

	req, err := http.NewRequestWithContext(ctx, method, url, bodyReader)
	if err != nil {
		return nil, fmt.Errorf("failed to create request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	return c.httpClient.Do(req)
}

// createTree is higakikeita/tfdrift-falco's GitHub client before the fix
// of https://github.com/higakikeita/tfdrift-falco/issues/388
// ("TestCreateTree_Success is order-flaky — createTree emits files in Go's
// random map order"): the tree request lists the files in map order, so
// the same files make a different request body on every call.
func (c *GitHubClient) createTree(ctx context.Context, files map[string]string, baseTreeSHA string) (string, error) {
	url := fmt.Sprintf("%s/repos/%s/%s/git/trees", c.apiBase, c.owner, c.repo)

	treeItems := make([]treeItem, 0, len(files))
	for path, content := range files { // want `keys appended to treeItems, which is passed to doRequest, whose argument is sent as a request body by http.NewRequestWithContext unsorted`
		treeItems = append(treeItems, treeItem{
			Path:    path,
			Mode:    "100644",
			Type:    "blob",
			Content: content,
		})
	}

	treeReq := treeRequest{
		Tree:     treeItems,
		BaseTree: baseTreeSHA,
	}

	body, err := json.Marshal(treeReq)
	if err != nil {
		return "", fmt.Errorf("failed to marshal tree request: %w", err)
	}

	resp, err := c.doRequest(ctx, http.MethodPost, url, body)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusCreated {
		bodyData, _ := io.ReadAll(resp.Body)
		return "", fmt.Errorf("github api error: %d - %s", resp.StatusCode, string(bodyData))
	}

	var treeResp treeResponse
	if err := json.NewDecoder(resp.Body).Decode(&treeResp); err != nil {
		return "", fmt.Errorf("failed to decode tree response: %w", err)
	}
	return treeResp.SHA, nil
}

// createTreeFixed is the fix: the paths are sorted before the tree items
// are built.
func (c *GitHubClient) createTreeFixed(ctx context.Context, files map[string]string, baseTreeSHA string) (string, error) {
	url := fmt.Sprintf("%s/repos/%s/%s/git/trees", c.apiBase, c.owner, c.repo)

	paths := make([]string, 0, len(files))
	for path := range files {
		paths = append(paths, path)
	}
	sort.Strings(paths)

	treeItems := make([]treeItem, 0, len(files))
	for _, path := range paths {
		treeItems = append(treeItems, treeItem{Path: path, Mode: "100644", Type: "blob", Content: files[path]})
	}

	body, err := json.Marshal(treeRequest{Tree: treeItems, BaseTree: baseTreeSHA})
	if err != nil {
		return "", err
	}
	resp, err := c.doRequest(ctx, http.MethodPost, url, body)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var treeResp treeResponse
	if err := json.NewDecoder(resp.Body).Decode(&treeResp); err != nil {
		return "", err
	}
	return treeResp.SHA, nil
}
