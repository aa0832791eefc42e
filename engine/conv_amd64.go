//go:build !noasm

package engine

import "gonum.org/v1/gonum/blas/gonum"

// useAxpy selects the axpy form of the interior loops (see interiorRowWith).
const useAxpy = true

// axpy does o[i] += a·x[i] for i < len(o) with gonum's SSE kernel (MULPS
// then ADDPS: each lane rounds its product, then adds, exactly as the
// portable axpy (conv_other.go) does, so the results are bit-identical; TestInteriorLoopsAgree checks
// it). Saxpy skips a == 0, which changes nothing for finite inputs: o never
// holds −0, so adding a ±0 product is a no-op.
func axpy(o []float32, a float32, x []float32) {
	gonum.Implementation{}.Saxpy(len(o), a, x, 1, o, 1)
}
