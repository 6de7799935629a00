package runner_test

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

func TestProbeHeap(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	runtime.MemProfileRate = 512
	opts := runner.Options{Rules: rules.All(), Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits}
	done := make(chan struct{})
	go func() {
		time.Sleep(400 * time.Millisecond)
		f, _ := os.Create("/tmp/heap.out")
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
		close(done)
	}()
	if _, err := runner.Stream([]string{dir}, opts, func(runner.FileFindings) error { return nil }); err != nil {
		t.Fatal(err)
	}
	<-done
}
