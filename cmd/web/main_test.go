//go:build !js

package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMDuringLoad runs the real binary, keeps requests in flight,
// sends SIGTERM, and checks that in-flight requests finish, new
// connections are refused, and the process exits cleanly in time.
func TestSIGTERMDuringLoad(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "web")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-addr", addr, "-shutdown-timeout", "5s")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(stderr)
		logs <- string(b)
	}()
	base := "http://" + addr
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 100 {
			t.Fatal("the server did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Slow requests: batch pages of 1000 rows and distinct previews.
	batch := "/neuron?v=1&x=1&w=1&batch=" + strings.Repeat("1~", 999) + "1"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var statuses []int
	var failures []string
	client := &http.Client{Timeout: 20 * time.Second}
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := batch
			if i%2 == 0 {
				target = "/neuron/preview.png?v=1&b=" + strconv.Itoa(i)
			}
			resp, err := client.Get(base + target)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failures = append(failures, err.Error())
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses = append(statuses, resp.StatusCode)
		}()
	}
	time.Sleep(30 * time.Millisecond) // let them start
	t0 := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	wg.Wait()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("the server did not exit within its shutdown timeout")
	}
	t.Logf("exited %s after SIGTERM; statuses %v", time.Since(t0).Round(time.Millisecond), statuses)
	// Requests accepted before the signal finish with a real answer (200,
	// or 503 when shed); the ones the closed listener refused fail to
	// connect — none is cut off half-way.
	for _, s := range statuses {
		if s != 200 && s != 503 {
			t.Errorf("an in-flight request ended with %d", s)
		}
	}
	// A connection still in the kernel's accept queue when the listener
	// closes is dropped (EOF or reset): the server never read that request,
	// and a GET is safe to retry.
	for _, f := range failures {
		if !strings.Contains(f, "connection refused") && !strings.HasSuffix(f, "EOF") && !strings.Contains(f, "connection reset") {
			t.Errorf("a request failed other than by refusal: %s", f)
		}
	}
	if len(statuses) == 0 {
		t.Error("no request was in flight at SIGTERM; the test proved nothing")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still accepts connections after exiting")
	}
	out := <-logs
	sc := bufio.NewScanner(strings.NewReader(out))
	shut := false
	for sc.Scan() {
		shut = shut || strings.Contains(sc.Text(), "shutting down")
	}
	if !shut {
		t.Errorf("no shutdown in the log:\n%s", out)
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		flag, env string
		want      int64
		bad       bool
	}{
		{"", "", defaultMemoryLimit, false},
		{"", "1GiB", 1 << 30, false},
		{"300MiB", "1GiB", 300 << 20, false},
		{"4096", "", 4096, false},
		{"lots", "", 0, true},
		{"-5MiB", "", 0, true},
	} {
		got, err := memoryLimit(tc.flag, tc.env)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("memoryLimit(%q, %q) = %d, %v", tc.flag, tc.env, got, err)
		}
	}
}

// TestSIGTERMSlowClientExitsZero: a client slower than -shutdown-timeout
// (an upload that stalls half-way) is cut off and logged, and the process
// still exits 0, as the README says.
func TestSIGTERMSlowClientExitsZero(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "web")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-addr", addr, "-shutdown-timeout", "300ms")
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var conn net.Conn
	for i := 0; ; i++ {
		if conn, err = net.Dial("tcp", addr); err == nil {
			break
		}
		if i > 100 {
			t.Fatal("the server did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /conv/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n")
	time.Sleep(200 * time.Millisecond) // the handler is reading the body
	t0 := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after cutting a slow client: %v, want 0\n%s", err, logs.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not exit")
	}
	if d := time.Since(t0); d > 3*time.Second {
		t.Errorf("exited after %s, with a 300ms shutdown timeout", d)
	}
	if !strings.Contains(logs.String(), "shutdown timeout") {
		t.Errorf("the cut connection is not in the log:\n%s", logs.String())
	}
}
