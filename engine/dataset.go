package engine

import (
	"math"
	"math/rand/v2"
)

// Point is one example of a 2-D dataset: the point (X, Y) = (x₁, x₂) of the
// plane and its label, of its dataset's LabelKind: +1 and −1 for two
// classes, as in TensorFlow Playground, or a real value, mostly in [−1, 1],
// for regression.
type Point struct {
	X, Y  float64
	Label float64
}

// Dataset is a generator of 2-D points, one of TensorFlow Playground's
// datasets (its dataset.ts) re-expressed with an explicit random generator.
//
// Datasets are obtained from the registry (Datasets, DatasetByName) or the
// package variables (Circle, XOR, …); their Name is the stable token used in
// links. The zero value is not usable: Generate panics.
type Dataset struct {
	name   string
	labels LabelKind
	size   int
	gen    func(rng *rand.Rand, n int, noise float64) []Point
}

// Name returns the dataset's stable token, as used in links ("circle").
func (d Dataset) Name() string { return d.name }

// Labels returns the kind of the dataset's labels.
func (d Dataset) Labels() LabelKind { return d.labels }

// Regression reports whether the dataset's labels are real values
// (regression) rather than classes.
func (d Dataset) Regression() bool { return d.labels.Real() }

// Size returns the number of points TensorFlow Playground generates for the
// dataset: 500 for classification, 1200 for regression.
func (d Dataset) Size() int { return d.size }

// Generate returns n points drawn with rng, in generation order (Split
// shuffles them). noise is a fraction in [0, 1] (the page offers 0 to
// MaxNoise percent); what it perturbs depends on the dataset, as in
// TensorFlow Playground: the label-defining position (circle, XOR and the
// regression sets), the variance (Gauss) or the coordinates (spiral).
// Every point lies in [−PlaneRange, PlaneRange]²: Gaussian samples outside
// it are drawn again (TensorFlow Playground lets them fall off the plot).
//
// Generate panics if d is the zero Dataset, n < 0 or noise is outside
// [0, 1].
func (d Dataset) Generate(rng *rand.Rand, n int, noise float64) []Point {
	if d.gen == nil {
		panic("engine: zero Dataset")
	}
	if n < 0 || !(noise >= 0 && noise <= 1) {
		panic("engine: bad dataset size or noise")
	}
	return d.gen(rng, n, noise)
}

// The datasets, in the order they are listed to users: four for
// classification, then two for regression.
var (
	// Circle is a disk of radius 2.5 (label +1) inside a ring from 3.5 to 5
	// (label −1).
	Circle = Dataset{name: "circle", labels: TwoClasses, size: 500, gen: genCircle}
	// XOR is the four quadrants, +1 where x₁x₂ ≥ 0, with a gap of 0.3 along
	// the axes.
	XOR = Dataset{name: "xor", labels: TwoClasses, size: 500, gen: genXOR}
	// Gauss is two Gaussian clouds, centred at (2, 2) (+1) and (−2, −2) (−1).
	Gauss = Dataset{name: "gauss", labels: TwoClasses, size: 500, gen: genGauss}
	// Spiral is two interleaved spirals.
	Spiral = Dataset{name: "spiral", labels: TwoClasses, size: 500, gen: genSpiral}
	// RegPlane is a plane: the label is (x₁ + x₂)/10.
	RegPlane = Dataset{name: "reg-plane", labels: RealLabels, size: 1200, gen: genRegPlane}
	// RegGauss is six signed Gaussian-like bumps.
	RegGauss = Dataset{name: "reg-gauss", labels: RealLabels, size: 1200, gen: genRegGauss}
)

var datasets = []Dataset{Circle, XOR, Gauss, Spiral, RegPlane, RegGauss}

// Datasets returns every dataset in the order they are listed to users.
// The returned slice is a copy.
func Datasets() []Dataset {
	return append([]Dataset(nil), datasets...)
}

// DatasetByName returns the dataset whose Name is name, and whether there
// is one.
func DatasetByName(name string) (Dataset, bool) {
	for _, d := range datasets {
		if d.name == name {
			return d, true
		}
	}
	return Dataset{}, false
}

// Split shuffles a copy of pts with rng (Fisher–Yates, as TensorFlow
// Playground does) and returns its first trainPercent % as the training set
// and the rest as the test set. The training set has ⌊n·trainPercent/100⌋
// points, but at least one and, when n ≥ 2, at most n − 1, so neither set is
// empty. pts is not modified. It panics if trainPercent is outside [0, 100].
func Split(pts []Point, trainPercent int, rng *rand.Rand) (train, test []Point) {
	if trainPercent < 0 || trainPercent > 100 {
		panic("engine: train percentage out of range")
	}
	all := append([]Point(nil), pts...)
	for c := len(all); c > 0; {
		i := rng.IntN(c)
		c--
		all[c], all[i] = all[i], all[c]
	}
	n := len(all)
	k := n * trainPercent / 100
	if n >= 2 {
		k = min(max(k, 1), n-1)
	}
	return all[:k:k], all[k:]
}

// randUniform returns a sample of the uniform distribution on [a, b).
func randUniform(rng *rand.Rand, a, b float64) float64 {
	return float64(rng.Float64()*(b-a)) + a
}

// randNormal returns a sample of the normal distribution with the given mean
// and variance by Marsaglia's polar method, as TensorFlow Playground does.
// It uses Float64 and the portable log, not rand's NormFloat64, whose
// tables and math.Exp would differ between platforms.
func randNormal(rng *rand.Rand, mean, variance float64) float64 {
	var v1, s float64
	for {
		v1 = float64(2*rng.Float64()) - 1
		v2 := float64(2*rng.Float64()) - 1
		s = float64(v1*v1) + float64(v2*v2)
		if s <= 1 && s != 0 {
			break
		}
	}
	r := float64(math.Sqrt(-2*log(s)/s) * v1)
	return mean + float64(math.Sqrt(variance)*r)
}

// pointDist returns the distance of (x, y) from (cx, cy).
func pointDist(x, y, cx, cy float64) float64 {
	dx, dy := x-cx, y-cy
	return math.Sqrt(float64(dx*dx) + float64(dy*dy))
}

func classLabel(positive bool) float64 {
	if positive {
		return 1
	}
	return -1
}

func genCircle(rng *rand.Rand, n int, noise float64) []Point {
	const radius = 5
	pts := make([]Point, 0, n)
	ring := func(count int, r0, r1 float64) {
		for range count {
			r := randUniform(rng, r0, r1)
			a := randUniform(rng, 0, 2*math.Pi)
			x, y := float64(r*sin(a)), float64(r*cos(a))
			nx := float64(randUniform(rng, -radius, radius) * noise)
			ny := float64(randUniform(rng, -radius, radius) * noise)
			pts = append(pts, Point{x, y, classLabel(pointDist(x+nx, y+ny, 0, 0) < radius*0.5)})
		}
	}
	ring(n/2, 0, radius*0.5)
	ring(n-n/2, radius*0.7, radius)
	return pts
}

func genXOR(rng *rand.Rand, n int, noise float64) []Point {
	const padding = 0.3
	pad := func(v float64) float64 {
		if v > 0 {
			return v + padding
		}
		return v - padding
	}
	pts := make([]Point, 0, n)
	for range n {
		x := pad(randUniform(rng, -5, 5))
		y := pad(randUniform(rng, -5, 5))
		nx := float64(randUniform(rng, -5, 5) * noise)
		ny := float64(randUniform(rng, -5, 5) * noise)
		pts = append(pts, Point{x, y, classLabel(float64((x+nx)*(y+ny)) >= 0)})
	}
	return pts
}

func genGauss(rng *rand.Rand, n int, noise float64) []Point {
	// TensorFlow Playground scales the variance linearly from 0.5 at no
	// noise to 4 at 50 % noise.
	variance := 0.5 + float64(noise*7)
	pts := make([]Point, 0, n)
	cloud := func(count int, c, lab float64) {
		for range count {
			x, y := randNormal(rng, c, variance), randNormal(rng, c, variance)
			for math.Abs(x) > PlaneRange || math.Abs(y) > PlaneRange {
				x, y = randNormal(rng, c, variance), randNormal(rng, c, variance)
			}
			pts = append(pts, Point{x, y, lab})
		}
	}
	cloud(n/2, 2, 1)
	cloud(n-n/2, -2, -1)
	return pts
}

func genSpiral(rng *rand.Rand, n int, noise float64) []Point {
	pts := make([]Point, 0, n)
	arm := func(count int, delta, lab float64) {
		fn := float64(count)
		for i := range count {
			fi := float64(i)
			r := fi / fn * 5
			t := float64(1.75*fi/fn*2*math.Pi) + delta
			x := float64(r*sin(t)) + float64(randUniform(rng, -1, 1)*noise)
			y := float64(r*cos(t)) + float64(randUniform(rng, -1, 1)*noise)
			pts = append(pts, Point{x, y, lab})
		}
	}
	arm(n/2, 0, 1)
	arm(n-n/2, math.Pi, -1)
	return pts
}

func genRegPlane(rng *rand.Rand, n int, noise float64) []Point {
	pts := make([]Point, 0, n)
	for range n {
		x := randUniform(rng, -PlaneRange, PlaneRange)
		y := randUniform(rng, -PlaneRange, PlaneRange)
		nx := float64(randUniform(rng, -PlaneRange, PlaneRange) * noise)
		ny := float64(randUniform(rng, -PlaneRange, PlaneRange) * noise)
		pts = append(pts, Point{x, y, ((x + nx) + (y + ny)) / 10})
	}
	return pts
}

// regGaussBumps are the centres and signs of RegGauss's bumps.
var regGaussBumps = [6][3]float64{
	{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
	{-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1},
}

func genRegGauss(rng *rand.Rand, n int, noise float64) []Point {
	pts := make([]Point, 0, n)
	for range n {
		x := randUniform(rng, -PlaneRange, PlaneRange)
		y := randUniform(rng, -PlaneRange, PlaneRange)
		nx := float64(randUniform(rng, -PlaneRange, PlaneRange) * noise)
		ny := float64(randUniform(rng, -PlaneRange, PlaneRange) * noise)
		// The bump with the largest |value| wins; a bump falls linearly
		// from 1 at its centre to 0 at distance 2.
		var lab float64
		for _, b := range regGaussBumps {
			v := b[2] * min(max(1-pointDist(x+nx, y+ny, b[0], b[1])/2, 0), 1)
			if math.Abs(v) > math.Abs(lab) {
				lab = v
			}
		}
		pts = append(pts, Point{x, y, lab})
	}
	return pts
}
