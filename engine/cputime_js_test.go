//go:build js

package engine_test

import "time"

// processCPU is not measurable under js/wasm: the benchmarks then report
// no CPU-time rates.
func processCPU() time.Duration { return 0 }
