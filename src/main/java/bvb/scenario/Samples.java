package bvb.scenario;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.rules.RuleInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the analysts' samples ({@code facts-samples/*.json}) against their expectation files. */
public final class Samples {
  static final String EXPECTED = ".expected.json";
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Samples() {}

  /** Every sample fact file in {@code dir}, sorted: *.json that is not an expectation or schema. */
  public static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.toString().endsWith(EXPECTED))
          .filter(p -> !p.getFileName().toString().endsWith(".schema.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new FactsException("FACTS-001", dir.toString(), "samples directory cannot be read: " + e.getMessage(), e);
    }
  }

  public static Path expectationFile(Path sample) {
    String name = sample.getFileName().toString();
    return sample.resolveSibling(name.substring(0, name.length() - ".json".length()) + EXPECTED);
  }

  /** Reads and checks an expectation file against the rule set's ids. */
  public static Expectation readExpectation(Path file, List<RuleInfo> rules) {
    Expectation e;
    try {
      e = STRICT.readValue(file.toFile(), Expectation.class);
    } catch (IOException ex) {
      throw new ExpectationException(file + ": EXPECT-001 " + firstLine(ex.getMessage()), ex);
    }
    Set<String> ids = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    Stream.of(e.mustFire(), e.mustNotFire(), e.firedInOrder())
        .flatMap(List::stream)
        .filter(id -> !ids.contains(id))
        .forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new ExpectationException(file + ": EXPECT-002 unknown rule id(s) " + unknown + " (not in the rule set)", null);
    }
    return e;
  }

  /** Decides one sample and compares it with its expectations. */
  public static SampleResult run(Engine engine, Path sample) {
    Path expFile = expectationFile(sample);
    if (!Files.exists(expFile)) {
      return new SampleResult(sample, null, List.of("no expectation file " + expFile.getFileName()));
    }
    Expectation exp = readExpectation(expFile, engine.rules().rules());
    LocalDate asOf = exp.asOfDate() != null ? exp.asOfDate() : LocalDate.now(ZoneOffset.UTC);
    FactsLoader.Loaded loaded = FactsLoader.load(sample);
    Decision d = engine.decide(loaded.facts(), asOf);
    List<String> diff = new ArrayList<>(compare(exp, d));
    if (exp.selfHostCheaperPct() != null) {
      bvb.uncertainty.CostOdds odds = bvb.uncertainty.CostOdds.of(loaded, engine);
      double lo = exp.selfHostCheaperPct().get(0);
      double hi = exp.selfHostCheaperPct().get(1);
      if (odds == null) {
        diff.add("selfHostCheaperPct: expected " + lo + "-" + hi + " %, but the fact file has no cost ranges with a self-operated option");
      } else if (odds.selfHostCheaperPct() < lo || odds.selfHostCheaperPct() > hi) {
        diff.add("selfHostCheaperPct: expected " + lo + "-" + hi + " %, got " + odds.selfHostCheaperPct() + " (" + odds.summary() + ")");
      }
    }
    return new SampleResult(sample, d, diff);
  }

  static List<String> compare(Expectation exp, Decision d) {
    List<String> diff = new ArrayList<>();
    if (exp.strategy() != d.strategy()) {
      diff.add("strategy: expected " + exp.strategy() + ", got " + d.strategy());
    }
    if (exp.confidence() != null && exp.confidence() != d.confidence()) {
      diff.add("confidence: expected " + exp.confidence() + ", got " + d.confidence());
    }
    List<String> fired = d.firedRuleIds();
    missing("rule that must fire", exp.mustFire(), fired, diff);
    exp.mustNotFire().stream().filter(fired::contains).forEach(id -> diff.add("rule that must not fire fired: " + id));
    if (!exp.firedInOrder().isEmpty()) {
      List<String> actual = fired.stream().filter(exp.firedInOrder()::contains).distinct().toList();
      if (!actual.equals(exp.firedInOrder())) {
        diff.add("firing order: expected " + exp.firedInOrder() + ", got " + actual);
      }
    }
    missing("warning", exp.warnings(), codes(d.warnings(), Conclusion.Warning::code), diff);
    missing("next step", exp.nextSteps(), codes(d.nextSteps(), Conclusion.NextStep::code), diff);
    missing("conflict", exp.conflicts(), codes(d.conflicts(), Conclusion.Conflict::id), diff);
    return diff;
  }

  private static <T> List<String> codes(List<T> items, Function<T, String> code) {
    return items.stream().map(code).toList();
  }

  private static void missing(String what, List<String> expected, List<String> actual, List<String> diff) {
    for (String e : expected) {
      if (!actual.contains(e)) {
        diff.add(what + " missing: " + e + " (got " + new TreeSet<>(actual) + ")");
      }
    }
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
  }
}
