package bvb.cli;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Options every command that uses rules shares. */
final class CommonOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      description = "Directory of rule files (*.drl, and *.csv decision tables), read at run time (default: ${DEFAULT-VALUE}).")
  Path rulesDir;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Price catalog (default: prices.json in the rules directory). Read only when a fact set has a tco section.")
  Path catalog;

  @Option(
      names = "--horizon",
      paramLabel = "MONTHS",
      defaultValue = "12",
      description = "TCO horizon in months: 12, 24 or 36 (default: ${DEFAULT-VALUE}).")
  int horizonMonths;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Rejects option values no command can use, as usage errors (exit 2). */
  void checkOptions() {
    if (!bvb.tco.TcoCalculator.HORIZONS.contains(horizonMonths)) {
      throw new ParameterException(mixee.commandLine(), "--horizon must be 12, 24 or 36, got " + horizonMonths);
    }
    if (!(decisionTimeoutSeconds >= 0) || decisionTimeoutSeconds > MAX_DECISION_TIMEOUT_SECONDS) {
      throw new ParameterException(mixee.commandLine(),
          "--decision-timeout must be 0 (no limit) to " + MAX_DECISION_TIMEOUT_SECONDS + " seconds, got " + decisionTimeoutSeconds);
    }
    if (maxPriceAgeDays < 0) {
      throw new ParameterException(mixee.commandLine(), "--max-price-age-days must be 0 or more, got " + maxPriceAgeDays);
    }
  }

  /** The engine for these options: rules compiled, the catalog read when a fact set first needs it. */
  Engine engine() {
    checkOptions();
    return engine(ruleSet());
  }

  /** The engine for these options on a rule set already compiled. */
  Engine engine(RuleSet rules) {
    checkOptions();
    Path file = catalog != null ? catalog : rulesDir.resolve("prices.json");
    boolean required = catalog != null;
    return new Engine(rules, () -> required || Files.exists(file) ? PriceCatalog.load(file) : null,
        horizonMonths, maxPriceAgeDays).decisionTimeout(decisionTimeout());
  }

  /** The largest --decision-timeout: a day. */
  static final double MAX_DECISION_TIMEOUT_SECONDS = 86_400;

  @Option(
      names = "--decision-timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Longest one decision may run; a rule still running then is halted and named, exit code 5 (default: ${DEFAULT-VALUE}; 0: no limit).")
  double decisionTimeoutSeconds;

  /** The --decision-timeout as a duration (zero: no limit). */
  java.time.Duration decisionTimeout() {
    return java.time.Duration.ofNanos(Math.round(decisionTimeoutSeconds * 1e9));
  }

  /** The rule set of --rules, from the compiled-rule cache unless --no-cache. */
  RuleSet ruleSet() {
    if (noCache) {
      return RuleSet.load(rulesDir);
    }
    java.util.function.Function<Path, RuleSet> resident = BvbCommand.host(mixee).rules();
    return resident != null ? resident.apply(rulesDir) : RuleSet.load(rulesDir, cacheDir(), Versions.ruleCache());
  }

  @Option(
      names = "--max-price-age-days",
      paramLabel = "DAYS",
      defaultValue = "365",
      description = "Warn when a catalog price the decision used is older than this (default: ${DEFAULT-VALUE}).")
  int maxPriceAgeDays;

  @Option(names = "--no-cache", description = "Compile the rules even if an identical rule set was compiled before.")
  boolean noCache;

  /** Where compiled rule sets are kept: $BVB_CACHE_DIR, else ~/.cache/bvb. */
  static Path cacheDir() {
    String env = System.getenv("BVB_CACHE_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "bvb");
  }

  @Option(names = "--debug", description = "On error, also print the stack trace (stderr).")
  boolean debug;
}
