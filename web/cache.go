package web

import (
	"bytes"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// cache is an LRU of rendered responses with a bound on the bytes it holds,
// for what is costly to make and deterministic for its canonical link:
// pages of costly states, preview images and replayed network states. A
// popular link is rendered once, and compressed once: a hit is served as
// stored, its ETag and its gzip and brotli bytes made when it was put. A
// flood of distinct links evicts the oldest, never grows the heap past the
// bound.
type cache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	ll       *list.List // front = most recently used
	items    map[string]*list.Element
	hits     int64
	misses   int64
}

// cacheEntry is one response: its body as rendered, and for a text type of
// at least minCompress bytes the same body compressed.
type cacheEntry struct {
	key   string
	ctype string
	etag  string // of body, quoted
	body  []byte
	gzip  []byte
	br    []byte
}

// minCompress is the smallest body worth compressing (one packet).
const minCompress = 1024

func newCacheEntry(key, ctype string, body []byte) *cacheEntry {
	sum := sha256.Sum256(body)
	e := &cacheEntry{key: key, ctype: ctype, body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	if len(body) >= minCompress && compressible(ctype) {
		var b bytes.Buffer
		gw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		gw.Write(body)
		gw.Close()
		e.gzip = bytes.Clone(b.Bytes())
		b.Reset()
		// Quality 6: within a few percent of 11 for HTML, at a fraction of
		// its time; it runs once per entry.
		bw := brotli.NewWriterLevel(&b, 6)
		bw.Write(body)
		bw.Close()
		e.br = bytes.Clone(b.Bytes())
	}
	return e
}

// compressible reports a text type: HTML, SVG, JSON, CSV.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "image/svg") || strings.HasPrefix(ctype, "application/json")
}

func (e *cacheEntry) size() int { return len(e.key) + len(e.body) + len(e.gzip) + len(e.br) }

func newCache(maxBytes int) *cache {
	return &cache{maxBytes: maxBytes, ll: list.New(), items: map[string]*list.Element{}}
}

// get returns the cached response for key.
func (c *cache) get(key string) (ctype string, body []byte, ok bool) {
	if e, ok := c.entry(key); ok {
		return e.ctype, e.body, true
	}
	return "", nil, false
}

// entry returns the cached entry for key, with its compressed forms.
func (c *cache) entry(key string) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		return el.Value.(*cacheEntry), true
	}
	c.misses++
	return nil, false
}

// put stores a response, compressing it first, and returns the entry; one
// larger than a quarter of the bound is returned but not kept, so a single
// huge entry cannot flush everything else.
func (c *cache) put(key, ctype string, body []byte) *cacheEntry {
	e := newCacheEntry(key, ctype, body)
	size := e.size()
	if size > c.maxBytes/4 {
		return e
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*cacheEntry)
	}
	c.items[key] = c.ll.PushFront(e)
	c.bytes += size
	for c.bytes > c.maxBytes {
		el := c.ll.Back()
		old := el.Value.(*cacheEntry)
		c.ll.Remove(el)
		delete(c.items, old.key)
		c.bytes -= old.size()
	}
	return e
}

// stats returns the entry count, bytes held, hits and misses.
func (c *cache) stats() (entries, bytes int, hits, misses int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len(), c.bytes, c.hits, c.misses
}
