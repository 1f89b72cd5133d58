package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 002 fine-tuned model economics, loan underwriting at 100,000 requests/day (SC-19, A-16..A-24). */
class FineTuneEconomicsTest {
  static String selfHost(double labelUsd, double qaPct, double hours, int runs, String gpu) {
    return """
        {"gpu": {"gpuPriceId": "%s", "gpuCount": 1, "hoursPerMonth": 720},
         "dataEval": {"labeledExamples": 10000, "labelCostPerExampleUsd": %s, "qaOverheadPct": %s},
         "fineTuning": {"method": "LORA", "trainingHoursPerRun": %s,
                        "trainingGpuPriceId": "gpu.runpod-h100-training", "runsPerCycle": %d}}"""
        .formatted(gpu, labelUsd, qaPct, hours, runs);
  }

  static TcoResult cost(String lines) {
    return Fixtures.cost(TcoStrategy.SELF_HOST_FINE_TUNED, lines, Volume.ofRequests(100_000, 1000, 500), 12);
  }

  @Test
  void trainingRunsOfFourToEightHoursAt2_69CostTenToTwentyOneDollars() {
    TcoResult low = cost(selfHost(2, 20, 4, 1, "gpu.runpod-h100-pcie"));
    TcoResult high = cost(selfHost(2, 20, 8, 1, "gpu.runpod-h100-pcie"));
    assertEquals(4 * 2.69, low.oneTimeUsd().get(CostCategory.COMPUTE), CENT);
    assertEquals(10.76, low.oneTimeUsd().get(CostCategory.COMPUTE), CENT);
    assertEquals(21.52, high.oneTimeUsd().get(CostCategory.COMPUTE), CENT);
  }

  @Test
  void tenToTwentyIterationsCost107_60To430_40() {
    assertEquals(107.60, cost(selfHost(2, 20, 4, 10, "gpu.runpod-h100-pcie")).oneTimeUsd().get(CostCategory.COMPUTE), CENT);
    assertEquals(430.40, cost(selfHost(2, 20, 8, 20, "gpu.runpod-h100-pcie")).oneTimeUsd().get(CostCategory.COMPUTE), CENT);
  }

  @Test
  void labelingTenThousandExamplesWithQaCosts24000To65000() {
    assertEquals(10_000 * 2 * 1.2, cost(selfHost(2, 20, 4, 1, "gpu.runpod-h100-pcie")).oneTimeUsd().get(CostCategory.DATA_EVAL), CENT);
    assertEquals(24_000, cost(selfHost(2, 20, 4, 1, "gpu.runpod-h100-pcie")).oneTimeUsd().get(CostCategory.DATA_EVAL), CENT);
    assertEquals(65_000, cost(selfHost(5, 30, 4, 1, "gpu.runpod-h100-pcie")).oneTimeUsd().get(CostCategory.DATA_EVAL), CENT);
  }

  @Test
  void alwaysOnH100PcieCosts1432_80To2059_20PerThirtyDayMonth() {
    assertEquals(1.99 * 24 * 30, cost(selfHost(2, 20, 4, 1, "gpu.runpod-h100-pcie")).monthlyComputeUsd(), CENT);
    assertEquals(2_059.20, cost(selfHost(2, 20, 4, 1, "gpu.lambda-h100-pcie")).monthlyComputeUsd(), CENT);
  }

  @Test
  void refreshCyclesRepeatRunsAndOptionallyLabeling() {
    String lines = """
        {"dataEval": {"labeledExamples": 1000, "labelCostPerExampleUsd": 1, "qaOverheadPct": 0},
         "fineTuning": {"fineTuneRunCostUsd": 2000, "runsPerCycle": 1, "refreshIntervalMonths": 5,
                        "labelingRepeatsEachCycle": true}}""";
    TcoResult r = Fixtures.cost(TcoStrategy.SELF_HOST_FINE_TUNED, lines, Volume.NONE, 12);
    assertEquals(3 * 2000, r.oneTimeUsd().get(CostCategory.COMPUTE), CENT, "months 0, 5, 10");
    assertEquals(3 * 1000, r.oneTimeUsd().get(CostCategory.DATA_EVAL), CENT);
  }

  @Test
  void loanUnderwritingFineTunePaysBackWellUnderThreeMonths() {
    String fact = """
        {"strategies": {
           "API_FRONTIER": {"api": {"apiModel": "gpt-4o"}},
           "SELF_HOST_FINE_TUNED": %s},
         "humanReview": {"reviewRateBeforePct": 10, "reviewRateAfterPct": 1, "costPerReviewUsd": 20,
                         "oneTimeFineTuneCostUsd": 24107.60}}"""
        .formatted(selfHost(2, 20, 4, 10, "gpu.runpod-h100-pcie"));
    TcoReport r = TcoCalculator.compute(TcoInputs.fromJson(fact), Volume.ofRequests(100_000, 1000, 500), CATALOG, 12);
    TcoResult self = r.result(TcoStrategy.SELF_HOST_FINE_TUNED);
    assertEquals(24_000 + 107.60, self.oneTimeTotalUsd(), CENT);
    assertTrue(r.humanReview().paybackMonths() < 3);
    assertEquals(CostVerdict.SELF_HOST,
        r.comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_FINE_TUNED).verdict());
    double inferenceSavings = 1 - self.monthlyComputeUsd() / r.result(TcoStrategy.API_FRONTIER).monthlyComputeUsd();
    assertTrue(inferenceSavings > 0.90, "002: fine-tuned models save 90%+ on inference");
  }
}
