package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** 004 Code 33.6.1 customer-support chatbot (catalogue SC-01/02, A-34..A-36, presets §4.3). */
class ChatbotTcoTest {
  static final String API = """
      {"api": {"apiTokenCostMonthlyUsd": 3000},
       "engineering": {"mlEngineerFte": 0, "devopsFte": 0.1},
       "compliance": {"complianceOneTimeUsd": 5000, "complianceOngoingMonthlyUsd": 500},
       "opportunity": {"timeToProductionMonths": 1, "monthlyRevenueOpportunityUsd": 20000}}""";
  static final String SELF = """
      {"gpu": {"gpuRentalMonthlyUsd": 4500, "gpuCount": 2},
       "engineering": {"mlEngineerFte": 1, "devopsFte": 0.25},
       "dataEval": {"dataLabelingMonthlyUsd": 2000, "evalInfrastructureMonthlyUsd": 500},
       "compliance": {"complianceOneTimeUsd": 15000, "complianceOngoingMonthlyUsd": 1000,
                      "securityTestingMonthlyUsd": 500},
       "opportunity": {"timeToProductionMonths": 3, "monthlyRevenueOpportunityUsd": 20000}}""";

  static TcoReport report(int horizon) {
    return TcoCalculator.compute(
        Fixtures.two(TcoStrategy.API_FRONTIER, API, TcoStrategy.SELF_HOST_FINE_TUNED, SELF),
        Volume.NONE, CATALOG, horizon);
  }

  @Test
  void apiFirstChatbotCostsMatchHandComputedTotals() {
    TcoResult api = report(12).result(TcoStrategy.API_FRONTIER);
    double monthly = 3000 + 0.1 * 16000 + 500;
    assertEquals(monthly, api.monthlyTotalUsd(), CENT);
    assertEquals(monthly * 12 + 5000 + 1 * 20000, api.horizonTotalUsd(), CENT);
    assertEquals(86_200, api.horizonTotalUsd(), CENT, "not the printed $75,200");
    assertNull(api.bufferedTotalUsd(), "no buffer on the API side");
  }

  @Test
  void selfHostedChatbotCostsMatchHandComputedTotals() {
    TcoResult self = report(12).result(TcoStrategy.SELF_HOST_FINE_TUNED);
    double monthly = 4500 + 18000 + 0.25 * 16000 + 2000 + 500 + 1000 + 500;
    assertEquals(30_500, monthly);
    assertEquals(monthly, self.monthlyTotalUsd(), CENT);
    assertEquals(15_000, self.oneTimeTotalUsd(), CENT);
    assertEquals(60_000, self.opportunityCostUsd(), CENT);
    assertEquals(441_000, self.horizonTotalUsd(), CENT, "not the printed $366,000");
  }

  @Test
  void sharesIncludeOneTimeCostsAndMatchTheCorrectedBreakdown() {
    TcoReport r = report(12);
    assertShares(r.result(TcoStrategy.API_FRONTIER), 41.8, 22.3, 0.0, 12.8, 23.2);
    assertShares(r.result(TcoStrategy.SELF_HOST_FINE_TUNED), 12.2, 59.9, 6.8, 7.5, 13.6);
    assertEquals(11_000, r.result(TcoStrategy.API_FRONTIER).horizonByCategoryUsd().get(CostCategory.COMPLIANCE), CENT);
  }

  private static void assertShares(TcoResult r, double... expected) {
    Map<CostCategory, Double> s = r.sharesPct();
    CostCategory[] order = CostCategory.values();
    double sum = 0;
    for (int i = 0; i < order.length; i++) {
      assertEquals(expected[i], s.get(order[i]), 0.05, order[i].toString());
      sum += s.get(order[i]);
    }
    assertEquals(100, sum, 1e-9);
  }

  @Test
  void bufferAppliesToCostLinesNotOpportunityUnlessFlagged() {
    TcoResult self = report(12).result(TcoStrategy.SELF_HOST_FINE_TUNED);
    assertEquals(30.0, self.uncertaintyBufferPct());
    assertEquals((441_000 - 60_000) * 1.3 + 60_000, self.bufferedTotalUsd(), CENT);
    assertEquals(555_300, self.bufferedTotalUsd(), CENT);
    String flagged = SELF.substring(0, SELF.length() - 1) + ", \"bufferAppliesToOpportunity\": true}";
    TcoResult all = Fixtures.cost(TcoStrategy.SELF_HOST_FINE_TUNED, flagged, Volume.NONE, 12);
    assertEquals(573_300, all.bufferedTotalUsd(), CENT);
  }

  @Test
  void twentyFourMonthHorizonGives147400Versus807000() {
    TcoReport r = report(24);
    assertEquals(5100 * 24 + 5000 + 20000, r.result(TcoStrategy.API_FRONTIER).horizonTotalUsd(), CENT);
    assertEquals(147_400, r.result(TcoStrategy.API_FRONTIER).horizonTotalUsd(), CENT);
    assertEquals(807_000, r.result(TcoStrategy.SELF_HOST_FINE_TUNED).horizonTotalUsd(), CENT);
  }

  @Test
  void comparisonPrefersTheApiAndHasNoVolumeToBreakEvenOn() {
    TcoComparison c = report(12).comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_FINE_TUNED);
    assertEquals(CostVerdict.API, c.verdict());
    assertEquals((86_200.0 - 441_000) / 86_200 * 100, c.savingsPct(), 1e-9);
    assertTrue(c.guardFavoursApi() && c.bufferFavoursApi());
    assertEquals(BreakEven.Outcome.VOLUME_INDEPENDENT, c.breakEven().outcome());
    assertEquals(CostVerdict.API, c.breakEven().cheaperBelow());
  }

  @Test
  void totalToGpuRatioCountsEverythingButOpportunity() {
    TcoResult self = report(12).result(TcoStrategy.SELF_HOST_FINE_TUNED);
    assertEquals(381_000.0 / 54_000, self.totalToGpuRatio(), 1e-9);
    assertNull(report(12).result(TcoStrategy.API_FRONTIER).totalToGpuRatio());
  }
}
