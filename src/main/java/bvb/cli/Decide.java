package bvb.cli;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.tco.TcoInputException;

/** One decision for the CLI: a calculator error in the fact file's tco section names the file. */
final class Decide {
  private Decide() {}

  static Decision once(Engine engine, FactsLoader.Loaded facts) {
    try {
      return engine.decide(facts.facts());
    } catch (TcoInputException e) {
      throw new FactsException(e.code(), facts.origin(), "$." + e.field() + " " + e.detail(), e);
    }
  }
}
