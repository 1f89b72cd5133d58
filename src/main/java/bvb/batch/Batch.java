package bvb.batch;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.tco.TcoInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Decides a stream of fact sets (one JSON object per line) in parallel on one shared rule base and
 * hands the outcomes to a sink in input order. At most {@code window} decisions are in flight, so
 * memory stays flat however long the input.
 */
public final class Batch {
  /** One line's outcome: a decision, or the problem that stopped it (with the line number). */
  public record Outcome(long line, String origin, String facts, Decision decision, String code, String problem) {
    public boolean ok() {
      return decision != null;
    }
  }

  /** Totals of a run. */
  public record Summary(long decided, long failed, long blank) {}

  private final Engine engine;
  private final int threads;
  private final boolean failFast;
  private final boolean whatIf;
  private final boolean brief;

  public Batch(Engine engine, int threads, boolean failFast) {
    this(engine, threads, failFast, false);
  }

  public Batch(Engine engine, int threads, boolean failFast, boolean whatIf) {
    this(engine, threads, failFast, whatIf, false);
  }

  /**
   * With {@code whatIf}, every decision also carries its counterfactual analysis (bvb.whatif); with
   * {@code brief}, decisions keep only the ids of the rules that fired, not what each matched (for a
   * summary output that shows nothing more and is not logged).
   */
  public Batch(Engine engine, int threads, boolean failFast, boolean whatIf, boolean brief) {
    if (whatIf && brief) {
      throw new IllegalArgumentException("a brief batch has no counterfactuals");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.engine = engine;
    this.threads = threads;
    this.failFast = failFast;
    this.whatIf = whatIf;
    this.brief = brief;
  }

  /** One fact set to decide: where it came from ("file:line" or a file), its text or its problem. */
  public record Item(long number, String file, long firstLine, String text, String problem, boolean last) {
    String origin() {
      return firstLine > 0 ? file + ":" + firstLine : file;
    }
  }

  /** Decides every line of a JSONL stream. */
  public Summary run(String origin, InputStream in, Consumer<Outcome> sink) throws IOException {
    LineReader reader = new LineReader(in, FactsLoader.MAX_BYTES);
    return run(() -> {
      LineReader.Line l = reader.next();
      return l == null ? null : new Item(l.number(), origin, l.number(), l.text(), l.problem(), l.last());
    }, sink);
  }

  /** A source of items; null when done. */
  public interface Source {
    Item next() throws IOException;
  }

  /** Decides every item of the source; outcomes reach the sink in input order. */
  public Summary run(Source source, Consumer<Outcome> sink) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bvb-batch");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
    int window = threads * 256;
    Counts counts = new Counts();
    try {
      for (Item item = source.next(); item != null; item = source.next()) {
        if (item.problem() == null && item.text().isBlank()) {
          counts.blank++;
          continue;
        }
        Item it = item;
        inFlight.add(pool.submit(() -> decide(it)));
        while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
          if (!deliver(take(inFlight), sink, counts)) {
            return counts.summary();
          }
        }
      }
      while (!inFlight.isEmpty() && deliver(take(inFlight), sink, counts)) {
        // drained in input order
      }
      return counts.summary();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Running totals of one run. */
  private static final class Counts {
    long decided;
    long failed;
    long blank;

    Summary summary() {
      return new Summary(decided, failed, blank);
    }
  }

  /** Hands one outcome to the sink; false when the run must stop (--fail-fast on a failure). */
  private boolean deliver(Outcome o, Consumer<Outcome> sink, Counts counts) {
    sink.accept(o);
    if (o.ok()) {
      counts.decided++;
      return true;
    }
    counts.failed++;
    return !failFast;
  }

  private Outcome decide(Item l) {
    String where = l.origin();
    if (l.problem() != null) {
      return new Outcome(l.number(), where, null, null, "BATCH-001", where + ": BATCH-001 " + l.problem());
    }
    try {
      byte[] bytes = l.text().getBytes(StandardCharsets.UTF_8);
      var facts = (l.firstLine() > 0
          ? FactsLoader.parse(l.file(), bytes, l.firstLine())
          : FactsLoader.parse(l.file(), bytes)).facts();
      bvb.engine.Decision d = brief ? engine.decideBrief(facts) : engine.decide(facts);
      if (whatIf) {
        d = d.withWhatIf(bvb.whatif.Counterfactuals.analyse(engine, bytes, d,
            java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
      }
      return new Outcome(l.number(), where, l.text(), d, null, null);
    } catch (FactsException e) {
      String hint = l.last() ? " (last line, no line end: truncated?)" : "";
      return new Outcome(l.number(), where, null, null, e.code(), e.render() + hint);
    } catch (TcoInputException e) {
      return new Outcome(l.number(), where, null, null, e.code(), FactsException.fromTco(where, e).render());
    } catch (RuntimeException e) {
      return new Outcome(l.number(), where, null, null, "ENGINE", where + ": " + e.getMessage());
    }
  }

  private static Outcome take(Deque<Future<Outcome>> inFlight) {
    try {
      return inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("batch interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
