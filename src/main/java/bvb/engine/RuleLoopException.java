package bvb.engine;

/** The rules kept firing past the limit: almost always a rule that re-triggers itself. */
public final class RuleLoopException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RuleLoopException(String message) {
    super(message);
  }
}
