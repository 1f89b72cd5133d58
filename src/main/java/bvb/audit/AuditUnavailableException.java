package bvb.audit;

/** The decision store cannot be reached (PostgreSQL down, connection lost): nothing was stored or read. */
public final class AuditUnavailableException extends AuditException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super(message);
  }
}
