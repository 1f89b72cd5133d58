package bvb.tco;

import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** 001/004 routing economics and 002 human-review ROI. */
class RoutingAndReviewTest {
  @Test
  void routingSeventyPercentAtOneTenthLeaves37PercentNot33() {
    RoutingEstimate r = RoutingEstimate.of(70, 0.1);
    assertEquals(37, r.resultingCostPctOfOriginal(), 1e-9);
    assertEquals(63, r.savingsPct(), 1e-9);
  }

  @Test
  void routingSeventyToEightyPercentToGpt4oMiniSaves65_8To75_2Percent() {
    double ratio = 0.15 / 2.50;
    assertEquals(0.06, ratio, 1e-12);
    assertEquals(65.8, RoutingEstimate.of(70, ratio).savingsPct(), 1e-9);
    assertEquals(75.2, RoutingEstimate.of(80, ratio).savingsPct(), 1e-9);
  }

  @Test
  void routedStrategyPaysTheRoutedShareOfItsFrontierTokenBill() {
    String lines = """
        {"api": {"apiModel": "gpt-4o"},
         "routing": {"routableSharePct": 70, "cheapToFrontierCostRatio": 0.1, "routingOverheadMonthlyUsd": 100}}""";
    TcoResult r = Fixtures.cost(TcoStrategy.API_ROUTED, lines, Volume.ofRequests(100_000, 1000, 500), 12);
    assertEquals(22_500 * 0.37, r.apiTokenCostMonthlyUsd(), CENT);
    assertEquals(22_500 * 0.37 + 100, r.monthlyComputeUsd(), CENT);
    assertEquals(37, r.routing().resultingCostPctOfOriginal(), 1e-9);
  }

  @Test
  void routedStrategyWithoutACostRatioFailsNamingIt() {
    String lines = "{\"api\": {\"apiModel\": \"gpt-4o\"}, \"routing\": {\"routableSharePct\": 70}}";
    TcoInputException e = assertThrows(TcoInputException.class,
        () -> Fixtures.cost(TcoStrategy.API_ROUTED, lines, Volume.ofRequests(1, 1, 1), 12));
    assertEquals("tco.strategies.API_ROUTED.routing.cheapToFrontierCostRatio", e.field());
  }

  @Test
  void reviewDropFromTenToOnePercentAtTwentyDollarsSaves1800Per1000Requests() {
    TcoInputs.HumanReview review = new TcoInputs.HumanReview(10.0, 1.0, 20.0, 24_107.60);
    ReviewRoi roi = ReviewRoi.of(100_000, review);
    assertEquals(100 * 20 - 10 * 20, roi.savingsPer1000RequestsUsd(), CENT);
    assertEquals(180_000, roi.dailySavingsUsd(), CENT);
    assertEquals(5_400_000, roi.monthlyReviewSavingsUsd(), CENT);
    assertEquals(6_000_000, roi.monthlyReviewCostBeforeUsd(), CENT);
    assertEquals(24_107.60 / 5_400_000, roi.paybackMonths(), 1e-12);
  }

  @Test
  void reviewRoiWithoutFineTuneCostHasNoPayback() {
    assertNull(ReviewRoi.of(1000, new TcoInputs.HumanReview(10.0, 1.0, 20.0, null)).paybackMonths());
  }
}
