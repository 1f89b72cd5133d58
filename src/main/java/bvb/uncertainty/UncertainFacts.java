package bvb.uncertainty;

import bvb.catalog.CatalogEntry;
import bvb.catalog.PriceCatalog;
import bvb.catalog.RatePrice;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;

import bvb.tco.InputSource;
import bvb.tco.Range;
import bvb.tco.TcoCalculator;
import bvb.tco.TcoInputException;
import bvb.tco.TcoInputs;
import bvb.tco.TcoResult;
import bvb.tco.TcoStrategy;
import bvb.tco.Volume;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fact file whose tco section holds ranges, ready to be priced or decided at any set of values
 * for its {@link RangedInput}s. Values are given as an array in the order of {@link #inputs()}.
 */
public final class UncertainFacts {
  private static final Set<String> RANGE_KEYS = Set.of("low", "high", "mode");
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private final FactsLoader.Loaded loaded;
  private final ObjectNode tree;
  private final List<RangedInput> inputs;
  private final PriceCatalog catalog;
  private final Volume volume;
  private final int horizonMonths;

  private UncertainFacts(FactsLoader.Loaded loaded, ObjectNode tree, List<RangedInput> inputs,
      PriceCatalog catalog, Volume volume, int horizonMonths) {
    this.loaded = loaded;
    this.tree = tree;
    this.inputs = List.copyOf(inputs);
    this.catalog = catalog;
    this.volume = volume;
    this.horizonMonths = horizonMonths;
  }

  /**
   * The ranged inputs of a loaded fact file (none when it has no tco section or no ranges). Each
   * range is checked at its low and its high end against the field's own bounds.
   *
   * @throws FactsException naming the field when a range's end is not a valid value for it
   */
  public static UncertainFacts of(FactsLoader.Loaded loaded, Engine engine) {
    ObjectNode tree;
    try {
      tree = (ObjectNode) MAPPER.readTree(loaded.bytes());
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("fact bytes are not a JSON object", e);
    }
    FactSet facts = loaded.facts();
    if (facts.tco() == null) {
      return new UncertainFacts(loaded, tree, List.of(), null, facts.tcoVolume(), engine.horizonMonths());
    }
    List<RangedInput> found = new ArrayList<>();
    scan(tree.path("tco"), new ArrayList<>(List.of("tco")), found);
    PriceCatalog catalog = engine.catalog();
    int horizon = engine.horizonFor(facts);
    UncertainFacts u = new UncertainFacts(loaded, tree, found, catalog, facts.tcoVolume(), horizon);
    if (catalog != null) {
      found.addAll(u.catalogRanges());
      u = new UncertainFacts(loaded, tree, found, catalog, facts.tcoVolume(), horizon);
      u.checkEnds();
    }
    return u;
  }

  private static void scan(JsonNode node, List<String> path, List<RangedInput> out) {
    if (node.isObject()) {
      if (isRange(node)) {
        Range r = new Range(node.path("low").asDouble(), node.path("high").asDouble(),
            node.has("mode") ? node.path("mode").asDouble() : null);
        out.add(new RangedInput(String.join(".", path), r, null, List.of(List.copyOf(path))));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        path.add(e.getKey());
        scan(e.getValue(), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  private static boolean isRange(JsonNode node) {
    if (node.isEmpty()) {
      return false;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (!RANGE_KEYS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /** Catalog rates given as ranges that the point estimate used, one input per entry. */
  private List<RangedInput> catalogRanges() {
    Map<String, List<List<String>>> targets = new LinkedHashMap<>();
    price(points()).forEach((strategy, result) -> {
      for (InputSource s : result.sources()) {
        if (s.origin() == InputSource.Origin.CATALOG) {
          CatalogEntry e = catalog.entry(s.catalogEntryId()).orElseThrow();
          if (e instanceof RatePrice rate && rate.isRange()) {
            List<String> path = new ArrayList<>(List.of("tco", "strategies", strategy.name()));
            path.addAll(List.of(s.field().split("\\.")));
            targets.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(path);
          }
        }
      }
    });
    List<RangedInput> out = new ArrayList<>();
    targets.forEach((id, paths) -> {
      RatePrice rate = (RatePrice) catalog.entry(id).orElseThrow();
      out.add(new RangedInput(id, new Range(rate.low(), rate.high(), null), id, paths));
    });
    return out;
  }

  /** Prices every range at its low end, then at its high end: an end the field cannot take is an error. */
  private void checkEnds() {
    for (boolean high : new boolean[] {false, true}) {
      double[] v = new double[inputs.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = high ? inputs.get(i).range().high() : inputs.get(i).range().low();
      }
      try {
        price(v);
      } catch (TcoInputException e) {
        FactsException f = FactsException.fromTco(loaded.origin(), e);
        throw new FactsException(f.code(), f.location(),
            f.getMessage() + " (at the " + (high ? "high" : "low") + " end of its range)", e);
      }
    }
  }

  /** The ranged inputs, fact-file ranges in file order, then catalog ranges. */
  public List<RangedInput> inputs() {
    return inputs;
  }

  public boolean hasRanges() {
    return !inputs.isEmpty();
  }

  public FactsLoader.Loaded loaded() {
    return loaded;
  }

  public int horizonMonths() {
    return horizonMonths;
  }

  /** Each input's point value (mode, else midpoint). */
  public double[] points() {
    double[] v = new double[inputs.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = inputs.get(i).range().point();
    }
    return v;
  }

  /** Every strategy's result with the inputs at these values (no comparisons, no break-even). */
  public Map<TcoStrategy, TcoResult> price(double[] values) {
    ObjectNode tco = ((ObjectNode) tree.path("tco")).deepCopy();
    for (int i = 0; i < inputs.size(); i++) {
      for (List<String> target : inputs.get(i).targets()) {
        put(tco, target.subList(1, target.size()), values[i]);
      }
    }
    return TcoCalculator.totals(TcoInputs.fromTree(tco), volume, catalog, horizonMonths);
  }

  /** The whole fact set with the inputs at these values, for a decision. */
  public FactSet facts(double[] values) {
    ObjectNode copy = tree.deepCopy();
    for (int i = 0; i < inputs.size(); i++) {
      for (List<String> target : inputs.get(i).targets()) {
        put(copy, target, values[i]);
      }
    }
    try {
      return FactsLoader.parse(loaded.origin(), MAPPER.writeValueAsBytes(copy)).facts();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode root, List<String> path, double value) {
    ObjectNode o = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = o.get(path.get(i));
      o = next instanceof ObjectNode n ? n : o.putObject(path.get(i));
    }
    o.put(path.get(path.size() - 1), value);
  }
}
