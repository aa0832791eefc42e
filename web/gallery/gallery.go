// Package gallery holds the /conv page's preset images: the lesson's 5×5
// matrix, a handwritten digit, simple shapes and two photographs. Their
// names are the stable tokens links use; the display names are in package
// i18n, keyed by them. The photographs' sources and licenses are in NOTICE.
//
// The package is pure and small (the photographs are 128 px grey levels,
// 27 KB in all), so the wasm module carries the same pixels as the server.
package gallery

import (
	_ "embed"

	"nnplay/engine"
)

// Kind says what an image's values are.
type Kind int

const (
	// Matrix is a grid of numbers, like the lesson's: shown stretched from
	// min(0, lowest) black to its highest value white, with its numbers.
	Matrix Kind = iota
	// Picture is grey levels 0 (black) … 255 (white).
	Picture
)

// Image is a preset image.
type Image struct {
	name string
	kind Kind
	w, h int
	vals []float32 // for matrices
	gray []byte    // for pictures
	draw func(x, y int) byte
}

// Name returns the image's stable token, as used in links ("camera").
func (im Image) Name() string { return im.name }

// Kind returns whether the image is a matrix of numbers or a picture.
func (im Image) Kind() Kind { return im.kind }

// Size returns the image's width and height.
func (im Image) Size() (w, h int) { return im.w, im.h }

// Map returns a new map of the image's values.
func (im Image) Map() engine.Map {
	m := engine.NewMap(im.w, im.h, nil)
	switch {
	case im.vals != nil:
		copy(m.Data, im.vals)
	case im.gray != nil:
		engine.GrayFromBytes(&m, im.gray, im.w, im.h)
	default:
		for y := range im.h {
			for x := range im.w {
				m.Data[y*im.w+x] = float32(im.draw(x, y))
			}
		}
	}
	return m
}

var (
	//go:embed camera.gray
	camera []byte
	//go:embed cat.gray
	cat []byte
)

// images lists the presets in the order they are listed to users: the
// lesson's matrix first.
var images = []Image{
	// The lesson's exercise image.
	{name: "lesson", kind: Matrix, w: 5, h: 5, vals: []float32{
		1, 2, 0, 0, 3,
		0, 1, 2, 3, 1,
		0, 0, 1, 2, 3,
		3, 2, 1, 2, 0,
		1, 0, 3, 1, 2,
	}},
	// A handwritten 3 from the UCI optical digits (values 0..16), NOTICE.
	{name: "digit", kind: Matrix, w: 8, h: 8, vals: []float32{
		0, 2, 9, 15, 14, 9, 3, 0,
		0, 4, 13, 8, 9, 16, 8, 0,
		0, 0, 0, 6, 14, 15, 3, 0,
		0, 0, 0, 11, 14, 2, 0, 0,
		0, 0, 0, 2, 15, 11, 0, 0,
		0, 0, 0, 0, 2, 15, 4, 0,
		0, 1, 5, 6, 13, 16, 6, 0,
		0, 2, 12, 12, 13, 11, 0, 0,
	}},
	{name: "shapes", kind: Picture, w: 64, h: 64, draw: shapes},
	{name: "camera", kind: Picture, w: 128, h: 128, gray: camera},
	{name: "cat", kind: Picture, w: 128, h: 85, gray: cat},
}

// shapes draws a white square, disc, triangle and bars on black, with
// edges in every direction for the edge detectors.
func shapes(x, y int) byte {
	dx, dy := x-44, y-19
	switch {
	case x >= 6 && x < 26 && y >= 8 && y < 30: // square
		return 255
	case dx*dx+dy*dy <= 121: // disc of radius 11
		return 255
	case y >= 38 && y < 58 && 19*abs(x-21) <= 15*(y-38): // triangle
		return 255
	case y >= 38 && y < 58 && x >= 42 && x < 58 && (x-42)%6 < 3: // bars
		return 160
	}
	return 0
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Images returns every preset in the order they are listed to users. The
// returned slice is a copy.
func Images() []Image { return append([]Image(nil), images...) }

// ByName returns the preset whose Name is name, and whether there is one.
func ByName(name string) (Image, bool) {
	for _, im := range images {
		if im.name == name {
			return im, true
		}
	}
	return Image{}, false
}
