package bvb.engine;

/** How strongly a rule states its conclusion (seed catalogue §0). */
public enum Strength {
  /** A constraint: overrides cost rules ("the only option"). */
  HARD,
  /** "almost always", "full stop". */
  STRONG,
  /** A heuristic: "starts to make sense", "often". */
  SOFT,
  /** A start-here stance, used when nothing more specific applies. */
  DEFAULT
}
