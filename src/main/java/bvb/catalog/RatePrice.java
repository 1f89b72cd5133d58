package bvb.catalog;

/**
 * A labor, labeling, fine-tuning or operations rate: either a single {@code value} or a range
 * {@code low}..{@code high} (one bound may be missing where a document gives "up to").
 */
public record RatePrice(
    String id,
    RateCategory category,
    Double value,
    Double low,
    Double high,
    String unit,
    String source,
    String asOf,
    String note)
    implements CatalogEntry {

  public RatePrice {
    CatalogChecks.common(id, unit, source, asOf);
    CatalogChecks.required(id, "category", category);
    CatalogChecks.price(id, "value", value);
    CatalogChecks.price(id, "low", low);
    CatalogChecks.price(id, "high", high);
    boolean range = low != null || high != null;
    if ((value == null) == !range) {
      throw new CatalogException(
          CatalogException.INCOMPLETE,
          "entry '" + id + "': give either value or low/high, not both and not neither");
    }
    if (low != null && high != null && low > high) {
      throw new CatalogException(
          CatalogException.INCOMPLETE,
          "entry '" + id + "': field low (" + low + ") must not exceed high (" + high + ")");
    }
  }

  /** True when the entry holds a single value that can serve as a default. */
  public boolean isSingleValue() {
    return value != null;
  }

  /** True when the entry is a range with both bounds (a document's "$200K-$300K"). */
  public boolean isRange() {
    return value == null && low != null && high != null;
  }
}
