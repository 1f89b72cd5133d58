package bvb.serve;

import bvb.rules.RuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Load generator for {@code bvb serve} (not a unit test; run by hand). Open loop: request i is due
 * at start + i/rate and its latency is measured from that due time, so a stalled server cannot hide
 * its queueing delay (no coordinated omission). Requests go over {@code --connections N} ({@value #CONNECTIONS}) keep-alive
 * connections ({@link KeepAliveClient}); one that finds them all busy waits, and that wait counts. Bounded: at most 5,000 requests/s, 300 s, loopback
 * addresses only.
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) bvb.serve.LoadGenerator steady
 * java -cp target/classes:target/test-classes:$(cat cp.txt) bvb.serve.LoadGenerator reload
 * java -cp target/classes:target/test-classes:$(cat cp.txt) bvb.serve.LoadGenerator poll-cost
 * </pre>
 *
 * Options: {@code --rate N} (1000), {@code --seconds N} (60), {@code --warmup N} (9 s in three steps of
 * a tenth, a third and all of the rate; not counted), {@code --facts FILE} (facts-samples/sc-05-company-b.json), {@code --rules DIR}
 * (rules; copied to a temp directory), {@code --server-opts "JVM OPTIONS"} (those of the launcher,
 * {@value #SERVER_OPTS}), {@code --server-args "serve options"} (none), {@code --url URL} (use a running server instead of starting
 * one; not with reload). Without --url a server is started in its own JVM ({@code bvb serve --port 0})
 * on a temp copy of the rules, and stopped with SIGTERM at the end. In {@code reload} mode the copy's
 * 40-tree-004.drl is edited ten times during the run, four edits broken on purpose, and every
 * response must be 200 with an X-Bvb-Rule-Set that is one of the good versions. {@code --spin true}
 * makes two of the broken edits rules that spin in their consequence (they compile, and the reload's
 * warm-up check must reject them). {@code --stallers N} (0) keeps N raw connections stalled mid-request
 * through the measured run.
 */
public final class LoadGenerator {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TREE = "40-tree-004.drl";
  static final String THRESHOLD = "ttftRequirementMs() < 100";

  private LoadGenerator() {}

  /** Raw connections kept stalled mid-request during the measured run ({@code --stallers N}). */
  static int stallers;
  /** In reload mode, two of the four broken edits spin in a consequence instead of failing to compile. */
  static boolean spin;

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "steady";
    Map<String, String> opt = new TreeMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      opt.put(args[i], args[i + 1]);
    }
    int rate = Integer.parseInt(opt.getOrDefault("--rate", "1000"));
    connections = Integer.parseInt(opt.getOrDefault("--connections", String.valueOf(CONNECTIONS)));
    int seconds = Integer.parseInt(opt.getOrDefault("--seconds", "60"));
    dump = opt.containsKey("--dump") ? Path.of(opt.get("--dump")) : null;
    int warmup = Integer.parseInt(opt.getOrDefault("--warmup", "9"));
    stallers = Integer.parseInt(opt.getOrDefault("--stallers", "0"));
    spin = Boolean.parseBoolean(opt.getOrDefault("--spin", "false"));
    Path facts = Path.of(opt.getOrDefault("--facts", "facts-samples/sc-05-company-b.json"));
    Path rulesSrc = Path.of(opt.getOrDefault("--rules", "rules"));
    if (connections < 1 || connections > 256 || rate < 1 || rate > 5000 || seconds < 1 || seconds > 300 || warmup < 0 || warmup > 60
        || stallers < 0 || stallers > 500) {
      throw new IllegalArgumentException("bounded: --connections 1..256, --rate 1..5000, --seconds 1..300, --warmup 0..60, --stallers 0..500");
    }
    switch (mode) {
      case "poll-cost" -> pollCost(rulesSrc);
      case "steady", "reload" -> {
        boolean reload = mode.equals("reload");
        if (reload && opt.containsKey("--url")) {
          throw new IllegalArgumentException("reload mode starts its own server on a copy of the rules");
        }
        System.exit(run(reload, rate, seconds, warmup, Files.readAllBytes(facts), rulesSrc, opt.get("--url"),
            opt.getOrDefault("--server-opts", SERVER_OPTS), opt.getOrDefault("--server-args", "")));
      }
      default -> throw new IllegalArgumentException("mode: steady, reload or poll-cost");
    }
  }

  /** What one poll of the reloader costs: reading and hashing the rule files and the catalog. */
  static void pollCost(Path rules) throws IOException {
    int n = 2000;
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      RuleFiles.read(rules).sha256();
      RuleReloader.sha256(Files.readAllBytes(rules.resolve("prices.json")));
      t[i] = System.nanoTime() - s;
    }
    long[] steady = Arrays.copyOfRange(t, n / 2, n);
    Arrays.sort(steady);
    System.out.printf("poll cost (read + SHA-256 of %s/*.drl and prices.json), last %d of %d: p50 %.1f us, p99 %.1f us, max %.1f us%n",
        rules, steady.length, n, steady[steady.length / 2] / 1e3, steady[(int) (steady.length * 0.99)] / 1e3, steady[steady.length - 1] / 1e3);
    System.out.printf("at one poll per 500 ms: %.4f%% of one core%n", steady[steady.length / 2] / 1e3 / 500_000 * 100);
  }

  static int run(boolean reload, int rate, int seconds, int warmup, byte[] facts, Path rulesSrc, String url, String serverOpts,
      String serverArgs)
      throws Exception {
    Path dir = null;
    Process server = null;
    KeepAliveClient conns = null;
    StringBuffer serverErr = new StringBuffer();
    try {
      if (url == null) {
        dir = Files.createTempDirectory(tempParent, "bvb-load-rules");
        try (Stream<Path> files = Files.list(rulesSrc)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
          }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(serverOpts.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "bvb.cli.Main", "serve", "--port", "0", "--rules", dir.toString()));
        if (!serverArgs.isBlank()) {
          cmd.addAll(Arrays.asList(serverArgs.trim().split("\\s+")));
        }
        System.out.println("server: " + String.join(" ", cmd.subList(0, cmd.indexOf("-cp"))) + " ... serve");
        long started = System.nanoTime();
        server = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        url = awaitListening(server, serverErr);
        double listening = (System.nanoTime() - started) / 1e9;
        double toReady = awaitReady(URI.create(url), server);
        System.out.printf("server: listening %.1f s after start, ready %.1f s after that%n", listening, toReady);
      }
      URI base = URI.create(url);
      if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("loopback addresses only: " + base.getHost());
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      URI decisions = base.resolve("/v1/decisions");

      Set<String> good = ConcurrentHashMap.newKeySet();
      Set<String> broken = ConcurrentHashMap.newKeySet();
      String initial = dir != null ? RuleFiles.read(dir).sha256() : null;
      if (initial != null) {
        good.add(initial);
      }

      conns = new KeepAliveClient(decisions, facts, connections, reload);
      double jitStart = jitSeconds(client, base);
      if (warmup > 0) {
        // Stepped, so the JIT warms before the full rate: a cold JVM would queue and never catch up.
        int step = Math.max(1, warmup / 3);
        for (int stepRate : new int[] {Math.max(1, rate / 10), Math.max(1, rate / 3), rate}) {
          Result w = phase(conns, stepRate, step, reload ? good : null, null);
          System.out.printf("warm-up (not counted): %d requests/s for %d s, errors %d%n", stepRate, step, w.errors.sum());
        }
      }
      List<String> editLog = new ArrayList<>();
      List<Edit> edits = new ArrayList<>();
      Thread editor = null;
      if (reload) {
        Path rulesDir = dir;
        editor = new Thread(() -> edit(rulesDir, client, base, seconds, good, broken, editLog, edits), "editor");
        editor.setDaemon(true); // a run that fails does not wait for it
        editor.start();
      }
      System.out.printf("%s: %d requests/s for %d s to %s, facts %d bytes%n",
          reload ? "reload" : "steady", rate, seconds, decisions, facts.length);
      Stallers stalled = stallers > 0 ? Stallers.start(base, stallers, facts) : null;
      double jitBefore = jitSeconds(client, base);
      Result r = phase(conns, rate, seconds, reload ? good : null, broken);
      if (stalled != null) {
        stalled.stop();
        System.out.printf("stalled clients: %d held mid-request for the whole run; the server closed %d stalled connections (each then reopened)%n",
            stallers, stalled.closedByServer.get());
      }
      if (editor != null) {
        editor.join();
      }
      double jitAfter = jitSeconds(client, base);
      r.print();
      if (jitBefore >= 0 && jitAfter >= 0) {
        System.out.printf("server JIT compile time (from GET /metrics): %.2f s during the generator's warm-up, %.2f s during the measured run%n",
            jitBefore - jitStart, jitAfter - jitBefore);
      }
      if (dump != null) {
        r.dump(dump);
      }
      editLog.forEach(System.out::println);
      for (Edit e : edits) {
        if (!e.broken()) {
          Long seen = r.firstSeen.get(e.sha());
          System.out.printf("edit %2d (good %s): %s%n", e.number(), e.sha().substring(0, 12),
              seen == null ? "never served (a later edit replaced it first, or the run ended)"
                  : String.format("first served %.1f s after the edit", (seen - e.at()) / 1e9));
        }
      }
      if (reload) {
        System.out.println("responses per rule set served: " + r.perRuleSet);
        System.out.println("good versions: " + good.size() + ", broken versions: " + broken.size()
            + ", broken ever served: " + r.perRuleSet.keySet().stream().anyMatch(broken::contains));
      }
      if (server != null) {
        server.toHandle().destroy(); // SIGTERM, keeping its stderr readable
        boolean exited = server.waitFor(20, TimeUnit.SECONDS);
        System.out.println("server stopped on SIGTERM: " + exited + (exited ? ", exit " + server.exitValue() : ""));
        if (!exited) {
          server.destroyForcibly();
        }
        String tail = serverErr.toString();
        System.out.println("server stderr (reload lines):");
        tail.lines().filter(l -> l.contains("reload") || l.contains("warm") || l.contains("keeping") || l.contains("stopp")).limit(40)
            .forEach(l -> System.out.println("  " + l));
      }
      return r.errors.sum() == 0 ? 0 : 1;
    } finally {
      if (conns != null) {
        conns.close();
      }
      if (server != null && server.isAlive()) { // the run failed before stopping it
        server.destroyForcibly();
      }
      if (dir != null) {
        bvb.TestFiles.deleteTree(dir);
      }
    }
  }

  /**
   * Waits until {@code GET /readyz} answers 200 (a server without it, 404, counts as ready once it
   * listens); returns the seconds waited.
   */
  private static double awaitReady(URI base, Process p) throws Exception {
    long t0 = System.nanoTime();
    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    while (p.isAlive() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(180)) {
      int status = c.send(HttpRequest.newBuilder(base.resolve("/readyz")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200 || status == 404) {
        return (System.nanoTime() - t0) / 1e9;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server not ready within 180 s");
  }

  private static String awaitListening(Process p, StringBuffer log) throws Exception {
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CountDownLatch ready = new CountDownLatch(1);
    String[] url = new String[1];
    Thread t = new Thread(() -> {
      try {
        for (String line; (line = err.readLine()) != null; ) {
          log.append(line).append('\n');
          int at = line.indexOf("listening on ");
          if (at >= 0 && url[0] == null) {
            url[0] = line.substring(at + "listening on ".length()).split(" ")[0];
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // server gone
      }
    }, "server-stderr");
    t.setDaemon(true);
    t.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); // the warm-up alone may take 25-46 s, up to ~95 s at its bounds
    while (!ready.await(200, TimeUnit.MILLISECONDS)) {
      if (!p.isAlive()) {
        t.join(1_000); // the rest of its stderr
        throw new IllegalStateException("server exited (" + p.exitValue() + ") before listening:\n" + log);
      }
      if (System.nanoTime() - until > 0) {
        p.destroyForcibly();
        throw new IllegalStateException("server did not listen within 180 s:\n" + log);
      }
    }
    return url[0];
  }

  /** Latencies and errors of one phase. */
  static final class Result {
    final long[] latency; // nanos from due time to response; -1 = no response
    final long[] service; // nanos from actual send to response
    final LongAdder errors = new LongAdder();
    final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
    final Map<String, LongAdder> perRuleSet = new ConcurrentHashMap<>();
    /** When each rule-set hash was first seen in an answer (System.nanoTime). */
    final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    final int sent;
    final double seconds;

    Result(int n, double seconds) {
      latency = new long[n];
      service = new long[n];
      Arrays.fill(latency, -1);
      sent = n;
      this.seconds = seconds;
    }

    void error(String kind) {
      errors.increment();
      errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void print() {
      long[] ok = Arrays.stream(latency).filter(x -> x >= 0).sorted().toArray();
      long[] svc = Arrays.stream(service).filter(x -> x > 0).sorted().toArray();
      System.out.printf("requests sent %d in %.1f s (%.0f/s), responses %d, errors %d %s%n",
          sent, seconds, sent / seconds, ok.length, errors.sum(), errorKinds);
      if (ok.length > 0) {
        System.out.printf("latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
            pct(ok, 0.50), pct(ok, 0.90), pct(ok, 0.99), pct(ok, 0.999), ok[ok.length - 1] / 1e6);
        System.out.printf("latency from send:     p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
            pct(svc, 0.50), pct(svc, 0.90), pct(svc, 0.99), pct(svc, 0.999), svc[svc.length - 1] / 1e6);
      }
    }

    /** One line per request: its index (its due time in units of the period), latency from due time and from send, in ms; -1 = none. */
    void dump(Path file) throws IOException {
      StringBuilder b = new StringBuilder("index due_ms send_ms\n");
      for (int i = 0; i < latency.length; i++) {
        b.append(i).append(' ').append(latency[i] < 0 ? "-1" : String.format("%.3f", latency[i] / 1e6))
            .append(' ').append(String.format("%.3f", service[i] / 1e6)).append('\n');
      }
      Files.writeString(file, b);
    }

    static double pct(long[] sorted, double p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }

  /** Connections the load generator keeps open, by default; requests beyond them wait in its queue. */
  static final int CONNECTIONS = 8;
  /** Where the run's copy of the rules directory goes (a test puts it in a directory of its own). */
  static Path tempParent = Path.of(System.getProperty("java.io.tmpdir"));
  static int connections = CONNECTIONS;
  /** {@code --dump FILE}: every measured request's latencies, one line each, for looking at when the slow ones came. */
  static Path dump;

  /** JVM options of the server this generator starts: those target/bvb gives {@code serve}. */
  static final String SERVER_OPTS = "-XX:+UseSerialGC -XX:CompileCommand=quiet"
      + " -XX:CompileCommand=dontinline,org.drools.kiesession.consequence.DefaultKnowledgeHelper::insert*"
      + " -XX:CompileCommand=dontinline,bvb.engine.Conclude::*";

  private static Result phase(KeepAliveClient client, int rate, int seconds, Set<String> good, Set<String> broken)
      throws InterruptedException {
    int n = rate * seconds;
    long period = 1_000_000_000L / rate;
    Result r = new Result(n, seconds);
    AtomicInteger inFlight = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    long start = System.nanoTime() + 10_000_000L;
    for (int i = 0; i < n; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= 2000) {
        r.error("client backlog over 2000: not sent");
        done.countDown();
        continue;
      }
      inFlight.incrementAndGet();
      int idx = i;
      client.send((resp, ex) -> {
        long now = System.nanoTime();
        inFlight.decrementAndGet();
        try {
          if (ex != null) {
            r.error(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return;
          }
          r.latency[idx] = now - due;
          r.service[idx] = now - resp.sentAt();
          String sha = resp.ruleSet();
          if (resp.status() != 200) {
            r.error("status " + resp.status());
          } else if (good != null) {
            r.perRuleSet.computeIfAbsent(sha.substring(0, Math.min(12, sha.length())), k -> new LongAdder()).increment();
            r.firstSeen.merge(sha, now, Math::min); // callbacks of 8 connections may run out of order
            if (!good.contains(sha)) {
              r.error(broken != null && broken.contains(sha) ? "served a BROKEN rule set" : "unknown rule set " + sha);
            } else if (!bodyHash(resp.body()).equals(sha)) {
              r.error("header and body rule set differ");
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    if (!done.await(30, TimeUnit.SECONDS)) {
      r.error("no answer 30 s after the last send: " + done.getCount());
    }
    return r;
  }

  private static final byte[] BODY_HASH_KEY = "\"ruleSet\":{\"sha256\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * The rule-set hash a decision's body names: its last field, found by searching the bytes from
   * the end. Parsing every 64 KB answer, on the same two cores as the server, left the server
   * behind in the reload run: with the same server build, 87 and 2,080 requests unsent in two runs
   * while parsing, none in one run with this search.
   */
  static String bodyHash(byte[] body) {
    outer:
    for (int i = body.length - BODY_HASH_KEY.length - 64; i >= 0; i--) {
      for (int k = 0; k < BODY_HASH_KEY.length; k++) {
        if (body[i + k] != BODY_HASH_KEY[k]) {
          continue outer;
        }
      }
      return new String(body, i + BODY_HASH_KEY.length, 64, StandardCharsets.US_ASCII);
    }
    return "unparseable";
  }

  /** One edit of the reload run: its number, the rule-set hash it gives, whether broken, when written (System.nanoTime). */
  record Edit(int number, String sha, boolean broken, long at) {}

  /** Ten edits spread over the run; 2, 4, 7 and 9 are broken on purpose. */
  private static void edit(Path dir, HttpClient client, URI base, int seconds, Set<String> good, Set<String> broken, List<String> log,
      List<Edit> edits) {
    Path tree = dir.resolve(TREE);
    try {
      String original = Files.readString(tree);
      long gap = seconds * 1000L / 11;
      int threshold = 100;
      Set<Integer> brokenEdits = Set.of(2, 4, 7, 9);
      long begin = System.nanoTime();
      for (int k = 1; k <= 10; k++) {
        long due = begin + k * gap * 1_000_000L; // absolute: all ten edits land inside the run
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000L));
        boolean bad = brokenEdits.contains(k);
        String text;
        if (bad && spin && (k == 4 || k == 9)) {
          text = original.replace(THRESHOLD, "ttftRequirementMs() < " + threshold)
              + "\nrule \"SPIN-" + k + " spins\"\n  @id(\"SPIN-" + k + "\") @source(\"bvb: load test\") agenda-group \"verdicts\"\n"
              + "  when\n    $w : bvb.facts.Workload()\n  then\n    long n = 0;\n    while ($w != null) { n++; }\nend\n";
        } else if (bad) {
          text = original.replace(THRESHOLD, "ttftRequirementMs() < " + threshold)
              + "\nrule \"BROKEN-" + k + "\"\n  when\n    Workload( > )\n  then\nend\n";
        } else {
          threshold--;
          text = original.replace(THRESHOLD, "ttftRequirementMs() < " + threshold);
        }
        String sha = hashWith(dir, tree, text);
        (bad ? broken : good).add(sha); // known before the file changes, so no response can beat it
        long t0 = System.nanoTime();
        Files.writeString(tree, text); // a plain, non-atomic write, as an editor might do
        edits.add(new Edit(k, sha, bad, t0));
        String outcome = awaitOutcome(client, base, sha, bad, k == 10 ? begin + seconds * 1_000_000_000L : due + gap * 1_000_000L);
        log.add(String.format("edit %2d at %5.1f s: %s %s -> %s after %d ms", k, (t0 - begin) / 1e9,
            bad ? "BROKEN" : "good  ", sha.substring(0, 12), outcome, (System.nanoTime() - t0) / 1_000_000));
      }
    } catch (Exception e) {
      log.add("editor failed: " + e);
    }
  }

  /** The server's bvb_jvm_jit_compile_seconds_total, or -1 if it does not say. */
  static double jitSeconds(HttpClient client, URI base) throws IOException, InterruptedException {
    String metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    return metrics.lines().filter(l -> l.startsWith("jvm_compilation_time_seconds_total ") || l.startsWith("bvb_jvm_jit_compile_seconds_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
  }

  /** The hash the rules directory will have once {@code tree} holds {@code text}. */
  private static String hashWith(Path dir, Path tree, String text) throws IOException {
    Path shadow = Files.createTempDirectory("bvb-load-hash");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p)).toList()) { // rule files, tables and all
        Files.copy(f, shadow.resolve(f.getFileName()));
      }
    }
    Files.writeString(shadow.resolve(tree.getFileName()), text);
    String sha = RuleFiles.read(shadow).sha256();
    try (Stream<Path> files = Files.list(shadow)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(shadow);
    return sha;
  }

  /**
   * Polls {@code GET /v1/rules} every {@link #OUTCOME_POLL_MS} ms until the edit shows (served, or
   * rejected with its error) or {@code until} (System.nanoTime()): when the next edit is due, or the run ends.
   */
  private static String awaitOutcome(HttpClient client, URI base, String sha, boolean bad, long until) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(base.resolve("/v1/rules")).GET().build();
    long t0 = System.nanoTime();
    while (System.nanoTime() < until) {
      JsonNode j = JSON.readTree(client.send(get, HttpResponse.BodyHandlers.ofString()).body());
      if (!bad && sha.equals(j.path("ruleSetSha256").asText())) {
        return "served";
      }
      if (bad && sha.equals(j.at("/lastReloadError/ruleFilesSha256").asText())) {
        return "rejected, still serving " + j.path("ruleSetSha256").asText().substring(0, 12) + ": "
            + j.at("/lastReloadError/errors/0").asText().replace(base.getPath(), "");
      }
      Thread.sleep(Math.max(0, Math.min(OUTCOME_POLL_MS, (until - System.nanoTime()) / 1_000_000L)));
    }
    return String.format("NOT SEEN in the %.1f s before the next edit (or the end of the run)", (System.nanoTime() - t0) / 1e9);
  }

  /**
   * How often the editor looks for an edit's outcome: the server's own default poll interval. Each
   * look is a ~110 KB rule list, built by the server and parsed here on the same cores as the load.
   */
  static final long OUTCOME_POLL_MS = 500;

  /**
   * Connections that send part of a request and then nothing: a third stop inside the headers, a
   * third inside the body, a third send nothing. One the server closes is opened again at once, so
   * that {@code n} are stalled all the time.
   */
  static final class Stallers {
    final AtomicInteger closedByServer = new AtomicInteger();
    final List<Thread> threads = new ArrayList<>();
    volatile boolean running = true;

    static Stallers start(URI base, int n, byte[] facts) {
      Stallers s = new Stallers();
      for (int i = 0; i < n; i++) {
        int kind = i % 3;
        Thread t = new Thread(() -> s.hold(base, kind, facts), "staller-" + i);
        t.setDaemon(true);
        t.start();
        s.threads.add(t);
      }
      return s;
    }

    private void hold(URI base, int kind, byte[] facts) {
      while (running) {
        try (java.net.Socket c = new java.net.Socket(base.getHost(), base.getPort())) {
          c.setSoTimeout(500);
          java.io.OutputStream o = c.getOutputStream();
          String head = "POST /v1/decisions HTTP/1.1\r\nHost: " + base.getHost() + "\r\n";
          if (kind == 0) {
            o.write((head + "Content-Ty").getBytes(StandardCharsets.US_ASCII));
          } else if (kind == 1) {
            o.write((head + "Content-Type: application/json\r\nContent-Length: " + facts.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            o.write(facts, 0, facts.length / 2);
          }
          o.flush();
          while (running) {
            try {
              if (c.getInputStream().read() < 0) {
                break;
              }
            } catch (java.net.SocketTimeoutException stillOpen) {
              // stalled as intended
            }
          }
          if (running) {
            closedByServer.incrementAndGet();
          }
        } catch (IOException e) {
          if (running) {
            closedByServer.incrementAndGet();
          }
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(2000);
      }
    }
  }
}
