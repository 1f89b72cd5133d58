package bvb.catalog;

/**
 * A GPU rental quote: exactly one of an hourly or a monthly rate, covering {@code gpusPerQuote}
 * GPUs (1 for a per-GPU price, 2 for "2x H100 at $6/hour").
 */
public record GpuPrice(
    String id,
    String provider,
    String sku,
    GpuPricingModel pricingModel,
    Double ratePerHourUsd,
    Double ratePerMonthUsd,
    int gpusPerQuote,
    String unit,
    String source,
    String asOf,
    String note)
    implements CatalogEntry {

  public GpuPrice {
    CatalogChecks.common(id, unit, source, asOf);
    CatalogChecks.text(id, "sku", sku, CatalogException.INCOMPLETE);
    CatalogChecks.required(id, "pricingModel", pricingModel);
    CatalogChecks.price(id, "ratePerHourUsd", ratePerHourUsd);
    CatalogChecks.price(id, "ratePerMonthUsd", ratePerMonthUsd);
    if ((ratePerHourUsd == null) == (ratePerMonthUsd == null)) {
      throw new CatalogException(
          CatalogException.INCOMPLETE,
          "entry '" + id + "': exactly one of ratePerHourUsd or ratePerMonthUsd is required");
    }
    if (gpusPerQuote < 1) {
      throw new CatalogException(
          CatalogException.INCOMPLETE,
          "entry '" + id + "': field gpusPerQuote must be >= 1, was " + gpusPerQuote);
    }
  }

  /** Hourly rate for one GPU, or null when the quote is monthly. */
  public Double perGpuHourlyUsd() {
    return ratePerHourUsd == null ? null : ratePerHourUsd / gpusPerQuote;
  }

  /** Monthly rate for one GPU, or null when the quote is hourly. */
  public Double perGpuMonthlyUsd() {
    return ratePerMonthUsd == null ? null : ratePerMonthUsd / gpusPerQuote;
  }
}
