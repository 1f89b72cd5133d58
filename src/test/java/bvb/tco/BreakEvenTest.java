package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 003 usage tiers (SC-20..24, A-29) and 004 Exercise 33.6.2 (SC-07/08, A-47) comparisons and break-even. */
class BreakEvenTest {
  static final String TIER_API = "{\"api\": {\"apiModel\": \"gpt-4o\"}}";

  static TcoReport tier(long tokens, double inputShare, int gpus, String extraSelfLines) {
    String self = "{\"gpu\": {\"gpuPriceId\": \"gpu.003-reserved-70b\", \"gpuCount\": " + gpus + "}"
        + extraSelfLines + "}";
    return TcoCalculator.compute(
        Fixtures.two(TcoStrategy.API_FRONTIER, TIER_API, TcoStrategy.SELF_HOST_OPEN, self),
        Volume.ofTokens(tokens, inputShare), CATALOG, 12);
  }

  static TcoComparison cmp(TcoReport r) {
    return r.comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_OPEN);
  }

  @Test
  void heavyTierIsOnlyTwentyPercentCheaperSoGuardAndBufferBothPickTheApi() {
    TcoComparison c = cmp(tier(1_000_000_000L, 1.0, 1, ""));
    assertEquals(2_500 * 12, c.apiTotalUsd(), CENT);
    assertEquals(2_000 * 12, c.selfHostTotalUsd(), CENT);
    assertEquals(20.0, c.savingsPct(), 1e-9);
    assertTrue(c.guardFavoursApi(), "<= 20 % cheaper");
    assertEquals(2_600 * 12, c.selfHostBufferedTotalUsd(), CENT);
    assertTrue(c.bufferFavoursApi(), "$2,600 > $2,500");
    assertEquals(CostVerdict.API, c.verdict(), "003 says self-host wins; 004's rules say API");
  }

  @Test
  void breakEvenWith003FiguresIs800MTokensInputOnlyAnd400MAtTwoToOne() {
    BreakEven inputOnly = cmp(tier(1_000_000_000L, 1.0, 1, "")).breakEven();
    assertEquals(BreakEven.Outcome.CROSSOVER, inputOnly.outcome());
    assertEquals(2_000 / 2.50 * 1e6, inputOnly.tokensPerMonth(), 1);
    assertEquals(CostVerdict.API, inputOnly.cheaperBelow());
    assertFalse(inputOnly.atGpuStep());
    assertEquals(400e6, cmp(tier(1_000_000_000L, 2.0 / 3, 1, "")).breakEven().tokensPerMonth(), 1);
    assertEquals(2_600 / 2.50 * 1e6, cmp(tier(1_000_000_000L, 1.0, 1, "")).breakEvenBuffered().tokensPerMonth(), 1);
  }

  @Test
  void veryHeavyTierWithOneMlEngineerFlipsWithThePricingAssumption() {
    String eng = ", \"engineering\": {\"mlEngineerFte\": 1}";
    TcoComparison inputOnly = cmp(tier(10_000_000_000L, 1.0, 4, eng));
    assertEquals(26_000 * 12, inputOnly.selfHostTotalUsd(), CENT);
    assertEquals(33_800 * 12, inputOnly.selfHostBufferedTotalUsd(), CENT);
    assertEquals(CostVerdict.API, inputOnly.verdict());
    assertEquals(CostVerdict.SELF_HOST, cmp(tier(10_000_000_000L, 2.0 / 3, 4, eng)).verdict());
  }

  static final String EX2_API = """
      {"api": {"apiModel": "gpt-4o"},
       "engineering": {"integrationFteMonths": 1, "promptMaintenanceFte": 0.25},
       "dataEval": {"monitoringMonthlyUsd": 500}}""";
  static final String EX2_SELF = """
      {"gpu": {"gpuPriceId": "%s", "gpuCount": 2},
       "engineering": {"setupFteMonths": 2, "maintenanceFte": 0.5},
       "dataEval": {"monitoringMonthlyUsd": 500}}""";

  static TcoReport exercise2(long requestsPerDay, String gpuEntry) {
    return TcoCalculator.compute(Fixtures.two(TcoStrategy.API_FRONTIER, EX2_API,
        TcoStrategy.SELF_HOST_OPEN, EX2_SELF.formatted(gpuEntry)),
        Volume.ofRequests(requestsPerDay, 2000, 500), CATALOG, 24);
  }

  @Test
  void exercise2AtTenThousandRequestsPerDayFavoursTheApi() {
    TcoReport r = exercise2(10_000, "gpu.004-2x-h100-pair");
    double apiLabour = (18_000 + 500 * 24 + 0.25 * 18_000 * 24) / 24.0;
    assertEquals(5_750, apiLabour, 1e-9);
    assertEquals(0.01, r.result(TcoStrategy.API_FRONTIER).apiCostPerRequestUsd(), 1e-15);
    assertEquals(3_000 + apiLabour, r.result(TcoStrategy.API_FRONTIER).averageMonthlyUsd(), CENT);
    assertEquals(6 * 730 + 9_000 + 1_500 + 500, r.result(TcoStrategy.SELF_HOST_OPEN).averageMonthlyUsd(), CENT);
    assertEquals(15_380, r.result(TcoStrategy.SELF_HOST_OPEN).averageMonthlyUsd(), CENT);
    assertEquals(19_994, r.result(TcoStrategy.SELF_HOST_OPEN).bufferedTotalUsd() / 24, CENT);
    assertEquals(CostVerdict.API, cmp(r).verdict());
  }

  @Test
  void exercise2AtHundredThousandRequestsPerDayFavoursSelfHosting() {
    TcoReport r = exercise2(100_000, "gpu.004-2x-h100-pair");
    assertEquals(35_750, r.result(TcoStrategy.API_FRONTIER).averageMonthlyUsd(), CENT);
    assertEquals(CostVerdict.SELF_HOST, cmp(r).verdict());
  }

  @Test
  void exercise2CrossoverIsAbout32100RequestsPerDayAndTotalsMeetThere() {
    BreakEven be = cmp(exercise2(10_000, "gpu.004-2x-h100-pair")).breakEven();
    assertEquals((15_380.0 - 5_750) / (0.01 * 30), be.requestsPerDay(), 0.01);
    assertEquals(be.requestsPerDay() * 30 * 2_500, be.tokensPerMonth(), 1);
    TcoReport at = TcoCalculator.compute(Fixtures.two(TcoStrategy.API_FRONTIER, EX2_API,
        TcoStrategy.SELF_HOST_OPEN, EX2_SELF.formatted("gpu.004-2x-h100-pair")),
        Volume.ofTokens(Math.round(be.tokensPerMonth()), 0.8), CATALOG, 24);
    assertEquals(at.result(TcoStrategy.API_FRONTIER).horizonTotalUsd(),
        at.result(TcoStrategy.SELF_HOST_OPEN).horizonTotalUsd(), 1.0);
  }

  @Test
  void exercise2PerGpuReadingMovesTheCrossoverToAbout46700() {
    BreakEven be = cmp(exercise2(10_000, "gpu.004-h100-per-gpu")).breakEven();
    assertEquals((6 * 2 * 730 + 11_000 - 5_750) / (0.01 * 30), be.requestsPerDay(), 0.01);
    assertEquals(46_700, be.requestsPerDay(), 50);
  }

  @Test
  void fixedCostSelfHostThatNeverPaysOffReportsNoCrossoverInRange() {
    String self = "{\"gpu\": {\"gpuRentalMonthlyUsd\": 1.0E9}}";
    TcoReport r = TcoCalculator.compute(Fixtures.two(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiModel\": \"gpt-4o-mini\"}}", TcoStrategy.SELF_HOST_OPEN, self),
        Volume.ofTokens(1_000_000, 1.0), CATALOG, 12);
    BreakEven be = cmp(r).breakEven();
    assertEquals(BreakEven.Outcome.NO_CROSSOVER_IN_RANGE, be.outcome());
    assertEquals(CostVerdict.API, be.cheaperBelow());
    assertTrue(be.searchedUpToTokensPerMonth() >= 1e13);
  }
}
