package bvb.engine;

/**
 * A named classification a rule derived once, so later rules match the name instead of repeating
 * the threshold behind it (e.g. {@code TREE_STEP3_TRIGGERED}); {@code why} carries the values.
 */
public record Derived(String name, String why) {}
