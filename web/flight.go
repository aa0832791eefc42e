package web

import (
	"context"
	"errors"
	"sync"
	"time"
)

// flight runs one computation per key at a time: a request that finds the
// same work in progress (a link pasted into a class chat, opened by many
// at once) waits for its result instead of starting it again or taking
// another slot of admission.
type flight struct {
	mu    sync.Mutex
	calls map[string]*flightCall
	// busyRetry is how long a waiting request may keep retrying a call
	// that admission refused: the admission's own wait.
	busyRetry time.Duration
}

type flightCall struct {
	done chan struct{}
	val  any
	err  error
}

// do returns fn's result for key, running fn unless a call for key is in
// progress, in which case it waits for that call (or for ctx). If the
// call in progress failed because its own client went away, a waiting
// request whose client is still there runs fn itself. So does one whose
// call was refused by admission (errBusy) before this request had waited
// for a slot as long as the refused one did (f.busyRetry): one refusal of
// a cold popular link does not fail everyone waiting on it, and nobody
// waits much longer than twice that.
func (f *flight) do(ctx context.Context, key string, fn func() (any, error)) (any, error) {
	start := time.Now()
	for {
		f.mu.Lock()
		if f.calls == nil {
			f.calls = map[string]*flightCall{}
		}
		if c, ok := f.calls[key]; ok {
			f.mu.Unlock()
			select {
			case <-c.done:
				if isContextErr(c.err) && ctx.Err() == nil {
					continue
				}
				if errors.Is(c.err, errBusy) && time.Since(start) < f.busyRetry && ctx.Err() == nil {
					continue
				}
				return c.val, c.err
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		c := &flightCall{done: make(chan struct{})}
		f.calls[key] = c
		f.mu.Unlock()

		func() {
			defer func() {
				f.mu.Lock()
				delete(f.calls, key)
				f.mu.Unlock()
				close(c.done)
			}()
			c.val, c.err = fn()
		}()
		return c.val, c.err
	}
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
