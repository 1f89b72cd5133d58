package bvb.uncertainty;

import java.util.Arrays;

/** P10, P50 and P90 of a sample (nearest rank: the smallest value with at least q of the sample at or below it). */
public record Quantiles(double p10, double p50, double p90) {

  static Quantiles of(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return ofSorted(s);
  }

  static Quantiles ofSorted(double[] sorted) {
    return new Quantiles(rank(sorted, 0.10), rank(sorted, 0.50), rank(sorted, 0.90));
  }

  /** The nearest-rank q-quantile of a sorted, non-empty sample. */
  static double rank(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
