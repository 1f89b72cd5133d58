package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static bvb.tco.Fixtures.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume, GPU-step, share and price-scaling properties, plus 000's 50M tokens/day example (SC-12). */
class PropertiesTest {
  static final String SIZED = """
      {"gpu": {"gpuHourlyRateUsd": 2.0, "requestsPerSecondPerGpu": 10, "expectedGpuUtilizationPct": 50},
       "engineering": {"devopsFte": 0.25}}""";

  static TcoResult sized(long requestsPerDay) {
    Volume v = new Volume(null, null, requestsPerDay, 1000, 500, null, 2.0);
    return Fixtures.cost(TcoStrategy.SELF_HOST_OPEN, SIZED, v, 12);
  }

  @Test
  void apiTotalsGrowWithVolume() {
    double previous = -1;
    for (long rpd = 0; rpd <= 1_000_000; rpd += 50_000) {
      double total = ApiTokenCostTest.api("gpt-4o", Volume.ofRequests(rpd, 1000, 500)).horizonTotalUsd();
      assertTrue(total > previous, "at " + rpd);
      previous = total;
    }
  }

  @Test
  void selfHostStepsWithGpuCountWhenSizedFromLoad() {
    // 10 req/s per GPU, peak 2x mean: one GPU carries 432,000 requests/day of mean load.
    assertEquals(1, sized(432_000).gpu().gpuCount());
    assertEquals(2, sized(432_001).gpu().gpuCount());
    assertEquals(sized(1).horizonTotalUsd(), sized(432_000).horizonTotalUsd(), CENT);
    assertEquals(2.0 * 730 * 12, sized(432_001).horizonTotalUsd() - sized(432_000).horizonTotalUsd(), CENT);
    assertEquals(50.0, sized(432_000).gpu().impliedMeanUtilizationPct(), 1e-9);
    assertEquals(2.0, sized(432_000).gpu().utilisationCostMultiplier(), 1e-12);
  }

  @Test
  void breakEvenAgainstSteppedSelfHostIsConsistentWithTotals() {
    String api = "{\"api\": {\"apiModel\": \"gpt-4o-mini\"}}";
    TcoInputs in = Fixtures.two(TcoStrategy.API_FRONTIER, api, TcoStrategy.SELF_HOST_OPEN, SIZED);
    Volume base = new Volume(null, null, 10_000L, 1000, 500, null, 2.0);
    BreakEven be = TcoCalculator.compute(in, base, CATALOG, 12)
        .comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_OPEN).breakEven();
    assertEquals(BreakEven.Outcome.CROSSOVER, be.outcome());
    long below = (long) Math.floor(be.requestsPerDay()) - 1;
    long above = (long) Math.ceil(be.requestsPerDay()) + 1;
    assertTrue(diff(in, below) < 0, "API cheaper below the crossover");
    assertTrue(diff(in, above) > 0 || be.atGpuStep(), "self-host cheaper above, unless a GPU step");
    if (!be.atGpuStep()) {
      assertEquals(0, diff(in, Math.round(be.requestsPerDay())), 0.25 * 12 * 30);
    }
  }

  private static double diff(TcoInputs in, long rpd) {
    TcoReport r = TcoCalculator.compute(in, new Volume(null, null, rpd, 1000, 500, null, 2.0), CATALOG, 12);
    return r.result(TcoStrategy.API_FRONTIER).horizonTotalUsd() - r.result(TcoStrategy.SELF_HOST_OPEN).horizonTotalUsd();
  }

  @Test
  void sharesAlwaysSumToOneHundred() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      String lines = """
          {"gpu": {"gpuMonthlyRateUsd": %d, "gpuCount": %d},
           "engineering": {"mlEngineerFte": %.3f, "setupFteMonths": %.2f},
           "dataEval": {"evalInfrastructureMonthlyUsd": %d},
           "compliance": {"complianceOneTimeUsd": %d},
           "opportunity": {"timeToProductionMonths": %.1f, "monthlyRevenueOpportunityUsd": %d}}"""
          .formatted(random.nextInt(5000), 1 + random.nextInt(8), random.nextDouble() * 2,
              random.nextDouble() * 3, random.nextInt(900), random.nextInt(20_000),
              random.nextDouble() * 6, random.nextInt(50_000));
      int horizon = new int[] {12, 24, 36}[random.nextInt(3)];
      Map<CostCategory, Double> shares = Fixtures.cost(TcoStrategy.SELF_HOST_OPEN, lines, Volume.NONE, horizon).sharesPct();
      assertEquals(100, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, lines);
    }
  }

  @TempDir Path tmp;

  @Test
  void doublingEveryPriceDoublesComputeCost() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(Path.of("rules/prices.json").toFile());
    for (JsonNode entry : root.get("entries")) {
      Iterator<String> names = entry.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (entry.get(name).isNumber() && !name.equals("gpusPerQuote")) {
          ((ObjectNode) entry).put(name, entry.get(name).asDouble() * 2);
        }
      }
    }
    Path doubled = tmp.resolve("prices.json");
    Files.write(doubled, json.writeValueAsBytes(root));
    String lines = """
        {"api": {"apiModel": "gpt-4o"},
         "gpu": {"gpuPriceId": "gpu.lambda-h100-pcie", "gpuCount": 3},
         "fineTuning": {"trainingHoursPerRun": 6, "trainingGpuPriceId": "gpu.runpod-h100-training", "runsPerCycle": 4}}""";
    TcoInputs in = Fixtures.one(TcoStrategy.SELF_HOST_FINE_TUNED, lines);
    Volume v = Volume.ofRequests(50_000, 1000, 500);
    TcoResult base = TcoCalculator.compute(in, v, CATALOG, 24).result(TcoStrategy.SELF_HOST_FINE_TUNED);
    TcoResult twice = TcoCalculator.compute(in, v, PriceCatalog.load(doubled), 24).result(TcoStrategy.SELF_HOST_FINE_TUNED);
    assertEquals(2 * base.monthlyComputeUsd(), twice.monthlyComputeUsd(), CENT);
    assertEquals(2 * base.horizonByCategoryUsd().get(CostCategory.COMPUTE),
        twice.horizonByCategoryUsd().get(CostCategory.COMPUTE), CENT);
  }

  @Test
  void fiftyMillionTokensPerDayCostsElevenAndAHalfTimesMoreSelfHostedAtTwoToOne() {
    String self = "{\"gpu\": {\"gpuPriceId\": \"gpu.000-4x-mid-tier\", \"gpuCount\": 4}}";
    TcoReport r = TcoCalculator.compute(Fixtures.two(TcoStrategy.API_FRONTIER,
        "{\"api\": {\"apiModel\": \"gpt-4o-mini\"}}", TcoStrategy.SELF_HOST_OPEN, self),
        Volume.ofTokens(50_000_000L * 30, 2.0 / 3), CATALOG, 12);
    double api = r.result(TcoStrategy.API_FRONTIER).monthlyTotalUsd();
    double selfHost = r.result(TcoStrategy.SELF_HOST_OPEN).monthlyTotalUsd();
    assertEquals(450, api, CENT);
    assertEquals(5_175, selfHost, CENT);
    assertEquals(11.5, selfHost / api, 1e-9, "not 2.3x");
    assertEquals(CostVerdict.API, r.comparison(TcoStrategy.API_FRONTIER, TcoStrategy.SELF_HOST_OPEN).verdict());
  }
}
