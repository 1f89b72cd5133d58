package bvb.tco;

/**
 * Workload volume as far as it is known; every field is nullable meaning "not given".
 *
 * <p>Tokens are per month (input + output); a month is 30 days. {@code inputShareOfTokens} is
 * 0..1. {@code attemptsPerTask} (>= 1) multiplies requests into calls when volume comes from
 * requests per day; {@code peakToMeanRatio} (>= 1) is needed only when GPUs are sized from load.
 */
public record Volume(
    Long tokensPerMonth,
    Double inputShareOfTokens,
    Long requestsPerDay,
    Integer inputTokensPerRequest,
    Integer outputTokensPerRequest,
    Double attemptsPerTask,
    Double peakToMeanRatio) {

  /** Volume with nothing known. */
  public static final Volume NONE = new Volume(null, null, null, null, null, null, null);

  public Volume {
    Checks.nonNegative("volume.tokensPerMonth", tokensPerMonth);
    Checks.between("volume.inputShareOfTokens", inputShareOfTokens, 0, 1);
    Checks.nonNegative("volume.requestsPerDay", requestsPerDay);
    Checks.nonNegative("volume.inputTokensPerRequest", inputTokensPerRequest);
    Checks.nonNegative("volume.outputTokensPerRequest", outputTokensPerRequest);
    Checks.atLeast("volume.attemptsPerTask", attemptsPerTask, 1);
    Checks.atLeast("volume.peakToMeanRatio", peakToMeanRatio, 1);
  }

  /** Volume given as monthly tokens and an input share (either may be null). */
  public static Volume ofTokens(long tokensPerMonth, Double inputShareOfTokens) {
    return new Volume(tokensPerMonth, inputShareOfTokens, null, null, null, null, null);
  }

  /** Volume given as requests per day and tokens per request. */
  public static Volume ofRequests(long requestsPerDay, int inputTokens, int outputTokens) {
    return new Volume(null, null, requestsPerDay, inputTokens, outputTokens, null, null);
  }
}
