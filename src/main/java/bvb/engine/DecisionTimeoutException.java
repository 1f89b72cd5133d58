package bvb.engine;

/**
 * A decision ran past its time limit ({@code --decision-timeout}) and was halted: almost always a
 * rule whose consequence or condition spins. The message names that rule, with its file and line,
 * when it is known.
 */
public final class DecisionTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient bvb.rules.RuleInfo rule;

  DecisionTimeoutException(String message, bvb.rules.RuleInfo rule) {
    super(message);
    this.rule = rule;
  }

  /** The rule that was running, or null when it is not known. */
  public bvb.rules.RuleInfo rule() {
    return rule;
  }
}
