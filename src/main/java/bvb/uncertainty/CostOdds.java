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
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    var catalog = engine.catalog();
    // a costs-only simulation depends on nothing else: the same file, prices, horizon, seed and day
    // give the same odds, so a resident bvb's `bvb test` after a rule edit does not draw them again
    String key = sha256(facts.bytes()) + ' ' + (catalog == null ? "-" : catalog.sha256()) + ' '
        + engine.horizonFor(facts.facts()) + ' ' + seed + ' ' + samples + ' ' + today;
    synchronized (KNOWN) {
      if (KNOWN.containsKey(key)) {
        return KNOWN.get(key);
      }
    }
    UncertainFacts u = UncertainFacts.of(facts, engine);
    CostOdds odds = null;
    if (u.hasRanges()) {
      Simulation s = Simulation.run(u, engine, samples, seed, 0, today);
      odds = s.oneLine() == null ? null : new CostOdds(seed, samples, s.selfHostCheaperPct(), s.oneLine());
    }
    synchronized (KNOWN) {
      KNOWN.put(key, odds);
    }
    return odds;
  }

  /** Odds already drawn in this process, by their inputs (at most 1,024: a few hundred bytes each). */
  private static final java.util.Map<String, CostOdds> KNOWN = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, CostOdds> eldest) {
      return size() > 1024;
    }
  };

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
