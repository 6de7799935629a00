package catalog

import (
	"sync"
	"testing"
)

// Derived computes once per key, whatever the number of goroutines asking,
// and keeps keys of different types apart.
func TestDerived(t *testing.T) {
	c := Default()
	type keyA struct{ n int }
	type keyB struct{ n int }
	var mu sync.Mutex
	calls := map[any]int{}
	get := func(k any, v string) string {
		return c.Derived(k, func() any {
			mu.Lock()
			calls[k]++
			mu.Unlock()
			return v
		}).(string)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := get(keyA{1}, "a1"); got != "a1" {
				t.Errorf("keyA{1}: got %q", got)
			}
		}()
	}
	wg.Wait()
	if got := get(keyB{1}, "b1"); got != "b1" {
		t.Errorf("keyB{1} took keyA{1}'s value: %q", got)
	}
	if got := get(keyA{1}, "other"); got != "a1" {
		t.Errorf("keyA{1} computed again: %q", got)
	}
	if got := get(keyA{2}, "a2"); got != "a2" {
		t.Errorf("keyA{2}: got %q", got)
	}
	// Concurrent first calls may compute more than once, but a later call
	// never does.
	before := calls[keyA{1}]
	get(keyA{1}, "again")
	if calls[keyA{1}] != before || before == 0 {
		t.Errorf("keyA{1} computed %d times, then %d", before, calls[keyA{1}])
	}
}
