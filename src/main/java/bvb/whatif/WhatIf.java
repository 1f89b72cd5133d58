package bvb.whatif;

import bvb.engine.Conclusion.Confidence;
import bvb.facts.Strategy;
import java.util.List;

/**
 * What would change a decision: each unknown fact some rule asked about, decided again with each
 * of its possible values on the same compiled rule base, and the monthly volume at which the
 * recommendation itself changes.
 *
 * @param facts one entry per fact tried, decisive ones first, then those that change only the
 *     confidence, then the rest
 * @param tippingPoints where, scaling every volume and spend figure of the workload together, the
 *     recommendation changes (at most one below and one above today's volume)
 * @param decisions how many counterfactual decisions were made
 */
public record WhatIf(List<FactEffect> facts, List<TippingPoint> tippingPoints, int decisions) {

  public WhatIf {
    facts = List.copyOf(facts);
    tippingPoints = List.copyOf(tippingPoints);
  }

  /** How much a fact matters. */
  public enum Effect {
    /** Some value flips the recommendation. */
    DECISIVE,
    /** Some value changes the confidence but never the strategy. */
    CONFIDENCE,
    /** No value tried changes anything. */
    NONE
  }

  /**
   * One unknown fact, {@code section.field} as in a fact file, and the outcome of each value tried
   * (values that would make the facts invalid are skipped and not listed).
   */
  public record FactEffect(String field, Effect effect, List<Outcome> outcomes) {
    public FactEffect {
      outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> changing() {
      return outcomes.stream().filter(o -> o.effect() != Effect.NONE).toList();
    }
  }

  /** The decision with {@code field} set to {@code value} (JSON text, e.g. {@code true}, {@code "PROHIBITED"}, {@code 499}). */
  public record Outcome(String value, Strategy strategy, Confidence confidence, String resolution, Effect effect) {}

  /**
   * Scaling the workload's volume by {@code factor} (tokens a month then {@code tokensPerMonth},
   * requests a day {@code requestsPerDay} where given) changes the recommendation to
   * {@code strategy}; between today's volume and this one it does not change.
   */
  public record TippingPoint(double factor, Long tokensPerMonth, Long requestsPerDay, Strategy strategy, Confidence confidence) {}

  public List<FactEffect> decisive() {
    return facts.stream().filter(f -> f.effect() == Effect.DECISIVE).toList();
  }
}
