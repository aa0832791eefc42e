package engine

// PoolOp is how a pooling window is reduced to one value.
type PoolOp int

const (
	MaxPool PoolOp = iota // the largest value of the window
	AvgPool               // the mean of the window
)

var poolOpNames = [...]string{MaxPool: "max", AvgPool: "avg"}

// String returns op's stable token, as used in links: "max" or "avg".
func (op PoolOp) String() string {
	if op < 0 || int(op) >= len(poolOpNames) {
		return "PoolOp(?)"
	}
	return poolOpNames[op]
}

// PoolOps returns every pooling operation in the order they are listed to
// users.
func PoolOps() []PoolOp { return []PoolOp{MaxPool, AvgPool} }

// PoolOpByName returns the pooling operation whose String is name, and
// whether there is one.
func PoolOpByName(name string) (PoolOp, bool) {
	for i, n := range poolOpNames {
		if n == name {
			return PoolOp(i), true
		}
	}
	return 0, false
}

// Pool2D describes pooling of a map: each Size×Size window, moved by Stride,
// is reduced to one value. There is no padding, and windows that would
// cross the right or bottom border are dropped (floor mode, PyTorch's
// default ceil_mode=False), so the output is
//
//	out = ⌊(n − Size)/Stride⌋ + 1   (0 if n < Size)
//
// along each axis. A max pool keeps the first of equal values (so of −0 and
// +0, whichever comes first) and propagates NaN; an average pool adds the
// window row by row in float32, starting from 0, then divides by Size².
//
// The zero value is the classic 2×2 max pool with stride 2.
type Pool2D struct {
	Op     PoolOp // MaxPool or AvgPool
	Size   int    // window side, MinPoolSize..MaxPoolSize; 0 means 2
	Stride int    // 1..MaxPoolStride; 0 means Size
}

// params returns p's window side and stride, checked. It panics if p is
// invalid.
func (p Pool2D) params() (size, stride int) {
	size, stride = p.Size, p.Stride
	if size == 0 {
		size = 2
	}
	if stride == 0 {
		stride = size
	}
	if size < MinPoolSize || size > MaxPoolSize || stride < 1 || stride > MaxPoolStride {
		panic("engine: pooling size or stride out of range")
	}
	if p.Op != MaxPool && p.Op != AvgPool {
		panic("engine: unknown PoolOp")
	}
	return size, stride
}

// OutDims returns the width and height of the pooled output of a w×h map.
// It panics if p is invalid or w or h is negative.
func (p Pool2D) OutDims(w, h int) (ow, oh int) {
	size, stride := p.params()
	return OutSize(w, size, stride, Valid), OutSize(h, size, stride, Valid)
}

// ApplyTo sets dst to the pooled src. dst must not share storage with src.
// It panics if p is invalid or src's data does not match its size.
func (p Pool2D) ApplyTo(dst *Map, src Map) {
	src.check()
	size, stride := p.params()
	ow, oh := p.OutDims(src.W, src.H)
	if sameStorage(dst.Data, src.Data) {
		panic("engine: dst shares storage with src")
	}
	dst.reuse(ow, oh)
	if poolVec(dst.Data, src, p.Op, size, stride, ow, oh) {
		return // vector lanes (simd_pool_amd64.go), the same results
	}
	if p.Op == MaxPool {
		maxPool(dst.Data, src, size, stride, ow, oh)
	} else {
		avgPool(dst.Data, src, size, stride, ow, oh)
	}
}

// maxPool writes the ow×oh max-pooled src to out. It keeps the
// first of equal values and propagates NaN (comparisons, not the builtin
// max, which is a runtime call in WebAssembly).
func maxPool(out []float32, src Map, size, stride, ow, oh int) {
	for oy := range oh {
		o := out[oy*ow : (oy+1)*ow]
		for u := range size {
			r := src.Data[(oy*stride+u)*src.W:][:src.W]
			for ox := range o {
				win := r[ox*stride:][:size]
				acc := o[ox]
				if u == 0 {
					acc = win[0]
				}
				for _, v := range win {
					if v > acc || v != v {
						acc = v
					}
				}
				o[ox] = acc
			}
		}
	}
}

// avgPool writes the ow×oh average-pooled src to out: each
// window summed row by row from 0, then divided by size².
func avgPool(out []float32, src Map, size, stride, ow, oh int) {
	div := float32(size * size)
	for oy := range oh {
		o := out[oy*ow : (oy+1)*ow]
		clear(o)
		for u := range size {
			r := src.Data[(oy*stride+u)*src.W:][:src.W]
			for ox := range o {
				acc := o[ox]
				for _, v := range r[ox*stride:][:size] {
					acc += v
				}
				o[ox] = acc
			}
		}
		for ox := range o {
			o[ox] /= div
		}
	}
}
