package bvb.scenario;

import bvb.engine.Conclusion.Confidence;
import bvb.facts.Strategy;
import java.util.List;

/**
 * What a sample must decide: {@code <sample>.expected.json} beside {@code <sample>.json}. Lists
 * left out are not checked; listed codes must all appear (others may too). {@code asOf} pins the
 * date the decision is made on (price ages), so a sample decides the same way every day.
 */
public record Expectation(
    String note,
    String asOf,
    Strategy strategy,
    Confidence confidence,
    List<String> mustFire,
    List<String> mustNotFire,
    List<String> firedInOrder,
    List<String> warnings,
    List<String> nextSteps,
    List<String> conflicts) {

  public Expectation {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy is required");
    }
    if (asOf != null) {
      asOfDate(asOf);
    }
    mustFire = mustFire == null ? List.of() : List.copyOf(mustFire);
    mustNotFire = mustNotFire == null ? List.of() : List.copyOf(mustNotFire);
    firedInOrder = firedInOrder == null ? List.of() : List.copyOf(firedInOrder);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** The pinned decision date, or null to decide as of today. */
  public java.time.LocalDate asOfDate() {
    return asOf == null ? null : asOfDate(asOf);
  }

  private static java.time.LocalDate asOfDate(String text) {
    try {
      return java.time.LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("asOf must be a date YYYY-MM-DD, got \"" + text + "\"");
    }
  }
}
