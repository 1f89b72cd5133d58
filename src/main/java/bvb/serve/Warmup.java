package bvb.serve;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.scenario.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides sample fact sets (and writes each decision's JSON) before a rule set serves, so that the
 * JIT has compiled the engine's and the rules' hot paths: measured on 2 cores, a server that
 * starts answering cold keeps the compiler busy for its first ~30,000 decisions and its latency
 * high meanwhile. A freshly compiled rule set brings new classes of its own, so a reload makes a
 * few warm-up decisions too, on one thread, before the swap.
 */
public final class Warmup {
  private final List<FactSet> factSets;
  private final int decisions;

  private Warmup(List<FactSet> factSets, int decisions) {
    this.factSets = List.copyOf(factSets);
    this.decisions = factSets.isEmpty() ? 0 : decisions;
  }

  /** No warm-up. */
  public static Warmup none() {
    return new Warmup(List.of(), 0);
  }

  /**
   * {@code decisions} decisions cycling through the fact files in {@code dir} (a file that does
   * not parse is skipped with a warning); a missing directory means no warm-up, with a warning.
   */
  public static Warmup of(Path dir, int decisions, PrintWriter err) {
    if (decisions <= 0) {
      return none();
    }
    if (!Files.isDirectory(dir)) {
      err.println("warning: no warm-up: " + dir + " is not a directory of fact files");
      err.flush();
      return none();
    }
    List<FactSet> sets = new ArrayList<>();
    for (Path p : Samples.list(dir)) {
      try {
        sets.add(FactsLoader.load(p).facts());
      } catch (FactsException e) {
        err.println("warning: warm-up skips " + e.render());
      }
    }
    if (sets.isEmpty()) {
      err.println("warning: no warm-up: no fact file in " + dir);
    }
    err.flush();
    return new Warmup(sets, decisions);
  }

  public int decisions() {
    return decisions;
  }

  /** What a warm-up did: decisions made, how many of them failed (rules or facts), seconds. */
  public record Result(int decided, int failed, double seconds) {
    public String describe() {
      return String.format(Locale.ROOT, "%,d decisions in %.1f s%s", decided, seconds,
          failed == 0 ? "" : " (" + failed + " failed)");
    }
  }

  /** Decides the {@code i}th warm-up fact set and writes its JSON; false if that failed. */
  private boolean decideOne(Engine engine, int i) {
    try {
      Decision d = engine.decide(factSets.get(i % factSets.size()));
      ResponseBuffer.of(DecisionJson.toJson(d, "warm-up"));
      return true;
    } catch (RuntimeException | IOException e) {
      return false;
    }
  }

  /** Runs {@code count} decisions on {@code threads} threads; a failing decision counts and goes on. */
  public Result run(Engine engine, int count, int threads) {
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable work = () -> {
      for (int i; (i = next.getAndIncrement()) < count; ) {
        if (!decideOne(engine, i)) {
          failed.incrementAndGet();
        }
      }
    };
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread th = new Thread(work, "bvb-warm-up-" + t);
      th.start();
      started.add(th);
    }
    work.run();
    for (Thread th : started) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Result(Math.min(count, next.get()), failed.get(), (System.nanoTime() - t0) / 1e9);
  }
}
