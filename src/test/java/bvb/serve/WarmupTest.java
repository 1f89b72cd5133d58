package bvb.serve;

import bvb.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.rules.RuleFiles;
import bvb.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set decides the warm-up fact sets before it serves: at start over HTTP, and again after a
 * reload.
 */
class WarmupTest {
  @TempDir Path rules;
  @TempDir Path facts;

  @Test
  void firstRuleSetAndEachReloadedOneAreWarmedBeforeTheyServe() throws Exception {
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    Files.copy(Path.of("facts-samples/sc-06-company-c.json"), facts.resolve("c.json"));
    Files.writeString(facts.resolve("broken.json"), "{ not json");
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    Warmup warmup = Warmup.of(facts, 40, w);
    assertTrue(err.toString().contains("warning: warm-up skips"), err.toString());
    assertTrue(err.toString().contains("broken.json"), err.toString());

    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Warmup.Result atStart = warmup.runOverHttp(reloader, 2, "test", "test", w);
      assertEquals(40, atStart.decided());
      assertEquals(0, atStart.failed(), err.toString());

      Path tree = rules.resolve("40-tree-004.drl");
      Files.writeString(tree, Files.readString(tree).replace("ttftRequirementMs() < 100", "ttftRequirementMs() < 90"));
      String edited = RuleFiles.read(rules).sha256();
      reloader.poll(); // sees the change
      reloader.poll(); // unchanged since: compiles, warms, swaps
      assertEquals(edited, reloader.current().ruleSetHash());
      assertTrue(err.toString().contains("bvb serve: compiled rule set " + edited + " in "), err.toString());
      // the start-up warm-up's requests are not traffic: this reload warms up on the fact files
      assertTrue(err.toString().contains("; warmed up on the warm-up fact files: 40 decisions in "), err.toString());

      // once requests have come, a reload warms up on their fact sets
      reloader.recentFacts().add(FactsLoader.load(facts.resolve("b.json")).facts());
      Files.writeString(tree, Files.readString(tree).replace("ttftRequirementMs() < 90", "ttftRequirementMs() < 80"));
      String again = RuleFiles.read(rules).sha256();
      reloader.poll();
      reloader.poll();
      assertEquals(again, reloader.current().ruleSetHash());
      assertTrue(err.toString().contains("bvb serve: compiled rule set " + again + " in "), err.toString());
      assertTrue(err.toString().contains("; warmed up on the fact sets of the last 1 requests: 40 decisions in "), err.toString());
    }
  }

  @Test
  void warmUpAsksForTheOtherReadOnlyEndpointsBetweenDecisions() throws Exception {
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    Warmup warmup = Warmup.of(facts, 1, new PrintWriter(new StringWriter(), true));
    try (ServerHarness s = new ServerHarness(Path.of("rules"), null)) {
      int rounds = 2;
      int decisions = Warmup.SIDE_EVERY * Warmup.SIDE_PATHS.size() * rounds;
      Warmup.Result r = warmup.post(s.server.address(), decisions, 2, () -> false);
      assertEquals(decisions, r.decided());
      assertEquals(0, r.failed(), s.errText.toString());
      // A request is counted just after its answer is sent, so the counts are read until they
      // settle; each reading is itself a GET /metrics, counted once the next one is made.
      Map<String, Integer> expected = new TreeMap<>();
      expected.put(series("POST", "/v1/decisions"), decisions);
      Warmup.SIDE_PATHS.forEach(path -> expected.put(series("GET", path), rounds));
      String metrics = "";
      long until = System.nanoTime() + 10_000_000_000L;
      for (int readings = 0; System.nanoTime() < until; readings++) {
        expected.put(series("GET", "/metrics"), rounds + readings);
        metrics = s.get("/metrics").body();
        if (countsAre(metrics, expected)) {
          break;
        }
        Thread.sleep(20);
      }
      assertTrue(countsAre(metrics, expected), "expected " + expected + " in:\n" + metrics);
    }
  }

  private static String series(String method, String route) {
    return "bvb_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"200\"} ";
  }

  private static boolean countsAre(String metrics, Map<String, Integer> expected) {
    return expected.entrySet().stream().allMatch(e -> metrics.contains(e.getKey() + e.getValue() + "\n"));
  }

  @Test
  void theServerStartedAfterTheWarmUpRunsOnTheThreadsTheWarmUpUsed() throws Exception {
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    PrintWriter w = new PrintWriter(new StringWriter(), true);
    Warmup warmup = Warmup.of(facts, 20, w);
    ThreadPoolExecutor handlers = (ThreadPoolExecutor) DecisionServer.handlerThreads(2);
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Warmup.Result r = warmup.runOverHttp(reloader, handlers, 2, "test", "test", w);
      assertEquals(0, r.failed());
      assertFalse(handlers.isShutdown(), "the warm-up's server leaves the shared threads running");
      assertEquals(2, handlers.getPoolSize());
      long handled = handlers.getCompletedTaskCount();
      DecisionServer.Config config = new DecisionServer.Config(new InetSocketAddress("127.0.0.1", 0), null, 2, "test", "test");
      try (DecisionServer server = DecisionServer.start(config, reloader, w, handlers)) {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + "/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(facts.resolve("b.json"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
      }
      long until = System.nanoTime() + 5_000_000_000L; // a worker counts a task just after it returns
      while (handlers.getCompletedTaskCount() == handled && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertTrue(handlers.getCompletedTaskCount() > handled, "the request ran on the shared threads");
      assertFalse(handlers.isShutdown(), "stopping a server leaves threads it does not own running");
    } finally {
      handlers.shutdown();
    }
  }

  @Test
  void startUpWarmUpCountsEveryAnswerThatIsNot200AsFailed() throws Exception {
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("a.json"));
    Files.copy(Path.of("facts-samples/sc-06-company-c.json"), facts.resolve("b.json"));
    addAFactFileEveryDecisionOnIsRefused();
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    Warmup warmup = Warmup.of(facts, 30, w);
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Warmup.Result r = warmup.runOverHttp(reloader, 3, "test", "test", w);
      assertEquals(30, r.decided());
      assertEquals(10, r.failed(), err.toString());
      assertTrue(r.describe().contains(" decisions in ") && r.describe().contains(" (10 failed)"), r.describe());
    }
  }

  @Test
  void aStartUpWarmUpWhoseRequestsAllFailDoesNotGoOn() throws Exception {
    TestRules.copyTo(rules);
    addAFactFileEveryDecisionOnIsRefused();
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    Warmup warmup = Warmup.of(facts, 12, w);
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Warmup.Result r = warmup.runOverHttp(reloader, 2, "test", "test", w);
      assertEquals(12, r.decided());
      assertEquals(12, r.failed());
      assertNull(r.settling(), r.describe());
    }
  }

  /**
   * A fact file with a tco section, and no price catalog in the rules directory: every decision on
   * it is refused.
   */
  private void addAFactFileEveryDecisionOnIsRefused() throws IOException {
    Files.copy(Path.of("facts-samples/sc-08-exercise-100k-requests.json"), facts.resolve("c.json"));
    Files.delete(rules.resolve("prices.json"));
  }

  @Test
  void aReloadWarmsUpLongOnlyWhileRequestsAreComing() throws Exception {
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    Warmup warmup = Warmup.of(facts, 1_000, w);
    Path tree = rules.resolve("40-tree-004.drl");
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Files.writeString(tree, Files.readString(tree).replace("ttftRequirementMs() < 100", "ttftRequirementMs() < 90"));
      reloader.poll();
      reloader.poll();
      assertTrue(err.toString().contains("warmed up on the warm-up fact files: " + RuleReloader.RELOAD_WARMUP_IDLE + " decisions in "),
          err.toString());

      reloader.recentFacts().add(FactsLoader.load(facts.resolve("b.json")).facts()); // a request just now
      Files.writeString(tree, Files.readString(tree).replace("ttftRequirementMs() < 90", "ttftRequirementMs() < 80"));
      reloader.poll();
      reloader.poll();
      assertTrue(err.toString().contains("warmed up on the fact sets of the last 1 requests: 1,000 decisions in "), err.toString());
    }
  }

  @Test
  void noWarmUpDecisionStartsOnceTheTimeLimitHasPassed() throws Exception {
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    Warmup warmup = Warmup.of(facts, 1_000, new PrintWriter(new StringWriter(), true));
    Engine engine = new Engine(RuleSet.compile(RuleFiles.read(Path.of("rules"))));
    assertEquals(0, warmup.run(engine, 1_000, 2, Duration.ZERO).decided());
    Warmup.Result unlimited = warmup.run(engine, 30, 2, Duration.ofMinutes(5));
    assertEquals(30, unlimited.decided());
    assertEquals(0, unlimited.failed());
    assertEquals(30, warmup.run(engine, 30, 1).decided());
  }

  @Test
  void theJitCountsAsSettledAfterTwoQuietSecondsInARow() {
    long[] clock = {0};
    long[] compiled = {5_000};
    Warmup.JitWatch watch = new Warmup.JitWatch(() -> compiled[0], () -> clock[0]);
    long second = 1_000_000_000L;
    assertFalse(watch.settled());
    assertFalse(watch.isSettled());
    clock[0] += second; compiled[0] += 400; // busy second
    assertFalse(watch.settled());
    clock[0] += second; compiled[0] += Warmup.SETTLED_COMPILE_MILLIS - 1; // quiet
    assertFalse(watch.settled());
    clock[0] += second; compiled[0] += Warmup.SETTLED_COMPILE_MILLIS; // not quiet: starts over
    assertFalse(watch.settled());
    clock[0] += second / 2; compiled[0] += 10; // half a second: no verdict yet
    assertFalse(watch.settled());
    clock[0] += second / 2; compiled[0] += 10; // the window ends quiet
    assertFalse(watch.settled());
    clock[0] += second; compiled[0] += 50; // second quiet window in a row
    assertTrue(watch.settled());
    clock[0] += second; compiled[0] += 10_000; // once settled, stays settled
    assertTrue(watch.settled());
    assertTrue(watch.isSettled());
    assertTrue(watch.watches());
    Warmup.JitWatch blind = new Warmup.JitWatch(null, () -> clock[0]);
    assertFalse(blind.watches());
    assertTrue(blind.settled(), "compile time not reported: settled at once");
  }

  @Test
  void startUpWarmUpGoesOnAfterItsCountWithinItsBoundAndSaysWhyItStopped() throws Exception {
    assumeTrue(Warmup.JitWatch.ofThisJvm().watches(), "this JVM does not report compile time");
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    Warmup warmup = Warmup.of(facts, 20, w);
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w)) {
      Warmup.Result r = warmup.runOverHttp(reloader, 2, "test", "test", w);
      assertEquals(20, r.decided());
      Warmup.Settling s = r.settling();
      assertNotNull(s);
      assertTrue(s.decided() <= 20 * Warmup.SETTLING_FACTOR, s.toString());
      assertEquals(0, s.failed());
      // either the JIT settled, or the bound stopped it; the line says which
      assertTrue(s.settled() || s.decided() == 20 * Warmup.SETTLING_FACTOR, s.toString());
      assertTrue(r.describe().startsWith("20 decisions in "), r.describe());
      assertTrue(r.describe().contains(", then " + String.format(java.util.Locale.ROOT, "%,d", s.decided()) + " more in ")
          && r.describe().contains(s.settled() ? " until the JIT settled" : "(the JIT had not settled: stopped at the bound)"), r.describe());
    }
  }

  @Test
  void waitingForAQuietCompilerEndsWhenNothingCompilesOrAtTheLimit() {
    double quiet = Warmup.awaitQuietCompiler(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(30));
    assertTrue(quiet >= 0.2, "waited " + quiet + " s");
    // a quiet window longer than the limit: the limit ends the wait
    double capped = Warmup.awaitQuietCompiler(java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(300));
    assertTrue(capped >= 0.3 && capped < 5, "waited " + capped + " s");
  }

  @Test
  void noWarmupWhenTurnedOffOrTheDirectoryIsMissing() {
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    assertEquals(0, Warmup.of(facts, 0, w).decisions());
    assertEquals("", err.toString());
    assertEquals(0, Warmup.of(facts.resolve("missing"), 100, w).decisions());
    assertTrue(err.toString().contains("warning: no warm-up: "), err.toString());
    assertNotEquals(0, Warmup.of(Path.of("facts-samples"), 100, w).decisions());
  }
}
