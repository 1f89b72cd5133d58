package bvb.tco;

/**
 * Routing economics (001, 004): a share of traffic sent to a path costing {@code costRatio} of the
 * frontier per call leaves {@code (1 - share) + share x ratio} of the original cost.
 */
public record RoutingEstimate(
    double routableSharePct, double costRatio, double resultingCostPctOfOriginal, double savingsPct) {

  /** Computes the estimate; share in percent 0..100, ratio 0..1. */
  public static RoutingEstimate of(double routableSharePct, double costRatio) {
    Checks.between("routing.routableSharePct", routableSharePct, 0, 100);
    Checks.between("routing.cheapToFrontierCostRatio", costRatio, 0, 1);
    double share = routableSharePct / 100;
    double remaining = (1 - share) + share * costRatio;
    return new RoutingEstimate(routableSharePct, costRatio, remaining * 100, (1 - remaining) * 100);
  }

  /** Multiplier applied to the frontier cost (0..1). */
  public double costFactor() {
    return resultingCostPctOfOriginal / 100;
  }
}
