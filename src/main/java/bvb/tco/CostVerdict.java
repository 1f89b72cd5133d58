package bvb.tco;

/** Which side of an API-vs-self-host comparison is cheaper or preferred. */
public enum CostVerdict {
  API,
  SELF_HOST
}
