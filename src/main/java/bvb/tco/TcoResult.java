package bvb.tco;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy's TCO over the horizon (catalogue §4.1). Money in USD, unrounded. One-time amounts
 * (set-up, labeling, fine-tune runs and refresh cycles, hiring, one-time compliance) sit in their
 * category, so {@code sharesPct} includes them and sums to 100 (all 0 when the total is 0, e.g. API
 * tokens at zero volume). {@code bufferedTotalUsd} is null for
 * API strategies.
 */
public record TcoResult(
    TcoStrategy strategy,
    int horizonMonths,
    double monthlyComputeUsd,
    double monthlyEngineeringUsd,
    double monthlyDataEvalUsd,
    double monthlyComplianceUsd,
    double monthlyTotalUsd,
    Map<CostCategory, Double> oneTimeUsd,
    double oneTimeTotalUsd,
    double opportunityCostUsd,
    double horizonTotalUsd,
    Double uncertaintyBufferPct,
    Double bufferedTotalUsd,
    Map<CostCategory, Double> horizonByCategoryUsd,
    Map<CostCategory, Double> sharesPct,
    Double apiTokenCostMonthlyUsd,
    Double apiCostPerRequestUsd,
    Double costPerTaskUsd,
    Double effectiveCostPerMTokUsd,
    Double totalToGpuRatio,
    GpuDetail gpu,
    RoutingEstimate routing,
    List<InputSource> sources) {

  public TcoResult {
    oneTimeUsd = frozen(oneTimeUsd);
    horizonByCategoryUsd = frozen(horizonByCategoryUsd);
    sharesPct = frozen(sharesPct);
    sources = List.copyOf(sources);
  }

  private static Map<CostCategory, Double> frozen(Map<CostCategory, Double> m) {
    return Collections.unmodifiableMap(new EnumMap<>(m));
  }

  /** Horizon total spread evenly per month (what 004's Exercise 33.6.2 calls "TCO per month"). */
  public double averageMonthlyUsd() {
    return horizonTotalUsd / horizonMonths;
  }

  /** Total that a comparison uses for the buffered verdict: buffered where defined, else plain. */
  public double bufferedOrPlainTotalUsd() {
    return bufferedTotalUsd == null ? horizonTotalUsd : bufferedTotalUsd;
  }

  /**
   * GPU lines and the utilisation effect: cost per 1M tokens at the stated utilisation is
   * {@code 100 / expectedGpuUtilizationPct} times the full-load figure (000: 10 % load is ten
   * times worse). {@code impliedMeanUtilizationPct} is mean load over capacity when sized from load.
   */
  public record GpuDetail(
      Integer gpuCount,
      boolean sizedFromLoad,
      double monthlyRentalUsd,
      double monthlyAmortisedPurchaseUsd,
      Double expectedGpuUtilizationPct,
      Double utilisationCostMultiplier,
      Double gpuCostPerMTokUsd,
      Double gpuCostPerMTokAtFullLoadUsd,
      Double impliedMeanUtilizationPct) {

    /** Monthly GPU cost: rental plus amortised purchase. */
    public double monthlyGpuUsd() {
      return monthlyRentalUsd + monthlyAmortisedPurchaseUsd;
    }
  }
}
