package bvb.catalog;

/** A price catalog that cannot be read or fails validation; carries a stable code such as CATALOG-002. */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Unreadable file, malformed JSON, unknown field or wrong type. */
  public static final String MALFORMED = "CATALOG-001";
  /** Entry without a source. */
  public static final String MISSING_SOURCE = "CATALOG-002";
  /** Entry without an asOf date, or a date that is not ISO yyyy-MM-dd. */
  public static final String BAD_AS_OF = "CATALOG-003";
  /** Negative price or rate. */
  public static final String NEGATIVE_PRICE = "CATALOG-004";
  /** Two entries with the same id, or two API entries for the same model. */
  public static final String DUPLICATE = "CATALOG-005";
  /** An entry lacks a value its kind needs (id, unit, a price, a range bound). */
  public static final String INCOMPLETE = "CATALOG-006";

  private final String code;

  public CatalogException(String code, String message) {
    super(code + " " + message);
    this.code = code;
  }

  public CatalogException(String code, String message, Throwable cause) {
    super(code + " " + message, cause);
    this.code = code;
  }

  /** The stable error code, e.g. {@code CATALOG-004}. */
  public String code() {
    return code;
  }
}
