package state

import "sort"

// deflateStream compresses src as raw DEFLATE (RFC 1951): LZ77 matches over a
// 32 KiB window, then one block with Huffman codes built for the data.
//
// It is written here rather than taken from compress/flate because the
// standard encoder's set-up links fmt, and fmt brings reflect and os into
// the wasm module (measured: 83 KB of brotli download, for one error
// message this package never sees). Decoding still uses compress/flate,
// which also checks every stream this encoder writes (the tests and
// FuzzDeflate). On the pictures nnplay puts in links it compresses about
// as well as compress/flate's default level.
func deflateStream(src []byte) []byte {
	toks := lz77(src)
	var w bitWriter
	w.write(1, 1) // BFINAL: the only block
	w.write(2, 2) // BTYPE 10: dynamic Huffman codes

	var litFreq [286]int
	var distFreq [30]int
	for _, t := range toks {
		if t.dist == 0 {
			litFreq[t.lit]++
			continue
		}
		litFreq[257+lengthCode(t.length)]++
		distFreq[distCode(t.dist)]++
	}
	litFreq[256]++ // end of block
	litLen := codeLengths(litFreq[:], 15)
	distLen := codeLengths(distFreq[:], 15)
	litCode, distCode_ := canonical(litLen), canonical(distLen)

	// The two code-length tables, trimmed, then run-length coded.
	nlit, ndist := 286, 30
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}
	lens := append(append([]uint8(nil), litLen[:nlit]...), distLen[:ndist]...)
	runs := runLengths(lens)
	var clFreq [19]int
	for _, r := range runs {
		clFreq[r.sym]++
	}
	clLen := codeLengths(clFreq[:], 7)
	clCode := canonical(clLen)
	nclen := 19
	for nclen > 4 && clLen[clOrder[nclen-1]] == 0 {
		nclen--
	}
	w.write(uint64(nlit-257), 5)
	w.write(uint64(ndist-1), 5)
	w.write(uint64(nclen-4), 4)
	for _, s := range clOrder[:nclen] {
		w.write(uint64(clLen[s]), 3)
	}
	for _, r := range runs {
		w.write(uint64(clCode[r.sym]), uint(clLen[r.sym]))
		switch r.sym {
		case 16:
			w.write(uint64(r.extra), 2)
		case 17:
			w.write(uint64(r.extra), 3)
		case 18:
			w.write(uint64(r.extra), 7)
		}
	}

	for _, t := range toks {
		if t.dist == 0 {
			w.write(uint64(litCode[t.lit]), uint(litLen[t.lit]))
			continue
		}
		lc := lengthCode(t.length)
		w.write(uint64(litCode[257+lc]), uint(litLen[257+lc]))
		if n := lengthExtra[lc]; n > 0 {
			w.write(uint64(t.length-lengthBase[lc]), n)
		}
		dc := distCode(t.dist)
		w.write(uint64(distCode_[dc]), uint(distLen[dc]))
		if n := distExtra[dc]; n > 0 {
			w.write(uint64(t.dist-distBase[dc]), n)
		}
	}
	w.write(uint64(litCode[256]), uint(litLen[256]))
	return w.flush()
}

// token is a literal byte (dist 0) or a match of length bytes dist back.
type token struct {
	lit    byte
	length int
	dist   int
}

const (
	windowSize = 1 << 15
	minMatch   = 3
	maxMatch   = 258
	hashBits   = 15
	maxChain   = 128 // matches tried per position: speed against size
	goodMatch  = 32  // a match this long is taken without looking further
)

// lz77 turns src into literals and matches, greedily with one step of
// lazy matching (a match is deferred when the next position has a longer
// one), as zlib does.
func lz77(src []byte) []token {
	head := make([]int32, 1<<hashBits)
	for i := range head {
		head[i] = -1
	}
	prev := make([]int32, len(src))
	hash := func(i int) int {
		return int((uint32(src[i])<<16 | uint32(src[i+1])<<8 | uint32(src[i+2])) * 2654435761 >> (32 - hashBits))
	}
	insert := func(i int) {
		if i+minMatch <= len(src) {
			h := hash(i)
			prev[i] = head[h]
			head[h] = int32(i)
		}
	}
	find := func(i int) (length, dist int) {
		if i+minMatch > len(src) {
			return 0, 0
		}
		limit := min(maxMatch, len(src)-i)
		for j, n := int(head[hash(i)]), 0; j >= 0 && i-j <= windowSize && n < maxChain; j, n = int(prev[j]), n+1 {
			if src[j+length] != src[i+length] {
				continue // cannot beat the best so far
			}
			l := 0
			for l < limit && src[j+l] == src[i+l] {
				l++
			}
			if l > length {
				length, dist = l, i-j
				if l >= goodMatch || l == limit {
					break
				}
			}
		}
		if length < minMatch {
			return 0, 0
		}
		return length, dist
	}

	toks := make([]token, 0, len(src)/4+16)
	for i := 0; i < len(src); {
		length, dist := find(i)
		if length > 0 && length < goodMatch && i+1 < len(src) {
			insert(i)
			if l2, _ := find(i + 1); l2 > length {
				toks = append(toks, token{lit: src[i]})
				i++
				continue
			}
			for k := i + 1; k < i+length; k++ {
				insert(k)
			}
			toks = append(toks, token{length: length, dist: dist})
			i += length
			continue
		}
		if length > 0 {
			for k := i; k < i+length; k++ {
				insert(k)
			}
			toks = append(toks, token{length: length, dist: dist})
			i += length
			continue
		}
		insert(i)
		toks = append(toks, token{lit: src[i]})
		i++
	}
	return toks
}

// The length and distance codes of RFC 1951 §3.2.5.
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	clOrder     = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

func lengthCode(length int) int {
	return sort.Search(29, func(c int) bool { return lengthBase[c] > length }) - 1
}

func distCode(dist int) int {
	return sort.Search(30, func(c int) bool { return distBase[c] > dist }) - 1
}

// codeLengths returns Huffman code lengths for freq, none longer than
// maxBits (frequencies are halved until the tree fits). A table with
// fewer than two symbols in use still gets complete-enough codes: one
// symbol gets length 1, as decoders accept, and none gets symbol 0.
func codeLengths(freq []int, maxBits int) []uint8 {
	f := append([]int(nil), freq...)
	for {
		lens, ok := huffman(f, maxBits)
		if ok {
			return lens
		}
		for i, v := range f {
			if v > 0 {
				f[i] = (v + 1) / 2
			}
		}
	}
}

// huffman builds code lengths with the two-queue method; ok is false when
// a code is longer than maxBits.
func huffman(freq []int, maxBits int) (lens []uint8, ok bool) {
	lens = make([]uint8, len(freq))
	type node struct {
		w           int
		left, right int // children, −1 for a leaf
		sym         int
	}
	var nodes []node
	var leaves []int
	for s, w := range freq {
		if w > 0 {
			nodes = append(nodes, node{w: w, left: -1, right: -1, sym: s})
			leaves = append(leaves, len(nodes)-1)
		}
	}
	switch len(leaves) {
	case 0:
		lens[0] = 1
		return lens, true
	case 1:
		lens[nodes[0].sym] = 1
		return lens, true
	}
	// Ties break by symbol, so the code (and the link) is deterministic.
	sort.SliceStable(leaves, func(a, b int) bool { return nodes[leaves[a]].w < nodes[leaves[b]].w })
	var merged []int
	pop := func() int {
		if len(merged) == 0 || len(leaves) > 0 && nodes[leaves[0]].w <= nodes[merged[0]].w {
			n := leaves[0]
			leaves = leaves[1:]
			return n
		}
		n := merged[0]
		merged = merged[1:]
		return n
	}
	for len(leaves)+len(merged) > 1 {
		a, b := pop(), pop()
		nodes = append(nodes, node{w: nodes[a].w + nodes[b].w, left: a, right: b})
		merged = append(merged, len(nodes)-1)
	}
	var walk func(n, depth int) bool
	walk = func(n, depth int) bool {
		if nodes[n].left < 0 {
			lens[nodes[n].sym] = uint8(depth)
			return depth <= maxBits
		}
		return walk(nodes[n].left, depth+1) && walk(nodes[n].right, depth+1)
	}
	return lens, walk(merged[0], 0)
}

// canonical assigns the canonical codes of RFC 1951 §3.2.2, bit-reversed
// because DEFLATE sends Huffman codes from their first bit.
func canonical(lens []uint8) []uint16 {
	var count [16]int
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for bits := 1; bits < 16; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	codes := make([]uint16, len(lens))
	for s, l := range lens {
		if l == 0 {
			continue
		}
		c := next[l]
		next[l]++
		r := 0
		for i := 0; i < int(l); i++ {
			r = r<<1 | c>>i&1
		}
		codes[s] = uint16(r)
	}
	return codes
}

// run is one symbol of the code-length alphabet with its extra bits.
type run struct {
	sym   int
	extra int
}

// runLengths codes a list of code lengths with the repeat symbols 16
// (the previous length 3–6 times), 17 (3–10 zeros) and 18 (11–138 zeros).
func runLengths(lens []uint8) []run {
	var out []run
	for i := 0; i < len(lens); {
		l := lens[i]
		n := 1
		for i+n < len(lens) && lens[i+n] == l {
			n++
		}
		i += n
		if l == 0 {
			for n >= 11 {
				k := min(n, 138)
				out = append(out, run{18, k - 11})
				n -= k
			}
			if n >= 3 {
				out = append(out, run{17, n - 3})
				n = 0
			}
		} else {
			out = append(out, run{int(l), 0})
			n--
			for n >= 3 {
				k := min(n, 6)
				out = append(out, run{16, k - 3})
				n -= k
			}
		}
		for ; n > 0; n-- {
			out = append(out, run{int(l), 0})
		}
	}
	return out
}

// bitWriter packs bits from the least significant end, as DEFLATE does.
type bitWriter struct {
	out   []byte
	bits  uint64
	nbits uint
}

func (w *bitWriter) write(v uint64, n uint) {
	w.bits |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.nbits -= 8
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.out = append(w.out, byte(w.bits))
	}
	return w.out
}
