package bvb.facts;

/** Every strategy bvb can recommend (seed catalogue §6.3), with the family it belongs to. */
public enum Strategy {
  API_FRONTIER(Family.API),
  API_WORKHORSE(Family.API),
  API_ROUTED(Family.API),
  API_MANAGED_FINE_TUNE(Family.API),
  API_WITH_COMPLIANCE_TERMS(Family.API),
  MULTI_VENDOR_API(Family.API),
  RAG_ON_API(Family.API),
  RAG_PLUS_FINE_TUNE(Family.HYBRID),
  SELF_HOST_OPEN(Family.SELF_HOST),
  SELF_HOST_FINE_TUNED(Family.SELF_HOST),
  HYBRID_ROUTED(Family.HYBRID),
  CUSTOM_TRAIN(Family.CUSTOM),
  EDUCATION_PROJECT(Family.OTHER),
  REJECT_FRONTIER_TRAINING(Family.OTHER),
  /** Only as a current deployment: nothing in production yet. */
  NONE(Family.OTHER);

  /** Strategy families: rules that speak of "the API" or "self-hosting" match a family. */
  public enum Family { API, HYBRID, SELF_HOST, CUSTOM, OTHER }

  private final Family family;

  Strategy(Family family) {
    this.family = family;
  }

  public Family family() {
    return family;
  }

  public boolean isApi() {
    return family == Family.API;
  }

  public boolean isSelfHost() {
    return family == Family.SELF_HOST;
  }
}
