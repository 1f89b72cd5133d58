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

    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w);
        DecisionServer server = serving(reloader, 2, w)) {
      Warmup.Result atStart = warmup.runOverHttp(server, 2);
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

  /** A server that listens and serves {@code reloader}'s rules but is not ready: as bvb serve's during its warm-up. */
  @Test
  void settlingGoesOnInWholeRoundsAndStopsWithinItsBound() throws Exception {
    TestRules.copyTo(rules);
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    PrintWriter w = new PrintWriter(new StringWriter(), true);
    Warmup warmup = Warmup.of(facts, 10, w);
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w);
        DecisionServer server = serving(reloader, 2, w)) {
      Warmup.Result none = warmup.settleOverHttp(server, 2, java.time.Duration.ZERO);
      assertEquals(0, none.decided(), "no time, no round");
      Warmup.Result r = warmup.settleOverHttp(server, 2, java.time.Duration.ofSeconds(2));
      org.junit.jupiter.api.Assumptions.assumeTrue(Warmup.compileMillis() != null, "this JVM reports no compile time");
      // rounds of 10 (the warm-up's own count), at most 3 x 10 more
      assertTrue(r.decided() >= 10 && r.decided() <= 30, "one to three rounds: " + r.describe());
      assertEquals(0, r.decided() % 10, "whole rounds: " + r.describe());
      assertEquals(0, r.failed(), r.describe());
      // a round that starts before the bound runs to its end: at most one round past it
      assertTrue(r.seconds() < 2 + 30, r.describe());
    }
  }

  private static DecisionServer serving(RuleReloader reloader, int threads, PrintWriter err) throws IOException {
    DecisionServer server = DecisionServer.listen(
        new DecisionServer.Config(new InetSocketAddress("127.0.0.1", 0), null, threads, "test", "test"), err);
    server.serve(reloader);
    return server;
  }

  @Test
  void warmUpAsksForTheOtherReadOnlyEndpointsBetweenDecisionsWithoutBeingCounted() throws Exception {
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), facts.resolve("b.json"));
    Warmup warmup = Warmup.of(facts, 1, new PrintWriter(new StringWriter(), true));
    try (ServerHarness s = new ServerHarness(Path.of("rules"), null)) {
      int rounds = 2;
      int decisions = Warmup.SIDE_EVERY * Warmup.SIDE_PATHS.size() * rounds;
      Warmup.Result r = warmup.post(s.server.address(), s.server.warmUpToken(), decisions, 2);
      assertEquals(decisions, r.decided());
      assertEquals(0, r.failed(), s.errText.toString());
      // warm-up requests are not counted: the metrics hold only this GET /metrics of the test's
      String metrics = s.get("/metrics").body();
      assertFalse(metrics.contains("route=\"/v1/decisions\""), metrics);
      assertFalse(metrics.contains("bvb_decisions_total{"), metrics);
      Warmup.SIDE_PATHS.stream().filter(p -> !p.equals("/metrics"))
          .forEach(path -> assertFalse(metrics.contains("route=\"" + path + "\""), metrics));
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
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, 365, warmup, w);
        DecisionServer server = serving(reloader, 3, w)) {
      Warmup.Result r = warmup.runOverHttp(server, 3);
      assertEquals(30, r.decided());
      assertEquals(10, r.failed(), err.toString());
      assertTrue(r.describe().contains(" decisions in ") && r.describe().contains(" (10 failed)"), r.describe());
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
