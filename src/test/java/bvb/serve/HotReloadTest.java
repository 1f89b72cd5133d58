package bvb.serve;

import bvb.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.rules.RuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the served rules directory: a valid edit is swapped in, a broken one is reported and ignored. */
class HotReloadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TREE = "40-tree-004.drl";

  @TempDir Path rules;

  @Test
  void validEditIsServedAndBrokenEditKeepsTheLastGoodRuleSet() throws Exception {
    TestRules.copyTo(rules);
    byte[] facts = Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json"));
    try (ServerHarness s = new ServerHarness(rules, null)) {
      s.reloader.start(50);
      String original = RuleFiles.read(rules).sha256();
      HttpResponse<String> first = s.postJson("/v1/decisions", facts);
      assertEquals(original, DecisionServerTest.ruleSet(first));

      // A valid edit: a threshold of TREE-006 changes; the new hash is served.
      Path tree = rules.resolve(TREE);
      String text = Files.readString(tree);
      assertTrue(text.contains("ttftRequirementMs() < 100"));
      Files.writeString(tree, text.replace("ttftRequirementMs() < 100", "ttftRequirementMs() < 90"));
      String edited = RuleFiles.read(rules).sha256();
      assertNotEquals(original, edited);
      HttpResponse<String> after = awaitRuleSet(s, edited);
      assertEquals(edited, JSON.readTree(s.postJson("/v1/decisions", facts).body()).at("/ruleSet/sha256").asText());
      assertTrue(JSON.readTree(after.body()).path("lastReloadError").isNull());

      // A broken edit: a syntax error on a known line. The edited rule set stays; the error shows.
      String broken = Files.readString(tree) + "\nrule \"BROKEN\"\n  when\n    Workload( > )\n  then\nend\n";
      int brokenLine = broken.substring(0, broken.indexOf("Workload( > )")).split("\n", -1).length;
      Files.writeString(tree, broken);
      JsonNode error = awaitReloadError(s);
      String first0 = error.path("errors").get(0).asText();
      assertTrue(first0.startsWith(tree + ":" + brokenLine + ":"), first0 + " should name " + tree + ":" + brokenLine);
      HttpResponse<String> during = s.postJson("/v1/decisions", facts);
      assertEquals(200, during.statusCode());
      assertEquals(edited, DecisionServerTest.ruleSet(during));
      assertEquals(edited, JSON.readTree(during.body()).at("/ruleSet/sha256").asText());
      assertTrue(s.errText.toString().contains("error: rule reload: " + first0), s.errText.toString());

      // Fixing it clears the error and serves the fixed rule set.
      Files.writeString(tree, text);
      HttpResponse<String> fixed = awaitRuleSet(s, original);
      assertTrue(JSON.readTree(fixed.body()).path("lastReloadError").isNull());
    }
  }

  private static HttpResponse<String> awaitRuleSet(ServerHarness s, String sha) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      HttpResponse<String> r = s.get("/v1/rules");
      if (sha.equals(DecisionServerTest.ruleSet(r)) || System.nanoTime() > deadline) {
        assertEquals(sha, DecisionServerTest.ruleSet(r), "rule set not reloaded in 30 s");
        return r;
      }
      Thread.sleep(50);
    }
  }

  private static JsonNode awaitReloadError(ServerHarness s) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      JsonNode e = JSON.readTree(s.get("/v1/rules").body()).path("lastReloadError");
      if (!e.isNull() || System.nanoTime() > deadline) {
        assertTrue(!e.isNull(), "broken edit not reported in 30 s");
        return e;
      }
      Thread.sleep(50);
    }
  }
}
