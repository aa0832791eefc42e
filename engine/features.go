package engine

// Feature is one input feature of the playground network: a function of a
// point (x₁, x₂) of the plane, as in TensorFlow Playground's input column.
//
// Features are obtained from the registry (Features, FeatureByName) or the
// package variables (FeatureX1, …); their Name is the stable token used in
// links. The zero value is not usable: Eval panics.
type Feature struct {
	name  string
	label string
	kind  featureKind
	max   float64 // max |f| on [−PlaneRange, PlaneRange]², for heatmaps
}

type featureKind uint8

const (
	featNone featureKind = iota
	featX1
	featX2
	featX1Sq
	featX2Sq
	featX1X2
	featSinX1
	featSinX2
)

// Name returns the feature's stable token, as used in links ("x1sq").
func (f Feature) Name() string { return f.name }

// Label returns the feature as it is written for students ("x₁²").
func (f Feature) Label() string { return f.label }

// Eval returns the feature's value at (x1, x2). It is bit-identical on every
// platform. It panics if f is the zero Feature.
func (f Feature) Eval(x1, x2 float64) float64 {
	switch f.kind {
	case featX1:
		return x1
	case featX2:
		return x2
	case featX1Sq:
		return float64(x1 * x1)
	case featX2Sq:
		return float64(x2 * x2)
	case featX1X2:
		return float64(x1 * x2)
	case featSinX1:
		return sin(x1)
	case featSinX2:
		return sin(x2)
	}
	panic("engine: zero Feature")
}

// The input features, in the order they are listed to users.
var (
	FeatureX1        = Feature{name: "x1", label: "x₁", kind: featX1, max: PlaneRange}
	FeatureX2        = Feature{name: "x2", label: "x₂", kind: featX2, max: PlaneRange}
	FeatureX1Squared = Feature{name: "x1sq", label: "x₁²", kind: featX1Sq, max: PlaneRange * PlaneRange}
	FeatureX2Squared = Feature{name: "x2sq", label: "x₂²", kind: featX2Sq, max: PlaneRange * PlaneRange}
	FeatureX1X2      = Feature{name: "x1x2", label: "x₁x₂", kind: featX1X2, max: PlaneRange * PlaneRange}
	FeatureSinX1     = Feature{name: "sinx1", label: "sin x₁", kind: featSinX1, max: 1}
	FeatureSinX2     = Feature{name: "sinx2", label: "sin x₂", kind: featSinX2, max: 1}
)

var features = []Feature{FeatureX1, FeatureX2, FeatureX1Squared, FeatureX2Squared, FeatureX1X2, FeatureSinX1, FeatureSinX2}

// Features returns every input feature in the order they are listed to
// users. The returned slice is a copy.
func Features() []Feature {
	return append([]Feature(nil), features...)
}

// FeatureByName returns the feature whose Name is name, and whether there
// is one.
func FeatureByName(name string) (Feature, bool) {
	for _, f := range features {
		if f.name == name {
			return f, true
		}
	}
	return Feature{}, false
}

// DefaultFeatures returns the features a new playground starts with, x₁ and
// x₂, as in TensorFlow Playground.
func DefaultFeatures() []Feature { return []Feature{FeatureX1, FeatureX2} }

// FeaturesTo writes the network inputs for the points, row-major: row k
// holds fs[0](pts[k]), fs[1](pts[k]), …. It returns dst resliced to
// len(pts)·len(fs), reusing its storage when it is large enough.
// It panics if a feature is the zero Feature.
func FeaturesTo(dst []float64, fs []Feature, pts []Point) []float64 {
	nf := len(fs)
	dst = resize(dst, len(pts)*nf)
	for k, p := range pts {
		row := dst[k*nf : k*nf+nf]
		for i, f := range fs {
			row[i] = f.Eval(p.X, p.Y)
		}
	}
	return dst
}
