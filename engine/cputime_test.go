//go:build !js

package engine_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used (user and system,
// every thread): on a shared, busy machine a benchmark's CPU time varies far
// less than its wall time, which counts the waits for a CPU.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
