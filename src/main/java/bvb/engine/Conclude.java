package bvb.engine;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Conclusion.Conflict;
import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.NextStep;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Recommendation;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Conclusion.Warning;
import bvb.facts.Strategy;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builders that rule consequences call ({@code insert(Conclude.warning(drools, ...))}). Each
 * conclusion takes its rule id and source from the firing rule's own metadata, so a rule never
 * repeats them.
 */
public final class Conclude {
  private Conclude() {}

  public static Verdict verdict(
      RuleContext drools, int step, Strategy strategy, Strength strength, String text) {
    String source = source(drools);
    return new Verdict(Doc.ofSource(source), step, strategy, strength, id(drools), source, clean(text));
  }

  public static Reason reasonFor(RuleContext drools, Strategy strategy, String text) {
    return new Reason(strategy, true, id(drools), source(drools), clean(text));
  }

  public static Reason reasonAgainst(RuleContext drools, Strategy strategy, String text) {
    return new Reason(strategy, false, id(drools), source(drools), clean(text));
  }

  public static Warning warning(RuleContext drools, String code, String text) {
    return new Warning(code, id(drools), source(drools), clean(text));
  }

  public static NextStep nextStep(RuleContext drools, String code, String text) {
    return new NextStep(code, id(drools), source(drools), clean(text));
  }

  public static Excluded exclude(RuleContext drools, Strategy.Family family, String text) {
    return new Excluded(family, id(drools), source(drools), clean(text));
  }

  public static Conflict conflict(
      RuleContext drools, String conflictId, String sideA, String sideB, String resolution) {
    String text = clean(conflictId + ": " + sideA + " vs " + sideB + "; resolved: " + resolution);
    return new Conflict(conflictId, sideA, sideB, resolution, id(drools), source(drools), text);
  }

  /**
   * A recommendation stated directly by a rule of one's own (outside 90-reconcile.drl's paths):
   * resolution {@code RULE}, decided by this rule, no documents named.
   */
  public static Recommendation recommend(
      RuleContext drools, Strategy strategy, Confidence confidence, String path, String text) {
    return new Recommendation(strategy, confidence, "RULE", id(drools), java.util.List.of(), java.util.List.of(),
        path, id(drools), source(drools), clean(text));
  }

  public static Recommendation recommend(RuleContext drools, Reconcile.Resolution r) {
    return new Recommendation(r.strategy(), r.confidence(), r.resolution(), r.decidedBy(), r.supporting(),
        r.dissenting(), r.path(), id(drools), source(drools), clean(r.text()));
  }

  /** Confidence that a verdict of this strength gives when it decides alone. */
  public static Confidence confidenceOf(Strength strength) {
    return switch (strength) {
      case HARD, STRONG -> Confidence.HIGH;
      case SOFT -> Confidence.MEDIUM;
      case DEFAULT -> Confidence.LOW;
    };
  }

  /** Picks the self-hosted variant: fine-tuned when fine-tuning is needed, open weights otherwise. */
  public static Strategy selfHostVariant(bvb.facts.Answer needsFineTuning) {
    return needsFineTuning == bvb.facts.Answer.YES
        ? Strategy.SELF_HOST_FINE_TUNED
        : Strategy.SELF_HOST_OPEN;
  }

  /** The rule ids of these conclusions, in order, each once: "DATA-007, MATRIX-009.2". */
  public static String ruleIds(java.util.List<?> conclusions) {
    return conclusions.stream().map(o -> ((bvb.engine.Conclusion) o).ruleId()).distinct()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** "id (as of DATE, N days)" for each stale price, sorted by id. */
  public static String describeStale(java.util.List<?> stale) {
    return stale.stream()
        .map(o -> (bvb.catalog.StalePrice) o)
        .sorted(java.util.Comparator.comparing(bvb.catalog.StalePrice::entryId))
        .map(p -> p.entryId() + " (as of " + p.asOf() + ", " + p.ageDays() + " days)")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Rule texts concatenate fact values, and a value the fact file leaves out is null: print it as
   * "unknown" rather than "null".
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    int at = text.indexOf("null");
    if (at < 0) {
      return text; // most texts: nothing to replace (this runs for every conclusion of every decision)
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int copied = 0;
    for (; at >= 0; at = text.indexOf("null", at + 4)) {
      boolean startsWord = at == 0 || !isWordChar(text.charAt(at - 1));
      boolean endsWord = at + 4 == text.length() || text.charAt(at + 4) < 'a' || text.charAt(at + 4) > 'z';
      if (startsWord && endsWord) {
        int from = at > 0 && text.charAt(at - 1) == '$' ? at - 1 : at; // "$null" prints as "unknown" too
        sb.append(text, copied, from).append("unknown");
        copied = at + 4;
      }
    }
    return copied == 0 ? text : sb.append(text, copied, text.length()).toString();
  }

  /** A character of a word in the sense of the regular expression \\b: letter, digit or underscore. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  static String id(RuleContext drools) {
    return meta(drools.getRule(), "id");
  }

  static String source(RuleContext drools) {
    return meta(drools.getRule(), "source");
  }

  static String meta(Rule rule, String key) {
    Object v = rule.getMetaData().get(key);
    return v == null ? "" : v.toString();
  }
}
