package bvb.portfolio;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.facts.Strategy;
import bvb.tco.TcoInputException;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import bvb.tco.TcoStrategy;
import bvb.whatif.RankedSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Many workloads decided at once, as one table: each workload's recommendation, confidence, the
 * recommended option's monthly cost, the API's, and the saving; totals by recommended strategy; and
 * the next steps that hold back the most decisions. Workloads come from a directory of fact files
 * or from a JSONL file (one fact set a line); a workload that cannot be read or decided is listed
 * with its error and the rest are decided.
 */
public record Portfolio(List<Row> rows, List<Failure> failures, Map<Strategy, Total> totals, List<Blocker> blockers) {

  /**
   * One decided workload. Monthly costs are horizon totals spread evenly over the horizon; null
   * when that option is not priced.
   *
   * @param apiMonthlyUsd the cheapest priced API option
   */
  public record Row(String workload, String name, Strategy strategy, Confidence confidence,
      Double recommendedMonthlyUsd, Double apiMonthlyUsd) {
    /** API minus recommended, monthly (positive: the recommendation costs less); null unless both are priced. */
    public Double savingMonthlyUsd() {
      return recommendedMonthlyUsd == null || apiMonthlyUsd == null ? null : apiMonthlyUsd - recommendedMonthlyUsd;
    }
  }

  /** A workload that could not be read or decided, with its one-line error. */
  public record Failure(String workload, String error) {}

  /** Per recommended strategy: workloads, and monthly cost and saving summed over those priced. */
  public record Total(int workloads, int priced, double monthlyUsd, double savingMonthlyUsd) {}

  /**
   * A next step asking for missing facts (by code): in how many decisions a value of those facts
   * flips the recommendation (known only with what-if analysis, else 0), in how many LOW-confidence
   * decisions it is asked, and in how many decisions in all.
   */
  public record Blocker(String code, int decisive, int lowConfidenceDecisions, int decisions, String text) {}

  /** Decides every fact file of a directory (*.json, not *.expected.json or *.schema.json), or every line of a .jsonl file. */
  public static Portfolio of(Path input, Engine engine, LocalDate today, boolean whatIf) throws IOException {
    List<String[]> items = new ArrayList<>(); // {workload, origin, text-or-null(file)}
    if (Files.isDirectory(input)) {
      try (Stream<Path> files = Files.list(input)) {
        files.filter(p -> {
          String n = p.getFileName().toString();
          return n.endsWith(".json") && !n.endsWith(".expected.json") && !n.endsWith(".schema.json") && Files.isRegularFile(p);
        }).sorted().forEach(p -> items.add(new String[] {p.toString(), p.toString(), null}));
      }
    } else {
      List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          items.add(new String[] {input + ":" + (i + 1), input.toString(), lines.get(i), String.valueOf(i + 1)});
        }
      }
    }
    List<Object> results = items.parallelStream().map(it -> decide(it, engine, today, whatIf)).toList();
    List<Row> rows = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    for (Object o : results) {
      if (o instanceof Failure f) {
        failures.add(f);
      } else {
        Object[] pair = (Object[]) o;
        rows.add((Row) pair[0]);
        decisions.add((Decision) pair[1]);
      }
    }
    return new Portfolio(List.copyOf(rows), List.copyOf(failures), totals(rows), blockers(decisions));
  }

  private static Object decide(String[] item, Engine engine, LocalDate today, boolean whatIf) {
    try {
      FactsLoader.Loaded facts = item[2] == null ? FactsLoader.load(Path.of(item[1]))
          : FactsLoader.parse(item[1], item[2].getBytes(StandardCharsets.UTF_8), Long.parseLong(item[3]));
      Decision d;
      try {
        d = engine.decide(facts.facts(), today);
      } catch (TcoInputException e) {
        throw FactsException.fromTco(facts.origin(), e);
      }
      if (whatIf) {
        d = d.withWhatIf(bvb.whatif.Counterfactuals.analyse(engine, facts.bytes(), d, today));
      }
      return new Object[] {row(item[0], d), d};
    } catch (FactsException e) {
      return new Failure(item[0], e.render());
    } catch (RuntimeException e) {
      return new Failure(item[0], e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static Row row(String workload, Decision d) {
    TcoReport tco = d.tco();
    Double rec = null;
    Double api = null;
    if (tco != null) {
      for (TcoResult r : tco.results().values()) {
        if (r.strategy().name().equals(d.strategy().name())) {
          rec = r.averageMonthlyUsd();
        }
        if (r.strategy().isApi() && (api == null || r.averageMonthlyUsd() < api)) {
          api = r.averageMonthlyUsd();
        }
      }
      if (rec == null && d.strategy().isApi() && tco.results().containsKey(TcoStrategy.API_FRONTIER)) {
        rec = tco.result(TcoStrategy.API_FRONTIER).averageMonthlyUsd(); // e.g. RAG on the priced API
      }
    }
    return new Row(workload, d.name(), d.strategy(), d.confidence(), rec, api);
  }

  private static Map<Strategy, Total> totals(List<Row> rows) {
    Map<Strategy, Total> out = new EnumMap<>(Strategy.class);
    for (Row r : rows) {
      Total t = out.getOrDefault(r.strategy(), new Total(0, 0, 0, 0));
      boolean priced = r.recommendedMonthlyUsd() != null;
      out.put(r.strategy(), new Total(t.workloads() + 1, t.priced() + (priced ? 1 : 0),
          t.monthlyUsd() + (priced ? r.recommendedMonthlyUsd() : 0),
          t.savingMonthlyUsd() + (r.savingMonthlyUsd() == null ? 0 : r.savingMonthlyUsd())));
    }
    return out;
  }

  private static List<Blocker> blockers(List<Decision> decisions) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Decision d : decisions) {
      for (RankedSteps.Step s : RankedSteps.of(d)) {
        if (s.fields().isEmpty()) {
          continue; // advice, not a missing fact
        }
        int[] c = counts.computeIfAbsent(s.code(), k -> new int[3]);
        c[2]++;
        if (d.confidence() == Confidence.LOW) {
          c[1]++;
        }
        if (s.effect() == bvb.whatif.WhatIf.Effect.DECISIVE) {
          c[0]++;
        }
        texts.putIfAbsent(s.code(), s.text());
      }
    }
    List<Blocker> out = new ArrayList<>();
    counts.forEach((code, c) -> out.add(new Blocker(code, c[0], c[1], c[2], texts.get(code))));
    out.sort(Comparator.comparingInt(Blocker::decisive).reversed()
        .thenComparing(Comparator.comparingInt(Blocker::lowConfidenceDecisions).reversed())
        .thenComparing(Comparator.comparingInt(Blocker::decisions).reversed()).thenComparing(Blocker::code));
    return List.copyOf(out);
  }
}
