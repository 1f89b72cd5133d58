package bvb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.report.Json;
import bvb.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path dir;

  static FactSet facts(String json) {
    return FactsLoader.parse("t.json", json.getBytes(StandardCharsets.UTF_8)).facts();
  }

  @Test
  void ruleLoopEndsWithAClearErrorNotAHang() throws Exception {
    Files.writeString(dir.resolve("loop.drl"), """
        package t;
        import bvb.engine.TreeStep;
        import bvb.facts.Workload;
        rule "L-1 inserts forever"
          @id("L-1") @source("bvb: test") agenda-group "verdicts"
        when
          $t : TreeStep()
        then
          delete($t);
          insert(new TreeStep($t.step(), !$t.viaTerms(), false));
        end
        rule "L-0 start"
          @id("L-0") @source("bvb: test") agenda-group "verdicts"
        when
          Workload()
        then
          insert(new TreeStep(1, false, false));
        end
        """);
    Engine engine = new Engine(RuleSet.load(dir));
    RuleLoopException e = assertThrows(RuleLoopException.class,
        () -> engine.decide(facts("{\"workload\": {\"tokensPerMonth\": 5}}")));
    assertTrue(e.getMessage().contains("L-1"), e.getMessage());
  }

  @Test
  void noRecommendationIsAnEngineError() throws Exception {
    Files.writeString(dir.resolve("none.drl"), """
        package t;
        import bvb.facts.Workload;
        rule "N-1 does nothing"
          @id("N-1") @source("bvb: test") agenda-group "verdicts"
        when
          Workload()
        then
        end
        """);
    Engine engine = new Engine(RuleSet.load(dir));
    assertThrows(EngineException.class, () -> engine.decide(facts("{\"workload\": {\"tokensPerMonth\": 5}}")));
  }

  @Test
  void firingsAreRecordedInOrderWithMatchedFactsAndMetadata() {
    Engine engine = new Engine(RuleSet.load(Path.of("rules")));
    Decision d = engine.decide(FactsLoader.load(Path.of("facts-samples/sc-05-company-b.json")).facts());
    assertEquals(1, d.firings().get(0).seq());
    // other documents' rules fire before the tree's first step; check the tree's first firing
    Firing first = d.firings().stream().filter(f -> f.ruleId().equals("TREE-001.U")).findFirst().orElseThrow();
    assertEquals("TREE-001.U", first.ruleId());
    assertTrue(first.source().startsWith("004_8337c1cb1b4d2fe8.txt: "));
    assertEquals("verdicts", first.phase());
    assertTrue(first.matched().stream().anyMatch(o -> o instanceof bvb.facts.DataProfile));
    assertEquals("R1", d.recommendation().resolution(), d.recommendation().path());
    assertTrue(d.recommendation().decidedBy().startsWith("TREE-001"), d.recommendation().decidedBy());
  }

  @Test
  void phasesFireInTheirDeclaredOrder() {
    Engine engine = new Engine(RuleSet.load(Path.of("rules")));
    Decision d = engine.decide(FactsLoader.load(Path.of("facts-samples/sc-06-company-c.json")).facts());
    var order = d.firings().stream().map(f -> Phase.groups().indexOf(f.phase())).toList();
    for (int i = 1; i < order.size(); i++) {
      assertTrue(order.get(i - 1) <= order.get(i), "phase order broken: " + d.firedRuleIds());
    }
  }

  @Test
  void sameFactsTwiceGiveByteIdenticalJson() throws Exception {
    Engine engine = new Engine(RuleSet.load(Path.of("rules")));
    FactSet f = FactsLoader.load(Path.of("facts-samples/sc-06-company-c.json")).facts();
    String a = Json.MAPPER.writeValueAsString(DecisionJson.toJson(engine.decide(f), "test"));
    String b = Json.MAPPER.writeValueAsString(DecisionJson.toJson(new Engine(RuleSet.load(Path.of("rules"))).decide(f), "test"));
    assertEquals(a, b);
  }

  @Test
  void whyNotNamesTheHardConstraintAgainstTheApiAndTheUnmetCustomTrainingGate() {
    Engine engine = new Engine(RuleSet.load(Path.of("rules")));
    Decision d = engine.decide(FactsLoader.load(Path.of("facts-samples/sc-06-company-c.json")).facts());
    var api = d.whyNot().stream().filter(w -> w.strategy() == bvb.facts.Strategy.API_FRONTIER).findFirst().orElseThrow();
    assertTrue(api.ruleIds().contains("LAT-005"), api.toString());
    assertTrue(api.because().stream().anyMatch(b -> b.contains("rules out every API strategy")), api.toString());
    assertTrue(d.whyNot().stream().anyMatch(w -> w.strategy() == bvb.facts.Strategy.CUSTOM_TRAIN), d.whyNot().toString());
    assertTrue(d.whyNot().stream().noneMatch(w -> w.strategy() == d.strategy()));
  }
}
