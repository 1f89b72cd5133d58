package bvb.cli;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.tco.CostCurve;
import bvb.tco.TcoInputException;

/** One decision for the CLI: a calculator error in the fact file's tco section names the file. */
final class Decide {
  private Decide() {}

  /** The engine a background load produced; its exception (rule errors, bad catalog) is rethrown as is. */
  static Engine await(java.util.concurrent.CompletableFuture<Engine> engine) {
    try {
      return engine.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  static Decision once(Engine engine, FactsLoader.Loaded facts) {
    try {
      return engine.decide(facts.facts());
    } catch (TcoInputException e) {
      throw FactsException.fromTco(facts.origin(), e);
    }
  }

  /** The cost-against-volume curve of the decision's tco section for the reports, or null without one. */
  static CostCurve curve(Engine engine, FactsLoader.Loaded facts, Decision d) {
    if (d.tco() == null) {
      return null;
    }
    return CostCurve.compute(facts.facts().tco(), facts.facts().tcoVolume(), engine.catalog(), engine.horizonFor(facts.facts()), d.tco());
  }
}
