package bvb.cli;

import bvb.audit.AuditStore;
import bvb.rules.IncrementalCompiler;
import bvb.serve.DecisionServer;
import bvb.serve.RuleReloader;
import bvb.serve.Warmup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bvb serve}: the decision service over HTTP, reloading rules and catalog on change. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve decisions over HTTP: POST /v1/decisions, POST /v1/tco, GET /v1/decisions/{id}, GET /v1/rules, GET /healthz, GET /readyz, GET /metrics, GET /openapi.yaml, GET /schemas/{name} (and HEAD on each GET).",
      "Edits to the rules directory or catalog are compiled in the background and swapped in; a broken edit keeps the last good rule set. SIGTERM stops accepting, finishes requests in flight, and exits."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(names = "--audit", paramLabel = "FILE|URL",
      description = "Append every decision to this log before answering; GET /v1/decisions/{id} reads it. A JSONL file or"
          + " jdbc:postgresql://host:port/db?user=... (one table shared by several replicas); default: $BVB_AUDIT_URL if set, else no log.")
  String audit;

  @Option(names = "--threads", paramLabel = "N", description = "Request handler threads (default: twice the processors, at least 4).")
  Integer threads;

  @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "500",
      description = "How often the rules and catalog are checked for changes (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
      description = "On SIGTERM, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
  int graceSeconds;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "20000",
      description = "Decisions made on the --warmup-facts once the rules are loaded, posted over HTTP to the server itself "
          + "(not audited, not counted in /metrics; GET /readyz answers 503 meanwhile), "
          + "then more in rounds of 1,000 until the JIT compiled for under a tenth of two rounds in a row (at most 3 N more and 60 s), "
          + "then up to 10 s more for the JIT to finish compiling, "
          + "so that the first requests are not answered by a cold JIT; "
          + "a reloaded rule set makes up to 5,000 decisions, never more than N (200 if no request was decided in the last 10 s; for at most 30 s; at the lowest CPU priority), "
          + "on the fact sets of the last 64 requests, or on these files before any request, before it is swapped in. 0 turns warm-up off (default: ${DEFAULT-VALUE}).")
  int warmupDecisions;

  @Option(names = "--warmup-facts", paramLabel = "DIR", defaultValue = "facts-samples",
      description = "Fact files the warm-up decides, cycling through them (default: ${DEFAULT-VALUE}; none there: no warm-up, with a warning).")
  Path warmupFacts;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!bvb.tco.TcoCalculator.HORIZONS.contains(common.horizonMonths)) {
      throw new bvb.tco.TcoInputException("TCO-007", "horizonMonths", "must be 12, 24 or 36, got " + common.horizonMonths);
    }
    common.checkOptions();
    if (warmupDecisions < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--warmup must be 0 or more, got " + warmupDecisions);
    }
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
    }
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + ": unknown host name");
    }
    // the decision log too: a database that cannot be reached ends the start at once, naming its (masked) URL
    String auditTarget = AuditStore.resolve(audit, System.getenv(), null);
    AuditStore store = auditTarget == null ? null : AuditStore.open(auditTarget, err);
    int n = threads != null ? threads : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    // Listens before the warm-up's fact files are read and the rules load, which take a while:
    // /healthz answers at once, /readyz says 503 until the warm-up is done.
    DecisionServer server;
    try {
      server = DecisionServer.listen(
          new DecisionServer.Config(address, store, n, Versions.bvb(), Versions.drools(), warmupDecisions > 0), err);
    } catch (IOException e) { // taken, or not this machine's address
      if (store != null) {
        store.close();
      }
      throw cannotListen(address, e);
    }
    AtomicReference<RuleReloader> rules = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      haltAfter(Duration.ofSeconds(graceSeconds).plus(HALT_MARGIN), err);
      err.println("bvb serve: stopping: finishing requests in flight");
      err.flush();
      if (rules.get() != null) {
        rules.get().close();
      }
      server.stop(Duration.ofSeconds(graceSeconds));
      if (store != null) {
        String appends = store.appendSummary();
        if (appends != null) {
          err.println("bvb serve: audit " + store.name() + ": " + appends);
        }
        store.close();
      }
      err.println("bvb serve: stopped");
      err.flush();
      stopped.countDown();
    }, "bvb-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    InetSocketAddress a = server.address();
    err.println("bvb serve: listening on http://" + a.getAddress().getHostAddress() + ":" + a.getPort()
        + " (rules " + common.rulesDir + ", " + n + " threads" + (store != null ? ", audit " + store.name() : "")
        + "); GET /readyz answers 503 until the rules are loaded and warmed up");
    err.flush();
    Warmup warmup = Warmup.of(warmupFacts, warmupDecisions, err);
    RuleReloader reloader;
    try {
      reloader = new RuleReloader(common.rulesDir, common.catalog, common.horizonMonths, common.maxPriceAgeDays, warmup,
          new IncrementalCompiler(), err).decisionTimeout(common.decisionTimeout());
      rules.set(reloader);
      server.serve(reloader);
      if (warmup.decisions() > 0) {
        Warmup.Result r = warmup.runOverHttp(server, n, Warmup.SETTLE_MAX);
        err.println("bvb serve: warmed up: " + r.describe());
      }
    } catch (RuntimeException e) { // rules or catalog broken: nothing serves
      Runtime.getRuntime().removeShutdownHook(hook);
      server.stop(Duration.ZERO);
      if (store != null) {
        store.close();
      }
      throw e;
    }
    server.ready();
    err.println("bvb serve: ready (rule set " + reloader.current().ruleSetHash() + ")");
    err.flush();
    reloader.start(pollMillis, true); // after the ready line, so the reloader's own first line follows it
    stopped.await();
    return ExitCode.OK.code;
  }

  /** How long after --grace a SIGTERM'd server that has not stopped is halted. */
  static final Duration HALT_MARGIN = Duration.ofMillis(500);

  /**
   * Halts the JVM (exit 143, as for SIGTERM) after {@code limit} unless it has exited by then: so
   * that nothing, not a request still running nor a stuck reload, holds the process past --grace.
   */
  private static void haltAfter(Duration limit, PrintWriter err) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(limit.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      err.println("bvb serve: still not stopped " + limit.toMillis() + " ms after SIGTERM; halting");
      err.flush();
      Runtime.getRuntime().halt(143);
    }, "bvb-halt-after-grace");
    t.setDaemon(true);
    t.start();
  }

  private picocli.CommandLine.ParameterException cannotListen(InetSocketAddress address, Exception e) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + " --port " + port
        + ": cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort() + ": " + e.getMessage());
  }
}
