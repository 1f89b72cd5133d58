package bvb.tco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CostCurveTest {
  static final PriceCatalog CATALOG = PriceCatalog.load(Path.of("rules/prices.json"));

  static CostCurve curve(FactSet f, TcoReport r) {
    return CostCurve.compute(f.tco(), f.tcoVolume(), CATALOG, 12, r);
  }

  @Test
  void curvesMeetAtTheReportsBreakEvenAndMatchTheReportAtTheWorkloadsVolume() {
    FactSet f = FactsLoader.load(Path.of("facts-samples/sc-08-exercise-100k-requests.json")).facts();
    TcoReport r = TcoCalculator.compute(f.tco(), f.tcoVolume(), CATALOG, 12);
    CostCurve c = curve(f, r);
    assertEquals(7.5e9, c.ownTokensPerMonth(), 1);
    BreakEven b = r.comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_OPEN).breakEven();
    CostCurve.Point at = c.points().stream().filter(p -> Math.abs(p.tokensPerMonth() - b.tokensPerMonth()) < 1).findFirst().orElseThrow();
    assertEquals(at.monthlyUsd().get(TcoStrategy.API_FRONTIER), at.monthlyUsd().get(TcoStrategy.SELF_HOST_OPEN), 0.01);
    CostCurve.Point own = c.points().stream().filter(p -> Math.abs(p.tokensPerMonth() - 7.5e9) < 1).findFirst().orElseThrow();
    assertEquals(r.result(TcoStrategy.API_FRONTIER).averageMonthlyUsd(), own.monthlyUsd().get(TcoStrategy.API_FRONTIER), 0.01);
    assertEquals(r.result(TcoStrategy.SELF_HOST_OPEN).bufferedTotalUsd() / 12, own.bufferedMonthlyUsd().get(TcoStrategy.SELF_HOST_OPEN), 0.01);
    assertEquals(100_000, own.requestsPerDay(), 0.5, "volume given as requests stays requests");
  }

  @Test
  void curveRunsFromZeroPastTheWorkloadAndEveryBreakEven() {
    FactSet f = FactsLoader.load(Path.of("facts-samples/sc-08-exercise-100k-requests.json")).facts();
    TcoReport r = TcoCalculator.compute(f.tco(), f.tcoVolume(), CATALOG, 12);
    CostCurve c = curve(f, r);
    assertEquals(0, c.points().get(0).tokensPerMonth(), 1e-9);
    double last = c.points().get(c.points().size() - 1).tokensPerMonth();
    assertTrue(last >= 2 * 7.5e9 - 1, "to twice the workload: " + last);
    for (int i = 1; i < c.points().size(); i++) {
      assertTrue(c.points().get(i).tokensPerMonth() > c.points().get(i - 1).tokensPerMonth(), "increasing volumes");
    }
  }

  @Test
  void volumeGivenAsTokensIsRescaledAsTokensWithItsInputShare() {
    Volume base = Volume.ofTokens(10_000_000L, 0.75);
    VolumeProfile own = VolumeProfile.of(base, new SourceLog());
    Volume v = CostCurve.at(base, own, 40_000_000);
    assertEquals(40_000_000L, v.tokensPerMonth());
    assertEquals(0.75, v.inputShareOfTokens());
    assertEquals(null, v.requestsPerDay());
  }

  @Test
  void fixedCostLinesGiveFlatCurves() {
    FactSet f = FactsLoader.load(Path.of("facts-samples/sc-01-chatbot.json")).facts();
    TcoReport r = TcoCalculator.compute(f.tco(), f.tcoVolume(), CATALOG, 12);
    CostCurve c = curve(f, r);
    assertNotNull(c.ownTokensPerMonth());
    double first = c.points().get(0).monthlyUsd().get(TcoStrategy.API_FRONTIER);
    double last = c.points().get(c.points().size() - 1).monthlyUsd().get(TcoStrategy.API_FRONTIER);
    assertEquals(first, last, 1e-9);
    assertEquals(86_200.0 / 12, last, 0.01);
  }
}
