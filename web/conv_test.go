package web

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

// drawingLink returns the link of a w×h drawing: a white disc on black.
func drawingLink(w, h int, extra func(*state.Conv)) string {
	m := engine.NewMap(w, h, nil)
	for y := range h {
		for x := range w {
			if (x-w/2)*(x-w/2)+(y-h/2)*(y-h/2) < w*h/8 {
				m.Data[y*w+x] = 255
			}
		}
	}
	c := state.DefaultConv()
	c.SetPicture(m, [2]int{})
	if extra != nil {
		extra(&c)
	}
	c.FitLink()
	return view.Link(view.ConvPath, c.Encode())
}

func TestConvPages(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	for _, tc := range []struct {
		target   string
		contains []string
	}{
		{"/conv", []string{`lang="ru"`, "Свёртка изображения", "1·1 + 2·0 + 0·1 + 0·0 + 1·1 + 2·0 + 0·1 + 0·0 + 1·1 = 3",
			"<td>3</td><td>6</td><td>10</td>", "<td>7</td><td>4</td><td>11</td>", "по ширине: ⌊(W − K + P₁ + P₂)/S⌋ + 1 = ⌊(5 − 3 + 0 + 0)/1⌋ + 1 = 3; 0 нулей до, 0 нулей после",
			`src="/conv/map/fm-1.png"`, `<meta property="og:image" content="/conv/preview.png">`, `data-at="2,2"`}},
		{"/conv?v=1&lang=en&at=2,1", []string{"Cell (2, 1) of map 1", "= 6", `href="/conv?v=1&amp;lang=en&amp;at=2,2"`, `aria-current="true"`}},
		{"/conv?v=1&lang=en&img=camera&k=sobel-left&k=outline&pad=same&scale=clip", []string{"Photo: a photographer (128×128)", `data-map="fm-2"`,
			"a 128×128 map", "Values clipped to 0…255", "128×128 ⊗ 3×3 → 128×128 → 128×128 → 64×64", `content="/conv/preview.png?v=1&amp;lang=en&amp;img=camera&amp;k=sobel-left&amp;k=outline&amp;pad=same&amp;scale=clip"`}},
		{"/conv?v=1&lang=en&grid=1,-2~3,4&k=1~-1&flip=1", []string{"My numbers", "−2", "values from −2 to 4", "1·(−1) + 3·1 = 2"}},
		{"/conv?v=1&lang=en&stride=2&pad=full", []string{"across: ⌊(W − K + P₁ + P₂)/S⌋ + 1 = ⌊(5 − 3 + 2 + 2)/2⌋ + 1 = 4; 2 zeros before, 2 zeros after", "Cells beyond the edge are padding zeros"}},
		{"/conv?v=1&lang=en&k=1,1~1,1&pad=same", []string{"across: ⌊(W − K + P₁ + P₂)/S⌋ + 1 = ⌊(5 − 2 + 0 + 1)/1⌋ + 1 = 5; 0 zeros before, 1 zero after", "Same follows TensorFlow/Keras"}},
		{"/conv?v=1&lang=en&img=digit&act=tanh&pool=avg&psize=3&pstride=1", []string{"8×8 ⊗ 3×3 → 6×6 → 6×6 → 4×4", "Pooling: average (avg), window 3×3, stride 1"}},
		{"/conv?v=1&lang=en&k=" + strings.TrimSuffix(strings.Repeat("1,", 7), ",") + "~" + strings.TrimSuffix(strings.Repeat("1,", 7), ","), []string{"does not fit in the image"}},
		{drawingLink(40, 30, nil), []string{"40×30, значения от 0 до 255", `name="px" value="`}},
	} {
		rec := get(s, tc.target)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", tc.target, rec.Code)
			continue
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%.80s: body lacks %q", tc.target, want)
			}
		}
	}
	for _, target := range []string{"/conv", "/conv?v=1&img=digit&k=lesson&k=outline&pad=full"} {
		if body := get(s, target).Body.String(); regexp.MustCompile(`<script>|<script [^>]*>[^<]|style="|<style`).MatchString(body) {
			t.Errorf("%s has inline script or style, which the CSP blocks", target)
		}
	}
	home := get(s, "/?v=1&lang=en").Body.String()
	if !strings.Contains(home, `href="/conv?v=1&amp;lang=en"`) {
		t.Error("the home page does not link to /conv")
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", logs)
	}
}

func TestConvCanonical(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, tc := range []struct{ target, location string }{
		{"/conv?img=lesson&k=lesson&stride=1&pad=valid&act=relu", "/conv"},
		{"/conv?f=1&img=camera&px=&src=&grid=1&k=sobel-left&kv=1&stride=1&pad=same&act=relu&pool=max&psize=2&pstride=2&at=0,0&sel=1", "/conv?v=1&img=camera&k=sobel-left&pad=same"},
		{"/conv?f=1&k=outline&at=9,9", "/conv?v=1&k=outline"},
		{"/conv?op=next", "/conv?v=1&at=1,0"},
		{"/conv?f=1&k=lesson&kv=&op=addk", "/conv?v=1&k=lesson&k=identity"},
		{"/conv?lang=en&grid=1+2%0D%0A3+4", "/conv?v=1&lang=en&grid=1,2~3,4"},
	} {
		rec := get(s, tc.target)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != tc.location {
			t.Errorf("%s: %d to %q, want 302 to %q", tc.target, rec.Code, rec.Header().Get("Location"), tc.location)
		}
	}
}

func TestConvBadLinks(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	bomb := func() string {
		// A 1×1 picture followed by 64 KB of zeros: far more than it says.
		var b bytes.Buffer
		zw, _ := flate.NewWriter(&b, flate.BestCompression)
		zw.Write(append([]byte{0, 0, 0}, make([]byte, 1<<16)...))
		zw.Close()
		return base64.RawURLEncoding.EncodeToString(b.Bytes())
	}()
	for _, tc := range []struct {
		target   string
		contains []string
	}{
		{"/conv?lang=en&img=photo", []string{"Image (img) = “photo”: no such value", "lesson, digit, shapes, camera, cat, grid, draw", `<option value="photo" selected>photo</option>`}},
		{"/conv?lang=en&k=nope", []string{"Filter (k) #1 = “nope”: no such value", `id="f-k-1"`}},
		{"/conv?lang=en&k=1,2~3", []string{"Filter (k) #1, row 2: 1 value where 2 are needed", `href="#f-k-1-err"`}},
		{"/conv?lang=en&k=identity&k=1,x", []string{"Filter (k) #2, row 1, number 2 = “x”: not a number", `href="#f-k-2-err"`}},
		{"/conv?lang=en&k=" + strings.Repeat("1,", 7) + "1", []string{"too many: 8", "from 1 to 7"}},
		{"/conv?lang=en" + strings.Repeat("&k=identity", 9), []string{"Filter (k): too many: 9", "from 1 to 8"}},
		{"/conv?lang=en&grid=" + strings.Repeat("1~", 17), []string{"numbers (grid): too many: 17", "from 1 to 16"}},
		{"/conv?lang=en&grid=1,x", []string{"row 1, number 2 = “x”: not a number"}},
		{"/conv?lang=en&grid=1e5", []string{"out of the allowed range", "from -10000 to 10000"}},
		{"/conv?lang=en&px=%21%21%21", []string{"Drawing (px) = “!!!”: the data is damaged"}},
		{"/conv?lang=en&px=" + state.EncodePicture(state.Picture{W: 3, H: 3, Gray: make([]byte, 9)})[:6], []string{"Drawing (px)", "damaged"}},
		{"/conv?lang=en&px=" + bomb, []string{"Drawing (px)", "the data is too large", "from 1 to 256"}},
		{"/conv?lang=en&img=draw", []string{"Drawing (px): missing"}},
		{"/conv?lang=en&stride=9", []string{"Stride = “9”: out of the allowed range", "from 1 to 4"}},
		{"/conv?lang=en&at=3,3", []string{"Cell (at) = “3,3”: out of the allowed range", "0,0 … 2,2"}},
		{"/conv?lang=en&psize=4", []string{"Pooling window (psize) = “4”", "from 2 to 3"}},
		{"/conv?lang=en&op=jump", []string{"Action (op) = “jump”"}},
		{"/conv?k=nope", []string{"Фильтр (k) №1 = «nope»: такого значения нет"}},
		{"/conv/map/fm-1.png?lang=en&stride=0", []string{"Stride = “0”"}},
		{"/conv/preview.png?lang=en&pad=half", []string{"Padding (pad) = “half”"}},
	} {
		rec := get(s, tc.target)
		if rec.Code != 400 {
			t.Errorf("%.80s: status %d, want 400", tc.target, rec.Code)
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%.80s: body lacks %q", tc.target, want)
			}
		}
	}
	for _, target := range []string{"/conv/map/nope.png", "/conv/map/fm-1.gif", "/conv/map/fm-2.png", "/conv/map/fm-1.png?v=1&k=" + strings.Repeat("1,", 6) + "1~" + strings.Repeat("1,", 6) + "1"} {
		if rec := get(s, target); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", target, rec.Code)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("bad links were logged as server errors:\n%s", logs)
	}
}

func TestConvMapsAndPreview(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/conv/map/fm-1.csv")
	if rec.Code != 200 || rec.Body.String() != "3,6,10\n6,9,6\n7,4,11\n" || !strings.Contains(rec.Header().Get("Content-Disposition"), "fm-1.csv") {
		t.Errorf("fm-1.csv: %d %q", rec.Code, rec.Body)
	}
	if rec := get(s, "/conv/map/pool-1.csv?v=1&k=1,-1&act=linear&pool=avg&psize=2&pstride=1"); rec.Code != 200 || !strings.HasPrefix(rec.Body.String(), "-0.25,0,-0.5\n") {
		t.Errorf("pool-1.csv: %d %q", rec.Code, rec.Body)
	}
	for _, tc := range []struct {
		target string
		w, h   int
		px     []uint8 // the first pixels' grey levels
	}{
		// The lesson's map 3..11 on the diverging scale: 0 is 128, 11 is 255.
		{"/conv/map/fm-1.png", 3, 3, []uint8{163, 197, 243}},
		{"/conv/map/in.png", 5, 5, []uint8{85, 170, 0, 0, 255}},
		{"/conv/map/fm-1.png?v=1&scale=clip", 3, 3, []uint8{3, 6, 10}},
		{"/conv/map/act-2.png?v=1&img=cat&k=lesson&k=emboss", 126, 83, nil},
		{"/conv/preview.png", 1200, 630, []uint8{255}},
	} {
		rec := get(s, tc.target)
		img, err := png.Decode(rec.Body)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" || err != nil {
			t.Errorf("%s: %d %s %v", tc.target, rec.Code, rec.Header().Get("Content-Type"), err)
			continue
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("%s: %d×%d, want %d×%d", tc.target, b.Dx(), b.Dy(), tc.w, tc.h)
		}
		for i, want := range tc.px {
			if got := color.GrayModel.Convert(img.At(i, 0)).(color.Gray).Y; got != want {
				t.Errorf("%s: pixel %d = %d, want %d", tc.target, i, got, want)
			}
		}
	}
}

// upload posts a multipart form with the file and the page's state.
func upload(s *Server, name string, data []byte, stateQuery string) *httptest.ResponseRecorder {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("state", stateQuery)
	if data != nil {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, view.ConvUploadPath, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func testPicture(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), uint8(x + y), 255})
		}
	}
	return img
}

func TestConvUpload(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	encode := func(f func(*bytes.Buffer, image.Image) error, img image.Image) []byte {
		var b bytes.Buffer
		if err := f(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	pngOf := func(img image.Image) []byte {
		return encode(func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) }, img)
	}
	jpegOf := encode(func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) }, testPicture(300, 200))
	gifOf := encode(func(b *bytes.Buffer, i image.Image) error { return gif.Encode(b, i, nil) }, testPicture(20, 10))
	for _, tc := range []struct {
		name  string
		data  []byte
		state string
		w, h  int
		orig  [2]int
		keep  string
	}{
		{"a.png", pngOf(testPicture(64, 48)), "", 64, 48, [2]int{}, ""},
		{"a.jpg", jpegOf, "v=1&lang=en&k=sobel-left", 0, 0, [2]int{300, 200}, "k=sobel-left"},
		{"a.gif", gifOf, "bad=%zz", 20, 10, [2]int{}, ""},
		{"big.png", pngOf(testPicture(1000, 30)), "", 256, 8, [2]int{1000, 30}, ""},
	} {
		rec := upload(s, tc.name, tc.data, tc.state)
		loc := rec.Header().Get("Location")
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/conv?v=1") {
			t.Errorf("%s: %d to %q\n%s", tc.name, rec.Code, loc, rec.Body)
			continue
		}
		u, _ := url.Parse(loc)
		q, _ := state.ParseQuery(u.RawQuery)
		c, err := state.DecodeConv(q)
		if err != nil || c.Image != state.SourceDraw || !strings.Contains(loc, tc.keep) {
			t.Errorf("%s: %q: %v", tc.name, loc, err)
			continue
		}
		if tc.w > 0 && (c.Pic.W != tc.w || c.Pic.H != tc.h) {
			t.Errorf("%s: %d×%d, want %d×%d", tc.name, c.Pic.W, c.Pic.H, tc.w, tc.h)
		}
		if c.Orig != tc.orig || len(u.RawQuery) > state.MaxQueryBytes {
			t.Errorf("%s: orig %v, link %d bytes", tc.name, c.Orig, len(u.RawQuery))
		}
		if page := get(s, loc); page.Code != 200 {
			t.Errorf("%s: the redirect target answers %d", tc.name, page.Code)
		} else if tc.orig != [2]int{} && !strings.Contains(page.Body.String(), "scaled down to") && !strings.Contains(page.Body.String(), "уменьшено до") {
			t.Errorf("%s: the page does not say the picture was scaled down", tc.name)
		}
	}
	// A grey PNG's levels are kept exactly.
	gray := image.NewGray(image.Rect(0, 0, 3, 1))
	copy(gray.Pix, []byte{0, 100, 255})
	loc := upload(s, "g.png", pngOf(gray), "").Header().Get("Location")
	if rec := get(s, "/conv/map/in.csv?"+strings.SplitN(loc, "?", 2)[1]); rec.Body.String() != "0,100,255\n" {
		t.Errorf("a grey PNG became %q", rec.Body)
	}

	// Bad files: a clear message on the page, in the link's language.
	huge := pngOf(image.NewGray(image.Rect(0, 0, engine.MaxUploadSide+1, 1)))
	for _, tc := range []struct {
		name   string
		data   []byte
		state  string
		status int
		want   string
	}{
		{"x.png", []byte("not a picture at all"), "v=1&lang=en", 400, "This is not a PNG, JPEG or GIF picture"},
		{"x.png", pngOf(testPicture(8, 8))[:60], "v=1&lang=en", 400, "This is not a PNG, JPEG or GIF picture"},
		{"huge.png", huge, "v=1&lang=en", 400, "The picture is 4097×1, too large: each side may be at most 4096 pixels."},
		{"none", nil, "v=1&lang=en", 400, "Choose a picture file."},
		{"big.png", make([]byte, view.MaxUploadMB<<20+1), "v=1&lang=en", 413, "The file is larger than 10 MB."},
		{"x.png", []byte("nope"), "", 400, "Это не картинка PNG, JPEG или GIF"},
	} {
		rec := upload(s, tc.name, tc.data, tc.state)
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: %d, want %d with %q", tc.name, rec.Code, tc.status, tc.want)
		}
		if !strings.Contains(rec.Body.String(), `id="f-file"`) {
			t.Errorf("%s: the error page has no upload field to try again", tc.name)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("uploads were logged as server errors:\n%s", logs)
	}
}

// TestConvTemplateHasLiveKeys checks that every key the live update sends
// has an element to go to.
func TestConvTemplateHasLiveKeys(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, target := range []string{"/conv", "/conv?v=1&img=digit&k=lesson&k=outline", drawingLink(30, 20, nil)} {
		u, _ := url.Parse(target)
		q, _ := state.ParseQuery(u.RawQuery)
		c, err := state.DecodeConv(q)
		if err != nil {
			t.Fatal(err)
		}
		body := get(s, target).Body.String()
		for _, l := range []*view.Live{view.Conv(c, i18n.RU, false).Live(true), view.Conv(c, i18n.RU, true).Live(false)} {
			check := func(attr string, keys []string) {
				for _, k := range keys {
					if !strings.Contains(body, attr+`="`+k+`"`) {
						t.Errorf("%s: no %s=%q for the live update", target, attr, k)
					}
				}
			}
			check("data-out", keysOf(l.Text))
			check("data-table", keysOf(l.Tables))
			check("data-svg", keysOf(l.SVG))
			check("data-href", keysOf(l.Href))
			check("data-enable", keysOf(l.Enabled))
			check("data-list", keysOf(l.Lists))
			check("name", keysOf(l.Form))
		}
	}
}
