package bvb.tco;

/** Bad or insufficient TCO input; carries a stable code and the path of the field at fault. */
public class TcoInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Malformed JSON, unknown field or wrong type. */
  public static final String MALFORMED = "TCO-001";
  /** A negative money amount, count or volume. */
  public static final String NEGATIVE = "TCO-002";
  /** A value outside its allowed range (percentages, shares, ratios, utilisation). */
  public static final String OUT_OF_RANGE = "TCO-003";
  /** Zero where a positive value is needed (throughput, amortisation months, intervals). */
  public static final String ZERO = "TCO-004";
  /** A value the calculation needs was not given and has no documented default. */
  public static final String MISSING = "TCO-005";
  /** A model or catalog entry named in the input is not in the price catalog. */
  public static final String UNKNOWN_CATALOG_ENTRY = "TCO-006";
  /** Horizon not in {12, 24, 36}. */
  public static final String BAD_HORIZON = "TCO-007";
  /** Two inputs that cannot both hold (an override and the values it replaces). */
  public static final String CONFLICT = "TCO-008";
  /** A field that does not apply to this strategy. */
  public static final String NOT_APPLICABLE = "TCO-009";
  /** A strategy with no cost lines at all, or no strategies. */
  public static final String EMPTY = "TCO-010";
  /** The inputs give a total that is not a finite number (an input implausibly large or small). */
  public static final String NOT_FINITE = "TCO-011";

  private final String code;
  private final String field;

  public TcoInputException(String code, String field, String message) {
    super(code + " " + field + ": " + message);
    this.code = code;
    this.field = field;
  }

  /** Stable code, e.g. {@code TCO-004}. */
  public String code() {
    return code;
  }

  /** Path of the offending field, e.g. {@code tco.strategies.SELF_HOST_OPEN.gpu.gpuCount}. */
  public String field() {
    return field;
  }

  /** The message without code and field prefix. */
  public String detail() {
    return getMessage().substring(code.length() + field.length() + 3);
  }

  TcoInputException withFieldPrefix(String prefix) {
    TcoInputException e = new TcoInputException(code, prefix + field, detail());
    e.initCause(this);
    return e;
  }
}
