package bvb.cli;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code bvb decide --watch FILE}: after the first decision, decides again whenever the fact file, a
 * rule file or the catalog changes (polled every {@link TestWatch#POLL_MS} ms; only changed rule
 * files are recompiled) and prints one line: the recommendation, and whether it flipped.
 */
final class DecideWatch {
  private final String file;
  private final Path rulesDir;
  private final Path catalog;
  private final Function<Path, RuleSet> rules;
  private final Function<RuleSet, Engine> engine;
  private final PrintWriter out;
  private final PrintWriter err;

  DecideWatch(String file, Path rulesDir, Path catalog, Function<Path, RuleSet> rules,
      Function<RuleSet, Engine> engine, PrintWriter out, PrintWriter err) {
    this.file = file;
    this.rulesDir = rulesDir;
    this.catalog = catalog;
    this.rules = rules;
    this.engine = engine;
    this.out = out;
    this.err = err;
  }

  /** Watches until cancelled; returns the exit code of the last decision. */
  int watch(Decision first, int code, BooleanSupplier cancelled) throws InterruptedException {
    out.println("watching " + file + " and " + rulesDir + " (Ctrl-C stops)");
    out.flush();
    String seen = fingerprint();
    Decision last = first;
    int result = code;
    while (!cancelled.getAsBoolean()) {
      Thread.sleep(TestWatch.POLL_MS);
      String now = fingerprint();
      if (now.equals(seen)) {
        continue;
      }
      seen = now;
      long t0 = System.nanoTime();
      try {
        Decision d = Decide.once(engine.apply(rules.apply(rulesDir)), FactsLoader.load(file, java.io.InputStream.nullInputStream()));
        String was = last == null ? "" : last.strategy() != d.strategy()
            ? " FLIP from " + last.strategy() + " (" + last.confidence() + ")"
            : last.confidence() != d.confidence() ? " (confidence was " + last.confidence() + ")" : " (unchanged)";
        out.printf(Locale.ROOT, "-- decided again in %.0f ms: %s (%s)%s%n", (System.nanoTime() - t0) / 1e6,
            d.strategy(), d.confidence(), was);
        out.flush();
        last = d;
        result = d.recommendation().decided() ? ExitCode.OK.code : ExitCode.NO_RECOMMENDATION.code;
      } catch (RuntimeException e) {
        result = ErrorHandler.report(e, err).code; // e.g. a rule that no longer compiles: its errors, then on
        err.flush();
        last = null;
      }
    }
    return result;
  }

  private String fingerprint() {
    StringBuilder sb = new StringBuilder();
    stamp(Path.of(file), sb);
    try (var files = Files.list(rulesDir)) {
      for (Path f : files.sorted().toList()) {
        stamp(f, sb);
      }
    } catch (IOException e) {
      sb.append("rules unreadable;");
    }
    if (catalog != null) {
      stamp(catalog, sb);
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
