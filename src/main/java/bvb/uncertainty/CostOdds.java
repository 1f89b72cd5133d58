package bvb.uncertainty;

import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * The one-line summary {@code bvb decide} shows for a fact file with ranges ("self-hosting is
 * cheaper in 64 % of 10,000 draws"): a costs-only {@link Simulation} with a fixed seed, kept in the
 * decision log with its seed and sample count so a replay draws the same values.
 */
public record CostOdds(long seed, int samples, double selfHostCheaperPct, String summary) {

  /** The summary of a fact file with the default seed and samples; null without ranges or without a self-operated option. */
  public static CostOdds of(FactsLoader.Loaded facts, Engine engine) {
    return of(facts, engine, Simulation.DEFAULT_SEED, Simulation.DEFAULT_SAMPLES);
  }

  /** As above with a given seed and sample count (a replay's). */
  public static CostOdds of(FactsLoader.Loaded facts, Engine engine, long seed, int samples) {
    if (facts.facts().tco() == null) {
      return null;
    }
    UncertainFacts u = UncertainFacts.of(facts, engine);
    if (!u.hasRanges()) {
      return null;
    }
    Simulation s = Simulation.run(u, engine, samples, seed, 0, LocalDate.now(java.time.ZoneOffset.UTC));
    return s.oneLine() == null ? null : new CostOdds(seed, samples, s.selfHostCheaperPct(), s.oneLine());
  }

  /** The form kept in the decision log and printed by {@code decide --format json}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("seed", seed);
    o.put("samples", samples);
    o.put("selfHostCheaperPct", selfHostCheaperPct);
    o.put("summary", summary);
    return o;
  }

  /** Read back from a decision log record's {@code uncertainty} object. */
  public static CostOdds fromJson(JsonNode o) {
    return new CostOdds(o.path("seed").asLong(), o.path("samples").asInt(),
        o.path("selfHostCheaperPct").asDouble(), o.path("summary").asText());
  }
}
