//go:build !goexperiment.simd || !amd64

package engine

// Without GOEXPERIMENT=simd, or off amd64 (WebAssembly), the pure-Go loops
// run: these stand-ins for simd_amd64.go's kernels decline every call.

type vecLevel uint8

const vecNone vecLevel = 0

// vecCPU and vecUse are as in simd_amd64.go: nothing to use here.
var vecCPU, vecUse vecLevel = vecNone, vecNone

func conv2DVec([]float32, Map, *plan) bool { return false }

func denseForwardVec(z, a, w, b []float64, nb, in, out int) bool { return false }
func denseGradVec(gw, gb, a, d []float64, nb, in, out int) bool  { return false }
func denseBackVec(da, w, d []float64, nb, in, out int) bool      { return false }

func poolVec([]float32, Map, PoolOp, int, int, int, int) bool { return false }

func tanhVec(y, z []float64) int { return 0 }
