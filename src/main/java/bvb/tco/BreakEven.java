package bvb.tco;

/**
 * Monthly token volume (and requests per day when tokens per request are known) at which an API
 * strategy's horizon total meets a self-host strategy's, searched from 0 to
 * {@code searchedUpToTokensPerMonth}. {@code cheaperBelow} is the cheaper side just below the
 * crossover (or throughout, when there is none). {@code atGpuStep} marks a crossover caused by a
 * GPU being added, where the totals jump rather than meet.
 */
public record BreakEven(
    Outcome outcome,
    boolean buffered,
    Double tokensPerMonth,
    Double requestsPerDay,
    CostVerdict cheaperBelow,
    boolean atGpuStep,
    double searchedUpToTokensPerMonth) {

  /** Result kinds. */
  public enum Outcome {
    /** The totals meet (or a GPU step flips the cheaper side) at {@code tokensPerMonth}. */
    CROSSOVER,
    /** One side is cheaper across the whole searched range. */
    NO_CROSSOVER_IN_RANGE,
    /** Neither total changes with volume (fixed token bill, fixed GPU count). */
    VOLUME_INDEPENDENT,
    /** Totals depend on volume but no token volume is known to scale. */
    NO_VOLUME
  }
}
