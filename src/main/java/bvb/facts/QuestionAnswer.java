package bvb.facts;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Seed 001's answer to one of its five questions (catalogue §6.1 control fact "QuestionAnswer"),
 * derived once by a rule in {@code rules/85-framework-001-five-questions.drl} so that the
 * aggregation rules (AGG-001, AGG-002) count answers instead of repeating the thresholds.
 *
 * @param question 1..5, in 001's order (spend, API tier, data residency, fine-tuning, bandwidth)
 * @param answer where the answer points; UNKNOWN when the fact file leaves the input out
 * @param ruleId id of the rule that derived the answer
 * @param why the input values behind the answer
 */
public record QuestionAnswer(int question, Direction answer, String ruleId, String why) {

  /** Where an answer points (001: "point to the API" / "point to alternatives"). */
  public enum Direction {
    API,
    ALTERNATIVES,
    NEUTRAL,
    UNKNOWN
  }

  public QuestionAnswer {
    if (question < 1 || question > 5) {
      throw new IllegalArgumentException("question must be 1..5, got " + question);
    }
    if (answer == null || ruleId == null) {
      throw new IllegalArgumentException("answer and ruleId are required");
    }
  }

  /** The answer a rule derives, named by the firing rule's {@code @id}. */
  public static QuestionAnswer of(RuleContext drools, int question, Direction answer, String why) {
    Object id = drools.getRule().getMetaData().get("id");
    return new QuestionAnswer(question, answer, id == null ? "" : id.toString(), why);
  }

  /** "Qn (why)" for each answer, in question order: for conclusion texts. */
  public static String describe(List<?> answers) {
    return answers.stream()
        .map(o -> (QuestionAnswer) o)
        .sorted(Comparator.comparingInt(QuestionAnswer::question))
        .map(a -> "Q" + a.question() + " (" + a.why() + ")")
        .collect(Collectors.joining("; "));
  }
}
