package netrun

import "errors"

// ErrNotLive is the error of a session's call before its first Update.
var ErrNotLive = errors.New("netrun: the network page is not live")

var (
	errEpochs = errors.New("netrun: epochs must be 0 … 1000")
	errNoSize = errors.New("netrun: the plot has no size")
)
