package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  @Test
  void findsTheRuleSetHashAtTheEndOfACompactDecisionAndSaysSoWhenThereIsNone() throws Exception {
    RuleSet rules = RuleSet.load(Path.of("rules"));
    Engine engine = new Engine(rules, PriceCatalog.load(Path.of("rules/prices.json")), 36, 365);
    Decision d = engine.decide(FactsLoader.load(Path.of("facts-samples/sc-05-company-b.json")).facts());
    ResponseBuffer answer = ResponseBuffer.of(DecisionJson.toJson(d, "t"));
    assertEquals(rules.sha256(), LoadGenerator.bodyHash(Arrays.copyOf(answer.bytes(), answer.size())));
    assertEquals("unparseable", LoadGenerator.bodyHash("{\"error\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("unparseable", LoadGenerator.bodyHash(new byte[0]));
  }

  @Test
  void startsItsServerWithTheOptionsTheLauncherGivesServe() throws Exception {
    String launcher = Files.readString(Path.of("src/main/sh/bvb"));
    String serve = launcher.lines().filter(l -> l.startsWith("serve_opts=")).findFirst().orElseThrow();
    for (String option : LoadGenerator.SERVER_OPTS.split(" ")) {
      assertTrue(option.equals("-XX:+UseSerialGC") ? launcher.contains("opts=\"" + option) : serve.contains(option),
          "the launcher does not give serve " + option);
    }
  }
}
