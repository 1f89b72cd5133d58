package bvb.catalog;

/**
 * Token prices of one hosted model, in USD per 1M tokens; {@code outputPerMTokUsd} is null where a
 * document gives the input price only.
 */
public record ApiModelPrice(
    String id,
    String model,
    String provider,
    Double inputPerMTokUsd,
    Double outputPerMTokUsd,
    boolean external,
    String unit,
    String source,
    String asOf,
    String note)
    implements CatalogEntry {

  public ApiModelPrice {
    CatalogChecks.common(id, unit, source, asOf);
    CatalogChecks.text(id, "model", model, CatalogException.INCOMPLETE);
    CatalogChecks.required(id, "inputPerMTokUsd", inputPerMTokUsd);
    CatalogChecks.price(id, "inputPerMTokUsd", inputPerMTokUsd);
    CatalogChecks.price(id, "outputPerMTokUsd", outputPerMTokUsd);
  }
}
