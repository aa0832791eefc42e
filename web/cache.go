package web

import (
	"container/list"
	"sync"
)

// cache is an LRU of rendered responses with a bound on the bytes it holds,
// for what is costly to make and deterministic for its canonical link:
// preview images and replayed network states. A popular link is rendered
// once; a flood of distinct links evicts the oldest, never grows the heap
// past the bound.
type cache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	ll       *list.List // front = most recently used
	items    map[string]*list.Element
	hits     int64
	misses   int64
}

type cacheEntry struct {
	key   string
	ctype string
	body  []byte
}

func newCache(maxBytes int) *cache {
	return &cache{maxBytes: maxBytes, ll: list.New(), items: map[string]*list.Element{}}
}

// get returns the cached response for key.
func (c *cache) get(key string) (ctype string, body []byte, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		e := el.Value.(*cacheEntry)
		return e.ctype, e.body, true
	}
	c.misses++
	return "", nil, false
}

// put stores a response; one larger than a quarter of the bound is not
// kept, so a single huge entry cannot flush everything else.
func (c *cache) put(key, ctype string, body []byte) {
	size := len(key) + len(body)
	if size > c.maxBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key: key, ctype: ctype, body: body})
	c.bytes += size
	for c.bytes > c.maxBytes {
		el := c.ll.Back()
		e := el.Value.(*cacheEntry)
		c.ll.Remove(el)
		delete(c.items, e.key)
		c.bytes -= len(e.key) + len(e.body)
	}
}

// stats returns the entry count, bytes held, hits and misses.
func (c *cache) stats() (entries, bytes int, hits, misses int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len(), c.bytes, c.hits, c.misses
}
