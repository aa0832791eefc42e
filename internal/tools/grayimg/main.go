// Command grayimg converts a picture (PNG, JPEG or GIF) into the raw grey
// levels the gallery embeds: one byte per pixel, row-major, scaled down to
// fit side×side with the engine's own conversion and area averaging, so a
// preset is exactly what an upload of the same file would give.
//
//	go run ./internal/tools/grayimg -side 128 camera.png web/gallery/camera.gray
package main

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"

	"nnplay/engine"
)

func main() {
	side := flag.Int("side", 128, "the longest side of the result, in pixels")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: grayimg [-side N] IN OUT")
		os.Exit(2)
	}
	if err := convert(flag.Arg(0), flag.Arg(1), *side); err != nil {
		fmt.Fprintln(os.Stderr, "grayimg:", err)
		os.Exit(1)
	}
}

func convert(in, out string, side int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return err
	}
	b := img.Bounds()
	nrgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(nrgba, nrgba.Bounds(), img, b.Min, draw.Src)
	var gray, small engine.Map
	engine.GrayFromRGBA(&gray, nrgba.Pix, b.Dx(), b.Dy())
	w, h := engine.FitSize(gray.W, gray.H, side)
	engine.DownscaleTo(&small, gray, w, h)
	if err := os.WriteFile(out, engine.GrayTo(nil, small, engine.Clip), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d×%d → %s: %d×%d\n", in, b.Dx(), b.Dy(), out, w, h)
	return nil
}
