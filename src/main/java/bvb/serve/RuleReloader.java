package bvb.serve;

import bvb.catalog.CatalogException;
import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.rules.RuleError;
import bvb.rules.RuleFiles;
import bvb.rules.RuleInfo;
import bvb.rules.RuleSet;
import bvb.rules.RulesException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holds the active {@link Snapshot} in an {@link AtomicReference} and swaps in a new one when the
 * rules directory or the price catalog changes.
 *
 * <p>Change detection polls content: every poll reads the rule files ({@code *.drl}, {@code *.csv} tables) and the catalog and
 * hashes them (the same hash as the rule set's). A changed hash is compiled only once it has been
 * seen unchanged on two consecutive polls, so a file caught half-written is not compiled. Compiling
 * happens on the poller thread, never on a request thread. A rule set that does not compile, or a
 * catalog that does not validate, leaves the last good snapshot active and is kept as
 * {@link #lastError()} (and printed to stderr) until a later edit compiles.
 */
public final class RuleReloader implements AutoCloseable {
  /** The last reload that failed: every error line, and when. */
  public record ReloadError(List<String> errors, String ruleFilesSha256, Instant at) {}

  private final Path rulesDir;
  private final Path catalogFile;
  private final boolean catalogRequired;
  private final int horizonMonths;
  private final int maxPriceAgeDays;
  private final PrintWriter err;
  private final AtomicReference<Snapshot> active = new AtomicReference<>();
  private final AtomicReference<ReloadError> lastError = new AtomicReference<>();
  private final LongAdder reloads = new LongAdder();
  private final LongAdder reloadFailures = new LongAdder();
  private volatile ScheduledExecutorService poller;

  private final Warmup warmup;
  private final java.util.function.Function<RuleFiles, RuleSet> compiler;

  /**
   * Decisions a reloaded rule set makes before the swap, on the fact sets of recent requests, so
   * that the JIT has compiled its new classes (rule consequences, compiled constraints) for what
   * the requests will run. With the reloader thread at the lowest CPU priority (see
   * {@link #start(long, boolean)}) it runs on CPU the requests leave idle: 4-20 s on 2 cores
   * serving 1,000 requests/s. Load runs there (10 edits in 60 s), p99 and requests left unsent:
   * compiling and making 200 warm-up decisions at normal priority, 3.7 s / 6,937 and 2.7 s / 1,956;
   * both at the lowest priority, 1.57 s / 0 and 0.57 s / 0; 5,000 decisions at the lowest priority,
   * 0.25 and 0.41 s / 0 (interleaved, in a noisy hour). Warming up on recent requests rather than
   * on the warm-up fact files: 0.21, 0.06 and 0.46 s against 0.32, 0.63 and 0.91 s, all answered.
   */
  static final int RELOAD_WARMUP_DECISIONS = 5_000;

  /**
   * Decisions a reload makes when the server has decided no request for {@link #BUSY_WINDOW}; it
   * then does not wait for the JIT either. With no requests to queue behind it, a long warm-up
   * would only delay the edit: 5,000 decisions took 5.1 s on an idle server here, and the edit
   * showed after 7 s.
   */
  static final int RELOAD_WARMUP_IDLE = 200;

  /** A server that decided a request within this window counts as busy. */
  static final Duration BUSY_WINDOW = Duration.ofSeconds(10);

  /** The longest a reload's warm-up runs: on a saturated server a swap must not wait for ever. */
  static final Duration RELOAD_WARMUP_LIMIT = Duration.ofSeconds(30);

  /** The longest a reload on a busy server then waits for the JIT to finish what the warm-up queued. */
  static final Duration RELOAD_COMPILER_WAIT = Duration.ofSeconds(5);

  /** Requests whose fact sets a reload warms up on. */
  static final int RECENT_FACT_SETS = 64;

  private final RecentFacts recent = new RecentFacts(RECENT_FACT_SETS);

  private volatile java.time.Duration decisionTimeout = Engine.DEFAULT_DECISION_TIMEOUT;

  // Poller-thread state only.
  private String seenKey;
  private String triedKey;

  /**
   * Loads the first snapshot; throws {@link RulesException} or {@link CatalogException} if it
   * cannot be built (the server then does not start).
   *
   * @param catalog the catalog file, or null for {@code prices.json} in the rules directory if present
   */
  public RuleReloader(Path rulesDir, Path catalog, int horizonMonths, PrintWriter err) {
    this(rulesDir, catalog, horizonMonths, Engine.DEFAULT_MAX_PRICE_AGE_DAYS, err);
  }

  /** As above, warning on catalog prices older than {@code maxPriceAgeDays}. */
  public RuleReloader(Path rulesDir, Path catalog, int horizonMonths, int maxPriceAgeDays, PrintWriter err) {
    this(rulesDir, catalog, horizonMonths, maxPriceAgeDays, Warmup.none(), err);
  }

  /**
   * As above; every reloaded rule set makes up to {@value #RELOAD_WARMUP_DECISIONS} warm-up
   * decisions ({@value #RELOAD_WARMUP_IDLE} on an idle server, never more than {@code warmup}'s
   * count) on the poller thread before it is swapped in, on recent requests' fact sets or else
   * {@code warmup}'s. The first rule set is warmed by {@code bvb serve}, over HTTP.
   */
  public RuleReloader(Path rulesDir, Path catalog, int horizonMonths, int maxPriceAgeDays, Warmup warmup, PrintWriter err) {
    this(rulesDir, catalog, horizonMonths, maxPriceAgeDays, warmup, RuleSet::compile, err);
  }

  /** As above, compiling changed rule files with {@code compiler} (which throws RulesException). */
  public RuleReloader(Path rulesDir, Path catalog, int horizonMonths, int maxPriceAgeDays, Warmup warmup,
      java.util.function.Function<RuleFiles, RuleSet> compiler, PrintWriter err) {
    this.compiler = compiler;
    this.warmup = warmup;
    this.maxPriceAgeDays = maxPriceAgeDays;
    this.rulesDir = rulesDir;
    this.catalogRequired = catalog != null;
    this.catalogFile = catalog != null ? catalog : rulesDir.resolve("prices.json");
    this.horizonMonths = horizonMonths;
    this.err = err;
    Input in = readInput();
    Snapshot first = build(in, null);
    active.set(first); // bvb serve warms it over HTTP (Warmup.runOverHttp) before it says ready
    seenKey = in.key();
    triedKey = in.key();
  }

  /**
   * Where the server keeps the fact sets of recent requests: a reload warms up on them (on the
   * warm-up fact files before the first request), so that what the JIT compiles before the swap
   * is what the requests will run.
   */
  public RecentFacts recentFacts() {
    return recent;
  }

  /** The snapshot new requests use. */
  public Snapshot current() {
    return active.get();
  }

  public ReloadError lastError() {
    return lastError.get();
  }

  public long reloads() {
    return reloads.sum();
  }

  public long reloadFailures() {
    return reloadFailures.sum();
  }

  /** Starts polling every {@code intervalMillis} on a daemon thread at normal priority. */
  public void start(long intervalMillis) {
    start(intervalMillis, false);
  }

  /**
   * Starts polling every {@code intervalMillis} on a daemon thread; with {@code lowPriority} that
   * thread, and the warm-up threads it starts, run at the lowest CPU priority (Linux: nice 19), so
   * that compiling and warming up a reload run on CPU that requests leave idle; the JIT compiling
   * the code they run still works at normal priority. Compiling at normal priority took 0.8-1.9 s
   * on a server already using most of its 2 cores, and requests queued behind it. On a system
   * where the priority cannot be lowered the reloader says so on stderr.
   */
  public synchronized void start(long intervalMillis, boolean lowPriority) {
    if (poller != null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Runnable body = !lowPriority ? r : () -> {
        try {
          err.println("bvb serve: rule reloader: " + LowPriority.lowerCurrentThread());
          err.flush();
        } finally {
          r.run(); // whatever happened above, the thread polls
        }
      };
      Thread t = new Thread(body, "bvb-rule-reloader");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::pollSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() { // not synchronized: must not wait for a poll in progress (SIGTERM)
    ScheduledExecutorService p = poller;
    if (p != null) {
      p.shutdownNow();
      poller = null;
    }
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // not a rule or catalog error bvb knows: still a failed reload, shown at GET /v1/rules
      e.printStackTrace(err);
      fail(new IllegalStateException("internal: " + e, e), null);
    }
  }

  /** One poll: visible for tests, which call it directly instead of waiting for the timer. */
  synchronized void poll() {
    Input in;
    try {
      in = readInput();
    } catch (RulesException | CatalogException e) {
      fail(e, null);
      return;
    }
    String key = in.key();
    boolean settled = key.equals(seenKey);
    seenKey = key;
    if (!settled || key.equals(triedKey)) {
      return;
    }
    triedKey = key;
    try {
      long t0 = System.nanoTime();
      boolean busy = recent.addedWithin(BUSY_WINDOW); // as the edit is taken up, not after its compile
      Snapshot previous = active.get();
      Snapshot next = build(in, previous);
      if (next.rules() != previous.rules()) {
        checkWithinLimits(next);
      }
      if (warmup.decisions() > 0 && next.rules() != previous.rules()) {
        double built = (System.nanoTime() - t0) / 1e9;
        List<FactSet> traffic = recent.snapshot();
        int n = Math.min(warmup.decisions(), busy ? RELOAD_WARMUP_DECISIONS : RELOAD_WARMUP_IDLE);
        Warmup.Result r = traffic.isEmpty()
            ? warmup.run(next.engine(), n, 1, RELOAD_WARMUP_LIMIT)
            : warmup.run(next.engine(), traffic, n, 1, RELOAD_WARMUP_LIMIT);
        double jit = busy ? Warmup.awaitQuietCompiler(Warmup.COMPILER_QUIET, RELOAD_COMPILER_WAIT) : 0;
        err.printf(Locale.ROOT, "bvb serve: compiled rule set %s in %.1f s; warmed up on %s: %s%n", next.ruleSetHash(), built,
            traffic.isEmpty() ? "the warm-up fact files" : "the fact sets of the last " + traffic.size() + " requests",
            r.withCompilerWait(jit).describe());
      }
      active.set(next);
      lastError.set(null);
      reloads.increment();
      err.println("bvb serve: reloaded rule set " + next.ruleSetHash()
          + (next.catalog() == null ? "" : ", catalog " + next.catalogHash()));
      err.flush();
    } catch (RulesException | CatalogException e) {
      fail(e, in.files().sha256());
    }
  }

  /**
   * Sets the longest one decision may run, for the serving rule set and every reloaded one (by
   * default {@link Engine#DEFAULT_DECISION_TIMEOUT}). Returns this reloader.
   */
  public RuleReloader decisionTimeout(java.time.Duration limit) {
    decisionTimeout = limit;
    active.get().engine().decisionTimeout(limit);
    return this;
  }

  /**
   * Decides the warm-up fact files, then the fact sets of recent requests, each once on {@code
   * next}: a rule set that spins past the decision time limit or loops past the firing limit on
   * any of them is rejected (RULES-030, naming the rule, its file and line when known) and is not
   * swapped in. Other failures (facts the rules cannot decide) are the requests' and do not count.
   */
  private void checkWithinLimits(Snapshot next) {
    List<FactSet> sets = new java.util.ArrayList<>(warmup.factSets());
    int files = sets.size();
    sets.addAll(recent.snapshot());
    for (int i = 0; i < sets.size(); i++) {
      FactSet f = sets.get(i);
      String what = (i < files ? "warm-up fact set " : "a recent request's fact set ")
          + (f.name() != null ? "\"" + f.name() + "\"" : "#" + (i < files ? i + 1 : i - files + 1));
      try {
        next.engine().decide(f);
      } catch (bvb.engine.DecisionTimeoutException e) {
        RuleInfo r = e.rule();
        throw new RulesException(List.of(new RuleError(r != null ? r.file() : rulesDir.toString(), r != null ? r.line() : 0, 0,
            "RULES-030", "rule set " + next.ruleSetHash() + " not swapped in: deciding " + what + ": " + e.getMessage())));
      } catch (bvb.engine.RuleLoopException e) {
        throw new RulesException(List.of(new RuleError(rulesDir.toString(), 0, 0,
            "RULES-030", "rule set " + next.ruleSetHash() + " not swapped in: deciding " + what + ": " + e.getMessage())));
      } catch (RuntimeException e) {
        // a fact set these rules cannot decide: the request's own failure, not a limit
      }
    }
  }

  private void fail(RuntimeException e, String filesHash) {
    List<String> lines = e instanceof RulesException r
        ? r.errors().stream().map(RuleError::render).toList()
        : List.of(e.getMessage());
    ReloadError previous = lastError.get();
    if (previous == null || !previous.errors().equals(lines)) {
      reloadFailures.increment();
      for (String l : lines) {
        err.println("error: rule reload: " + l);
      }
      err.println("bvb serve: keeping rule set " + active.get().ruleSetHash());
      err.flush();
    }
    lastError.set(new ReloadError(lines, filesHash, Instant.now()));
  }

  /** What is on disk now: the rule files and the catalog's bytes. */
  private record Input(RuleFiles files, byte[] catalogBytes, String catalogHash) {
    String key() {
      return files.sha256() + "/" + catalogHash;
    }
  }

  private Input readInput() {
    RuleFiles files = RuleFiles.read(rulesDir);
    byte[] bytes = null;
    try {
      bytes = bvb.facts.Bounded.read(catalogFile, PriceCatalog.MAX_BYTES);
    } catch (NoSuchFileException e) {
      if (catalogRequired) {
        throw new CatalogException(CatalogException.MALFORMED, catalogFile + ": cannot read: no such file");
      }
    } catch (IOException e) {
      throw new CatalogException(CatalogException.MALFORMED, catalogFile + ": cannot read: " + e.getMessage(), e);
    }
    return new Input(files, bytes, bytes == null ? null : sha256(bytes));
  }

  /** Compiles what changed; reuses the previous rule base or catalog when its input is the same. */
  private Snapshot build(Input in, Snapshot previous) {
    RuleSet rules = previous != null && previous.ruleSetHash().equals(in.files().sha256())
        ? previous.rules()
        : compiler.apply(in.files());
    PriceCatalog catalog;
    if (in.catalogBytes() == null) {
      catalog = null;
    } else if (previous != null && Objects.equals(previous.catalogFileHash(), in.catalogHash())) {
      catalog = previous.catalog();
    } else {
      // PriceCatalog reads the file itself; a change between our read and its read is caught by
      // comparing hashes, and retried on the next poll.
      catalog = PriceCatalog.load(catalogFile);
      if (!catalog.sha256().equals(in.catalogHash())) {
        seenKey = null;
        triedKey = null;
        throw new CatalogException(CatalogException.MALFORMED, catalogFile + ": changed while being read; retrying");
      }
    }
    return new Snapshot(new Engine(rules, catalog, horizonMonths, maxPriceAgeDays).decisionTimeout(decisionTimeout), rules,
        catalog, in.catalogHash());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
