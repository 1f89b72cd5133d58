package bvb.tco;

import bvb.catalog.ApiModelPrice;
import bvb.catalog.PriceCatalog;
import bvb.catalog.RatePrice;

/**
 * Seed 004's yardstick: how many API tokens a year one ML engineer's loaded cost would buy
 * (annual cost / blended price per 1M tokens x 1M). The blended price mixes the model's input and
 * output prices by the workload's input share, never the input price alone (catalogue A-41).
 */
public record EngineerTokenEquivalent(
    String model, double inputShareOfTokens, double blendedPricePerMTokUsd, double annualLoadedCostUsd,
    String costEntryId, double tokensPerYear) {

  /** Catalog entry of the ML engineer's loaded monthly cost (seed 004: 18,000 a month). */
  public static final String ML_ENGINEER_MONTHLY = "labor.ml-engineer-monthly";

  /**
   * The equivalent for {@code model} at this input share, or null when the catalog lacks the model,
   * its output price or the engineer's monthly cost.
   */
  public static EngineerTokenEquivalent of(PriceCatalog catalog, String model, double inputShareOfTokens) {
    ApiModelPrice price = catalog.apiModel(model).orElse(null);
    RatePrice engineer = catalog.entry(ML_ENGINEER_MONTHLY)
        .filter(RatePrice.class::isInstance).map(RatePrice.class::cast).orElse(null);
    if (price == null || price.outputPerMTokUsd() == null || engineer == null || engineer.value() == null) {
      return null;
    }
    double blended = price.inputPerMTokUsd() * inputShareOfTokens + price.outputPerMTokUsd() * (1 - inputShareOfTokens);
    double annual = engineer.value() * 12;
    return new EngineerTokenEquivalent(model, inputShareOfTokens, blended, annual, engineer.id(), annual / blended * 1_000_000);
  }
}
