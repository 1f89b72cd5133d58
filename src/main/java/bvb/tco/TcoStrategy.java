package bvb.tco;

/** Candidate strategies the calculator can cost. */
public enum TcoStrategy {
  API_FRONTIER(true),
  API_ROUTED(true),
  API_MANAGED_FINE_TUNE(true),
  SELF_HOST_OPEN(false),
  SELF_HOST_FINE_TUNED(false),
  HYBRID_ROUTED(false),
  CUSTOM_TRAIN(false);

  private final boolean api;

  TcoStrategy(boolean api) {
    this.api = api;
  }

  /** True for the API family (provider runs the model); false for strategies the team operates. */
  public boolean isApi() {
    return api;
  }

  /** True where 004's 30% uncertainty buffer applies (every non-API strategy). */
  public boolean isBuffered() {
    return !api;
  }

  /** True where routing lines (share, cost ratio) make sense. */
  public boolean isRouted() {
    return this == API_ROUTED || this == HYBRID_ROUTED;
  }
}
