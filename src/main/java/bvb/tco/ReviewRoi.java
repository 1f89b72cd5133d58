package bvb.tco;

/**
 * 002's human-review ROI: monthly review cost before and after fine-tuning at a 30-day month, the
 * savings, and the payback of a one-time fine-tuning cost (null when that cost is not given or
 * nothing is saved).
 */
public record ReviewRoi(
    double requestsPerDay,
    double reviewRateBeforePct,
    double reviewRateAfterPct,
    double costPerReviewUsd,
    double savingsPer1000RequestsUsd,
    double dailySavingsUsd,
    double monthlyReviewCostBeforeUsd,
    double monthlyReviewCostAfterUsd,
    double monthlyReviewSavingsUsd,
    Double oneTimeFineTuneCostUsd,
    Double paybackMonths) {

  static final int DAYS_PER_MONTH = 30;

  /** Computes the ROI for a request volume. */
  public static ReviewRoi of(double requestsPerDay, TcoInputs.HumanReview review) {
    Checks.nonNegative("volume.requestsPerDay", requestsPerDay);
    double before = review.reviewRateBeforePct() / 100;
    double after = review.reviewRateAfterPct() / 100;
    double cost = review.costPerReviewUsd();
    double monthlyRequests = requestsPerDay * DAYS_PER_MONTH;
    double savings = monthlyRequests * (before - after) * cost;
    Double oneTime = review.oneTimeFineTuneCostUsd();
    Double payback = oneTime != null && savings > 0 ? oneTime / savings : null;
    return new ReviewRoi(requestsPerDay, review.reviewRateBeforePct(), review.reviewRateAfterPct(),
        cost, 1000 * (before - after) * cost, requestsPerDay * (before - after) * cost,
        monthlyRequests * before * cost, monthlyRequests * after * cost, savings, oneTime, payback);
  }
}
