package bvb.scenario;

import bvb.engine.Conclusion.Confidence;
import bvb.facts.Strategy;
import java.util.List;

/**
 * What a sample must decide: {@code <sample>.expected.json} beside {@code <sample>.json}. Lists
 * left out are not checked; listed codes must all appear (others may too).
 */
public record Expectation(
    String note,
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
    mustFire = mustFire == null ? List.of() : List.copyOf(mustFire);
    mustNotFire = mustNotFire == null ? List.of() : List.copyOf(mustNotFire);
    firedInOrder = firedInOrder == null ? List.of() : List.copyOf(firedInOrder);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }
}
