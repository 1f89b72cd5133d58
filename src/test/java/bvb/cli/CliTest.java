package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process with captured writers. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run bvbWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new Run(code, out.toString(), err.toString());
  }

  static Run bvb(String... args) {
    return bvbWithInput("", args);
  }

  @Test
  void decideJsonNamesStrategyFiredTreeRulesInOrderWithMatchedFactsAndRealValues() throws Exception {
    Run r = bvb("decide", "facts-samples/sc-05-company-b.json", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("SELF_HOST_FINE_TUNED", j.at("/recommendation/strategy").asText());
    List<String> ids = new ArrayList<>();
    j.get("firedRules").forEach(f -> ids.add(f.get("ruleId").asText()));
    // other documents' rules fire too (rules/*.drl); the tree's own rules keep their order
    List<String> tree = List.of("TREE-001.U", "DEF-010", "TREE-007.U", "REC-001.P");
    assertEquals(tree, ids.stream().filter(tree::contains).toList());
    JsonNode first = j.at("/firedRules/" + ids.indexOf("TREE-001.U"));
    assertEquals("DataProfile", first.at("/matched/0/type").asText());
    assertEquals("/inputs/data", first.at("/matched/0/ref").asText());
    assertEquals("PHI", j.at(first.at("/matched/0/ref").asText() + "/sensitiveDataTypes/0").asText());
    boolean treeVerdictHasValues = false;
    for (JsonNode v : j.get("verdicts")) {
      treeVerdictHasValues |= v.get("ruleId").asText().equals("TREE-001.U")
          && v.get("text").asText().contains("sensitive data = [PHI]");
    }
    assertTrue(treeVerdictHasValues, j.get("verdicts").toString());
    assertTrue(first.at("/source").asText().startsWith("004_8337c1cb1b4d2fe8.txt"));
  }

  @Test
  void decideReadsFactsFromStandardInput() throws Exception {
    String facts = Files.readString(Path.of("facts-samples/sc-04-company-a.json"));
    Run r = bvbWithInput(facts, "decide", "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Recommendation: Use a frontier model through a vendor API (API_FRONTIER)"), r.out());
  }

  @Test
  void badFactsExitFourWithFileAndFieldOnStderrAndNothingOnStdout() throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, "{\"workload\": {\"tokensPerMonth\": -5}}");
    Run r = bvb("decide", f.toString());
    assertEquals(4, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains(f + ":") && r.err().contains("$.workload.tokensPerMonth"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace without --debug: " + r.err());
  }

  @Test
  void debugFlagShowsTheStackTrace() throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, "{");
    Run r = bvb("decide", f.toString(), "--debug");
    assertEquals(4, r.code());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void brokenRuleFileExitsThreeWithFileAndLineAndNoDecision() throws Exception {
    Path rules = tmp.resolve("rules");
    Files.createDirectories(rules);
    for (Path p : Files.list(Path.of("rules")).filter(p -> p.toString().endsWith(".drl")).toList()) {
      Files.copy(p, rules.resolve(p.getFileName()));
    }
    Path tree = rules.resolve("40-tree-004.drl");
    Files.writeString(tree, Files.readString(tree).replace("step == 2, $terms : viaTerms )", "step == 2, $terms : viaTerms"));
    Run d = bvb("decide", "facts-samples/sc-04-company-a.json", "--rules", rules.toString());
    assertEquals(3, d.code());
    assertEquals("", d.out());
    assertTrue(d.err().matches("(?s).*40-tree-004\\.drl:\\d+:\\d+: RULES-010 .*"), d.err());
    Run v = bvb("validate", "--rules", rules.toString());
    assertEquals(3, v.code());
    assertTrue(v.err().contains("40-tree-004.drl:"), v.err());
  }

  @Test
  void validateCountsTheBundledRules() {
    Run r = bvb("validate");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("\\d+ rules OK .*\\s*"), r.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, bvb("decide").code());
    assertEquals(2, bvb("frobnicate").code());
    assertEquals(2, bvb().code());
    assertEquals(2, bvb("decide", "x.json", "--format", "xml").code());
  }

  @Test
  void versionAndHelpWork() {
    Run v = bvb("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("bvb "), v.out());
    Run h = bvb("--help");
    assertEquals(0, h.code());
    for (ExitCode c : ExitCode.values()) {
      assertTrue(h.out().matches("(?s).*\\n\\s+" + c.code + "\\s+\\S.*"), "help lists exit code " + c.code + ":\n" + h.out());
    }
    assertEquals(0, bvb("decide", "--help").code());
  }

  @Test
  void helpListsEveryCommandAndAMistypedOneGetsASuggestion() {
    // Only the command named is registered for a run; help and usage errors still see them all.
    String help = bvb("--help").out();
    for (String name : BvbCommand.SUBCOMMANDS.keySet()) {
      assertTrue(help.matches("(?s).*\\n\\s+" + name + "\\s+\\S.*"), "help lists " + name + ":\n" + help);
    }
    Run typo = bvb("decdie", "x.json");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("decide"), typo.err());
  }

  @Test
  void directoryGivenAsFactFileExitsFour() {
    Run r = bvb("decide", "facts-samples");
    assertEquals(4, r.code());
    assertTrue(r.err().contains("FACTS-002"), r.err());
  }

  @Test
  void testCommandPassesOnTheBundledSamplesWithFullCoverage() {
    Run r = bvb("test", "--coverage");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(" passed, 0 failed"), r.out());
  }

  @Test
  void auditWorkflowDecideListExplainAndReplay() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    assertEquals(0, bvb("decide", "facts-samples/sc-06-company-c.json", "--audit", log.toString()).code());
    assertEquals(0, bvb("decide", "facts-samples/sc-04-company-a.json", "--audit", log.toString()).code());
    Run list = bvb("audit", "list", "--audit", log.toString(), "--strategy", "SELF_HOST_OPEN");
    assertEquals(0, list.code(), list.err());
    String id = list.out().substring(0, 36);
    assertEquals(1, list.out().strip().split("\n").length, list.out());
    Run explain = bvb("explain", id.substring(0, 8), "--audit", log.toString());
    assertEquals(0, explain.code(), explain.err());
    assertTrue(explain.out().contains("TREE-006.1 fired (verdicts phase)"), explain.out());
    assertTrue(explain.out().contains("end-to-end requirement = 49 ms"), explain.out());
    Run replay = bvb("replay", "--all", "--audit", log.toString());
    assertEquals(0, replay.code(), replay.out());
    assertTrue(replay.out().contains("2 replayed, 2 same"), replay.out());
  }

  @Test
  void replayAfterEditingAThresholdListsExactlyTheDecisionsThatFlip() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    for (Path sample : bvb.scenario.Samples.list(Path.of("facts-samples"))) {
      int code = bvb("decide", sample.toString(), "--audit", log.toString(), "--no-what-if").code();
      assertTrue(code == 0 || code == 9, sample + ": exit " + code); // 9: no recommendation, logged too
    }
    Path rules = tmp.resolve("rules");
    Files.createDirectories(rules);
    for (Path p : Files.list(Path.of("rules")).filter(p -> !Files.isDirectory(p)).toList()) {
      Files.copy(p, rules.resolve(p.getFileName()));
    }
    Path tree = rules.resolve("86-framework-003-matrix-tiers.drl");
    String text = Files.readString(tree);
    String edited = text.replace("latencyRequirementMs != null && latencyRequirementMs < 100, apiCanMeetLatency",
        "latencyRequirementMs != null && latencyRequirementMs < 60, apiCanMeetLatency");
    assertTrue(!edited.equals(text), "threshold found");
    Files.writeString(tree, edited);
    Run replay = bvb("replay", "--all", "--audit", log.toString(), "--rules", rules.toString());
    assertEquals(8, replay.code(), replay.out());
    List<String> flips = replay.out().lines().filter(l -> l.contains("FLIPS")).toList();
    assertEquals(1, flips.size(), replay.out());
    assertTrue(flips.get(0).contains("SELF_HOST_OPEN -> API_FRONTIER"), replay.out());
  }

  @Test
  void conflictingHardConstraintsExitNineWithTheEscalationStepAndALoggedRecordThatSaysSo() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    Run r = bvb("decide", "facts-samples/t-matrix-latency-9.json", "--audit", log.toString(), "--no-what-if");
    assertEquals(9, r.code(), r.err());
    assertTrue(r.out().contains("Recommendation: No recommendation (NONE)"), r.out()); // not a strategy
    assertTrue(r.out().contains("ESCALATE_TO_DECISION_OWNER"), r.out());
    var rec = bvb.report.Json.MAPPER.readTree(Files.readAllLines(log).get(0));
    assertEquals("NONE", rec.at("/decision/recommendation/strategy").asText());
    assertEquals(false, rec.at("/decision/recommendation/decided").asBoolean(true));
  }

  @Test
  void batchAddsCounterfactualsOnlyWithWhatIf() throws Exception {
    Path dir = tmp.resolve("in");
    Files.createDirectories(dir);
    Files.copy(Path.of("facts-samples/sc-18-routing-70pct-repetitive.json"), dir.resolve("a.json"));
    var plain = bvb.report.Json.MAPPER.readTree(bvb("batch", dir.toString()).out());
    assertTrue(plain.get("whatIf").isNull());
    var asked = bvb.report.Json.MAPPER.readTree(bvb("batch", dir.toString(), "--what-if").out());
    assertTrue(asked.at("/whatIf/decisions").asInt() > 0, asked.get("whatIf").toString());
  }

  @Test
  void failedDecisionAppendsNothing() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"workload\": {}}");
    assertEquals(4, bvb("decide", bad.toString(), "--audit", log.toString()).code());
    assertTrue(!Files.exists(log));
  }

  @Test
  void tcoPrintsTheCorrectedChatbotTotalsAndShares() {
    Run r = bvb("tco", "facts-samples/sc-01-chatbot.json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("$86,200") && r.out().contains("41.8/22.3/0.0/12.8/23.2"), r.out());
    assertTrue(r.out().contains("$441,000") && r.out().contains("12.2/59.9/6.8/7.5/13.6"), r.out());
    assertTrue(r.out().contains("$555,300"), r.out());
    assertTrue(!r.out().contains("$75,200") && !r.out().contains("$366,000"), r.out());
  }

  @Test
  void tcoHorizonOtherThan12Or24Or36IsRejected() {
    Run r = bvb("tco", "facts-samples/sc-01-chatbot.json", "--horizon", "18");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--horizon must be 12, 24 or 36"), r.err());
  }

  @Test
  void tcoModelMissingFromTheCatalogNamesTheFileAndField() throws Exception {
    Path f = tmp.resolve("m.json");
    Files.writeString(f, "{\"workload\": {\"tokensPerMonth\": 1000000, \"inputShareOfTokens\": 0.667},"
        + " \"tco\": {\"strategies\": {\"API_FRONTIER\": {\"api\": {\"apiModel\": \"no-such-model\"}}}}}");
    Run r = bvb("tco", f.toString());
    assertEquals(4, r.code(), r.err());
    assertTrue(r.err().contains(f.toString()) && r.err().contains("apiModel"), r.err());
  }

  @Test
  void replayReportsMovedTcoTotalsAndACatalogChangeAndSkipsRecordsThatAreNotDecisions() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    assertEquals(0, bvb("decide", "facts-samples/sc-08-exercise-100k-requests.json", "--audit", log.toString()).code());
    Files.writeString(log, "{\"id\":\"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
    Path pricey = tmp.resolve("pricey.json");
    String prices = Files.readString(Path.of("rules/prices.json"));
    String edited = prices.replace("\"inputPerMTokUsd\": 2.50, \"outputPerMTokUsd\": 10.00", "\"inputPerMTokUsd\": 25.0, \"outputPerMTokUsd\": 100.0");
    assertTrue(!edited.equals(prices), "gpt-4o price found");
    Files.writeString(pricey, edited);
    Run r = bvb("replay", "--all", "--audit", log.toString(), "--catalog", pricey.toString());
    assertEquals(8, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("catalog changed since"), r.out());
    // SC-08 prices over its own 24 months (tco.horizonMonths)
    assertTrue(r.out().contains("TCO API_FRONTIER total: $858,000 -> $7,338,000"), r.out());
    assertTrue(r.err().contains("record x: CORRUPT_RECORD"), r.err());
  }

  @Test
  void impossibleOptionValuesAreUsageErrors() {
    assertEquals(2, bvb("decide", "facts-samples/sc-04-company-a.json", "--max-price-age-days", "-1").code());
    assertEquals(2, bvb("tco", "facts-samples/sc-01-chatbot.json", "--horizon", "13").code());
  }

  @Test
  void aBrokenCatalogDoesNotStopADecisionThatNeedsNoPrices() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"schemaVersion\": 1, \"entries\": [null]}");
    assertEquals(0, bvb("decide", "facts-samples/sc-06-company-c.json", "--catalog", bad.toString()).code());
    Run r = bvb("tco", "facts-samples/sc-01-chatbot.json", "--catalog", bad.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("CATALOG-001") && r.err().contains("entries[0]"), r.err());
  }
}
