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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Decides sample fact sets before a rule set serves, so that the JIT has compiled the hot paths:
 * measured on 2 cores, a server that starts answering cold keeps the compiler busy for its first
 * ~30,000 decisions and its latency high meanwhile.
 *
 * <p>At start-up the decisions go over HTTP ({@link #runOverHttp}) to the server itself, which
 * already listens and says on {@code GET /readyz} that it is not ready yet, so that the HTTP
 * stack, the request's parsing and the writing of the answer are compiled along with the engine
 * and the rules, on the threads that then serve. Warmed by deciding parsed fact
 * sets only, the compiler still spent ~11 s (wall) in the first 30 s of load compiling the rest:
 * HTTP and sockets 3.5 s, request parsing 1.7 s. A freshly compiled rule set brings new classes
 * of its own, so a reload makes decisions too ({@link #run}), on the reloader's low-priority
 * thread, before the swap (see {@code RuleReloader.RELOAD_WARMUP_DECISIONS}).
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
   * What a warm-up did: decisions made, failed, seconds; then the decisions and seconds it went on
   * until the JIT settled (0: did not); then seconds waited for the JIT (0: did not wait).
   */
  public record Result(int decided, int failed, double seconds, int settled, double settleSeconds, double compilerWait) {
    Result(int decided, int failed, double seconds) {
      this(decided, failed, seconds, 0, 0, 0);
    }

    /** The same warm-up, followed by {@code seconds} of waiting for the JIT. */
    Result withCompilerWait(double seconds) {
      return new Result(decided, failed, this.seconds, settled, settleSeconds, seconds);
    }

    /** The same warm-up, followed by the settling rounds of {@code more}. */
    Result withSettling(Result more) {
      return new Result(decided, failed + more.failed, seconds, more.decided, more.seconds, compilerWait);
    }

    public String describe() {
      return String.format(Locale.ROOT, "%,d decisions in %.1f s%s%s%s", decided, seconds,
          failed == 0 ? "" : " (" + failed + " failed)",
          settled == 0 ? "" : String.format(Locale.ROOT, ", then %,d more in %.1f s until the JIT settled", settled, settleSeconds),
          compilerWait == 0 ? "" : String.format(Locale.ROOT, ", then %.1f s for the JIT to finish compiling", compilerWait));
    }
  }

  /**
   * This JVM's total JIT compile time so far, in milliseconds, or null where the JVM does not
   * report it.
   */
  static LongSupplier compileMillis() {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit == null || !jit.isCompilationTimeMonitoringSupported() ? null : jit::getTotalCompilationTime;
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
   * Makes this warm-up's decisions over HTTP: posts the fact files to {@code server} (which must
   * already serve its rules) over {@code connections} keep-alive connections, naming them as
   * warm-up requests (not audited, not counted in the metrics), then waits, up to
   * {@link #COMPILER_WAIT}, for the JIT to finish compiling what they queued. A request answered
   * with anything but 200 counts as failed.
   */
  public Result runOverHttp(DecisionServer server, int connections) {
    return runOverHttp(server, connections, Duration.ZERO);
  }

  /**
   * As above, going on for up to {@code settleMax} after this warm-up's decisions until the JIT
   * settles ({@link #settleOverHttp}), and only then waiting for it to finish compiling, so that the
   * wait covers what the settling rounds queued too.
   */
  public Result runOverHttp(DecisionServer server, int connections, Duration settleMax) {
    InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
    Result r = post(to, server.warmUpToken(), decisions, connections);
    return r.withSettling(settleOverHttp(server, connections, settleMax))
        .withCompilerWait(awaitQuietCompiler(COMPILER_QUIET, COMPILER_WAIT));
  }

  /**
   * After this warm-up's decisions, goes on posting in rounds of {@value #SETTLE_ROUND} decisions (fewer
   * for a warm-up of fewer) until the JIT compiled for less than {@link #SETTLED_SHARE} of two rounds
   * in a row, at most {@value #SETTLE_TIMES} times this warm-up's decisions more and {@code max}; returns the decisions made and their seconds (0 where the JVM does not report
   * compile time). A fixed count left the JIT compiling under the first real load: on 2 cores the
   * server compiled 1.9 s during a measured minute at 1,000 requests/s against 0.7-0.9 s when the
   * warm-up went on until the JIT settled, and its p99 was 9.6 ms against 5.0-5.2 ms.
   */
  public Result settleOverHttp(DecisionServer server, int connections, Duration max) {
    LongSupplier jit = compileMillis();
    if (jit == null || decisions == 0) {
      return new Result(0, 0, 0);
    }
    InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
    long t0 = System.nanoTime();
    int made = 0;
    int failed = 0;
    int quietRounds = 0;
    int round0 = Math.min(SETTLE_ROUND, decisions);
    long most = (long) SETTLE_TIMES * decisions;
    while (quietRounds < 2 && made + round0 <= most && System.nanoTime() - t0 < max.toNanos()) {
      long compiledBefore = jit.getAsLong();
      Result round = post(to, server.warmUpToken(), round0, connections);
      made += round.decided();
      failed += round.failed();
      if (round.failed() == round.decided()) {
        break; // nothing is being decided: nothing to settle
      }
      double compiled = (jit.getAsLong() - compiledBefore) / 1000.0;
      quietRounds = compiled < SETTLED_SHARE * round.seconds() ? quietRounds + 1 : 0;
    }
    return new Result(made, failed, (System.nanoTime() - t0) / 1e9);
  }

  /** Decisions per round of {@link #settleOverHttp}: about a second's worth on 2 cores. */
  static final int SETTLE_ROUND = 1_000;
  /** Settling makes at most this many times the warm-up's own decisions. */
  static final int SETTLE_TIMES = 3;
  /** The share of a round's time the JIT may spend compiling for the round to count as settled. */
  static final double SETTLED_SHARE = 0.1;
  /** The longest {@code bvb serve} goes on warming up until the JIT settles. */
  public static final Duration SETTLE_MAX = Duration.ofSeconds(60);

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
   * Posts {@code count} fact files, cycling through them, to {@code server} over
   * {@code connections} connections, each with {@code token} in {@link DecisionServer#WARM_UP_HEADER};
   * every {@value #SIDE_EVERY}th decision is followed by a GET of one of {@link #SIDE_PATHS}.
   */
  Result post(InetSocketAddress server, String token, int count, int connections) {
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger made = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable work = () -> {
      Connection c = null;
      try {
        for (int i; (i = next.getAndIncrement()) < count; ) {
          made.incrementAndGet();
          try {
            if (c == null) {
              c = new Connection(server, token);
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
    /** The header lines every request carries: host and warm-up token. */
    private final String headers;
    private final byte[] head;

    Connection(InetSocketAddress server, String token) throws IOException {
      socket = new Socket(server.getAddress(), server.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      headers = "Host: " + server.getAddress().getHostAddress() + ":" + server.getPort() + "\r\n"
          + DecisionServer.WARM_UP_HEADER + ": " + token + "\r\n";
      head = ("POST /v1/decisions HTTP/1.1\r\n" + headers
          + "Content-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
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
      out.write(("GET " + path + " HTTP/1.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
