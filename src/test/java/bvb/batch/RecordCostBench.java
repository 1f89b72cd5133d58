package bvb.batch;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import bvb.rules.RuleSet;
import bvb.scenario.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What recording every firing costs (not a unit test; run by hand): decides the bundled samples on
 * one thread in interleaved 3-second rounds, with the full record and with rule ids only, and prints
 * decisions per second of each. {@code java -cp ... bvb.batch.RecordCostBench [ROUNDS]}
 */
public final class RecordCostBench {
  private RecordCostBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Engine engine = new Engine(RuleSet.load(Path.of("rules")), PriceCatalog.load(Path.of("rules/prices.json")), 36,
        Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
    List<FactSet> samples = new ArrayList<>();
    for (Path p : Samples.list(Path.of("facts-samples"))) {
      samples.add(FactsLoader.load(p).facts());
    }
    for (int round = 1; round <= rounds; round++) {
      for (boolean brief : new boolean[] {false, true}) {
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - t0 < 3_000_000_000L) {
          for (FactSet f : samples) {
            if (brief) {
              engine.decideBrief(f);
            } else {
              engine.decide(f);
            }
            n++;
          }
        }
        System.out.printf(Locale.ROOT, "round %d, %s: %,.0f decisions/s (1 thread)%n", round,
            brief ? "rule ids only" : "full record  ", n / ((System.nanoTime() - t0) / 1e9));
      }
    }
  }
}
