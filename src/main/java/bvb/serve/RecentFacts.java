package bvb.serve;

import bvb.facts.FactSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The fact sets of the last few requests the server decided, for warming up a reloaded rule set
 * on the kind of facts it will be asked about. Thread-safe; adding is three writes. They are kept
 * in memory only, until later requests take their places.
 */
public final class RecentFacts {
  /** Capacity of a ring kept only so that a server not recording traffic runs the same code. */
  static final int UNREAD_CAPACITY = 1;

  private final AtomicReferenceArray<FactSet> ring;
  private final AtomicLong added = new AtomicLong();
  private volatile long lastAddedNanos;

  public RecentFacts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    ring = new AtomicReferenceArray<>(capacity);
  }

  public void add(FactSet facts) {
    lastAddedNanos = System.nanoTime(); // before the count, so a reader that sees the count sees the time
    ring.set((int) (added.getAndIncrement() % ring.length()), facts);
  }

  /** Whether a fact set was added less than {@code window} ago. */
  public boolean addedWithin(Duration window) {
    return added.get() > 0 && System.nanoTime() - lastAddedNanos < window.toNanos();
  }

  /** Up to {@code capacity} of the latest fact sets added, in no particular order; empty before the first. */
  public List<FactSet> snapshot() {
    List<FactSet> out = new ArrayList<>(ring.length());
    for (int i = 0; i < ring.length(); i++) {
      FactSet f = ring.get(i);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }
}
