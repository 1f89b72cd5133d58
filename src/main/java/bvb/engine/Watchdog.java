package bvb.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how long one decision may run, from outside the thread that runs it.
 *
 * <p>The decision runs on the caller's own thread (no hand-off, so no context switch and the
 * caller's CPU priority is kept); it registers a {@link Watch} in a set that one shared daemon
 * thread scans every {@link #TICK_MILLIS} ms. Registering and ending a watch is one allocation
 * and two set operations. When a decision passes its deadline the watchdog calls the session's
 * {@code halt()} (which stops a rule chain between firings); if the decision still runs
 * {@link #KILL_AFTER_MILLIS} ms later (a consequence or condition that spins in Java code, which
 * {@code halt()} cannot reach), it stops the thread with {@link Thread#stop()}: the
 * {@code ThreadDeath} unwinds the rule and the session and is caught in {@link #run}, which the
 * thread then leaves normally. The session it ran on is never reused (see {@link Engine}).
 */
final class Watchdog {
  /** How often the watchdog looks at running decisions: a deadline is kept to within this. */
  static final long TICK_MILLIS = 25;
  /** How long after {@code halt()} a decision that still runs is stopped. */
  static final long KILL_AFTER_MILLIS = 250;
  /** How long a killed thread waits for its {@code ThreadDeath} before it gives up waiting. */
  private static final long AWAIT_DEATH_MILLIS = 2_000;

  private static final Set<Watch> RUNNING = ConcurrentHashMap.newKeySet();
  private static volatile Thread ticker;

  private Watchdog() {}

  /** Thrown by {@link #run} when the body passed its deadline and was halted or stopped. */
  static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What the thread was running when it was halted (or stopped, when that came to it). */
    final transient StackTraceElement[] stack;
    final boolean stopped;

    TimedOut(StackTraceElement[] stack, boolean stopped) {
      super(null, null, false, false);
      this.stack = stack;
      this.stopped = stopped;
    }
  }

  /**
   * Runs {@code body} on this thread; when it runs longer than {@code timeoutNanos}, calls
   * {@code halt}, then stops it, and throws {@link TimedOut} (also when {@code halt} made the body
   * return early, since its work is then unfinished). {@code timeoutNanos <= 0}: no limit.
   */
  static <T> T run(long timeoutNanos, Runnable halt, Supplier<T> body) {
    if (timeoutNanos <= 0) {
      return body.get();
    }
    Watch w = new Watch(Thread.currentThread(), halt, System.nanoTime() + timeoutNanos);
    RUNNING.add(w);
    ensureTicker();
    T result = null;
    Throwable failure = null;
    boolean died = false;
    try {
      try {
        result = body.get();
      } catch (Throwable t) { // NOPMD: a ThreadDeath (maybe wrapped by Drools) is ours to catch
        failure = t;
        died = causedByDeath(t);
      }
      if (!w.end() && !died) {
        awaitDeath(w); // being stopped: take the ThreadDeath here, not in the caller's code
      }
    } catch (ThreadDeath d) {
      died = true;
    } finally {
      RUNNING.remove(w);
    }
    if (died || w.state.get() >= Watch.STOPPING) {
      Thread.interrupted(); // Thread.stop() interrupts too: an interruptible channel would close on it
    }
    if (w.state.get() != Watch.DONE) {
      throw new TimedOut(w.stack, w.state.get() != Watch.HALTED_DONE);
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return result;
  }

  private static boolean causedByDeath(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ThreadDeath) {
        return true;
      }
    }
    return false;
  }

  private static void awaitDeath(Watch w) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_DEATH_MILLIS);
    while (w.state.get() != Watch.STOP_FAILED && System.nanoTime() - end < 0) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        // Thread.stop() interrupts before its ThreadDeath arrives: go on waiting for that
      }
    }
  }

  private static void ensureTicker() {
    if (ticker == null) {
      synchronized (Watchdog.class) {
        if (ticker == null) {
          Thread t = new Thread(Watchdog::tick, "bvb-decision-watchdog");
          t.setDaemon(true);
          t.start();
          ticker = t;
        }
      }
    }
  }

  private static void tick() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (RUNNING.isEmpty()) {
        continue;
      }
      long now = System.nanoTime();
      for (Watch w : RUNNING) {
        try {
          w.check(now);
        } catch (RuntimeException e) {
          // a failing halt() must not end the watchdog; the state is HALTED, so the stop follows
        }
      }
    }
  }

  /** One running decision. */
  static final class Watch {
    static final int RUNNING = 0;
    static final int DONE = 1;
    static final int HALTED = 2;
    static final int HALTED_DONE = 3;
    static final int STOPPING = 4;
    static final int STOP_FAILED = 5;

    final Thread thread;
    final Runnable halt;
    final long deadline;
    final AtomicInteger state = new AtomicInteger(RUNNING);
    volatile StackTraceElement[] stack;
    private volatile long haltedAt;

    Watch(Thread thread, Runnable halt, long deadline) {
      this.thread = thread;
      this.halt = halt;
      this.deadline = deadline;
    }

    /** The body returned or threw: true unless the thread is being stopped. */
    boolean end() {
      return state.compareAndSet(RUNNING, DONE) || state.compareAndSet(HALTED, HALTED_DONE);
    }

    @SuppressWarnings({"deprecation", "removal"})
    void check(long now) {
      int s = state.get();
      if (s == RUNNING && now - deadline >= 0) {
        stack = thread.getStackTrace();
        haltedAt = now;
        if (state.compareAndSet(RUNNING, HALTED)) {
          halt.run();
        }
      } else if (s == HALTED && now - haltedAt >= TimeUnit.MILLISECONDS.toNanos(KILL_AFTER_MILLIS)) {
        StackTraceElement[] now2 = thread.getStackTrace();
        if (state.compareAndSet(HALTED, STOPPING)) {
          stack = now2;
          try {
            thread.stop();
          } catch (UnsupportedOperationException e) { // JDK 20 and later: abandoned, still running
            state.set(STOP_FAILED);
          }
        }
      }
    }
  }
}
