package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import bvb.rules.RuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spinning rule costs its own request a 503, never the server; a spinning edit is never swapped in. */
class DecisionTimeoutServeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SPIN = bvb.engine.SpinningRule.SPIN_1;

  @TempDir Path rules;

  @Test
  void spinningRuleGets503NamingTheRuleAndTheServerStillAnswers() throws Exception {
    TestRules.copyTo(rules);
    Files.writeString(rules.resolve("99-spin.drl"), SPIN);
    byte[] facts = Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json"));
    try (ServerHarness s = new ServerHarness(rules, null)) {
      s.reloader.decisionTimeout(Duration.ofMillis(2000)); // long enough for a cold JVM to reach the spinning rule
      for (int i = 0; i < 6; i++) { // more than the 4 handler threads: none is lost to the spin
        HttpResponse<String> r;
        try {
          r = s.postJson("/v1/decisions", facts);
        } catch (java.io.IOException e) {
          throw new AssertionError("request " + i + " failed; server's stderr: " + s.errText, e);
        }
        assertEquals(503, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("DECISION_TIMEOUT", body.path("code").asText());
        assertTrue(body.path("error").asText().contains("SPIN-1 \"SPIN-1 spins\" (" + rules.resolve("99-spin.drl") + ":3)"),
            r.body());
      }
      assertEquals(200, s.get("/healthz").statusCode());
    }
  }

  @Test
  void spinningEditIsRejectedLikeASyntaxErrorAndTheLastGoodSetKeepsServing() throws Exception {
    TestRules.copyTo(rules);
    byte[] facts = Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json"));
    try (ServerHarness s = new ServerHarness(rules, null)) {
      s.reloader.decisionTimeout(Duration.ofMillis(1500)); // the first decisions of a cold JVM take a while
      String good = RuleFiles.read(rules).sha256();
      assertEquals(200, s.postJson("/v1/decisions", facts).statusCode()); // a recent request to check edits on
      s.reloader.start(50);
      Files.writeString(rules.resolve("99-spin.drl"), SPIN);
      JsonNode error = awaitReloadError(s);
      String line = error.path("errors").get(0).asText();
      assertTrue(line.startsWith(rules.resolve("99-spin.drl") + ":3:0: RULES-030 rule set "), line);
      assertTrue(line.contains("not swapped in") && line.contains("SPIN-1"), line);
      HttpResponse<String> during = s.postJson("/v1/decisions", facts);
      assertEquals(200, during.statusCode(), during.body() + "; server's stderr: " + s.errText);
      assertEquals(good, DecisionServerTest.ruleSet(during));
      assertEquals(1, s.reloader.reloadFailures());
    }
  }

  private static JsonNode awaitReloadError(ServerHarness s) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      JsonNode e = JSON.readTree(s.get("/v1/rules").body()).path("lastReloadError");
      if (!e.isNull() || System.nanoTime() > deadline) {
        assertTrue(!e.isNull(), "spinning edit not reported in 30 s");
        return e;
      }
      Thread.sleep(50);
    }
  }
}
