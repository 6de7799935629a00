//go:build linux

// Command runbench runs commands in turn, round after round, and reports
// each one's wall time, CPU time (user and system, all threads) and peak
// memory (the maximum resident set size the kernel records for the
// process). Running them interleaved rather than one
// after another keeps a shared machine's slow minutes from favouring one of
// them; docs/performance.md compares exlint with the parse alone this way.
//
//	go run ./tools/runbench -rounds 20 '/tmp/parsebaseline /tmp/corpus' '/tmp/exlint check /tmp/corpus'
//
// A command is split on spaces (no quoting) and may start with NAME=VALUE
// words that are added to its environment. Its output is discarded and its
// exit code ignored.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 20, "how many times each command runs")
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "usage: runbench [-rounds N] 'COMMAND ARGS...' ...")
		os.Exit(2)
	}
	times := make([][]float64, len(cmds))
	cpus := make([][]float64, len(cmds))
	peaks := make([][]float64, len(cmds))
	for r := 0; r < *rounds; r++ {
		for i, c := range cmds {
			m, err := runOnce(c)
			if err != nil {
				fmt.Fprintf(os.Stderr, "runbench: %s: %v\n", c, err)
				os.Exit(2)
			}
			times[i] = append(times[i], m.wall)
			cpus[i] = append(cpus[i], m.cpu)
			peaks[i] = append(peaks[i], m.peak)
		}
	}
	for i, c := range cmds {
		mean, sd := meanSD(times[i])
		fmt.Printf("%s\n  time   median %6.1f ms   mean %6.1f ms ± %5.1f   min %6.1f ms\n  cpu    median %6.1f ms   min %6.1f ms\n  memory median %6.1f MB   min %6.1f MB   max %6.1f MB\n",
			c, median(times[i]), mean, sd, slices.Min(times[i]), median(cpus[i]), slices.Min(cpus[i]), median(peaks[i]), slices.Min(peaks[i]), slices.Max(peaks[i]))
	}
}

// measure is one run: wall and CPU time in milliseconds, peak resident set
// size in megabytes (10^6 bytes).
type measure struct{ wall, cpu, peak float64 }

// runOnce runs one command and measures it.
func runOnce(line string) (measure, error) {
	words := strings.Fields(line)
	env := os.Environ()
	for len(words) > 0 && strings.Contains(words[0], "=") {
		env = append(env, words[0])
		words = words[1:]
	}
	if len(words) == 0 {
		return measure{}, fmt.Errorf("no command")
	}
	cmd := exec.Command(words[0], words[1:]...)
	cmd.Env = env
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		return measure{}, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return measure{}, fmt.Errorf("no resource usage on this system")
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return measure{wall: float64(elapsed.Microseconds()) / 1000, cpu: float64(cpu.Microseconds()) / 1000,
		peak: float64(ru.Maxrss) * 1024 / 1e6}, nil
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func meanSD(v []float64) (float64, float64) {
	var sum float64
	for _, x := range v {
		sum += x
	}
	mean := sum / float64(len(v))
	var sq float64
	for _, x := range v {
		sq += (x - mean) * (x - mean)
	}
	if len(v) < 2 {
		return mean, 0
	}
	return mean, math.Sqrt(sq / float64(len(v)-1))
}
