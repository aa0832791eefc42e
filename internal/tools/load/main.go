// Command load drives a running nnplay server with a realistic mix of
// requests and reports throughput, latency percentiles per kind of
// request, errors, and the server's peak memory.
//
//	load [-server bin/web] [-duration 20s] [-requests 200000] [-c 32]
//	load -target http://127.0.0.1:8080   # an already running server
//	load -scenario burst|uploads|jpeg    # issue 18's hostile cases
//
// Scenarios: mix (the default) is the realistic mix above, each client
// from its own loopback address (127.0.1.x, as many people); burst is a
// crowd of -c connections from one address (127.0.0.1) on one shared
// /conv drawing and one /network link, half each, while four other
// people (from 127.0.0.2, a request each every 100 ms) load the cheap
// pages; uploads is -c concurrent uploads of a 9.7 MB picture; jpeg is a
// crafted progressive JPEG (2048×2048, 3,000 scans) uploaded every 5 s
// while others ask for distinct previews and cheap pages. A response's X-Cache-Status (set by deploy/nginx.conf) is
// counted, so a run through the cache says what the cache served.
//
// Without -target it starts the server binary itself on a free loopback
// port, so it can read the server's memory from /proc, and stops it with
// SIGTERM at the end. It only ever talks to loopback addresses, and it is
// bounded both in requests and in time.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	server := flag.String("server", "bin/web", "server binary to start (ignored with -target)")
	target := flag.String("target", "", "base URL of a running server (loopback only)")
	duration := flag.Duration("duration", 20*time.Second, "how long to send requests")
	maxRequests := flag.Int64("requests", 200000, "stop after this many requests")
	conc := flag.Int("c", 32, "concurrent clients")
	seed := flag.Uint64("seed", 1, "seed of the request mix")
	scenario := flag.String("scenario", "mix", "mix, burst, uploads or jpeg")
	serverArgs := flag.String("server-args", "", "extra flags for the started server, space-separated")
	settle := flag.Duration("settle", 0, "after the run, wait this long and report the server's memory again")
	flag.Parse()

	base := *target
	var srv *exec.Cmd
	if base == "" {
		var err error
		srv, base, err = startServer(*server, strings.Fields(*serverArgs))
		if err != nil {
			fail(err)
		}
	}
	if err := loopbackOnly(base); err != nil {
		fail(err)
	}
	statics, err := discoverStatics(base)
	if err != nil {
		fail(err)
	}
	groups, err := scenarioGroups(*scenario, statics, *conc)
	if err != nil {
		fail(err)
	}
	fmt.Printf("load: %s, scenario %s, %d clients, up to %s or %d requests\n", base, *scenario, *conc, *duration, *maxRequests)

	var mem memWatch
	var cpu0 time.Duration
	if srv != nil {
		mem.start(srv.Process.Pid)
		cpu0 = cpuTime(srv.Process.Pid)
	}
	res := run(base, groups, *duration, *maxRequests, *seed)
	if srv != nil {
		mem.stop()
	}
	res.print()
	if srv != nil {
		fmt.Printf("server CPU during the run: %s\n", (cpuTime(srv.Process.Pid) - cpu0).Round(time.Millisecond))
		fmt.Printf("server memory (RSS): start %.1f MiB, peak %.1f MiB, end %.1f MiB; VmHWM %.1f MiB\n",
			mib(mem.first), mib(mem.peak), mib(mem.last), mib(readStatus(srv.Process.Pid, "VmHWM")))
		if *settle > 0 {
			time.Sleep(*settle)
			fmt.Printf("server memory (RSS) %s after the run: %.1f MiB\n", *settle, mib(readStatus(srv.Process.Pid, "VmRSS")))
		}
		t0 := time.Now()
		srv.Process.Signal(syscall.SIGTERM)
		err := srv.Wait()
		fmt.Printf("server stopped by SIGTERM in %s (%v)\n", time.Since(t0).Round(time.Millisecond), exitText(err))
	}
	if res.errors > 0 {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "load:", err)
	os.Exit(2)
}

// startServer runs the server on a free loopback port and waits until it
// answers.
func startServer(bin string, args []string) (*exec.Cmd, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, append([]string{"-addr", addr}, args...)...)
	cmd.Stdout = io.Discard
	cmd.Stderr = io.Discard // the request log would cost the server more than the work
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("starting %s: %w (run make build first)", bin, err)
	}
	base := "http://" + addr
	for range 100 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			return cmd, base, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	return nil, "", errors.New("the server did not start")
}

// loopbackOnly refuses any target that is not on this machine.
func loopbackOnly(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	ips, err := net.LookupIP(u.Hostname())
	if err != nil {
		return err
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("%s is not a loopback address: load only runs against this machine", u.Hostname())
		}
	}
	return nil
}

// discoverStatics reads the fingerprinted static paths from a page.
func discoverStatics(base string) ([]string, error) {
	resp, err := http.Get(base + "/neuron")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	re := regexp.MustCompile(`/static/[A-Za-z0-9_.-]+`)
	found := slices.Compact(slices.Sorted(slices.Values(re.FindAllString(string(body), -1))))
	if len(found) == 0 {
		return nil, errors.New("no static files found in /neuron")
	}
	return found, nil
}

// cpuTime is a process's user and system CPU time so far.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command's closing parenthesis: utime and stime are
	// the 12th and 13th, in clock ticks (100 per second on Linux).
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func exitText(err error) string {
	if err == nil {
		return "exit 0"
	}
	return err.Error()
}

// memWatch samples a process's resident memory.
type memWatch struct {
	first, peak, last int64
	done              chan struct{}
	wg                sync.WaitGroup
}

func (m *memWatch) start(pid int) {
	m.done = make(chan struct{})
	m.first = readStatus(pid, "VmRSS")
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-t.C:
				rss := readStatus(pid, "VmRSS")
				m.last = rss
				m.peak = max(m.peak, rss)
			}
		}
	}()
}

func (m *memWatch) stop() { close(m.done); m.wg.Wait() }

// readStatus returns a "kB" field of /proc/pid/status in bytes.
func readStatus(pid int, field string) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}

// kind is one kind of request in the mix.
type kind struct {
	name   string
	weight int
	// next returns a path and the statuses that count as success.
	next func(r *rand.Rand) (path string, ok []int)
	// headers are sent with the request.
	headers map[string]string
	// body, if set, makes the request a POST of this body.
	body func(r *rand.Rand) (body []byte, ctype string)
}

// group is a set of clients sending one mix from one source address.
type group struct {
	mix   []kind
	conc  int
	local string // source IP; "" for the system's choice
	// pace, if set, is each client's time between requests: a person
	// clicking, not a closed loop.
	pace time.Duration
	// spread gives each client its own source address (127.0.1.x): many
	// people, each within the server's per-client bounds.
	spread bool
}

type result struct {
	kinds    []kind
	samples  [][]time.Duration
	errs     []int64
	shed     []int64
	errors   int64
	total    int64
	elapsed  time.Duration
	examples []string
	cache    map[string]int64 // X-Cache-Status → responses
	statuses map[int]int64
}

func run(base string, groups []group, d time.Duration, maxReq int64, seed uint64) *result {
	res := &result{cache: map[string]int64{}, statuses: map[int]int64{}}
	offsets := make([]int, len(groups))
	for i, g := range groups {
		offsets[i] = len(res.kinds)
		res.kinds = append(res.kinds, g.mix...)
	}
	res.samples = make([][]time.Duration, len(res.kinds))
	res.errs, res.shed = make([]int64, len(res.kinds)), make([]int64, len(res.kinds))
	var mu sync.Mutex
	var sent atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	worker := 0
	for gi, g := range groups {
		newClient := func(local string) *http.Client {
			dialer := &net.Dialer{Timeout: 10 * time.Second}
			if local != "" {
				dialer.LocalAddr = &net.TCPAddr{IP: net.ParseIP(local)}
			}
			return &http.Client{
				Timeout: 30 * time.Second,
				Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: g.conc,
					MaxConnsPerHost: g.conc, DisableCompression: true},
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			}
		}
		shared := newClient(g.local)
		total := 0
		for _, k := range g.mix {
			total += k.weight
		}
		for range g.conc {
			w := worker
			worker++
			wg.Add(1)
			client := shared
			if g.spread {
				client = newClient(fmt.Sprintf("127.0.1.%d", 1+w%250))
			}
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(seed, uint64(w)))
				local := make([][]time.Duration, len(g.mix))
				for ctx.Err() == nil && sent.Add(1) <= maxReq {
					if g.pace > 0 {
						select {
						case <-ctx.Done():
							continue
						case <-time.After(g.pace):
						}
					}
					pick := r.IntN(total)
					ki := 0
					for pick >= g.mix[ki].weight {
						pick -= g.mix[ki].weight
						ki++
					}
					k := g.mix[ki]
					path, okStatus := k.next(r)
					var req *http.Request
					if k.body != nil {
						body, ctype := k.body(r)
						req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+path, bytes.NewReader(body))
						req.Header.Set("Content-Type", ctype)
					} else {
						req, _ = http.NewRequest(http.MethodGet, base+path, nil)
					}
					for hk, v := range k.headers {
						req.Header.Set(hk, v)
					}
					t0 := time.Now()
					resp, err := client.Do(req)
					status := 0
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						status = resp.StatusCode
					}
					if err != nil && ctx.Err() != nil && k.body != nil {
						break // an upload cut by the end of the run
					}
					dt := time.Since(t0)
					local[ki] = append(local[ki], dt)
					mu.Lock()
					res.statuses[status]++
					if err == nil {
						if cs := resp.Header.Get("X-Cache-Status"); cs != "" {
							res.cache[cs]++
						}
					}
					mu.Unlock()
					if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
						atomic.AddInt64(&res.shed[offsets[gi]+ki], 1)
					} else if err != nil || !slices.Contains(okStatus, status) {
						atomic.AddInt64(&res.errs[offsets[gi]+ki], 1)
						atomic.AddInt64(&res.errors, 1)
						mu.Lock()
						if len(res.examples) < 5 {
							res.examples = append(res.examples, fmt.Sprintf("%s → %d %v", path, status, err))
						}
						mu.Unlock()
					}
				}
				mu.Lock()
				for i := range local {
					res.samples[offsets[gi]+i] = append(res.samples[offsets[gi]+i], local[i]...)
				}
				mu.Unlock()
			}()
		}
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	for _, s := range res.samples {
		res.total += int64(len(s))
	}
	return res
}

func (r *result) print() {
	fmt.Printf("\n%d requests in %s: %.0f req/s, %d errors\n\n", r.total, r.elapsed.Round(time.Millisecond), float64(r.total)/r.elapsed.Seconds(), r.errors)
	fmt.Printf("%-26s %8s %9s %9s %9s %7s %8s\n", "kind", "requests", "p50", "p99", "max", "errors", "503/429")
	for i, k := range r.kinds {
		s := r.samples[i]
		if len(s) == 0 {
			continue
		}
		slices.Sort(s)
		q := func(p float64) time.Duration { return s[min(len(s)-1, int(p*float64(len(s))))] }
		fmt.Printf("%-26s %8d %9s %9s %9s %7d %8d\n", k.name, len(s), ms(q(0.5)), ms(q(0.99)), ms(s[len(s)-1]), r.errs[i], r.shed[i])
	}
	fmt.Printf("statuses: %v\n", r.statuses)
	if len(r.cache) > 0 {
		fmt.Printf("X-Cache-Status: %v\n", r.cache)
	}
	for _, e := range r.examples {
		fmt.Println("error:", e)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }
