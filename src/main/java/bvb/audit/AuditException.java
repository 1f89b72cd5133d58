package bvb.audit;

/** The decision log cannot answer: missing file, unknown id. */
public class AuditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuditException(String message) {
    super(message);
  }
}
