package bvb.facts;

/**
 * Token volume normalised to a month (30 days) and a year (12 months), with how it was derived.
 * tokensPerMonth is null when the fact file does not give enough to compute it.
 */
public record TokenVolume(Long tokensPerMonth, Long tokensPerDay, Long tokensPerYear, String derivation) {
  public static final int DAYS_PER_MONTH = 30;

  static TokenVolume of(Workload w) {
    if (w.tokensPerMonth() != null) {
      long m = w.tokensPerMonth();
      return new TokenVolume(m, m / DAYS_PER_MONTH, m * 12, "tokensPerMonth as given");
    }
    if (w.tokensPerDay() != null) {
      long d = w.tokensPerDay();
      return new TokenVolume(d * DAYS_PER_MONTH, d, d * DAYS_PER_MONTH * 12, "tokensPerDay x 30");
    }
    if (w.inputTokensPerRequest() != null && w.outputTokensPerRequest() != null) {
      long d = w.requestsPerDay() * (w.inputTokensPerRequest() + (long) w.outputTokensPerRequest());
      return new TokenVolume(
          d * DAYS_PER_MONTH,
          d,
          d * DAYS_PER_MONTH * 12,
          "requestsPerDay x (inputTokensPerRequest + outputTokensPerRequest) x 30");
    }
    return new TokenVolume(
        null, null, null, "unknown: requestsPerDay given without tokens per request");
  }
}
