package bvb.facts;

/** A fact file that cannot be used: carries a stable code and the file location it names. */
public final class FactsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String location;

  public FactsException(String code, String location, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.location = location;
  }

  /**
   * A TCO calculation error as an error in the fact file: the calculator's volume comes from
   * {@code $.workload}, its cost lines from {@code $.tco}.
   */
  public static FactsException fromTco(String origin, bvb.tco.TcoInputException e) {
    String field = e.field();
    String path = field.startsWith("volume.") ? "workload." + field.substring("volume.".length())
        : field.startsWith("tco.") || field.startsWith("workload.") ? field
        : "tco." + field;
    return new FactsException(e.code(), origin, "$." + path + " " + e.detail(), e);
  }

  public String code() {
    return code;
  }

  /** "file", "file:line:column" or "file: $.json.path", whatever is most precise. */
  public String location() {
    return location;
  }

  /** The one-line message shown to the user: {@code location: CODE message}. */
  public String render() {
    return location + ": " + code + " " + getMessage();
  }
}
