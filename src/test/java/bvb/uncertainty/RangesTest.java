package bvb.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.rules.RuleSet;
import bvb.tco.TcoStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost inputs given as ranges: read, checked, decided at their point. */
class RangesTest {
  static String withFte(String fte) {
    return SimulationTest.SYMMETRIC.replace("{\"low\": 0.5, \"high\": 1.5}", fte);
  }

  static FactsLoader.Loaded load(String json) {
    return FactsLoader.parse("f.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRangeIsDecidedAtItsMidpointExactlyAsThatNumber() {
    var ranged = SimulationTest.ENGINE.decide(load(withFte("{\"low\": 0.5, \"high\": 1.5}")).facts(), SimulationTest.DAY);
    var number = SimulationTest.ENGINE.decide(load(withFte("1")).facts(), SimulationTest.DAY);
    assertEquals(number.strategy(), ranged.strategy());
    assertEquals(number.tco().result(TcoStrategy.SELF_HOST_OPEN).horizonTotalUsd(),
        ranged.tco().result(TcoStrategy.SELF_HOST_OPEN).horizonTotalUsd());
  }

  @Test
  void aRangeWithAModeIsDecidedAtItsMode() {
    var moded = load(withFte("{\"low\": 0.5, \"mode\": 0.75, \"high\": 1.5}")).facts();
    assertEquals(0.75, moded.tco().strategies().get(TcoStrategy.SELF_HOST_OPEN).engineering().mlEngineerFte());
  }

  @Test
  void badRangesNameTheField() {
    String at = "$.tco.strategies.SELF_HOST_OPEN.engineering.mlEngineerFte.";
    FactsException lowAboveHigh = assertThrows(FactsException.class, () -> load(withFte("{\"low\": 2, \"high\": 1}")));
    assertEquals("TCO-003", lowAboveHigh.code());
    assertTrue(lowAboveHigh.getMessage().startsWith(at + "low "), lowAboveHigh.getMessage());
    FactsException negative = assertThrows(FactsException.class, () -> load(withFte("{\"low\": -1, \"high\": 1}")));
    assertEquals("TCO-002", negative.code());
    assertTrue(negative.getMessage().startsWith(at + "low "), negative.getMessage());
    FactsException mode = assertThrows(FactsException.class, () -> load(withFte("{\"low\": 0, \"high\": 1, \"mode\": 3}")));
    assertEquals("TCO-003", mode.code());
    assertTrue(mode.getMessage().startsWith(at + "mode "), mode.getMessage());
    FactsException nan = assertThrows(FactsException.class, () -> load(withFte("{\"low\": \"NaN\", \"high\": 1}")));
    assertEquals("TCO-001", nan.code());
    assertTrue(nan.getMessage().startsWith(at + "low "), nan.getMessage());
    FactsException missing = assertThrows(FactsException.class, () -> load(withFte("{\"low\": 1}")));
    assertTrue(missing.getMessage().startsWith(at + "high "), missing.getMessage());
    FactsException unknown = assertThrows(FactsException.class, () -> load(withFte("{\"low\": 1, \"high\": 2, \"max\": 3}")));
    assertTrue(unknown.getMessage().startsWith(at + "max "), unknown.getMessage());
  }

  @Test
  void anEndOutsideTheFieldsOwnBoundsIsAnErrorNamingTheField() {
    String json = SimulationTest.SYMMETRIC.replace("\"devopsFte\": 0.5}",
        "\"devopsFte\": 0.5}, \"gpu\": {\"gpuPriceId\": \"gpu.003-reserved-70b\", \"gpuCount\": 4, \"expectedGpuUtilizationPct\": {\"low\": 50, \"high\": 120}}")
        .replace("\"gpu\": {\"gpuPriceId\": \"gpu.003-reserved-70b\", \"gpuCount\": 4},", "");
    FactsException e = assertThrows(FactsException.class, () -> UncertainFacts.of(load(json), SimulationTest.ENGINE));
    assertTrue(e.getMessage().contains("expectedGpuUtilizationPct") && e.getMessage().contains("high end"), e.getMessage());
  }

  @Test
  void aRangeOutsideTheTcoSectionIsNotACostInput() {
    String json = SimulationTest.SYMMETRIC.replace("\"inputShareOfTokens\": 1.0", "\"inputShareOfTokens\": {\"low\": 0, \"high\": 1}");
    FactsException e = assertThrows(FactsException.class, () -> load(json));
    assertEquals("FACTS-006", e.code());
  }

  @Test
  void aCatalogRateGivenAsARangeIsPricedAtItsMidpointAndVariedByTheAnalysis(@TempDir Path dir) throws Exception {
    String prices = Files.readString(Path.of("rules/prices.json")).replace(
        "\"id\": \"labor.devops-monthly\", \"category\": \"LABOR\", \"value\": 16000",
        "\"id\": \"labor.devops-monthly\", \"category\": \"LABOR\", \"low\": 12000, \"high\": 20000");
    Path file = dir.resolve("prices.json");
    Files.writeString(file, prices);
    Engine engine = new Engine(RuleSet.load(Path.of("rules")), PriceCatalog.load(file), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
    FactsLoader.Loaded facts = load(withFte("1"));
    // $8,000 GPUs + $18,000 ML + 0.5 x $16,000 (the midpoint of 12,000..20,000) DevOps a month
    assertEquals(408_000, engine.decide(facts.facts(), SimulationTest.DAY).tco().result(TcoStrategy.SELF_HOST_OPEN).horizonTotalUsd(), 1e-6);
    UncertainFacts u = UncertainFacts.of(facts, engine);
    assertEquals(1, u.inputs().size());
    assertEquals("labor.devops-monthly", u.inputs().get(0).catalogEntryId());
    Sensitivity s = Sensitivity.run(u, engine, SimulationTest.DAY);
    assertEquals(0.5 * 8_000 * 12, s.bars().get(0).swing(TcoStrategy.SELF_HOST_OPEN), 1e-6);
  }
}
