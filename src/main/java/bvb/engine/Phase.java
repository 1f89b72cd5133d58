package bvb.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The phases of one decision, in firing order. Every rule belongs to exactly one phase through its
 * {@code agenda-group}; this enum is the one place the order is set.
 */
public enum Phase {
  /** Classify inputs into named derived facts. */
  DERIVE("derive"),
  /** Hard constraints: what is ruled out whatever the cost. */
  CONSTRAINTS("constraints"),
  /** Each document's own verdict, with its own thresholds. */
  VERDICTS("verdicts"),
  /** Cross-cutting warnings and next steps. */
  ADVICE("advice"),
  /** One reconciliation producing the final recommendation. */
  RECONCILE("reconcile");

  private final String group;

  Phase(String group) {
    this.group = group;
  }

  /** The DRL agenda-group name. */
  public String group() {
    return group;
  }

  public static List<String> groups() {
    return Arrays.stream(values()).map(Phase::group).toList();
  }
}
