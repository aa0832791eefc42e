package web

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeLinks opens every path and link the README gives: each answers
// 200 as written (a link is canonical, so nothing of it is dropped by a
// redirect), and the example of a run with changes shows each change.
func TestReadmeLinks(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestServer(t)
	links := regexp.MustCompile("`(/[a-z][^` ]*)`").FindAllStringSubmatch(string(readme), -1)
	checked := 0
	for _, m := range links {
		link := m[1]
		if strings.Contains(link, "KEY") {
			link = strings.ReplaceAll(link, "KEY", "fm-1")
		}
		for _, l := range strings.Split(link, "|") {
			if !strings.HasPrefix(l, "/") { // "boundary.svg|png"
				l = link[:strings.LastIndex(link, ".")+1] + l
			}
			checked++
			if rec := get(s, l); rec.Code != 200 {
				t.Errorf("README's %s answers %d %s", l, rec.Code, rec.Header().Get("Location"))
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d README links found", checked)
	}
	// The example of a run with changes mid-run: both changes are listed.
	ex := regexp.MustCompile("`(/network\\?[^`]*ed=[^`]*)`").FindStringSubmatch(string(readme))
	if ex == nil {
		t.Fatal("the README has no network link with edits")
	}
	body := get(s, ex[1], "Accept-Language: en").Body.String()
	for _, want := range []string{"after epoch 120: weight", "epochs up to 200: Learning rate = 0.03"} {
		if !strings.Contains(body, want) {
			t.Errorf("%s: the page lacks %q", ex[1], want)
		}
	}
}
