package bvb.engine;

/** The rule set ran but did not produce a usable decision (no or several recommendations). */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }
}
