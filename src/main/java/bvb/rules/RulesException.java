package bvb.rules;

import java.util.List;

/** A rule set that cannot be used: every error found, never a partial rule base. */
public final class RulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleError> errors;

  public RulesException(List<RuleError> errors) {
    super(errors.size() + " rule error(s); first: " + errors.get(0).render());
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
