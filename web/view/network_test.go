package view

import (
	"math"
	"testing"

	"nnplay/engine"
)

func TestHeatPalette(t *testing.T) {
	t.Parallel()
	p := HeatPalette(false)
	if p[0][2] >= p[0][0] || p[engine.HeatmapMax][2] <= p[engine.HeatmapMax][0] {
		t.Error("−1 should be orange and +1 blue")
	}
	d := HeatPalette(true)
	if d[1] != d[100] || d[200] != d[250] || d[1] == d[250] {
		t.Error("the discrete palette is not two colours")
	}
	rgba := HeatRGBATo(nil, []byte{0, engine.HeatmapZero, engine.HeatmapNaN}, false)
	if len(rgba) != 12 || rgba[3] != 255 || rgba[11] != 255 {
		t.Errorf("pixels %v", rgba)
	}
	for _, params := range []int{17, 33, 105, 417, 1505} {
		n, every := HeatGrid(params)
		if n*n*params > heatBudget*every || every < 1 {
			t.Errorf("%d params: grid %d every %d frames is over the budget", params, n, every)
		}
	}
	if WeightColor(math.NaN()) == "" || WeightColor(-5) != "#f59322" || WeightColor(3) != "#0877bd" {
		t.Errorf("weight colours %s %s", WeightColor(-5), WeightColor(3))
	}
}
