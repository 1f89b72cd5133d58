package bvb.catalog;

/** What a {@link RatePrice} prices. */
public enum RateCategory {
  LABOR,
  LABELING,
  FINE_TUNE,
  OPERATIONS,
  REVIEW,
  THROUGHPUT
}
