package bvb.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.engine.Engine;
import bvb.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' suite: every sample in facts-samples/ against its expectation file. */
class SamplesTest {
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      bvb.catalog.PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  static final Set<String> FIRED = new HashSet<>();

  @TestFactory
  Stream<DynamicTest> everySampleMeetsItsExpectations() {
    return Samples.list(Path.of("facts-samples")).stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
          SampleResult r = Samples.run(ENGINE, p);
          if (r.decision() != null) {
            FIRED.addAll(r.decision().firedRuleIds());
          }
          assertTrue(r.passed(), p + ": " + String.join("; ", r.differences()));
        }));
  }

  @AfterAll
  static void everyRuleFiresInSomeSample() {
    var never = ENGINE.rules().rules().stream().map(r -> r.id()).filter(id -> !FIRED.contains(id)).toList();
    assertTrue(never.isEmpty(), "rules that fired in no sample: " + never);
  }

  @Test
  void sampleWithoutExpectationsFails(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("x.json");
    Files.writeString(s, "{\"workload\": {\"tokensPerMonth\": 5}}");
    SampleResult r = Samples.run(ENGINE, s);
    assertFalse(r.passed());
  }

  @Test
  void expectationNamingAnUnknownRuleIsAnExpectationError(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("x.json");
    Files.writeString(s, "{\"workload\": {\"tokensPerMonth\": 5}}");
    Files.writeString(dir.resolve("x.expected.json"), "{\"strategy\": \"API_FRONTIER\", \"mustFire\": [\"NOPE-1\"]}");
    ExpectationException e = assertThrows(ExpectationException.class, () -> Samples.run(ENGINE, s));
    assertTrue(e.getMessage().contains("NOPE-1") && e.getMessage().contains("x.expected.json"), e.getMessage());
  }

  @Test
  void expectationNamingAnUnknownStrategyIsAnExpectationError(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("x.json");
    Files.writeString(s, "{\"workload\": {\"tokensPerMonth\": 5}}");
    Files.writeString(dir.resolve("x.expected.json"), "{\"strategy\": \"BUY_A_CASTLE\"}");
    ExpectationException e = assertThrows(ExpectationException.class, () -> Samples.run(ENGINE, s));
    assertTrue(e.getMessage().contains("EXPECT-001"), e.getMessage());
  }

  @Test
  void wrongStrategyIsReportedAsADifference(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("x.json");
    Files.writeString(s, "{\"workload\": {\"tokensPerMonth\": 5}, \"data\": {\"sensitiveDataTypes\": [\"NONE\"]}}");
    Files.writeString(dir.resolve("x.expected.json"), "{\"strategy\": \"CUSTOM_TRAIN\"}");
    SampleResult r = Samples.run(ENGINE, s);
    assertTrue(r.differences().get(0).startsWith("strategy: expected CUSTOM_TRAIN, got API_FRONTIER"), r.differences().toString());
  }
}
