package engine

// Kernel is a preset convolution kernel: a named matrix of weights given as
// integer numerators over a common divisor, so a page can show the Gaussian
// blur as "1/16 × [1 2 1; 2 4 2; 1 2 1]".
//
// Presets come from the registry (Kernels, KernelByName); their Name is the
// stable token used in links, and the display names live in the web
// layer's catalogue, keyed by it. The weights are the cross-correlation
// kernel (Conv2D with Flip unset) as setosa.io's "Image Kernels" shows them.
type Kernel struct {
	name string
	size int
	num  []int8
	den  int
}

// Name returns k's stable token, as used in links ("gaussian-blur").
func (k Kernel) Name() string { return k.name }

// Size returns the side of k's square matrix.
func (k Kernel) Size() int { return k.size }

// Fraction returns the weights as integer numerators (row-major) and their
// common divisor: weight i = num[i]/den. num is a copy.
func (k Kernel) Fraction() (num []int, den int) {
	num = make([]int, len(k.num))
	for i, n := range k.num {
		num[i] = int(n)
	}
	return num, k.den
}

// Map returns a new map of k's weights, each the float32 nearest to
// num[i]/den. It panics if k is the zero Kernel.
func (k Kernel) Map() Map {
	if k.size == 0 {
		panic("engine: zero Kernel")
	}
	m := NewMap(k.size, k.size, nil)
	for i, n := range k.num {
		m.Data[i] = float32(n) / float32(k.den) // one correctly rounded division
	}
	return m
}

// kernel3 builds a 3×3 preset.
func kernel3(name string, den int, num ...int8) Kernel {
	if len(num) != 9 {
		panic("engine: preset kernel is not 3×3")
	}
	return Kernel{name: name, size: 3, num: num, den: den}
}

// kernels lists the presets in the order they are listed to users: the
// lesson's filter first.
var kernels = []Kernel{
	// The lesson's exercise (the 5×5 image gives [[3 6 10] [6 9 6] [7 4 11]]).
	kernel3("lesson", 1, 1, 0, 1, 0, 1, 0, 1, 0, 1),
	kernel3("identity", 1, 0, 0, 0, 0, 1, 0, 0, 0, 0),
	kernel3("box-blur", 9, 1, 1, 1, 1, 1, 1, 1, 1, 1),
	kernel3("gaussian-blur", 16, 1, 2, 1, 2, 4, 2, 1, 2, 1),
	kernel3("sharpen", 1, 0, -1, 0, -1, 5, -1, 0, -1, 0),
	kernel3("outline", 1, -1, -1, -1, -1, 8, -1, -1, -1, -1),
	kernel3("sobel-left", 1, 1, 0, -1, 2, 0, -2, 1, 0, -1),
	kernel3("sobel-right", 1, -1, 0, 1, -2, 0, 2, -1, 0, 1),
	kernel3("sobel-top", 1, 1, 2, 1, 0, 0, 0, -1, -2, -1),
	kernel3("sobel-bottom", 1, -1, -2, -1, 0, 0, 0, 1, 2, 1),
	kernel3("emboss", 1, -2, -1, 0, -1, 1, 1, 0, 1, 2),
}

// Kernels returns every preset kernel in the order they are listed to
// users. The returned slice is a copy.
func Kernels() []Kernel {
	return append([]Kernel(nil), kernels...)
}

// KernelByName returns the preset whose Name is name, and whether there is
// one.
func KernelByName(name string) (Kernel, bool) {
	for _, k := range kernels {
		if k.name == name {
			return k, true
		}
	}
	return Kernel{}, false
}
