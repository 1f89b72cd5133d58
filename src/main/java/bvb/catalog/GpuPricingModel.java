package bvb.catalog;

/** How a GPU price was quoted. */
public enum GpuPricingModel {
  ON_DEMAND,
  RESERVED,
  MARKETPLACE,
  UNSPECIFIED
}
