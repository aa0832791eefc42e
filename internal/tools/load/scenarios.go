package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"mime/multipart"
	"sync"
	"time"

	"nnplay/internal/craftjpeg"
	"nnplay/web/state"
	"nnplay/web/view"
)

// scenarioGroups returns the clients of a scenario (see the package doc).
func scenarioGroups(name string, statics []string, conc int) ([]group, error) {
	ok := []int{200}
	cheap := []kind{
		{name: "others: home", weight: 1, next: func(*rand.Rand) (string, []int) { return "/", ok }},
		{name: "others: neuron", weight: 1, next: func(*rand.Rand) (string, []int) { return "/neuron", ok }},
	}
	// Everyone else: four people browsing, a request every 100 ms each.
	others := group{mix: cheap, conc: 4, local: "127.0.0.2", pace: 100 * time.Millisecond}
	switch name {
	case "mix":
		return []group{{mix: mixFor(statics), conc: conc, spread: true}}, nil
	case "burst":
		drawing := view.Link(view.ConvPath, convDrawing(rand.New(rand.NewPCG(3, 3))).Encode())
		n := state.DefaultNetwork()
		n.Epoch = 500
		network := view.Link(view.NetworkPath, n.Encode())
		crowd := func(name, link string) []kind {
			return []kind{{name: name, weight: 1, headers: map[string]string{"Accept-Encoding": "gzip, br"},
				next: func(*rand.Rand) (string, []int) { return link, ok }}}
		}
		return []group{
			{mix: crowd("crowd: conv drawing", drawing), conc: conc / 2, local: "127.0.0.1"},
			{mix: crowd("crowd: network e=500", network), conc: conc - conc/2, local: "127.0.0.1"},
			others,
		}, nil
	case "uploads":
		return []group{{mix: []kind{{name: "upload 9.7 MB", weight: 1, body: func(*rand.Rand) ([]byte, string) {
			return uploadBody(bigPicture())
		}, next: func(*rand.Rand) (string, []int) { return view.ConvUploadPath, []int{303} }}}, conc: conc}}, nil
	case "jpeg":
		costly := []kind{{name: "others: preview", weight: 1, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronPreviewPath, neuronState(r).Encode()), ok
		}}}
		return []group{
			{mix: []kind{{name: "crafted JPEG upload", weight: 1, body: func(*rand.Rand) ([]byte, string) {
				return uploadBody(craftjpeg.Progressive(2048, 2048, 3000))
			}, next: func(*rand.Rand) (string, []int) { return view.ConvUploadPath, []int{303, 400} }}}, conc: 1, local: "127.0.0.1", pace: 5 * time.Second},
			{mix: costly, conc: 2, local: "127.0.0.3", pace: 100 * time.Millisecond},
			others,
		}, nil
	}
	return nil, fmt.Errorf("unknown scenario %q", name)
}

// uploadBody is the upload form's body with file as the picture.
func uploadBody(file []byte) ([]byte, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("state", "v=1&lang=en")
	fw, _ := mw.CreateFormFile("file", "picture")
	fw.Write(file)
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

var (
	bigOnce sync.Once
	big     []byte
)

// bigPicture is a PNG of noise just under the 10 MB bound (≈9.7 MB),
// 1,800×1,800, made once.
func bigPicture() []byte {
	bigOnce.Do(func() {
		img := image.NewNRGBA(image.Rect(0, 0, 1800, 1800))
		r := rand.New(rand.NewPCG(1, 2))
		for i := range img.Pix {
			img.Pix[i] = byte(r.Uint32())
		}
		for i := 3; i < len(img.Pix); i += 4 {
			img.Pix[i] = 255
		}
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.NoCompression}
		enc.Encode(&b, img)
		big = b.Bytes()
	})
	return big
}
