package bvb.tco;

/**
 * An API strategy against a self-operated one over the horizon: savings of the self-host option
 * (unbuffered and with its uncertainty buffer), 004's guard (self-host at most
 * {@code guardThresholdPct} % cheaper: prefer the API), the buffer verdict (buffered self-host not
 * cheaper: prefer the API), and break-even volumes.
 */
public record TcoComparison(
    TcoStrategy apiStrategy,
    TcoStrategy selfHostStrategy,
    int horizonMonths,
    double apiTotalUsd,
    double selfHostTotalUsd,
    double selfHostBufferedTotalUsd,
    double savingsPct,
    double savingsPctBuffered,
    double guardThresholdPct,
    boolean guardFavoursApi,
    boolean bufferFavoursApi,
    CostVerdict verdict,
    BreakEven breakEven,
    BreakEven breakEvenBuffered) {

  /** 004: "only 10 to 20% cheaper" -> API; the upper end is the threshold. */
  public static final double GUARD_THRESHOLD_PCT = 20.0;

  /** The comparison of two results without break-even volumes (both null). */
  public static TcoComparison of(TcoResult api, TcoResult self) {
    return of(api, self, null, null);
  }

  static TcoComparison of(TcoResult api, TcoResult self, BreakEven plain, BreakEven buffered) {
    double apiTotal = api.horizonTotalUsd();
    double selfTotal = self.horizonTotalUsd();
    double selfBuffered = self.bufferedOrPlainTotalUsd();
    double savings = (apiTotal - selfTotal) / apiTotal * 100;
    double savingsBuffered = (apiTotal - selfBuffered) / apiTotal * 100;
    boolean guard = savings <= GUARD_THRESHOLD_PCT;
    boolean buffer = selfBuffered >= apiTotal;
    CostVerdict verdict = guard || buffer ? CostVerdict.API : CostVerdict.SELF_HOST;
    return new TcoComparison(api.strategy(), self.strategy(), api.horizonMonths(), apiTotal,
        selfTotal, selfBuffered, savings, savingsBuffered, GUARD_THRESHOLD_PCT, guard, buffer,
        verdict, plain, buffered);
  }
}
