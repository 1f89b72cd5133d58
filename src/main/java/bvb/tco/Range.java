package bvb.tco;

/**
 * A cost input given as a range, {@code {"low": 2, "high": 5}} with an optional most-likely
 * {@code "mode"}. Its {@link #point()} — the mode when given, else the midpoint — is the value a
 * decision uses when no uncertainty analysis is asked for.
 */
public record Range(double low, double high, Double mode) {

  /**
   * @throws TcoInputException naming {@code low}, {@code high} or {@code mode} when a bound is not
   *     finite, negative or implausibly large, when low exceeds high, or the mode lies outside them
   */
  public Range {
    bound("low", low);
    bound("high", high);
    if (low > high) {
      throw new TcoInputException(TcoInputException.OUT_OF_RANGE, "low",
          "must not exceed high: low " + plain(low) + " > high " + plain(high));
    }
    if (mode != null) {
      bound("mode", mode);
      if (mode < low || mode > high) {
        throw new TcoInputException(TcoInputException.OUT_OF_RANGE, "mode",
            "must lie between low " + plain(low) + " and high " + plain(high) + ", was " + plain(mode));
      }
    }
  }

  private static void bound(String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new TcoInputException(TcoInputException.OUT_OF_RANGE, field, "must be a finite number, was " + v);
    }
    if (v < 0) {
      throw new TcoInputException(TcoInputException.NEGATIVE, field, "must be >= 0, was " + plain(v));
    }
    if (v > Checks.MAX_TOKENS_PER_MONTH) {
      throw new TcoInputException(TcoInputException.OUT_OF_RANGE, field, "is implausibly large: " + plain(v));
    }
  }

  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** The value used without analysis: the mode when given, else (low + high) / 2. */
  public double point() {
    return mode != null ? mode : (low + high) / 2;
  }

  /** True when low equals high: not uncertain at all. */
  public boolean isDegenerate() {
    return low == high;
  }
}
