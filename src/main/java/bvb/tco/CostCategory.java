package bvb.tco;

/** The five TCO categories of 004's framework; shares over a horizon sum to 100 %. */
public enum CostCategory {
  COMPUTE,
  ENGINEERING,
  DATA_EVAL,
  COMPLIANCE,
  OPPORTUNITY
}
