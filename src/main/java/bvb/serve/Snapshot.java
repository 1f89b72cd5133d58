package bvb.serve;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.rules.RuleSet;

/**
 * One immutable, fully compiled rule set and catalog: what a request runs on from start to end.
 * {@code catalogFileHash} is the SHA-256 of the catalog file's bytes, or {@code null} when there is
 * no catalog.
 */
public record Snapshot(Engine engine, RuleSet rules, PriceCatalog catalog, String catalogFileHash) {
  public String ruleSetHash() {
    return rules.sha256();
  }

  public String catalogHash() {
    return catalog == null ? null : catalog.sha256();
  }
}
