package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/marsad-news/marsad/postgres"
)

// The work queue gives each record to one live process, gives a dead
// process's unfinished claims to the next one, and never hands out a
// finished record again.
func TestWorkQueue(t *testing.T) {
	url := newSchema(t)
	ctx := context.Background()
	a := open(t, url)
	b := open(t, url)
	claim := func(s *postgres.Store, key string) bool {
		t.Helper()
		ok, err := s.Claim(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim(a, "k1") || !claim(a, "k2") {
		t.Fatal("a could not claim new keys")
	}
	if claim(b, "k1") {
		t.Error("b took k1 while a, alive, holds it")
	}
	if err := a.Finish(ctx, "k1"); err != nil {
		t.Fatal(err)
	}
	// a dies with k2 unfinished: its connection goes away.
	dead, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if !claim(dead, "k3") {
		t.Fatal("could not claim k3")
	}
	dead.Close()
	deadline := time.Now().Add(10 * time.Second)
	for !claim(b, "k3") {
		if time.Now().After(deadline) {
			t.Fatal("a dead process's claim was never released")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if claim(b, "k1") {
		t.Error("b took k1, which is finished")
	}
	if claim(b, "k2") {
		t.Error("b took k2 while a, alive, holds it")
	}
}

// FinishAll marks several claims done at once: after their process dies,
// the finished ones are never handed out again, the others are.
func TestWorkQueueFinishAll(t *testing.T) {
	url := newSchema(t)
	ctx := context.Background()
	b := open(t, url)
	dead, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"k1", "k2", "k3"} {
		if ok, err := dead.Claim(ctx, k); err != nil || !ok {
			t.Fatalf("Claim(%s) = %v, %v", k, ok, err)
		}
	}
	if err := dead.FinishAll(ctx, []string{"k1", "k3"}); err != nil {
		t.Fatal(err)
	}
	if err := dead.FinishAll(ctx, nil); err != nil {
		t.Fatalf("FinishAll(nil) = %v", err)
	}
	dead.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := b.Claim(ctx, "k2")
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the unfinished claim of a dead process was never released")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, k := range []string{"k1", "k3"} {
		if ok, err := b.Claim(ctx, k); err != nil || ok {
			t.Errorf("Claim(%s) after FinishAll = %v, %v; want false", k, ok, err)
		}
	}
}
