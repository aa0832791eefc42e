package engine

// Metrics are a playground network's scores after an epoch.
type Metrics struct {
	Epoch         int
	TrainLoss     float64 // mean loss on the training set, without regularization
	TestLoss      float64 // mean loss on the test set
	TrainAccuracy float64 // fraction classified correctly; NaN for regression
	TestAccuracy  float64
}

// MaxHistory is the most records a History keeps. When it is full, every
// other record is dropped, so a long run keeps an even sample of its
// epochs in bounded memory.
const MaxHistory = 1000

// History is the record of a training run's Metrics, in epoch order, for
// loss curves. Once it has thinned (see MaxHistory) it keeps the records of
// every stride-th epoch, plus always the latest one. The zero value is an
// empty History ready to use.
type History struct {
	ms     []Metrics
	stride int
}

// Append records m, whose Epoch must be greater than the last one's.
func (h *History) Append(m Metrics) {
	if h.stride == 0 {
		h.stride = 1
	}
	if n := len(h.ms); n > 0 && h.ms[n-1].Epoch%h.stride != 0 {
		h.ms[n-1] = m // the latest record is kept only until the next one
		return
	}
	h.ms = append(h.ms, m)
	if len(h.ms) > MaxHistory {
		h.stride *= 2
		k := 0
		for i, r := range h.ms {
			if r.Epoch%h.stride == 0 || i == len(h.ms)-1 {
				h.ms[k] = r
				k++
			}
		}
		h.ms = h.ms[:k]
	}
}

// Reset empties h, keeping its storage.
func (h *History) Reset() {
	h.ms = h.ms[:0]
	h.stride = 1
}

// Len returns the number of records.
func (h *History) Len() int { return len(h.ms) }

// At returns record i, counting from the oldest.
func (h *History) At(i int) Metrics { return h.ms[i] }
