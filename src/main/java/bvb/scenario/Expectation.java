package bvb.scenario;

import bvb.engine.Conclusion.Confidence;
import bvb.facts.Strategy;
import java.util.List;

/**
 * What a sample must decide: {@code <sample>.expected.json} beside {@code <sample>.json}. Lists
 * left out are not checked; listed codes must all appear (others may too). {@code asOf} pins the
 * date the decision is made on (price ages), so a sample decides the same way every day. For a
 * fact file with cost ranges, {@code selfHostCheaperPct} ({@code [min, max]}) is the band the
 * percentage of draws in which self-hosting is cheapest must fall in (the {@code decide} summary's
 * figure: 10,000 draws, the default seed).
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
    List<String> conflicts,
    List<Double> selfHostCheaperPct) {

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
    if (selfHostCheaperPct != null && (selfHostCheaperPct.size() != 2 || selfHostCheaperPct.contains(null)
        || selfHostCheaperPct.get(0) > selfHostCheaperPct.get(1))) {
      throw new IllegalArgumentException("selfHostCheaperPct must be [min, max] percentages, min <= max");
    }
    selfHostCheaperPct = selfHostCheaperPct == null ? null : List.copyOf(selfHostCheaperPct);
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
