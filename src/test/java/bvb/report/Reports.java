package bvb.report;

import bvb.catalog.PriceCatalog;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.rules.RuleSet;
import bvb.tco.CostCurve;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Decides a fact file with the bundled rules and catalog and renders it, for the report tests. */
final class Reports {
  private static final Engine ENGINE =
      new Engine(RuleSet.load(Path.of("rules")), PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);

  private Reports() {}

  record Rendered(Decision decision, String html, String md) {}

  static Rendered of(Path facts) {
    FactsLoader.Loaded loaded = FactsLoader.load(facts);
    Decision d = ENGINE.decide(loaded.facts());
    CostCurve curve = d.tco() == null ? null
        : CostCurve.compute(loaded.facts().tco(), loaded.facts().tcoVolume(), ENGINE.catalog(), 12, d.tco());
    StringWriter html = new StringWriter();
    DecisionHtml.write(d, curve, "test", new PrintWriter(html));
    StringWriter md = new StringWriter();
    DecisionMarkdown.write(d, curve, "test", new PrintWriter(md));
    return new Rendered(d, html.toString(), md.toString());
  }

  static Rendered of(String sample) {
    return of(Path.of("facts-samples", sample));
  }
}
