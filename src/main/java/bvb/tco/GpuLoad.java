package bvb.tco;

import bvb.catalog.PriceCatalog;
import bvb.catalog.RatePrice;

/**
 * Whether a stated GPU count fits the workload, from seed 002's per-H100 throughput figures in the
 * catalog: {@code gpusNeeded} at the conservative figure (11.5 GPU-hours per 100,000 requests of
 * 1,500 tokens: about 3,623 tokens/s per GPU) for the peak load (mean times peakToMeanRatio, the
 * mean when that is not given), and {@code utilisationPct} of the stated GPUs at the optimistic
 * figure (200 requests/s: 300,000 tokens/s per GPU) for the mean load. A fact for the rules.
 */
public record GpuLoad(TcoStrategy strategy, int gpuCount, double meanTokensPerSecond, double peakTokensPerSecond,
    double conservativeTokensPerSecondPerGpu, int gpusNeeded, double optimisticTokensPerSecondPerGpu, double utilisationPct) {

  static final String CONSERVATIVE_ID = "throughput.h100-gpu-hours-per-100k-requests-002";
  static final String OPTIMISTIC_ID = "throughput.h100-requests-per-second-002";
  /** 002's request: 1,000 input and 500 output tokens. */
  static final double TOKENS_PER_REQUEST_002 = 1_500;
  static final double SECONDS_PER_MONTH = 30 * 86_400.0;

  /** The load of a result with a stated GPU count, or null (no count, sized from load, no volume, no figures in the catalog). */
  public static GpuLoad of(TcoResult r, Double tokensPerMonth, Double peakToMean, PriceCatalog catalog) {
    TcoResult.GpuDetail g = r.gpu();
    if (g == null || g.sizedFromLoad() || g.gpuCount() == null || g.gpuCount() < 1 || tokensPerMonth == null
        || tokensPerMonth <= 0 || catalog == null) {
      return null;
    }
    Double hoursPer100k = value(catalog, CONSERVATIVE_ID);
    Double requestsPerSecond = value(catalog, OPTIMISTIC_ID);
    if (hoursPer100k == null || requestsPerSecond == null || hoursPer100k <= 0) {
      return null;
    }
    double conservative = 100_000 * TOKENS_PER_REQUEST_002 / (hoursPer100k * 3_600);
    double optimistic = requestsPerSecond * TOKENS_PER_REQUEST_002;
    double mean = tokensPerMonth / SECONDS_PER_MONTH;
    double peak = mean * (peakToMean == null ? 1 : peakToMean);
    int needed = (int) Math.ceil(peak / conservative - 1e-9);
    return new GpuLoad(r.strategy(), g.gpuCount(), mean, peak, conservative, Math.max(1, needed), optimistic,
        optimistic <= 0 ? 0 : mean / (g.gpuCount() * optimistic) * 100);
  }

  private static Double value(PriceCatalog catalog, String id) {
    return catalog.entry(id).filter(RatePrice.class::isInstance).map(e -> ((RatePrice) e).value()).orElse(null);
  }
}
