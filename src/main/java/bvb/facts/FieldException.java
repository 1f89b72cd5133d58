package bvb.facts;

/** A fact value that is out of range or inconsistent; the loader adds the file and JSON path. */
public final class FieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String code;

  FieldException(String code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
