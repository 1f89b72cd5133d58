package bvb.tco;

import bvb.catalog.CatalogEntry;
import bvb.catalog.PriceCatalog;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one calculation produced: results per strategy, API-vs-self-host comparisons with
 * break-even, the human-review ROI (null when not asked for), where volume figures came from, and
 * the catalog entries actually used (sorted by id) with the catalog's file and hash.
 */
public record TcoReport(
    int horizonMonths,
    Map<TcoStrategy, TcoResult> results,
    List<TcoComparison> comparisons,
    ReviewRoi humanReview,
    List<InputSource> volumeSources,
    List<CatalogEntry> catalogEntriesUsed,
    String catalogFile,
    String catalogSha256) {

  public TcoReport {
    results = Collections.unmodifiableMap(new EnumMap<>(results));
    comparisons = List.copyOf(comparisons);
    volumeSources = List.copyOf(volumeSources);
    catalogEntriesUsed = List.copyOf(catalogEntriesUsed);
  }

  /** The result for a strategy, or an exception naming it when it was not costed. */
  public TcoResult result(TcoStrategy strategy) {
    TcoResult r = results.get(strategy);
    if (r == null) {
      throw new IllegalArgumentException("strategy not costed: " + strategy);
    }
    return r;
  }

  /** The comparison of one API strategy with one self-operated strategy. */
  public TcoComparison comparison(TcoStrategy api, TcoStrategy selfHost) {
    return comparisons.stream()
        .filter(c -> c.apiStrategy() == api && c.selfHostStrategy() == selfHost)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no comparison " + api + " vs " + selfHost));
  }

  /** Catalog entries used in this report whose asOf is more than maxAgeDays before today. */
  public List<CatalogEntry> staleCatalogEntries(LocalDate today, int maxAgeDays) {
    return PriceCatalog.stale(catalogEntriesUsed, today, maxAgeDays);
  }
}
