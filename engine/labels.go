package engine

// LabelKind is what the labels of a dataset's points are: one of K classes,
// or a real value (regression). Code that shows or counts labels asks the
// kind for a point's class instead of testing the label's sign, so that a
// dataset of more than two classes needs no change there.
//
// The zero value is RealLabels.
type LabelKind struct {
	classes int // K, or 0 for real values
}

// RealLabels is the kind of regression labels: real values, mostly in
// [−1, 1].
var RealLabels = LabelKind{}

// TwoClasses is the kind of TensorFlow Playground's classification labels:
// −1 (class 0) and +1 (class 1).
var TwoClasses = LabelKind{classes: 2}

// ClassLabels returns the kind of labels of k classes. Two classes are
// labelled −1 and +1, as in TensorFlow Playground, so that the tanh and
// sigmoid outputs train on them; more are labelled by their class index,
// as the softmax output takes them. It panics if k < 2.
func ClassLabels(k int) LabelKind {
	if k < 2 {
		panic("engine: fewer than two classes")
	}
	return LabelKind{classes: k}
}

// Real reports whether the labels are real values rather than classes.
func (k LabelKind) Real() bool { return k.classes == 0 }

// Classes returns the number of classes K, or 0 for real labels.
func (k LabelKind) Classes() int { return k.classes }

// Class returns the class of a point labelled label, in 0 … K−1: for two
// classes 1 if label > 0 and 0 otherwise, for more the label's integer
// part, clamped. It panics for real labels.
func (k LabelKind) Class(label float64) int {
	switch {
	case k.classes == 2:
		if label > 0 {
			return 1
		}
		return 0
	case k.classes == 0:
		panic("engine: class of a real label")
	case !(label > 0):
		return 0
	case label >= float64(k.classes-1):
		return k.classes - 1
	}
	return int(label)
}

// Label returns the label of class c: −1 or +1 for two classes, c for
// more. It panics for real labels or c outside 0 … K−1.
func (k LabelKind) Label(c int) float64 {
	if k.classes == 0 || c < 0 || c >= k.classes {
		panic("engine: class out of range")
	}
	if k.classes == 2 {
		return float64(2*c - 1)
	}
	return float64(c)
}
