package state

import (
	"encoding/base64"
	"math"
	"slices"

	"nnplay/engine"
)

// Own points travel in the link as one base64url value (no padding): two
// bytes per point, its column and row on a grid of PointStep over the
// plane (0 … PointCells, 0 at −PlaneRange), then one bit per point for its
// class of OwnLabels, least significant bit first. 500 points take 1 418
// characters.
const (
	PointStep  = 0.05
	PointCells = int(2 * engine.PlaneRange / PointStep) // 240
)

// OwnLabels is the kind of one's own points' labels: the two classes that
// ToolNeg (class 0) and ToolPos (class 1) place.
var OwnLabels = engine.TwoClasses

// Labels returns the kind of the data's labels: its dataset's, or
// OwnLabels.
func (n *Network) Labels() engine.LabelKind {
	if d, ok := engine.DatasetByName(n.Data); ok {
		return d.Labels()
	}
	return OwnLabels
}

// toolLabel returns the label of the points a placing tool adds.
func toolLabel(tool string) float64 {
	if tool == ToolNeg {
		return OwnLabels.Label(0)
	}
	return OwnLabels.Label(1)
}

// PointIndex returns the grid index of coordinate v, rounded to the
// nearest PointStep and clamped to the plane.
func PointIndex(v float64) int {
	i := int(math.Round((v + engine.PlaneRange) / PointStep))
	return min(max(i, 0), PointCells)
}

// PointCoord returns the coordinate of grid index i.
func PointCoord(i int) float64 {
	// (i − 120)·5/100 is one rounding of an exact integer: the nearest
	// double to the grid's value, the same everywhere.
	return float64((i-PointCells/2)*5) / 100
}

// SnapPoint rounds a point of the plane to the grid of own points.
func SnapPoint(x, y, label float64) engine.Point {
	return engine.Point{X: PointCoord(PointIndex(x)), Y: PointCoord(PointIndex(y)), Label: label}
}

// encodePoints writes pts, which must be on the grid, in canonical order.
func encodePoints(pts []engine.Point) string {
	n := len(pts)
	b := make([]byte, 2*n+(n+7)/8)
	for k, p := range sortPoints(pts) {
		b[2*k], b[2*k+1] = byte(PointIndex(p.X)), byte(PointIndex(p.Y))
		b[2*n+k/8] |= byte(OwnLabels.Class(p.Label)) << (k % 8)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodePoints reads a pts value; ok is false when it is malformed.
func decodePoints(s string) (pts []engine.Point, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	// 2n + ⌈n/8⌉ bytes: n is found from the length, which must fit.
	n := len(b) * 8 / 17
	for n > 0 && 2*n+(n+7)/8 > len(b) {
		n--
	}
	if 2*n+(n+7)/8 != len(b) {
		return nil, false
	}
	pts = make([]engine.Point, n)
	for k := range pts {
		xi, yi := int(b[2*k]), int(b[2*k+1])
		if xi > PointCells || yi > PointCells {
			return nil, false
		}
		class := int(b[2*n+k/8]>>(k%8)) & 1
		pts[k] = engine.Point{X: PointCoord(xi), Y: PointCoord(yi), Label: OwnLabels.Label(class)}
	}
	// Unused bits of the last class byte must be zero: one state, one link.
	if n%8 != 0 && b[len(b)-1]>>(n%8) != 0 {
		return nil, false
	}
	return sortPoints(pts), true
}

// sortPoints returns pts in canonical order (by x, then y, then class), so
// the same points give the same link whatever order they were placed in.
func sortPoints(pts []engine.Point) []engine.Point {
	out := slices.Clone(pts)
	slices.SortStableFunc(out, func(a, b engine.Point) int {
		switch {
		case a.X != b.X:
			return cmpFloat(a.X, b.X)
		case a.Y != b.Y:
			return cmpFloat(a.Y, b.Y)
		}
		return cmpFloat(a.Label, b.Label)
	})
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
