package bvb.bench;

/** The JVM floor for the cold-start benchmark: a main that does nothing, started from the same jar. */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    // intentionally empty: its wall time is the JVM's own start-up cost
  }
}
