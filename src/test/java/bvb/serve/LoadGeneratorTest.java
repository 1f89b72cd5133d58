package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aServerThatCannotStartEndsTheRunAtOnceWithItsErrorAndLeavesNoCopyOfTheRules(@TempDir Path tmp) throws Exception {
    Path before = LoadGenerator.tempParent;
    LoadGenerator.tempParent = tmp;
    try {
      long t0 = System.nanoTime();
      byte[] facts = Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json"));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> LoadGenerator.run(false, 10, 1, 0, facts, Path.of("rules"), null, "-Xlog:nosuchtag=debug", ""));
      assertTrue(e.getMessage().contains("before listening") && e.getMessage().contains("nosuchtag"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "did not wait out the start-up limit");
      try (Stream<Path> left = Files.list(tmp)) {
        assertEquals(List.of(), left.toList(), "the run's copy of the rules is deleted");
      }
    } finally {
      LoadGenerator.tempParent = before;
    }
  }
}
