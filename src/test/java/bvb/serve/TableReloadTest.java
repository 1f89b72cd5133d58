package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import bvb.rules.RuleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served decision table is reloaded like DRL: an edit is swapped in, a broken row reported at its cell. */
class TableReloadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TABLE = "11-request-volume.csv";

  @TempDir Path rules;

  @Test
  void editingATableReloadsItAndABrokenRowKeepsTheLastGoodRuleSet() throws Exception {
    TestRules.copyTo(rules);
    byte[] facts = Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json"));
    try (ServerHarness s = new ServerHarness(rules, null)) {
      s.reloader.start(50);
      String original = RuleFiles.read(rules).sha256();
      assertEquals(original, DecisionServerTest.ruleSet(s.postJson("/v1/decisions", facts)));

      Path table = rules.resolve(TABLE);
      String text = Files.readString(table);
      assertTrue(text.contains(",verdicts,,,3000,"), "REQ-003's bound");
      Files.writeString(table, text.replace(",verdicts,,,3000,", ",verdicts,,,2500,"));
      String edited = RuleFiles.read(rules).sha256();
      assertNotEquals(original, edited);
      awaitRuleSet(s, edited);
      assertTrue(s.get("/v1/rules").body().contains("11-request-volume.csv"));

      Files.writeString(table, text.replace("\nREQ-004.1,", "\n,"));
      JsonNode error = awaitReloadError(s);
      String first = error.path("errors").get(0).asText();
      assertTrue(first.startsWith(table + ":13:1: TABLE-001 empty id"), first);
      assertEquals(edited, DecisionServerTest.ruleSet(s.postJson("/v1/decisions", facts)));
    }
  }

  private static void awaitRuleSet(ServerHarness s, String sha) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      HttpResponse<String> r = s.get("/v1/rules");
      if (sha.equals(DecisionServerTest.ruleSet(r)) || System.nanoTime() > deadline) {
        assertEquals(sha, DecisionServerTest.ruleSet(r), "rule set not reloaded in 30 s");
        return;
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
