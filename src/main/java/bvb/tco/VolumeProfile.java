package bvb.tco;

/**
 * Volume resolved for costing: monthly tokens, input share, tokens per call, calls per request
 * (attempts), peak-to-mean ratio and requests per day; null where unknown. Can be rescaled to
 * another monthly token volume with the same shape (for break-even search).
 */
record VolumeProfile(
    Double tokensPerMonth,
    Double inputShare,
    Double tokensPerCall,
    double attempts,
    Double peakToMean,
    Double requestsPerDay) {

  static final int DAYS_PER_MONTH = 30;
  static final double SECONDS_PER_MONTH = DAYS_PER_MONTH * 86_400.0;

  static VolumeProfile of(Volume v, SourceLog log) {
    double attempts = v.attemptsPerTask() != null
        ? log.user("volume.attemptsPerTask", v.attemptsPerTask())
        : log.defaulted("volume.attemptsPerTask", 1, "neutral: one call per request");
    Double peak = v.peakToMeanRatio() == null ? null : log.user("volume.peakToMeanRatio", v.peakToMeanRatio());
    Double rpd = v.requestsPerDay() == null ? null : log.user("volume.requestsPerDay", v.requestsPerDay());
    Integer in = v.inputTokensPerRequest();
    Integer out = v.outputTokensPerRequest();
    if ((in == null) != (out == null)) {
      String missing = in == null ? "volume.inputTokensPerRequest" : "volume.outputTokensPerRequest";
      throw new TcoInputException(TcoInputException.MISSING, missing,
          "give both input and output tokens per request, or neither");
    }
    if (in != null && rpd != null && in + out > 0) {
      return fromRequests(v, rpd, in, out, attempts, peak, log);
    }
    Double tokens = v.tokensPerMonth() == null ? null : log.user("volume.tokensPerMonth", v.tokensPerMonth());
    Double share = v.inputShareOfTokens() == null ? null : log.user("volume.inputShareOfTokens", v.inputShareOfTokens());
    Double perCall = null;
    if (in != null && in + out > 0) {
      perCall = (double) (in + out);
      Double split = (double) in / (in + out);
      checkAgrees("volume.inputShareOfTokens", share, split);
      share = split;
    } else if (tokens != null && rpd != null && rpd > 0) {
      perCall = log.derived("volume.tokensPerCall", tokens / (rpd * DAYS_PER_MONTH * attempts),
          "tokensPerMonth / (requestsPerDay x 30 x attemptsPerTask)");
    }
    return new VolumeProfile(tokens, share, perCall, attempts, peak, rpd);
  }

  private static VolumeProfile fromRequests(
      Volume v, double rpd, int in, int out, double attempts, Double peak, SourceLog log) {
    log.user("volume.inputTokensPerRequest", in);
    log.user("volume.outputTokensPerRequest", out);
    double perCall = in + out;
    double tokens = log.derived("volume.tokensPerMonth", rpd * DAYS_PER_MONTH * attempts * perCall,
        "requestsPerDay x 30 x attemptsPerTask x (input + output tokens per request)");
    double share = log.derived("volume.inputShareOfTokens", in / perCall,
        "inputTokensPerRequest / (input + output tokens per request)");
    checkAgrees("volume.tokensPerMonth", v.tokensPerMonth() == null ? null : v.tokensPerMonth().doubleValue(), tokens);
    checkAgrees("volume.inputShareOfTokens", v.inputShareOfTokens(), share);
    return new VolumeProfile(tokens, share, perCall, attempts, peak, rpd);
  }

  private static void checkAgrees(String field, Double given, double derived) {
    if (given != null && Math.abs(given - derived) > 1e-6 * Math.max(1, Math.abs(derived))) {
      throw new TcoInputException(TcoInputException.CONFLICT, field,
          "given " + given + " but requests and tokens per request imply " + derived);
    }
  }

  /** Same shape at another monthly token volume. */
  VolumeProfile scaledTo(double newTokensPerMonth) {
    Double rpd = null;
    if (tokensPerCall != null) {
      rpd = newTokensPerMonth / (DAYS_PER_MONTH * attempts * tokensPerCall);
    } else if (requestsPerDay != null && tokensPerMonth != null && tokensPerMonth > 0) {
      rpd = requestsPerDay * newTokensPerMonth / tokensPerMonth;
    }
    return new VolumeProfile(newTokensPerMonth, inputShare, tokensPerCall, attempts, peakToMean, rpd);
  }

  /** Mean calls per second, or null when requests per day are unknown. */
  Double meanCallsPerSecond() {
    return requestsPerDay == null ? null : requestsPerDay * attempts / 86_400.0;
  }

  /** Mean tokens per second, or null when monthly tokens are unknown. */
  Double meanTokensPerSecond() {
    return tokensPerMonth == null ? null : tokensPerMonth / SECONDS_PER_MONTH;
  }
}
