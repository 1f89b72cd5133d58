package bvb.tco;

/** Constructor-time validation helpers; each failure names the field. */
final class Checks {
  private Checks() {}

  static void nonNegative(String field, Number value) {
    if (value == null) {
      return;
    }
    double v = value.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new TcoInputException(TcoInputException.OUT_OF_RANGE, field, "must be finite, was " + v);
    }
    if (v < 0) {
      throw new TcoInputException(TcoInputException.NEGATIVE, field, "must be >= 0, was " + value);
    }
    double max = max(field);
    if (v > max) {
      throw new TcoInputException(TcoInputException.OUT_OF_RANGE, field,
          "is implausibly large: " + value + " (at most " + (long) max + ")");
    }
  }

  /** Largest plausible amount of anything in a tco section: a trillion (dollars, GPUs, examples, ...). */
  static final double MAX = 1e12;
  /** Largest token volume: the fact file's own bound (10^15 tokens a month). */
  static final double MAX_TOKENS_PER_MONTH = 1e15;

  /** The upper bound of {@code field}. */
  static double max(String field) {
    return field.endsWith("tokensPerMonth") ? MAX_TOKENS_PER_MONTH : MAX;
  }

  static void positive(String field, Number value) {
    nonNegative(field, value);
    if (value != null && value.doubleValue() == 0) {
      throw new TcoInputException(TcoInputException.ZERO, field, "must be > 0, was 0");
    }
  }

  static void between(String field, Number value, double min, double max) {
    nonNegative(field, value);
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
      throw new TcoInputException(
          TcoInputException.OUT_OF_RANGE,
          field,
          "must be between " + min + " and " + max + ", was " + value);
    }
  }

  static void atLeast(String field, Number value, double min) {
    nonNegative(field, value);
    if (value != null && value.doubleValue() < min) {
      throw new TcoInputException(
          TcoInputException.OUT_OF_RANGE, field, "must be >= " + min + ", was " + value);
    }
  }

  static void utilisation(String field, Double value) {
    if (value != null && (value <= 0 || value > 100 || value.isNaN())) {
      throw new TcoInputException(
          TcoInputException.OUT_OF_RANGE, field, "must be > 0 and <= 100 percent, was " + value);
    }
  }

  static void exclusive(String fieldA, Object a, String fieldB, Object b) {
    if (a != null && b != null) {
      throw new TcoInputException(
          TcoInputException.CONFLICT, fieldA, "give either " + fieldA + " or " + fieldB + ", not both");
    }
  }
}
