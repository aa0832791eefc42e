package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnplay/web/livechart"
)

var regen = flag.Bool("regen", false, "rewrite the golden files in testdata")

func sigmoidChart() *livechart.Chart {
	c := &livechart.Chart{Title: "σ", Width: 520, Height: 320, XLabel: "z", YLabel: "σ(z)", XMin: -6, XMax: 6}
	var xs, ys []float64
	for i := range 121 {
		x := -6 + float64(i)/10
		xs, ys = append(xs, x), append(ys, 1/(1+math.Exp(-x)))
	}
	c.Series = []livechart.Series{{Label: "sigmoid", Color: "#0072B2", X: xs, Y: ys}}
	c.Marks = []livechart.Mark{{X: 0.75, Y: 0.679179, Color: "#D55E00", Label: "(0.75; 0.679179)"}}
	return c
}

// TestSVGGolden compares the SVG with testdata/sigmoid.svg (go test -regen
// rewrites it): a change in how charts look shows up in review.
func TestSVGGolden(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Draw(&buf, sigmoidChart(), SVG); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sigmoid.svg")
	if *regen {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("SVG differs from %s (run go test -regen and review the diff)", golden)
	}
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
	}
	for _, s := range []string{"(0.75; 0.679179)", "σ(z)", "−4", "Liberation Sans"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
}

func TestPNG(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Draw(&buf, sigmoidChart(), PNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 520 || b.Dy() != 320 {
		t.Errorf("PNG is %v, want 520×320", b)
	}
}

// TestDivergedSeries draws NaN and ±Inf points as gaps, never an error.
func TestDivergedSeries(t *testing.T) {
	t.Parallel()
	c := sigmoidChart()
	c.Series[0].Y[3] = math.NaN()
	c.Series[0].Y[4] = math.Inf(1)
	c.Marks[0].Y = math.NaN()
	if err := Draw(io.Discard, c, SVG); err != nil {
		t.Fatal(err)
	}
	c.Series[0].Y = make([]float64, len(c.Series[0].X))
	for i := range c.Series[0].Y {
		c.Series[0].Y[i] = math.NaN()
	}
	if err := Draw(io.Discard, c, SVG); err != nil {
		t.Fatal(err)
	}
	if err := Draw(io.Discard, &livechart.Chart{}, SVG); err == nil {
		t.Error("an empty chart drew")
	}
	if err := Draw(io.Discard, sigmoidChart(), "gif"); err == nil {
		t.Error("an unknown format drew")
	}
}

func BenchmarkSVG(b *testing.B) {
	c := sigmoidChart()
	for b.Loop() {
		Draw(io.Discard, c, SVG)
	}
}

func BenchmarkPNG(b *testing.B) {
	c := sigmoidChart()
	for b.Loop() {
		Draw(io.Discard, c, PNG)
	}
}
