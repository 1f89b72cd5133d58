package bvb.engine;

/**
 * Control fact for seed 004's four-step decision tree: the tree has reached {@code step}.
 * {@code viaTerms} says Step 1 was passed only because a provider's compliance terms are
 * acceptable; {@code terminal} says the tree ended here.
 */
public record TreeStep(int step, boolean viaTerms, boolean terminal) {
  public TreeStep {
    if (step < 1 || step > 4) {
      throw new IllegalArgumentException("tree step must be 1..4, got " + step);
    }
  }
}
