package bvb.uncertainty;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.report.Json;
import bvb.report.SimulationReport;
import bvb.rules.RuleSet;
import bvb.tco.Range;
import bvb.tco.TcoStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulationTest {
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  static UncertainFacts facts(String json) {
    return UncertainFacts.of(FactsLoader.parse("test.json", json.getBytes(StandardCharsets.UTF_8)), ENGINE);
  }

  static UncertainFacts sample(String name) {
    return UncertainFacts.of(FactsLoader.load(Path.of("facts-samples", name)), ENGINE);
  }

  /** SC-23 staffed, with ML engineering as a symmetric range around sc-23b's one FTE. */
  static final String SYMMETRIC = """
      {"workload": {"tokensPerMonth": 10000000000, "inputShareOfTokens": 1.0, "apiModel": "gpt-4o"},
       "tco": {"strategies": {"API_FRONTIER": {"api": {"apiModel": "gpt-4o"}},
         "SELF_HOST_OPEN": {"gpu": {"gpuPriceId": "gpu.003-reserved-70b", "gpuCount": 4},
           "engineering": {"mlEngineerFte": {"low": 0.5, "high": 1.5}, "devopsFte": 0.5}}}}}
      """;

  @Test
  void p50OfASymmetricRangeIsThePointEstimate() {
    Simulation s = Simulation.run(facts(SYMMETRIC), ENGINE, 10_000, 7, 0, DAY);
    double point = s.pointTotals().get(TcoStrategy.SELF_HOST_OPEN);
    double p50 = s.totals().get(TcoStrategy.SELF_HOST_OPEN).p50();
    assertEquals(8_000 * 12 + 26_000 * 12 + 0.0, point, 0.5, "the midpoint, 1 FTE: sc-23b's total");
    assertEquals(point, p50, point * 0.01, "P50 within 1 % of the point estimate");
    assertEquals(300_000, s.totals().get(TcoStrategy.API_FRONTIER).p50(), 0.5, "no range touches the API");
  }

  @Test
  void p10IsAtMostP50IsAtMostP90ForEveryStrategyAndSaving() {
    Simulation s = Simulation.run(sample("sc-19r-loan-underwriting-engineer-ranges.json"), ENGINE, 5_000, 1, 0, DAY);
    s.totals().forEach((st, q) -> assertTrue(q.p10() <= q.p50() && q.p50() <= q.p90(), st + ": " + q));
    s.savingsVsApi().forEach((st, q) -> assertTrue(q.p10() <= q.p50() && q.p50() <= q.p90(), st + ": " + q));
    assertTrue(s.totals().get(TcoStrategy.SELF_HOST_FINE_TUNED).p10() < s.totals().get(TcoStrategy.SELF_HOST_FINE_TUNED).p90());
    double cheapest = s.cheapestPct().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(100, cheapest, 1e-9, "each draw has exactly one cheapest option");
  }

  @Test
  void aFixedSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() throws Exception {
    UncertainFacts u = sample("sc-23r-003-very-heavy-team-ranges.json");
    String a = Json.MAPPER.writeValueAsString(SimulationReport.json(Simulation.run(u, ENGINE, 3_000, 42, 40, DAY), "test"));
    String b = Json.MAPPER.writeValueAsString(SimulationReport.json(Simulation.run(u, ENGINE, 3_000, 42, 40, DAY), "test"));
    String c = Json.MAPPER.writeValueAsString(SimulationReport.json(Simulation.run(u, ENGINE, 3_000, 43, 40, DAY), "test"));
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void reDecidedDrawsGiveAProbabilityForEachRecommendation() {
    Simulation s = Simulation.run(sample("sc-23r-003-very-heavy-team-ranges.json"), ENGINE, 2_000, 5, 500, DAY);
    assertEquals(500, s.decisions());
    assertEquals(100, s.recommendationPct().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertEquals(bvb.facts.Strategy.API_FRONTIER, s.pointRecommendation());
    assertTrue(s.recommendationPct().containsKey(bvb.facts.Strategy.SELF_HOST_OPEN), s.recommendationPct().toString());
  }

  @Test
  void triangularDrawsStayInTheRangeAndAverageLowModeHighOverThree() {
    Range r = new Range(10, 40, 16.0);
    SplittableRandom rng = new SplittableRandom(3);
    double sum = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double d = Draw.of(r, rng);
      assertTrue(d >= 10 && d <= 40);
      sum += d;
    }
    assertEquals((10 + 40 + 16) / 3.0, sum / n, 0.1);
  }

  @Test
  void nearestRankQuantilesOfOneToTen() {
    Quantiles q = Quantiles.of(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
    assertEquals(new Quantiles(1, 5, 9), q);
  }

  @Test
  void costOddsAreKeptForTheSameFileAndDrawnAgainWhenTheFileOrSeedChanges() throws Exception {
    Path file = Path.of("facts-samples/sc-23r-003-very-heavy-team-ranges.json");
    String text = java.nio.file.Files.readString(file);
    var loaded = bvb.facts.FactsLoader.parse(file.toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CostOdds first = CostOdds.of(loaded, ENGINE, 7, 2000);
    assertSame(first, CostOdds.of(bvb.facts.FactsLoader.parse(file.toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ENGINE, 7, 2000));
    // four ML engineers instead of up to one: self-hosting is cheaper far less often
    String dearer = text.replaceFirst("\"low\": 0,\\s*\"high\": 1", "\"low\": 3, \"high\": 5");
    assertNotEquals(text, dearer);
    CostOdds changed = CostOdds.of(bvb.facts.FactsLoader.parse(file.toString(), dearer.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ENGINE, 7, 2000);
    assertTrue(changed.selfHostCheaperPct() < first.selfHostCheaperPct(), first.summary() + " / " + changed.summary());
    assertNotSame(first, CostOdds.of(loaded, ENGINE, 8, 2000));
    assertEquals(8, CostOdds.of(loaded, ENGINE, 8, 2000).seed());
  }
}
