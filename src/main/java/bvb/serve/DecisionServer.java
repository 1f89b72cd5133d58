package bvb.serve;

import bvb.audit.AuditIndex;
import bvb.audit.AuditRecord;
import bvb.audit.AuditStore;
import bvb.audit.AuditUnavailableException;
import bvb.engine.Decision;
import bvb.engine.EngineException;
import bvb.engine.RuleLoopException;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.report.Json;
import bvb.rules.RuleInfo;
import bvb.tco.TcoInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * bvb's HTTP decision service on the JDK's {@link HttpServer}.
 *
 * <p>Two kinds of threads: connection threads (up to {@link #CONNECTION_THREADS}) read each
 * request and write its answer, and a fixed pool of handler threads decides. A client that sends
 * slowly or stalls thus holds one connection thread until the {@link Limits} close it, never a
 * handler thread.
 *
 * <p>Every request takes the active {@link Snapshot} once, at its start, and runs to the end on it,
 * so a reload never changes the rule set under a request; the snapshot's hash is sent as
 * {@code X-Bvb-Rule-Set} on every response. No response ever carries a stack trace: unexpected
 * errors answer 500 "internal error" with a request id, and the details go to stderr.
 */
public final class DecisionServer implements AutoCloseable {
  /** Header naming the SHA-256 of the rule set a response was computed with. */
  public static final String RULE_SET_HEADER = "X-Bvb-Rule-Set";

  static final String JSON = "application/json; charset=utf-8";
  /** Largest oversized body read and discarded so that its sender can read the 413. */
  static final long DRAIN_BYTES = 16L * FactsLoader.MAX_BYTES;

  /** Requests read or answered at once; more wait for a connection thread. */
  static final int CONNECTION_THREADS = 256;

  /**
   * The connection limits, as the JDK server's settings (read once per process, when the first
   * server starts; a {@code -Dsun.net.httpserver.*} option given to the JVM wins).
   */
  public static final class Limits {
    /** Seconds from a request's first byte until its headers and body are in. */
    public static final int READ_SECONDS = 10;
    /** Seconds to hand the answer to the client, once it is ready. */
    public static final int WRITE_SECONDS = 10;
    /** Seconds a kept-alive connection may sit idle between requests. */
    public static final int IDLE_SECONDS = 30;
    /** Most request header lines (the request line not counted). */
    public static final int MAX_HEADERS = 100;
    /** Most bytes of request line and headers together. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    private Limits() {}

    static void apply() {
      set("sun.net.httpserver.maxReqTime", READ_SECONDS);
      set("sun.net.httpserver.maxRspTime", WRITE_SECONDS);
      set("sun.net.httpserver.idleInterval", IDLE_SECONDS);
      set("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
      set("sun.net.httpserver.maxReqHeaderSize", MAX_HEADER_BYTES);
      // Without TCP_NODELAY the JDK server's separate header and body writes meet Nagle's
      // algorithm and the client's delayed ACK: ~40 ms per keep-alive request.
      if (System.getProperty("sun.net.httpserver.nodelay") == null) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
      }
    }

    private static void set(String name, int value) {
      if (System.getProperty(name) == null) {
        System.setProperty(name, Integer.toString(value));
      }
    }
  }

  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,36}");

  /**
   * How to serve: address, optional decision log, handler threads, versions for the JSON; with
   * {@code recordsTraffic} the fact sets of decided requests are kept in the reloader's
   * {@link RecentFacts}, for warming up reloads (off in {@code bvb serve --warmup 0}; the start-up
   * warm-up's own requests are never kept).
   */
  public record Config(InetSocketAddress bind, AuditStore audit, int threads, String bvbVersion, String droolsVersion, boolean recordsTraffic) {
    public Config(InetSocketAddress bind, AuditStore audit, int threads, String bvbVersion, String droolsVersion) {
      this(bind, audit, threads, bvbVersion, droolsVersion, true);
    }
  }

  /**
   * Header with which the start-up warm-up's requests name themselves: a request carrying this
   * server's {@link #warmUpToken} is decided and answered like any other, but not counted in the
   * metrics, not audited, and not kept as traffic for reloads.
   */
  static final String WARM_UP_HEADER = "X-Bvb-Warm-Up";

  private final Config config;
  /** The rules; null until {@link #serve} (the server listens before the rules are loaded). */
  private volatile RuleReloader reloader;
  /** Whether {@code GET /readyz} says ready: rules loaded and warmed up. */
  private volatile boolean ready;
  private final String warmUpToken = java.util.UUID.randomUUID().toString();
  private final PrintWriter err;
  private final Metrics metrics;
  /**
   * Where the fact sets of requests the warm-up did not send go when the server does not record
   * traffic: a ring that nothing reads, so that every request runs the same code (a branch the
   * warm-up never took threw the compiled {@code decide} back to the interpreter at the first
   * real request: JFR {@code jdk.Deoptimization}, unstable_if).
   */
  private final RecentFacts unread = new RecentFacts(RecentFacts.UNREAD_CAPACITY);
  private final HttpServer server;
  private final ExecutorService pool;
  /** Threads that read requests and write answers (see the class comment). */
  private final ThreadPoolExecutor connections;
  /** Exchanges handed to the pool and not yet finished: queued or running. */
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean draining;
  private final byte[] openapi;

  private DecisionServer(Config config, PrintWriter err, ExecutorService pool) throws IOException {
    this.config = config;
    this.err = err;
    this.metrics = new Metrics(() -> reloader == null ? null : reloader.current(), () -> reloader, pending::get);
    this.openapi = resource("/openapi.yaml");
    Limits.apply(); // before the JDK server's settings are first read
    this.server = HttpServer.create(config.bind(), 256);
    this.connections = connectionThreads();
    this.pool = pool;
    server.setExecutor(task -> {
      pending.incrementAndGet();
      try {
        connections.execute(() -> {
          try {
            task.run();
          } finally {
            pending.decrementAndGet();
          }
        });
      } catch (RejectedExecutionException e) {
        pending.decrementAndGet();
        throw e;
      }
    });
    server.createContext("/", this::handle);
  }

  /**
   * Binds and starts answering at once, before any rules are loaded: {@code /healthz},
   * {@code /metrics} and {@code /openapi.yaml} answer, {@code /readyz} and the rule endpoints 503,
   * until {@link #serve} hands over the rules and {@link #ready} says the warm-up is done.
   */
  public static DecisionServer listen(Config config, PrintWriter err) throws IOException {
    DecisionServer s = new DecisionServer(config, err, handlerThreads(config.threads()));
    s.server.start();
    return s;
  }

  /**
   * Binds and serves {@code reloader}'s rules at once, ready (no warm-up); the reloader must
   * already hold a snapshot.
   */
  public static DecisionServer start(Config config, RuleReloader reloader, PrintWriter err) throws IOException {
    DecisionServer s = listen(config, err);
    s.serve(reloader);
    s.ready();
    return s;
  }

  /** From now on, requests are decided on {@code rules}' active snapshot. */
  public void serve(RuleReloader rules) {
    this.reloader = rules;
  }

  /** From now on {@code GET /readyz} answers 200 (until the server stops). */
  public void ready() {
    this.ready = true;
  }

  /** The {@link #WARM_UP_HEADER} value of this server's own warm-up requests. */
  String warmUpToken() {
    return warmUpToken;
  }

  private static ThreadPoolExecutor connectionThreads() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor p = new ThreadPoolExecutor(CONNECTION_THREADS, CONNECTION_THREADS, 30, TimeUnit.SECONDS,
        new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(null, r, "bvb-conn-" + n.incrementAndGet(), 256 * 1024);
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** Runs {@code work} on a handler thread and waits for it; its exceptions are rethrown here. */
  private <T> T onHandlerThread(java.util.concurrent.Callable<T> work) throws IOException {
    java.util.concurrent.Future<T> f = pool.submit(work);
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while deciding");
    }
  }

  /** A fixed pool of {@code threads} daemon handler threads, named bvb-http-1, -2, ... */
  public static ExecutorService handlerThreads(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bvb-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Stops accepting connections, lets queued and running requests finish (each one's audit record
   * is appended before its response), then closes every connection. Returns within about
   * {@code grace}.
   */
  public void stop(Duration grace) {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    // HttpServer.stop(delay) closes the listening socket at once, then waits; on JDK 17 it waits the
    // whole delay when no exchange is open, so it runs aside while we wait for our own count.
    Thread closer = new Thread(() -> server.stop((int) Math.max(1, grace.toSeconds())), "bvb-http-stop");
    closer.setDaemon(true);
    closer.start();
    while (pending.get() > 0 && System.nanoTime() < deadline) {
      sleep(5);
    }
    server.stop(0);
    connections.shutdown();
    pool.shutdown();
    try {
      pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending.get() > 0) {
      err.println("bvb serve: " + pending.get() + " request(s) still running after " + grace.toSeconds() + " s; stopped anyway");
      err.flush();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }

  // ---------------------------------------------------------------- routing

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    RuleReloader rules = reloader;
    Snapshot snap = rules == null ? null : rules.current();
    String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getRawPath();
    String route = route(path);
    boolean counted = !warmUpToken.equals(ex.getRequestHeaders().getFirst(WARM_UP_HEADER));
    int status;
    try {
      status = dispatch(ex, method, path, route, snap, requestId, counted);
    } catch (HttpError e) {
      if (e.allow != null) {
        ex.getResponseHeaders().set("Allow", e.allow);
      }
      if (e.retryAfter) {
        ex.getResponseHeaders().set("Retry-After", "1");
      }
      status = send(ex, snap, requestId, e.status, JSON, error(e.message, e.code));
      if (e.drainAfter) {
        drain(ex);
      }
    } catch (FactsException e) {
      status = send(ex, snap, requestId, 400, JSON, error(e.render(), e.code()));
    } catch (bvb.engine.DecisionTimeoutException e) {
      // A rule of the serving set ran past --decision-timeout: the service's fault, not the request's.
      status = send(ex, snap, requestId, 503, JSON, error("ENGINE " + e.getMessage(), "DECISION_TIMEOUT"));
    } catch (EngineException | RuleLoopException e) {
      // The rules gave no usable decision for these facts (the CLI's exit code 5).
      status = send(ex, snap, requestId, 422, JSON, error("ENGINE " + e.getMessage(), "ENGINE"));
    } catch (RuntimeException | IOException e) {
      err.println("error: request " + requestId + " " + method + " " + path + ": " + e);
      e.printStackTrace(err);
      err.flush();
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("error", "internal error");
      body.put("requestId", requestId);
      status = send(ex, snap, requestId, 500, JSON, body);
    } finally {
      ex.close();
    }
    if (counted) {
      metrics.request(method, route, status, System.nanoTime() - start);
    }
  }

  private static String route(String path) {
    return switch (path) {
      case "/v1/decisions", "/v1/tco", "/v1/rules", "/healthz", "/readyz", "/metrics", "/openapi.yaml" -> path;
      default -> path.startsWith("/v1/decisions/") ? "/v1/decisions/{id}"
          : path.startsWith("/schemas/") ? "/schemas/{name}" : "other";
    };
  }

  private int dispatch(HttpExchange ex, String method, String path, String route, Snapshot snap, String rid,
      boolean counted) throws IOException {
    switch (route) {
      case "/v1/decisions" -> {
        allow(method, "POST");
        return decide(ex, loaded(snap), rid, false, counted);
      }
      case "/v1/tco" -> {
        allow(method, "POST");
        return decide(ex, loaded(snap), rid, true, counted);
      }
      case "/v1/decisions/{id}" -> {
        allowGet(method);
        return send(ex, snap, rid, 200, JSON, logged(path.substring("/v1/decisions/".length())));
      }
      case "/v1/rules" -> {
        allowGet(method);
        return send(ex, snap, rid, 200, JSON, rules(loaded(snap)));
      }
      case "/healthz" -> {
        allowGet(method);
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("status", draining ? "stopping" : "ok");
        h.put("ruleSetSha256", snap == null ? null : snap.ruleSetHash());
        return send(ex, snap, rid, draining ? 503 : 200, JSON, h);
      }
      case "/readyz" -> {
        allowGet(method);
        boolean yes = ready && snap != null && !draining;
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("status", draining ? "stopping" : yes ? "ready" : snap == null ? "loading rules" : "warming up");
        h.put("ruleSetSha256", snap == null ? null : snap.ruleSetHash());
        if (!yes) {
          ex.getResponseHeaders().set("Retry-After", "1");
        }
        return send(ex, snap, rid, yes ? 200 : 503, JSON, h);
      }
      case "/metrics" -> {
        allowGet(method);
        return send(ex, snap, rid, 200, Metrics.CONTENT_TYPE, metrics.scrape());
      }
      case "/openapi.yaml" -> {
        allowGet(method);
        return send(ex, snap, rid, 200, "application/yaml; charset=utf-8", openapi);
      }
      case "/schemas/{name}" -> {
        allowGet(method);
        String name = path.substring("/schemas/".length());
        for (bvb.facts.Schemas schema : bvb.facts.Schemas.values()) {
          if (schema.fileName().equals(name)) {
            return send(ex, snap, rid, 200, "application/schema+json", schema.bytes());
          }
        }
        throw new HttpError(404, "NOT_FOUND", "no such schema: " + name);
      }
      default -> throw new HttpError(404, "NOT_FOUND", "no such endpoint: " + path);
    }
  }

  /** The snapshot, or 503 while the rules are still loading. */
  private static Snapshot loaded(Snapshot snap) {
    if (snap == null) {
      throw new HttpError(503, "NOT_READY", "the rules are still loading; GET /readyz says when they are ready")
          .retryAfter();
    }
    return snap;
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", method + " not allowed here; use " + allowed).allow(allowed);
    }
  }

  /** GET and HEAD (the GET answer's status and headers, no body). */
  private static void allowGet(String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", method + " not allowed here; use GET or HEAD").allow("GET, HEAD");
    }
  }

  // ---------------------------------------------------------------- endpoints

  private int decide(HttpExchange ex, Snapshot snap, String rid, boolean tcoOnly, boolean counted) throws IOException {
    byte[] body = jsonBody(ex);
    FactsLoader.Loaded facts = FactsLoader.parse("request", body);
    if (tcoOnly && facts.facts().tco() == null) {
      throw new FactsException("FACTS-021", facts.origin(), "$.tco is required for bvb tco", null);
    }
    boolean whatIf = !tcoOnly && whatIfAsked(ex);
    Answer answer = onHandlerThread(() -> decideAndLog(snap, facts, body, tcoOnly, whatIf, counted));
    if (answer.id() != null) {
      ex.getResponseHeaders().set("X-Bvb-Decision-Id", answer.id());
      ex.getResponseHeaders().set("Location", "/v1/decisions/" + answer.id());
    }
    if (tcoOnly) {
      return send(ex, snap, rid, 200, JSON, jsonLine(answer.decision().tco()));
    }
    // written on this (connection) thread: its buffer is its own until the answer is sent
    ResponseBuffer json = ResponseBuffer.of(DecisionJson.toJson(answer.decision(), config.bvbVersion()));
    return send(ex, snap, rid, 200, JSON, json.bytes(), json.size());
  }

  /** A decided request: the decision and the id of its audit record (null without a log). */
  private record Answer(Decision decision, String id) {}

  /** The decision, with its audit record appended before any answer leaves. */
  private Answer decideAndLog(Snapshot snap, FactsLoader.Loaded facts, byte[] body, boolean tcoOnly, boolean whatIf,
      boolean counted) throws IOException {
    Decision d = decideOnce(snap, facts);
    (counted && config.recordsTraffic() ? reloader.recentFacts() : unread).add(facts.facts());
    if (whatIf) {
      d = d.withWhatIf(bvb.whatif.Counterfactuals.analyse(snap.engine(), body, d,
          java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    }
    if (tcoOnly) {
      return new Answer(d, null);
    }
    String id = null;
    if (config.audit() != null && counted) {
      ObjectNode record = AuditRecord.of(d, facts.origin(), facts.bytes(), config.bvbVersion(), config.droolsVersion(), Instant.now());
      try {
        config.audit().append(record); // no record, no answer
      } catch (AuditUnavailableException e) {
        throw auditUnavailable(e);
      }
      id = AuditRecord.id(record);
    }
    if (counted) {
      metrics.decision(d.strategy().name());
    }
    return new Answer(d, id);
  }

  /** {@code ?whatIf=true} on the request: the answer carries the counterfactual analysis. */
  static boolean whatIfAsked(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return false;
    }
    for (String part : q.split("&")) {
      if (part.equals("whatIf=true") || part.equals("whatIf")) {
        return true;
      }
      if (part.startsWith("whatIf=") && !part.equals("whatIf=false")) {
        throw new HttpError(400, "BAD_QUERY", "whatIf must be true or false, got \"" + part.substring(7) + "\"");
      }
    }
    return false;
  }

  private static Decision decideOnce(Snapshot snap, FactsLoader.Loaded facts) {
    try {
      return snap.engine().decide(facts.facts());
    } catch (TcoInputException e) {
      throw FactsException.fromTco(facts.origin(), e);
    }
  }

  /** The request body, checked for type (415) and size (413) before it is parsed. */
  private static byte[] jsonBody(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type must be application/json, got " + (type == null ? "none" : "\"" + type + "\""));
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > FactsLoader.MAX_BYTES) {
          throw tooLarge(ex);
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "BAD_REQUEST", "Content-Length is not a number");
      }
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(FactsLoader.MAX_BYTES + 1);
    }
    if (body.length > FactsLoader.MAX_BYTES) {
      throw tooLarge(ex);
    }
    return body;
  }

  /**
   * 413, sent before the body is read; {@link #handle} then discards up to {@link #DRAIN_BYTES}
   * of the body, so that a client still sending can read the answer, and closes the connection.
   */
  private static HttpError tooLarge(HttpExchange ex) {
    ex.getResponseHeaders().set("Connection", "close");
    return new HttpError(413, "FACTS-008", "request body is larger than " + FactsLoader.MAX_BYTES + " bytes; not a fact file")
        .drainAfter();
  }

  /** Reads and drops up to {@link #DRAIN_BYTES} of what is left of the request body. */
  private static void drain(HttpExchange ex) {
    try (InputStream in = ex.getRequestBody()) {
      byte[] sink = new byte[64 * 1024];
      long left = DRAIN_BYTES;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // the client gave up, or the read limit closed the connection: nothing to drain
    }
  }

  private JsonNode logged(String id) throws IOException {
    AuditStore store = config.audit();
    if (store == null) {
      throw new HttpError(404, "AUDIT-001", "no decision log: start bvb serve with --audit FILE");
    }
    if (!ID.matcher(id).matches()) {
      throw new HttpError(404, "AUDIT-002", "no decision with id " + id.replaceAll("[^\\w.-]", "?"));
    }
    AuditIndex.Lookup found;
    try {
      found = store.lookup(id);
    } catch (AuditUnavailableException e) {
      throw auditUnavailable(e);
    }
    if (found instanceof AuditIndex.Found f) {
      return f.record();
    }
    throw new HttpError(404, "AUDIT-002", (found instanceof AuditIndex.Ambiguous ? "several decisions match id " : "no decision with id ") + id);
  }

  /** 503: the decision store cannot be reached now; the next request tries again. */
  private HttpError auditUnavailable(AuditUnavailableException e) {
    err.println("bvb serve: " + e.getMessage());
    err.flush();
    return new HttpError(503, "AUDIT_UNAVAILABLE", "the decision log cannot be reached: the decision was not stored, so it is not returned; retry later");
  }

  private ObjectNode rules(Snapshot snap) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("ruleSetSha256", snap.ruleSetHash());
    r.put("rulesDir", snap.rules().dir());
    if (snap.catalog() == null) {
      r.putNull("catalog");
    } else {
      r.putObject("catalog").put("file", snap.catalog().fileName()).put("sha256", snap.catalogHash());
    }
    ArrayNode list = r.putArray("rules");
    for (RuleInfo i : snap.rules().rules()) {
      list.addObject().put("id", i.id()).put("name", i.name()).put("source", i.source())
          .put("phase", i.phase()).put("file", i.file()).put("line", i.line());
    }
    RuleReloader.ReloadError e = reloader.lastError();
    if (e == null) {
      r.putNull("lastReloadError");
    } else {
      ObjectNode n = r.putObject("lastReloadError");
      n.put("at", e.at().toString());
      n.put("ruleFilesSha256", e.ruleFilesSha256());
      e.errors().forEach(n.putArray("errors")::add);
    }
    return r;
  }

  // ---------------------------------------------------------------- responses

  private int send(HttpExchange ex, Snapshot snap, String rid, int status, String type, JsonNode body) {
    try {
      return send(ex, snap, rid, status, type, jsonLine(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value as one line of UTF-8 JSON, written straight to bytes (no intermediate String). Answers
   * are compact: a fifth smaller and faster to write than the CLI's indented form.
   */
  static byte[] jsonLine(Object value) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16 * 1024);
    Json.COMPACT.writeValue(out, value);
    out.write('\n');
    return out.toByteArray();
  }

  private int send(HttpExchange ex, Snapshot snap, String rid, int status, String type, byte[] body) {
    return send(ex, snap, rid, status, type, body, body.length);
  }

  private int send(HttpExchange ex, Snapshot snap, String rid, int status, String type, byte[] body, int length) {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    if (snap != null) {
      h.set(RULE_SET_HEADER, snap.ruleSetHash());
    }
    h.set("X-Request-Id", rid);
    h.set("Cache-Control", "no-store");
    if (draining) {
      h.set("Connection", "close");
    }
    try {
      if (ex.getRequestMethod().equalsIgnoreCase("HEAD")) { // the GET answer's headers, no body
        h.set("Content-Length", Integer.toString(length));
        ex.sendResponseHeaders(status, -1);
        ex.getResponseBody().close();
        return status;
      }
      ex.sendResponseHeaders(status, length == 0 ? -1 : length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body, 0, length);
      }
    } catch (IOException e) {
      // The client went away, or headers were already sent: nothing left to tell it.
      err.println("warning: request " + rid + ": response not delivered: " + e.getMessage());
      err.flush();
    }
    return status;
  }

  private static JsonNode error(String message, String code) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("error", message);
    n.put("code", code);
    return n;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DecisionServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " missing from the classpath");
      }
      return in.readAllBytes();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An expected, user-facing error: status, stable code, one-line message. */
  static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final String message;
    String allow;
    boolean retryAfter;
    /** Whether the rest of the request body is to be read and dropped after the answer is sent. */
    boolean drainAfter;

    HttpError(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.message = message;
    }

    HttpError drainAfter() {
      this.drainAfter = true;
      return this;
    }

    HttpError retryAfter() {
      this.retryAfter = true;
      return this;
    }

    HttpError allow(String methods) {
      this.allow = methods;
      return this;
    }
  }
}
