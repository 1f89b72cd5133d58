package bvb.serve;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.scenario.Samples;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides sample fact sets before a rule set serves, so that the JIT has compiled the hot paths:
 * measured on 2 cores, a server that starts answering cold keeps the compiler busy for its first
 * ~30,000 decisions and its latency high meanwhile.
 *
 * <p>At start-up the decisions go over HTTP ({@link #runOverHttp}), through a server of the
 * warm-up's own on a loopback port, so that the HTTP stack, the request's parsing and the writing
 * of the answer are compiled along with the engine and the rules. Warmed by deciding parsed fact
 * sets only, the compiler still spent ~11 s (wall) in the first 30 s of load compiling the rest:
 * HTTP and sockets 3.5 s, request parsing 1.7 s. A freshly compiled rule set brings new classes
 * of its own, so a reload makes decisions too ({@link #run}), on the reloader's low-priority
 * thread, before the swap (see {@code RuleReloader.RELOAD_WARMUP_DECISIONS}). The start-up
 * warm-up goes on past its count until the JIT settles ({@link JitWatch}); a reload does not, so
 * that an edit is not held back further.
 */
public final class Warmup {
  private final List<FactSet> factSets;
  private final List<byte[]> bodies;
  private final int decisions;

  private Warmup(List<FactSet> factSets, List<byte[]> bodies, int decisions) {
    this.factSets = List.copyOf(factSets);
    this.bodies = List.copyOf(bodies);
    this.decisions = factSets.isEmpty() ? 0 : decisions;
  }

  /** No warm-up. */
  public static Warmup none() {
    return new Warmup(List.of(), List.of(), 0);
  }

  /**
   * {@code decisions} decisions cycling through the fact files in {@code dir} (a file that does
   * not parse is skipped with a warning); a missing directory means no warm-up, with a warning.
   */
  public static Warmup of(Path dir, int decisions, PrintWriter err) {
    if (decisions <= 0) { // no warm-up; the fact sets still check a reloaded rule set (RuleReloader)
      return Files.isDirectory(dir) ? of(dir, 1, new PrintWriter(java.io.Writer.nullWriter())).withDecisions(0) : none();
    }
    if (!Files.isDirectory(dir)) {
      err.println("warning: no warm-up: " + dir + " is not a directory of fact files");
      err.flush();
      return none();
    }
    List<FactSet> sets = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (Path p : Samples.list(dir)) {
      try {
        FactsLoader.Loaded loaded = FactsLoader.load(p);
        sets.add(loaded.facts());
        bodies.add(loaded.bytes());
      } catch (FactsException e) {
        err.println("warning: warm-up skips " + e.render());
      }
    }
    if (sets.isEmpty()) {
      err.println("warning: no warm-up: no fact file in " + dir);
    }
    err.flush();
    return new Warmup(sets, bodies, decisions);
  }

  public int decisions() {
    return decisions;
  }

  /** The warm-up fact files' fact sets (also when {@link #decisions} is 0). */
  public List<FactSet> factSets() {
    return factSets;
  }

  private Warmup withDecisions(int n) {
    return new Warmup(factSets, bodies, n);
  }

  /**
   * What a warm-up did: the decisions it was asked for (made, failed, seconds), what it made after
   * them while the JIT was still busy ({@code settling}; null when it did not go on), and the
   * seconds it then waited for the JIT to finish compiling (0 when it did not wait).
   */
  public record Result(int decided, int failed, double seconds, Settling settling, double compilerWait) {
    Result(int decided, int failed, double seconds) {
      this(decided, failed, seconds, null, 0);
    }

    /** The same warm-up, followed by {@code settling}. */
    Result withSettling(Settling s) {
      return new Result(decided, failed, seconds, s, compilerWait);
    }

    /** The same warm-up, followed by {@code seconds} of waiting for the JIT. */
    Result withCompilerWait(double seconds) {
      return new Result(decided, failed, this.seconds, settling, seconds);
    }

    public String describe() {
      return String.format(Locale.ROOT, "%,d decisions in %.1f s%s%s%s", decided, seconds,
          failed == 0 ? "" : " (" + failed + " failed)",
          settling == null ? "" : ", then " + settling.describe(),
          compilerWait == 0 ? "" : String.format(Locale.ROOT, ", then %.1f s for the JIT to finish compiling", compilerWait));
    }
  }

  /**
   * The decisions a warm-up made after those it was asked for, until the JIT settled
   * ({@code settled}) or a bound was reached.
   */
  public record Settling(int decided, int failed, double seconds, boolean settled) {
    String describe() {
      return String.format(Locale.ROOT, "%,d more in %.1f s %s%s", decided, seconds,
          settled ? "until the JIT settled" : "(the JIT had not settled: stopped at the bound)",
          failed == 0 ? "" : " (" + failed + " failed)");
    }
  }

  /*
   * Why the start-up warm-up goes on after its count: with 20,000 decisions on 2 cores the JIT was
   * still compiling about 1 s per second when they were done (C2's queue was long, and HotSpot
   * raises its compile thresholds with the queue's length, so hot methods such as the request
   * dispatch reached C2 only after ~18,000 calls). Its queue then drained while the server was idle,
   * and the first requests brought the rest back: 2.9 s of compiling in the load generator's 9 s
   * warm-up at rising rates up to 1,000 requests/s (two runs) against 0.5-1.2 s after settling
   * (five runs). Going on until the JIT settled took another 18,700-57,900 decisions (8-25 s) in 21
   * start-ups here; one more stopped at the bound (60,000 more, 22 s).
   */

  /**
   * This JVM's total JIT compile time so far, in milliseconds, or null where the JVM does not
   * report it.
   */
  static LongSupplier compileMillis() {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit == null || !jit.isCompilationTimeMonitoringSupported() ? null : jit::getTotalCompilationTime;
  }

  /** The JIT counts as settled once it compiled for less than this in a one-second window... */
  static final long SETTLED_COMPILE_MILLIS = 100;
  /** ... in this many windows in a row, while the warm-up went on deciding. */
  static final int SETTLED_WINDOWS = 2;
  /** Settling makes at most this many times the decisions asked for. */
  static final int SETTLING_FACTOR = 3;
  /** The longest the start-up warm-up goes on settling. */
  static final Duration SETTLING_LIMIT = Duration.ofSeconds(60);

  /**
   * Watches the JIT's compile time in one-second windows while a warm-up decides: settled once
   * {@link #SETTLED_WINDOWS} windows in a row each saw less than {@link #SETTLED_COMPILE_MILLIS} of
   * compiling. Where the JVM does not report compile time it counts as settled at once. Safe for
   * the warm-up's threads to ask at every decision: the compile time is read once a window.
   */
  static final class JitWatch {
    private final LongSupplier compileMillis;
    private final LongSupplier nanos;
    private long windowStart;
    private long compiledAtStart;
    private int quietWindows;
    private boolean settled;

    /** Watches this JVM's JIT. */
    static JitWatch ofThisJvm() {
      return new JitWatch(compileMillis(), System::nanoTime);
    }

    /** {@code compileMillis}: total compile time so far (null: not known); {@code nanos}: a clock. */
    JitWatch(LongSupplier compileMillis, LongSupplier nanos) {
      this.compileMillis = compileMillis;
      this.nanos = nanos;
      this.settled = compileMillis == null;
      if (compileMillis != null) {
        windowStart = nanos.getAsLong();
        compiledAtStart = compileMillis.getAsLong();
      }
    }

    /** False where the JVM does not report compile time: there is nothing to wait for. */
    boolean watches() {
      return compileMillis != null;
    }

    /** Whether it has settled, without closing a window. */
    synchronized boolean isSettled() {
      return settled;
    }

    /** Whether it has settled, closing the current window first if a second has passed. */
    synchronized boolean settled() {
      if (settled) {
        return true;
      }
      long now = nanos.getAsLong();
      if (now - windowStart >= 1_000_000_000L) {
        long compiled = compileMillis.getAsLong();
        quietWindows = compiled - compiledAtStart < SETTLED_COMPILE_MILLIS ? quietWindows + 1 : 0;
        settled = quietWindows >= SETTLED_WINDOWS;
        windowStart = now;
        compiledAtStart = compiled;
      }
      return settled;
    }
  }

  /** Decides the {@code i}th of {@code sets} and writes its JSON; false if that failed. */
  private static boolean decideOne(Engine engine, List<FactSet> sets, int i) {
    try {
      Decision d = engine.decide(sets.get(i % sets.size()));
      ResponseBuffer.of(DecisionJson.toJson(d, "warm-up"));
      return true;
    } catch (RuntimeException | IOException e) {
      return false;
    }
  }

  /** Runs {@code count} decisions on {@code threads} threads; a failing decision counts and goes on. */
  public Result run(Engine engine, int count, int threads) {
    return run(engine, count, threads, null);
  }

  /**
   * As above, starting no decision once {@code limit} has passed since the call (null: no limit);
   * the result counts the decisions made.
   */
  public Result run(Engine engine, int count, int threads, Duration limit) {
    return run(engine, factSets, count, threads, limit);
  }

  /** As above, deciding {@code sets} (cycling through them) instead of this warm-up's fact files. */
  public Result run(Engine engine, List<FactSet> sets, int count, int threads, Duration limit) {
    if (sets.isEmpty()) {
      return new Result(0, 0, 0);
    }
    long t0 = System.nanoTime();
    long deadline = limit == null ? 0 : t0 + limit.toNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger made = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable work = () -> {
      for (int i; (limit == null || System.nanoTime() - deadline < 0) && (i = next.getAndIncrement()) < count; ) {
        made.incrementAndGet();
        if (!decideOne(engine, sets, i)) {
          failed.incrementAndGet();
        }
      }
    };
    onThreads(work, threads, "bvb-warm-up");
    return new Result(made.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Makes this warm-up's decisions over HTTP: starts a server of its own on an ephemeral loopback
   * port (no audit log, so no record is written) serving {@code reloader}'s rule set with
   * {@code threads} handler threads, posts the fact files to it over as many keep-alive
   * connections, goes on posting while the JIT is still busy compiling (until it settles, at most
   * {@link #SETTLING_FACTOR} times the decisions asked for more and for {@link #SETTLING_LIMIT}),
   * and stops it; then waits, up to {@link #COMPILER_WAIT}, for the JIT to finish compiling what
   * the warm-up queued. A request answered with anything but 200 counts as failed.
   */
  public Result runOverHttp(RuleReloader reloader, int threads, String bvbVersion, String droolsVersion, PrintWriter err)
      throws IOException {
    ExecutorService handlers = DecisionServer.handlerThreads(threads);
    try {
      return runOverHttp(reloader, handlers, threads, bvbVersion, droolsVersion, err);
    } finally {
      handlers.shutdown();
    }
  }

  /**
   * As above, its server handling requests on {@code handlers} (which it leaves running), so that
   * the server that serves next can run on threads the warm-up has warmed.
   */
  public Result runOverHttp(RuleReloader reloader, ExecutorService handlers, int threads, String bvbVersion,
      String droolsVersion, PrintWriter err) throws IOException {
    DecisionServer server = DecisionServer.start(
        new DecisionServer.Config(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, threads, bvbVersion, droolsVersion, false),
        reloader, err, handlers);
    Result r;
    try {
      r = post(server.address(), decisions, threads, () -> false);
      JitWatch jit = JitWatch.ofThisJvm();
      if (jit.watches() && r.failed() < r.decided()) { // nothing to settle if every request failed
        long deadline = System.nanoTime() + SETTLING_LIMIT.toNanos();
        int bound = (int) Math.min(Integer.MAX_VALUE, (long) decisions * SETTLING_FACTOR);
        Result more = post(server.address(), bound, threads, () -> jit.settled() || System.nanoTime() - deadline >= 0);
        r = r.withSettling(new Settling(more.decided(), more.failed(), more.seconds(), jit.isSettled()));
      }
    } finally {
      server.stop(Duration.ofSeconds(5)); // a handler may still be finishing the answer its client has read
    }
    return r.withCompilerWait(awaitQuietCompiler(COMPILER_QUIET, COMPILER_WAIT));
  }

  /** How long no compilation may finish for the JIT to count as quiet. */
  static final Duration COMPILER_QUIET = Duration.ofMillis(500);
  /** The longest the start-up waits for a quiet JIT. */
  static final Duration COMPILER_WAIT = Duration.ofSeconds(10);

  /**
   * Waits until no JIT compilation has finished for {@code quiet}, at most {@code max}; returns
   * the seconds waited. The warm-up leaves compilations queued: on 2 cores the compiler went on
   * using 0.4-0.7 of a core for ~2 s after the last warm-up request, while the first real ones
   * waited for CPU.
   */
  static double awaitQuietCompiler(Duration quiet, Duration max) {
    LongSupplier jit = compileMillis();
    if (jit == null) {
      return 0;
    }
    long t0 = System.nanoTime();
    long last = jit.getAsLong();
    long lastChange = t0;
    while (System.nanoTime() - lastChange < quiet.toNanos() && System.nanoTime() - t0 < max.toNanos()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = jit.getAsLong();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The server's other read-only endpoints, asked for once every {@value #SIDE_EVERY} decisions in
   * turn, so that the JIT compiles the request path knowing that they come too. Warmed on
   * decisions alone, the first {@code GET /metrics} a server answered (a monitoring scrape; here
   * the load generator's) threw the compiled request handling back to the interpreter
   * ({@code DecisionServer.dispatch} and the JDK's {@code ServerImpl$Exchange.run}, JFR
   * {@code jdk.Deoptimization}: unstable_if), and C2 had them back only ~10 s later, with 1,000
   * decisions a second waiting on the slower code meanwhile. Their answers are read and not
   * checked: they are not decisions, and the tests check each endpoint.
   */
  static final List<String> SIDE_PATHS = List.of("/healthz", "/metrics", "/v1/rules");
  static final int SIDE_EVERY = 50;

  /**
   * Posts up to {@code count} fact files, cycling through them, to {@code server} over
   * {@code connections} connections, starting none once {@code stop} says so; every
   * {@value #SIDE_EVERY}th decision is followed by a GET of one of {@link #SIDE_PATHS}.
   */
  Result post(InetSocketAddress server, int count, int connections, BooleanSupplier stop) {
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger made = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable work = () -> {
      Connection c = null;
      try {
        for (int i; !stop.getAsBoolean() && (i = next.getAndIncrement()) < count; ) {
          made.incrementAndGet();
          try {
            if (c == null) {
              c = new Connection(server);
            }
            if (c.post(bodies.get(i % bodies.size())) != 200) {
              failed.incrementAndGet();
            }
          } catch (IOException e) {
            failed.incrementAndGet();
            close(c);
            c = null;
          }
          if (c != null && i % SIDE_EVERY == SIDE_EVERY - 1) {
            try {
              c.get(SIDE_PATHS.get(i / SIDE_EVERY % SIDE_PATHS.size()));
            } catch (IOException e) {
              close(c); // not a decision: not counted; the next decision reconnects
              c = null;
            }
          }
        }
      } finally {
        close(c);
      }
    };
    onThreads(work, connections, "bvb-warm-up-client");
    return new Result(made.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
  }

  /** Runs {@code work} on {@code threads} new threads ({@code name}-1, -2, ...) and waits for them all. */
  private static void onThreads(Runnable work, int threads, String name) {
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t <= threads; t++) {
      Thread th = new Thread(work, name + "-" + t);
      th.start();
      started.add(th);
    }
    for (Thread th : started) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.socket.close();
      } catch (IOException e) {
        // closing a warm-up connection: nothing to do
      }
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection posting to {@code /v1/decisions} (and asking for the
   * {@link #SIDE_PATHS}): just enough HTTP for this server's answers, which always carry a
   * Content-Length.
   */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private final byte[] head;

    Connection(InetSocketAddress server) throws IOException {
      socket = new Socket(server.getAddress(), server.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      host = server.getAddress().getHostAddress() + ":" + server.getPort();
      head = ("POST /v1/decisions HTTP/1.1\r\nHost: " + host
          + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts one fact file and reads the whole answer; returns the status. */
    int post(byte[] body) throws IOException {
      out.write(head);
      out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return answer();
    }

    /** Asks for {@code path} and reads the whole answer; returns the status. */
    int get(String path) throws IOException {
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return answer();
    }

    private int answer() throws IOException {
      String status = line();
      if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("not an HTTP/1.1 answer: " + status);
      }
      long length = 0;
      boolean close = false;
      for (String h; !(h = line()).isEmpty(); ) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring("content-length:".length()).trim());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        } else if (lower.startsWith("transfer-encoding:")) {
          throw new IOException("unexpected " + h);
        }
      }
      in.skipNBytes(length);
      if (close) {
        throw new IOException("server closed the connection");
      }
      return Integer.parseInt(status.substring(9, 12));
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder(64);
      for (int c; (c = in.read()) != '\n'; ) {
        if (c < 0) {
          throw new EOFException("connection closed by the server");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }
  }
}
