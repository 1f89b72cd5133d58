package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.portfolio.Portfolio;
import bvb.rules.RuleSet;
import bvb.uncertainty.Sensitivity;
import bvb.uncertainty.Simulation;
import bvb.uncertainty.UncertainFacts;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tornado, distribution and portfolio charts: no label overlaps another or leaves its chart. */
class UncertaintyChartsTest {
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  static UncertainFacts facts(String sample) {
    return UncertainFacts.of(FactsLoader.load(Path.of("facts-samples", sample)), ENGINE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sc-19r-loan-underwriting-engineer-ranges.json", "sc-23r-003-very-heavy-team-ranges.json",
      "sc-19l-loan-underwriting-labeling-ranges.json"})
  void tornadoAndDistributionLabelsDoNotOverlap(String sample) {
    UncertainFacts u = facts(sample);
    assertEquals(1, ChartLabelsTest.assertNoOverlaps(sample, TornadoChart.svg(Sensitivity.run(u, ENGINE, DAY))));
    assertEquals(1, ChartLabelsTest.assertNoOverlaps(sample, CdfChart.svg(Simulation.run(u, ENGINE, 2_000, 1, 0, DAY))));
  }

  @Test
  void portfolioSpendChartLabelsDoNotOverlap() throws Exception {
    Portfolio p = Portfolio.of(Path.of("facts-samples"), ENGINE, DAY, false);
    assertEquals(1, ChartLabelsTest.assertNoOverlaps("portfolio", PortfolioHtml.chart(p.totals())));
  }
}
