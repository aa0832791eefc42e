package engine

import (
	"math"
	"testing"
)

var sinkF float64

func BenchmarkExp(b *testing.B) {
	for b.Loop() {
		s := 0.0
		for i := range 1000 {
			s += exp(float64(i-500) / 100)
		}
		sinkF = s
	}
}

func BenchmarkMathExp(b *testing.B) {
	for b.Loop() {
		s := 0.0
		for i := range 1000 {
			s += math.Exp(float64(i-500) / 100)
		}
		sinkF = s
	}
}

func BenchmarkTanh(b *testing.B) {
	for b.Loop() {
		s := 0.0
		for i := range 1000 {
			s += tanh(float64(i-500) / 100)
		}
		sinkF = s
	}
}
