package bvb.tco;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code tco} section of a workload fact file: cost lines per candidate strategy, an optional
 * human-review ROI block and an optional horizon (12, 24 or 36 months; when given it replaces the
 * command's {@code --horizon} for this fact file). Volume is passed separately ({@link Volume}).
 */
public record TcoInputs(Map<TcoStrategy, StrategyCostLines> strategies, HumanReview humanReview, Integer horizonMonths) {

  public TcoInputs {
    if (horizonMonths != null && !TcoCalculator.HORIZONS.contains(horizonMonths)) {
      throw new TcoInputException(TcoInputException.BAD_HORIZON, "horizonMonths",
          "must be 12, 24 or 36, was " + horizonMonths);
    }
    if (strategies == null || strategies.isEmpty()) {
      throw new TcoInputException(
          TcoInputException.EMPTY, "strategies", "at least one strategy with cost lines is required");
    }
    EnumMap<TcoStrategy, StrategyCostLines> copy = new EnumMap<>(TcoStrategy.class);
    for (Map.Entry<TcoStrategy, StrategyCostLines> e : strategies.entrySet()) {
      String at = "strategies." + e.getKey();
      if (e.getValue() == null) {
        throw new TcoInputException(TcoInputException.EMPTY, at, "cost lines are missing");
      }
      checkApplicable(e.getKey(), e.getValue(), at);
      copy.put(e.getKey(), e.getValue());
    }
    strategies = Collections.unmodifiableMap(copy);
  }

  private static void checkApplicable(TcoStrategy s, StrategyCostLines lines, String at) {
    if (!s.isRouted() && !lines.routing().isEmpty()) {
      throw new TcoInputException(TcoInputException.NOT_APPLICABLE, at + ".routing",
          "routing lines apply only to API_ROUTED and HYBRID_ROUTED");
    }
    if (!s.isBuffered() && lines.uncertaintyBufferPct() != null) {
      throw new TcoInputException(TcoInputException.NOT_APPLICABLE, at + ".uncertaintyBufferPct",
          "the uncertainty buffer applies only to self-host, fine-tuned, hybrid and custom strategies");
    }
    if (!s.isBuffered() && lines.bufferAppliesToOpportunity() != null) {
      throw new TcoInputException(TcoInputException.NOT_APPLICABLE,
          at + ".bufferAppliesToOpportunity", "the uncertainty buffer does not apply to " + s);
    }
  }

  /**
   * Parses a {@code tco} section strictly (unknown fields, duplicate keys and bad values fail).
   *
   * @throws TcoInputException with the JSON path of the field at fault, prefixed {@code tco.}
   */
  public static TcoInputs fromJson(String json) {
    return TcoJson.read(json, TcoInputs.class, "tco");
  }

  /** As {@link #fromJson(String)}, from a parsed tree (a variant of a fact file's tco section). */
  public static TcoInputs fromTree(com.fasterxml.jackson.databind.JsonNode tree) {
    return TcoJson.read(tree, TcoInputs.class, "tco");
  }

  /**
   * 002's human-review ROI: review rate before and after fine-tuning (percent of requests), cost
   * per review, and optionally the one-time fine-tuning cost for a payback period.
   */
  public record HumanReview(
      Double reviewRateBeforePct,
      Double reviewRateAfterPct,
      Double costPerReviewUsd,
      Double oneTimeFineTuneCostUsd) {

    public HumanReview {
      required("humanReview.reviewRateBeforePct", reviewRateBeforePct);
      required("humanReview.reviewRateAfterPct", reviewRateAfterPct);
      required("humanReview.costPerReviewUsd", costPerReviewUsd);
      Checks.between("humanReview.reviewRateBeforePct", reviewRateBeforePct, 0, 100);
      Checks.between("humanReview.reviewRateAfterPct", reviewRateAfterPct, 0, 100);
      Checks.nonNegative("humanReview.costPerReviewUsd", costPerReviewUsd);
      Checks.nonNegative("humanReview.oneTimeFineTuneCostUsd", oneTimeFineTuneCostUsd);
    }

    private static void required(String field, Double value) {
      if (value == null) {
        throw new TcoInputException(TcoInputException.MISSING, field, "is required");
      }
    }
  }
}
