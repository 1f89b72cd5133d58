package bvb.cli;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that uses rules shares. */
final class CommonOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      description = "Directory of *.drl rule files, read at run time (default: ${DEFAULT-VALUE}).")
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

  /** The engine for these options: rules compiled, catalog loaded if present. */
  Engine engine() {
    RuleSet rules = noCache
        ? RuleSet.load(rulesDir)
        : RuleSet.load(rulesDir, cacheDir(), Versions.bvb() + "/" + Versions.drools() + "/" + Runtime.version().feature());
    Path file = catalog != null ? catalog : rulesDir.resolve("prices.json");
    if (!bvb.tco.TcoCalculator.HORIZONS.contains(horizonMonths)) {
      throw new bvb.tco.TcoInputException("TCO-007", "horizonMonths", "must be 12, 24 or 36, got " + horizonMonths);
    }
    PriceCatalog prices = catalog != null || Files.exists(file) ? PriceCatalog.load(file) : null;
    return new Engine(rules, prices, horizonMonths, maxPriceAgeDays);
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
