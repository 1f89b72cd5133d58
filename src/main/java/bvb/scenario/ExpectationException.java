package bvb.scenario;

/** An expectation file that is itself wrong (unreadable, unknown rule id or strategy). */
public final class ExpectationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExpectationException(String message, Throwable cause) {
    super(message, cause);
  }
}
