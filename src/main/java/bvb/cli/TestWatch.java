package bvb.cli;

import bvb.engine.Engine;
import bvb.rules.RuleSet;
import bvb.scenario.SampleResult;
import bvb.scenario.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code bvb test --watch}: after the first run, polls the rule files, the catalog, the samples and
 * their expectations every {@link #POLL_MS} ms and, when one changed, runs the samples again on the
 * rule set recompiled for the changed files only, printing only what changed: samples newly failing
 * or passing, and recommendations that flipped. Runs until cancelled (Ctrl-C).
 */
final class TestWatch {
  static final long POLL_MS = 100;

  /** One sample's outcome, as far as a change report needs it. */
  record Outcome(boolean passed, String strategy, List<String> differences) {
    static Outcome of(SampleResult r) {
      return new Outcome(r.passed(), r.decision() == null ? null : String.valueOf(r.decision().strategy()), r.differences());
    }
  }

  private final Path rulesDir;
  private final Path catalog;
  private final Path samplesDir;
  private final Function<Path, RuleSet> rules;
  private final Function<RuleSet, Engine> engine;
  private final PrintWriter out;
  private final PrintWriter err;

  TestWatch(Path rulesDir, Path catalog, Path samplesDir, Function<Path, RuleSet> rules,
      Function<RuleSet, Engine> engine, PrintWriter out, PrintWriter err) {
    this.rulesDir = rulesDir;
    this.catalog = catalog;
    this.samplesDir = samplesDir;
    this.rules = rules;
    this.engine = engine;
    this.out = out;
    this.err = err;
  }

  /** Watches until {@code cancelled}; {@code last} is the first run's outcomes. Returns the last run's exit code. */
  int watch(Map<String, Outcome> last, int code, BooleanSupplier cancelled) throws InterruptedException {
    out.println("watching " + rulesDir + ", " + (catalog != null ? catalog : rulesDir.resolve("prices.json")) + " and "
        + samplesDir + " (Ctrl-C stops)");
    out.flush();
    String seenRules = fingerprint(rulesDir, catalog);
    String seenSamples = fingerprint(samplesDir, null);
    Map<String, Outcome> before = last;
    Engine current = null;
    int result = code;
    while (!cancelled.getAsBoolean()) {
      Thread.sleep(POLL_MS);
      String nowRules = fingerprint(rulesDir, catalog);
      String nowSamples = fingerprint(samplesDir, null);
      if (nowRules.equals(seenRules) && nowSamples.equals(seenSamples)) {
        continue;
      }
      boolean rulesChanged = !nowRules.equals(seenRules) || current == null;
      seenRules = nowRules;
      seenSamples = nowSamples;
      long t0 = System.nanoTime();
      try {
        if (rulesChanged) {
          current = engine.apply(rules.apply(rulesDir));
        }
        Map<String, Outcome> after = run(current);
        report(before, after, (System.nanoTime() - t0) / 1e6);
        before = after;
        result = after.values().stream().allMatch(Outcome::passed) ? ExitCode.OK.code : ExitCode.SAMPLES.code;
      } catch (RuntimeException e) {
        ErrorHandler.report(e, err); // e.g. a rule that no longer compiles: its errors, then watching on
        err.flush();
        current = null;
        before = Map.of();
      }
    }
    return result;
  }

  /** Runs every sample, on all cores (one compiled rule base, a session per decision); outcomes by file name, in name order. */
  Map<String, Outcome> run(Engine e) {
    List<Path> samples = Samples.list(samplesDir);
    List<Outcome> outcomes = samples.parallelStream().map(s -> Outcome.of(Samples.run(e, s))).toList();
    Map<String, Outcome> all = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      all.put(samples.get(i).getFileName().toString(), outcomes.get(i));
    }
    return all;
  }

  private void report(Map<String, Outcome> before, Map<String, Outcome> after, double ms) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Outcome> e : after.entrySet()) {
      Outcome was = before.get(e.getKey());
      Outcome is = e.getValue();
      if (was == null || was.passed() != is.passed()) {
        lines.add((is.passed() ? "PASS " : "FAIL ") + e.getKey() + (was == null ? "" : was.passed() ? " (was passing)" : " (was failing)"));
        if (!is.passed()) {
          is.differences().forEach(d -> lines.add("     " + d));
        }
      }
      if (was != null && !Objects.equals(was.strategy(), is.strategy())) {
        lines.add("FLIP " + e.getKey() + ": " + was.strategy() + " -> " + is.strategy());
      }
    }
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> lines.add("GONE " + k));
    long passed = after.values().stream().filter(Outcome::passed).count();
    out.printf(Locale.ROOT, "-- re-ran %d samples in %.0f ms: %s%n", after.size(), ms, lines.isEmpty() ? "nothing changed" : "");
    lines.forEach(out::println);
    out.println(passed + " passed, " + (after.size() - passed) + " failed");
    out.flush();
  }

  /** Names, sizes and modification times of a directory's files (and of one more file). */
  private static String fingerprint(Path dir, Path also) {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        stamp(f, sb);
      }
    } catch (IOException e) {
      sb.append(dir).append(" unreadable;");
    }
    if (also != null) {
      stamp(also, sb);
    }
    return sb.toString();
  }

  private static void stamp(Path f, StringBuilder sb) {
    try {
      var a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
      sb.append(f).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append(';');
    } catch (IOException e) {
      sb.append(f).append(" gone;");
    }
  }
}
