package bvb.tco;

import bvb.catalog.PriceCatalog;
import java.nio.file.Path;

/** Shared test fixtures: the shipped catalog and small JSON builders. */
final class Fixtures {
  static final PriceCatalog CATALOG = PriceCatalog.load(Path.of("rules/prices.json"));
  static final double CENT = 0.005;

  private Fixtures() {}

  /** A tco section with one strategy whose lines are the given JSON object body. */
  static TcoInputs one(TcoStrategy s, String linesJson) {
    return TcoInputs.fromJson("{\"strategies\":{\"" + s + "\":" + linesJson + "}}");
  }

  /** A tco section with two strategies. */
  static TcoInputs two(TcoStrategy a, String aJson, TcoStrategy b, String bJson) {
    return TcoInputs.fromJson(
        "{\"strategies\":{\"" + a + "\":" + aJson + ",\"" + b + "\":" + bJson + "}}");
  }

  static TcoResult cost(TcoStrategy s, String linesJson, Volume v, int horizon) {
    return TcoCalculator.compute(one(s, linesJson), v, CATALOG, horizon).result(s);
  }
}
