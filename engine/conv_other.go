//go:build !amd64 || noasm

package engine

// useAxpy selects the axpy form of the interior loops (see interiorRowWith).
const useAxpy = false

// axpy does o[i] += a·x[i] for i < len(o), rounding each product.
func axpy(o []float32, a float32, x []float32) {
	x = x[:len(o)]
	for i, xi := range x {
		o[i] += float32(a * xi)
	}
}
