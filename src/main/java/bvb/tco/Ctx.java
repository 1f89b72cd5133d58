package bvb.tco;

import bvb.catalog.CatalogEntry;
import bvb.catalog.GpuPrice;
import bvb.catalog.PriceCatalog;
import bvb.catalog.RatePrice;

/** What one strategy's evaluation needs: its lines, the catalog, horizon, volume and a source log. */
record Ctx(
    TcoStrategy strategy,
    StrategyCostLines lines,
    PriceCatalog catalog,
    int horizonMonths,
    VolumeProfile volume,
    SourceLog log) {

  static final String ML_RATE_ID = "labor.ml-engineer-monthly";
  static final String DEVOPS_RATE_ID = "labor.devops-monthly";

  String path(String field) {
    if (field.startsWith("volume.")) {
      return field;
    }
    return "tco.strategies." + strategy + (field.isEmpty() ? "" : "." + field);
  }

  TcoInputException fail(String code, String field, String message) {
    return new TcoInputException(code, path(field), message);
  }

  TcoInputException missing(String field, String message) {
    return fail(TcoInputException.MISSING, field, message);
  }

  /** A user value if given, else the catalog rate with this id (a range: its midpoint). */
  double userOrCatalogRate(String field, Double user, String entryId) {
    if (user != null) {
      return log.user(field, user);
    }
    CatalogEntry e = catalog.entry(entryId).orElseThrow(() -> fail(
        TcoInputException.UNKNOWN_CATALOG_ENTRY, field,
        "not given and catalog " + catalog.fileName() + " has no entry '" + entryId + "'"));
    if (!(e instanceof RatePrice rate) || !(rate.isSingleValue() || rate.isRange())) {
      throw fail(TcoInputException.UNKNOWN_CATALOG_ENTRY, field,
          "catalog entry '" + entryId + "' is neither a single-valued rate nor a low-high range");
    }
    // a range is used at its midpoint; bvb sensitivity and bvb simulate vary it over low..high
    return log.catalog(field, rate.isSingleValue() ? rate.value() : (rate.low() + rate.high()) / 2, rate);
  }

  /** The GPU entry with this id, or an error naming the field that referenced it. */
  GpuPrice gpuEntry(String field, String id) {
    return catalog.entry(id)
        .filter(GpuPrice.class::isInstance)
        .map(GpuPrice.class::cast)
        .orElseThrow(() -> fail(TcoInputException.UNKNOWN_CATALOG_ENTRY, field,
            "no GPU entry '" + id + "' in catalog " + catalog.fileName()));
  }
}
