package web

import (
	"bytes"
	"html"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"

	"nnplay/web/i18n"
)

var (
	summaryList = regexp.MustCompile(`(?s)<ul data-error-list>(.*?)</ul>`)
	summaryLink = regexp.MustCompile(`<li><a href="#([^"]+)">(.*?)</a></li>`)
	errorBlock  = regexp.MustCompile(`(?s)<p class="field-error" id="([^"]+)"[^>]*>(.*?)</p>`)
)

// badLinks returns, for every page, links with a bad value in each of its
// link parameters (and the shared ones), single, listed and repeated.
func badLinks() []string {
	pages := map[string]map[string]string{
		"/neuron": i18n.For(i18n.EN).Neuron.FieldNames, "/conv": i18n.For(i18n.EN).Conv.FieldNames,
		"/network": i18n.For(i18n.EN).Network.FieldNames,
	}
	var out []string
	for path, names := range pages {
		keys := []string{"v", "lang", "op", "nosuchkey"}
		for k := range names {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			for _, v := range []string{k + "=zz", k + "=1,zz", k + "=zz&" + k + "=zz", k + "=1,2~3", k + "=10,zz,1", k + "=", k + "=99999"} {
				out = append(out, path+"?lang=en&"+v, path+"?v=1&"+v)
			}
		}
		out = append(out, path+"?v=1&x=1&x=2&w=1", path+"?v=1&k=identity&k=1,x", path+"?v=1&ed=200,lr,0.03&ed=10,w9.9.9,1")
	}
	return out
}

// TestErrorSummaryLinksResolve: on every bad link's page, each summary
// link points at an element the page has, and that element shows the same
// message under its field, so the summary and the fields list the same
// errors.
func TestErrorSummaryLinksResolve(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	checked := 0
	for _, link := range badLinks() {
		rec := get(s, link)
		if rec.Code != 400 {
			continue
		}
		body := rec.Body.String()
		blocks := map[string]string{}
		for _, m := range errorBlock.FindAllStringSubmatch(body, -1) {
			blocks[m[1]] = html.UnescapeString(m[2])
		}
		list := summaryList.FindStringSubmatch(body)
		if list == nil {
			t.Errorf("%s: no error summary", link)
			continue
		}
		links := summaryLink.FindAllStringSubmatch(list[1], -1)
		if len(links) == 0 {
			t.Errorf("%s: 400 with an empty summary", link)
		}
		for _, l := range links {
			checked++
			block, ok := blocks[l[1]]
			if !ok && !strings.Contains(body, `id="`+l[1]+`"`) {
				t.Errorf("%s: summary links to #%s, which the page lacks", link, l[1])
				continue
			}
			if msg := html.UnescapeString(l[2]); !strings.Contains(block, msg) {
				t.Errorf("%s: #%s shows %q, not the summary's %q", link, l[1], strings.TrimSpace(block), msg)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d summary links checked", checked)
	}
}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkPage fails unless body is valid UTF-8 and well-formed HTML: every
// element that is opened is closed, in order.
func checkPage(t *testing.T, target string, body []byte) {
	t.Helper()
	if !utf8.Valid(body) {
		i := 0
		for i < len(body) {
			r, n := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		t.Fatalf("%s: the page is not valid UTF-8 at byte %d: %q", target, i, body[max(0, i-40):min(len(body), i+20)])
	}
	z := nethtml.NewTokenizer(bytes.NewReader(body))
	var open []string
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatalf("%s: %v", target, z.Err())
			}
			if len(open) != 0 {
				t.Fatalf("%s: unclosed %v", target, open)
			}
			return
		case nethtml.StartTagToken:
			if name, _ := z.TagName(); !voidElements[string(name)] {
				open = append(open, string(name))
			}
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				t.Fatalf("%s: </%s> closes %v", target, name, open)
			}
			open = open[:len(open)-1]
		}
	}
}

// TestBadUTF8IsEscaped: a value that is not UTF-8 is shown escaped, in the
// message and in the form, never raw (the three links).
func TestBadUTF8IsEscaped(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, target := range []string{"/neuron?v=1&b=%FF", "/conv?v=1&grid=1,%FF~3,4", "/network?v=1&lr=%FF"} {
		rec := get(s, target)
		if rec.Code != 400 {
			t.Errorf("%s: status %d", target, rec.Code)
		}
		checkPage(t, target, rec.Body.Bytes())
		if !strings.Contains(rec.Body.String(), `\xFF`) {
			t.Errorf("%s: the bad byte is not shown as \\xFF", target)
		}
	}
}

// FuzzErrorPages sends arbitrary bytes as a value of each page's fields:
// every answer is valid UTF-8 and well-formed HTML.
func FuzzErrorPages(f *testing.F) {
	s, _ := newTestServer(f)
	for _, seed := range []string{"\xff", "1,\xff~3,4", "<a href='x'>", "\xe2\x82", "1e-400", "&amp;\x00", "~;~"} {
		f.Add(uint8(0), seed)
	}
	targets := []string{"/neuron?v=1&b=", "/neuron?v=1&x=1&w=", "/neuron?v=1&batch=", "/neuron?v=1&act=", "/neuron?v=1&lang=",
		"/conv?v=1&grid=", "/conv?v=1&k=", "/conv?v=1&at=", "/network?v=1&lr=", "/network?v=1&h=", "/network?v=1&ed=", "/network?v=1&pts="}
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		target := targets[int(which)%len(targets)] + url.QueryEscape(value)
		rec := get(s, target)
		if rec.Code >= 500 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			checkPage(t, target, rec.Body.Bytes())
		}
	})
}
