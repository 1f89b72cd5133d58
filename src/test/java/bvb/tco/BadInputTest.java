package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input fails with a stable code naming the field; nothing is computed from an unchosen default. */
class BadInputTest {
  static TcoInputException fails(Executable e) {
    return assertThrows(TcoInputException.class, e);
  }

  static void compute(TcoStrategy s, String lines, Volume v) {
    TcoCalculator.compute(Fixtures.one(s, lines), v, CATALOG, 12);
  }

  @Test
  void negativePriceInFactFileNamesItsJsonPath() {
    TcoInputException e = fails(() -> Fixtures.one(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiModel\": \"gpt-4o\", \"apiInputPricePerMTokUsd\": -2.5}}"));
    assertEquals(TcoInputException.NEGATIVE, e.code());
    assertEquals("tco.strategies.API_FRONTIER.api.apiInputPricePerMTokUsd", e.field());
  }

  @Test
  void negativeVolumesAreRejected() {
    assertEquals("volume.tokensPerMonth", fails(() -> Volume.ofTokens(-1, 1.0)).field());
    TcoInputException e = fails(() -> Volume.ofRequests(-5, 1000, 500));
    assertEquals(TcoInputException.NEGATIVE, e.code());
    assertEquals("volume.requestsPerDay", e.field());
  }

  @Test
  void zeroPerGpuThroughputIsRejected() {
    TcoInputException e = fails(() -> Fixtures.one(TcoStrategy.SELF_HOST_OPEN,
        "{\"gpu\": {\"gpuHourlyRateUsd\": 2, \"requestsPerSecondPerGpu\": 0}}"));
    assertEquals(TcoInputException.ZERO, e.code());
    assertEquals("tco.strategies.SELF_HOST_OPEN.gpu.requestsPerSecondPerGpu", e.field());
  }

  @Test
  void utilisationAboveHundredOrNotPositiveIsRejected() {
    for (String util : new String[] {"100.5", "0", "-10"}) {
      TcoInputException e = fails(() -> Fixtures.one(TcoStrategy.SELF_HOST_OPEN,
          "{\"gpu\": {\"gpuRentalMonthlyUsd\": 1000, \"expectedGpuUtilizationPct\": " + util + "}}"));
      assertEquals(TcoInputException.OUT_OF_RANGE, e.code(), util);
      assertEquals("tco.strategies.SELF_HOST_OPEN.gpu.expectedGpuUtilizationPct", e.field());
    }
  }

  @Test
  void modelOrGpuMissingFromCatalogIsRejected() {
    TcoInputException e = fails(() -> compute(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiModel\": \"gpt-5-ultra\"}}", Volume.ofTokens(1000, 1.0)));
    assertEquals(TcoInputException.UNKNOWN_CATALOG_ENTRY, e.code());
    assertEquals("tco.strategies.API_FRONTIER.api.apiModel", e.field());
    assertTrue(e.getMessage().contains("gpt-5-ultra"));
    TcoInputException gpu = fails(() -> compute(TcoStrategy.SELF_HOST_OPEN,
        "{\"gpu\": {\"gpuPriceId\": \"gpu.nope\", \"gpuCount\": 1}}", Volume.NONE));
    assertEquals("tco.strategies.SELF_HOST_OPEN.gpu.gpuPriceId", gpu.field());
  }

  @Test
  void horizonOutsideTwelveTwentyFourThirtySixIsRejected() {
    for (int h : new int[] {0, 6, 18, 48}) {
      TcoInputException e = fails(() -> TcoCalculator.compute(
          Fixtures.one(TcoStrategy.API_FRONTIER, "{\"api\": {\"apiTokenCostMonthlyUsd\": 1}}"), Volume.NONE, CATALOG, h));
      assertEquals(TcoInputException.BAD_HORIZON, e.code());
      assertEquals("horizonMonths", e.field());
    }
  }

  @Test
  void sizingFromLoadWithoutPeakRatioOrThroughputFailsRatherThanGuessing() {
    TcoInputException peak = fails(() -> compute(TcoStrategy.SELF_HOST_OPEN,
        "{\"gpu\": {\"gpuHourlyRateUsd\": 2, \"requestsPerSecondPerGpu\": 10}}", Volume.ofRequests(1000, 1000, 500)));
    assertEquals(TcoInputException.MISSING, peak.code());
    assertEquals("volume.peakToMeanRatio", peak.field());
    TcoInputException count = fails(() -> compute(TcoStrategy.SELF_HOST_OPEN,
        "{\"gpu\": {\"gpuHourlyRateUsd\": 2}}", Volume.NONE));
    assertEquals("tco.strategies.SELF_HOST_OPEN.gpu.gpuCount", count.field());
  }

  @Test
  void valuesWithOnlyARangeInTheCatalogMustBeChosen() {
    TcoInputException rate = fails(() -> compute(TcoStrategy.SELF_HOST_OPEN,
        "{\"engineering\": {\"engineeringHoursPerMonth\": 15}}", Volume.NONE));
    assertEquals("tco.strategies.SELF_HOST_OPEN.engineering.engineeringHourlyRateUsd", rate.field());
    TcoInputException qa = fails(() -> compute(TcoStrategy.SELF_HOST_FINE_TUNED,
        "{\"dataEval\": {\"labeledExamples\": 100, \"labelCostPerExampleUsd\": 3}}", Volume.NONE));
    assertEquals("tco.strategies.SELF_HOST_FINE_TUNED.dataEval.qaOverheadPct", qa.field());
    TcoInputException runs = fails(() -> compute(TcoStrategy.SELF_HOST_FINE_TUNED,
        "{\"fineTuning\": {\"fineTuneRunCostUsd\": 2000}}", Volume.NONE));
    assertEquals("tco.strategies.SELF_HOST_FINE_TUNED.fineTuning.runsPerCycle", runs.field());
  }

  @Test
  void unknownFieldsAndStrategiesAreMalformed() {
    TcoInputException field = fails(() -> Fixtures.one(TcoStrategy.SELF_HOST_OPEN, "{\"gpu\": {\"gpuCont\": 2}}"));
    assertEquals(TcoInputException.MALFORMED, field.code());
    assertEquals("tco.strategies.SELF_HOST_OPEN.gpu.gpuCont", field.field());
    TcoInputException strategy = fails(() -> TcoInputs.fromJson("{\"strategies\": {\"API_WORKHORSE\": {}}}"));
    assertEquals(TcoInputException.MALFORMED, strategy.code());
  }

  @Test
  void overrideTogetherWithWhatItReplacesIsAConflict() {
    TcoInputException e = fails(() -> compute(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiTokenCostMonthlyUsd\": 3000, \"apiModel\": \"gpt-4o\"}}", Volume.NONE));
    assertEquals(TcoInputException.CONFLICT, e.code());
    assertEquals(TcoInputException.CONFLICT, fails(() -> Fixtures.one(TcoStrategy.SELF_HOST_OPEN,
        "{\"gpu\": {\"gpuRentalMonthlyUsd\": 4500, \"gpuHourlyRateUsd\": 3}}")).code());
  }

  @Test
  void bufferOrRoutingOnAStrategyTheyDoNotFitIsRejected() {
    TcoInputException buffer = fails(() -> Fixtures.one(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiTokenCostMonthlyUsd\": 1}, \"uncertaintyBufferPct\": 30}"));
    assertEquals(TcoInputException.NOT_APPLICABLE, buffer.code());
    assertEquals("tco.strategies.API_FRONTIER.uncertaintyBufferPct", buffer.field());
    TcoInputException routing = fails(() -> Fixtures.one(TcoStrategy.SELF_HOST_OPEN,
        "{\"routing\": {\"routableSharePct\": 70}}"));
    assertEquals("tco.strategies.SELF_HOST_OPEN.routing", routing.field());
  }

  @Test
  void strategyWithNoCostLinesIsEmpty() {
    TcoInputException e = fails(() -> compute(TcoStrategy.SELF_HOST_OPEN, "{}", Volume.NONE));
    assertEquals(TcoInputException.EMPTY, e.code());
    assertEquals("tco.strategies.SELF_HOST_OPEN", e.field());
    assertEquals(TcoInputException.EMPTY, fails(() -> TcoInputs.fromJson("{\"strategies\": {}}")).code());
  }
}
