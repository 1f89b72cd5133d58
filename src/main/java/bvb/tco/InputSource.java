package bvb.tco;

/**
 * Where one number used in a calculation came from: the user (fact file), the price catalog (with
 * entry id), a documented default (with its source in {@code note}), or derived from other inputs.
 */
public record InputSource(String field, double value, Origin origin, String catalogEntryId, String note) {

  /** Origin of a number. */
  public enum Origin {
    USER,
    CATALOG,
    DEFAULT,
    DERIVED
  }

  public InputSource {
    if (field == null || origin == null) {
      throw new IllegalArgumentException("field and origin are required");
    }
    if ((origin == Origin.CATALOG) != (catalogEntryId != null)) {
      throw new IllegalArgumentException("catalogEntryId is required exactly for CATALOG: " + field);
    }
  }
}
