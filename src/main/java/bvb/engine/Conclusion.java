package bvb.engine;

import bvb.facts.Strategy;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What rules conclude. Every conclusion names the rule that produced it and that rule's source. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Conclusion.Verdict.class, name = "verdict"),
  @JsonSubTypes.Type(value = Conclusion.Reason.class, name = "reason"),
  @JsonSubTypes.Type(value = Conclusion.Warning.class, name = "warning"),
  @JsonSubTypes.Type(value = Conclusion.NextStep.class, name = "nextStep"),
  @JsonSubTypes.Type(value = Conclusion.Excluded.class, name = "excluded"),
  @JsonSubTypes.Type(value = Conclusion.Conflict.class, name = "conflict"),
  @JsonSubTypes.Type(value = Conclusion.Recommendation.class, name = "recommendation")
})
public sealed interface Conclusion
    permits Conclusion.Verdict,
        Conclusion.Reason,
        Conclusion.Warning,
        Conclusion.NextStep,
        Conclusion.Excluded,
        Conclusion.Conflict,
        Conclusion.Recommendation {

  String ruleId();

  String source();

  String text();

  /** One document's (or framework step's) position on the strategy. */
  record Verdict(
      Doc doc, int step, Strategy strategy, Strength strength, String ruleId, String source, String text)
      implements Conclusion {}

  /** A reason for or against a strategy. */
  record Reason(Strategy strategy, boolean favours, String ruleId, String source, String text)
      implements Conclusion {}

  /** Something the reader must know: a risk, a hidden cost, a doubtful assumption. */
  record Warning(String code, String ruleId, String source, String text) implements Conclusion {}

  /** Something to do or find out next; unknown facts produce these. */
  record NextStep(String code, String ruleId, String source, String text) implements Conclusion {}

  /** A hard constraint ruling a strategy family out. */
  record Excluded(Strategy.Family family, String ruleId, String source, String text)
      implements Conclusion {}

  /** Two documents (or rules) disagree on this workload; catalogue ids C-01..C-28. */
  record Conflict(String id, String sideA, String sideB, String resolution, String ruleId, String source, String text)
      implements Conclusion {}

  /**
   * The final recommendation, produced once by reconciliation: the strategy ({@code NONE} when hard
   * constraints exclude each other), the resolution path (R0-R4, see 90-reconcile.drl), the rule
   * whose verdict or constraint decided, and the documents that support and dissent.
   */
  record Recommendation(
      Strategy strategy,
      Confidence confidence,
      String resolution,
      String decidedBy,
      java.util.List<Doc> supporting,
      java.util.List<Doc> dissenting,
      String path,
      String ruleId,
      String source,
      String text)
      implements Conclusion {
    public Recommendation {
      supporting = java.util.List.copyOf(supporting);
      dissenting = java.util.List.copyOf(dissenting);
    }

    /** False when hard constraints exclude each other and the decision goes to its owner. */
    public boolean decided() {
      return strategy != Strategy.NONE;
    }
  }

  /** How sure the recommendation is. */
  enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }
}
