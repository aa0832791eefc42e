package view

import (
	"nnplay/engine"
	"nnplay/web/state"
)

// NetworkRun is what the network page shows of a training run. netrun.Run
// is the one implementation; the interface keeps view below netrun, whose
// live session builds its pages with view.
type NetworkRun interface {
	// State is the state the run is heading for; its Epoch is the target.
	State() *state.Network
	// Playground is the network in training, nil when there is nothing
	// to train (too few own points).
	Playground() *engine.Playground
	// Diverged reports whether an epoch diverged.
	Diverged() bool
	// At is the epoch the playground has reached.
	At() int
	// Metrics are the network's scores now; History their record.
	Metrics() engine.Metrics
	History() []engine.Metrics
}

// Stop says why training stopped, for the status line.
type Stop string

// The reasons training stops (netrun.Run.Play).
const (
	Playing    Stop = ""         // it may go on
	StopEpoch  Stop = "epoch"    // it reached the state's StopAt
	StopLoss   Stop = "loss"     // the test loss fell below StopLoss
	StopLimit  Stop = "limit"    // the link cannot hold more epochs (MaxEpoch)
	StopDiverg Stop = "diverged" // the loss or a weight stopped being finite
	StopNoData Stop = "nodata"   // too few own points to train on
)
