package bvb.tco;

import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Token pricing from volume and catalog prices. */
class ApiTokenCostTest {
  static TcoResult api(String model, Volume v) {
    return Fixtures.cost(TcoStrategy.API_FRONTIER, "{\"api\": {\"apiModel\": \"" + model + "\"}}", v, 12);
  }

  @Test
  void gpt4oRequestOf1000In500OutCostsThreeQuartersOfACent() {
    TcoResult r = api("gpt-4o", Volume.ofRequests(100_000, 1000, 500));
    double perRequest = 1000 * 2.50 / 1e6 + 500 * 10.00 / 1e6;
    assertEquals(0.0075, perRequest, 1e-15);
    assertEquals(perRequest, r.apiCostPerRequestUsd(), 1e-15);
    assertEquals(750, r.apiCostPerRequestUsd() * 100_000, CENT, "per day, not $350");
    assertEquals(22_500, r.apiTokenCostMonthlyUsd(), CENT, "30-day month, not $10,500");
    assertEquals(22_500 * 12, r.horizonTotalUsd(), CENT);
  }

  @Test
  void retriesMultiplyCostPerTask() {
    Volume v = new Volume(null, null, 100_000L, 1000, 500, 3.0, null);
    TcoResult r = api("gpt-4o", v);
    assertEquals(0.0075, r.apiCostPerRequestUsd(), 1e-15);
    assertEquals(0.0225, r.costPerTaskUsd(), 1e-15);
    assertEquals(22_500 * 3, r.apiTokenCostMonthlyUsd(), CENT);
  }

  @Test
  void fiftyMillionTokensPerDayOnGpt4oMiniCosts225To900NotPrinted2250() {
    long monthly = 50_000_000L * 30;
    assertEquals(225, api("gpt-4o-mini", Volume.ofTokens(monthly, 1.0)).monthlyTotalUsd(), CENT);
    assertEquals(900, api("gpt-4o-mini", Volume.ofTokens(monthly, 0.0)).monthlyTotalUsd(), CENT);
    assertEquals(450, api("gpt-4o-mini", Volume.ofTokens(monthly, 2.0 / 3)).monthlyTotalUsd(), CENT);
    assertEquals(562.50, api("gpt-4o-mini", Volume.ofTokens(monthly, 0.5)).monthlyTotalUsd(), CENT);
  }

  @Test
  void usageTiersOf003AreInputOnlyPricesAndDoubleAtATwoToOneMix() {
    long tokens = 10_000_000L;
    for (double expected : new double[] {25, 250, 2_500, 25_000, 250_000}) {
      assertEquals(expected, api("gpt-4o", Volume.ofTokens(tokens, 1.0)).monthlyTotalUsd(), CENT);
      assertEquals(expected * 2, api("gpt-4o", Volume.ofTokens(tokens, 2.0 / 3)).monthlyTotalUsd(), CENT);
      assertEquals(expected * 4, api("gpt-4o", Volume.ofTokens(tokens, 0.0)).monthlyTotalUsd(), CENT);
      tokens *= 10;
    }
  }

  @Test
  void inputOnlyCatalogPriceNeedsAnOutputPriceWhenOutputTokensExist() {
    TcoInputException e = assertThrows(TcoInputException.class,
        () -> api("claude-opus-4", Volume.ofTokens(1_000_000, 0.5)));
    assertEquals(TcoInputException.MISSING, e.code());
    assertEquals("tco.strategies.API_FRONTIER.api.apiOutputPricePerMTokUsd", e.field());
    assertEquals(15, api("claude-opus-4", Volume.ofTokens(1_000_000, 1.0)).monthlyTotalUsd(), CENT);
  }

  @Test
  void tokenVolumeWithoutInputShareIsAnErrorNotASilentSplit() {
    TcoInputException e = assertThrows(TcoInputException.class,
        () -> api("gpt-4o", Volume.ofTokens(1_000_000, null)));
    assertEquals(TcoInputException.MISSING, e.code());
    assertEquals("volume.inputShareOfTokens", e.field());
  }

  @Test
  void derivedTokenCostWithoutAnyVolumeNamesTheVolumeField() {
    TcoInputException e = assertThrows(TcoInputException.class, () -> api("gpt-4o", Volume.NONE));
    assertEquals("volume.tokensPerMonth", e.field());
  }

  @Test
  void contradictoryVolumeFiguresAreRejected() {
    Volume v = new Volume(1L, null, 100_000L, 1000, 500, null, null);
    TcoInputException e = assertThrows(TcoInputException.class, () -> api("gpt-4o", v));
    assertEquals(TcoInputException.CONFLICT, e.code());
    assertEquals("volume.tokensPerMonth", e.field());
  }
}
