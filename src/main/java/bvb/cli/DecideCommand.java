package bvb.cli;

import bvb.audit.AuditLog;
import bvb.audit.AuditRecord;
import bvb.audit.AuditStore;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.report.DecisionHtml;
import bvb.report.DecisionJson;
import bvb.report.DecisionMarkdown;
import bvb.report.DecisionText;
import bvb.report.Json;
import bvb.rules.RuleSet;
import bvb.uncertainty.CostOdds;
import bvb.whatif.Counterfactuals;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bvb decide FILE|-}: one decision on one fact file. */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = "Decide one workload: evaluate the rules over a fact file and print the recommendation, reasons and every fired rule.")
final class DecideCommand implements Callable<Integer> {
  /** Output formats of decide. */
  enum Format { text, json, md, html }

  @ParentCommand BvbCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "Fact file (JSON), or - for standard input.")
  String file;

  @Option(names = "--format", defaultValue = "text", description = "text, json, md (Markdown) or html (a self-contained page with charts) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--audit",
      paramLabel = "FILE|URL",
      arity = "0..1",
      fallbackValue = "",
      description = "Append the decision to this log: a JSONL file or jdbc:postgresql://host:port/db?user=... (given without one: $BVB_AUDIT_URL if set, else .bvb/audit.jsonl). Nothing is appended if the decision fails.")
  String audit;

  @Option(names = "--what-if", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Decide again with each unknown fact the rules asked about, and find the volume at which the answer changes (default: on; --no-what-if skips it).")
  boolean whatIf;

  @Option(names = "--details", description = "Text format: after the summary, every verdict, reason, next step, conflict and the rule trace.")
  boolean details;

  @Option(names = "--watch", description = "After the decision, decide again whenever the fact file, a rule file or the catalog"
      + " changes and print the recommendation and whether it flipped, until Ctrl-C (not with - or --audit).")
  boolean watch;

  @Override
  public Integer call() throws Exception {
    if (watch && ("-".equals(file) || audit != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch needs a fact file and no --audit");
    }
    java.util.function.Function<java.nio.file.Path, RuleSet> resident = parent.host.rules();
    java.util.function.Function<java.nio.file.Path, RuleSet> kept = !watch ? null
        : resident != null ? resident : new bvb.rules.KeptRuleSets();
    // The rule base loads (or compiles) on another core while the fact file is read.
    Timings.mark("decide: arguments parsed");
    CompletableFuture<Engine> pending = CompletableFuture.supplyAsync(() -> {
      Engine e = watch ? common.engine(kept.apply(common.rulesDir)) : common.engine();
      Timings.mark("decide: rule base ready (other thread)");
      return e;
    });
    FactsLoader.Loaded facts = FactsLoader.load(file, parent.stdin);
    Timings.mark("decide: facts read");
    Engine engine = Decide.await(pending);
    Decision d = Decide.once(engine, facts);
    Timings.mark("decide: decided");
    if (whatIf) {
      d = d.withWhatIf(Counterfactuals.analyse(engine, facts.bytes(), d, java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
      Timings.mark("decide: counterfactuals");
    }
    CostOdds odds = CostOdds.of(facts, engine); // null unless the tco section has ranges
    if (audit != null) {
      var record = AuditRecord.of(d, facts.origin(), facts.bytes(), Versions.bvb(), Versions.drools(), Instant.now());
      if (odds != null) {
        record.set("uncertainty", odds.toJson());
      }
      String target = AuditStore.resolve(audit.isEmpty() ? null : audit, System.getenv(), AuditLog.DEFAULT.toString());
      try (AuditStore store = AuditStore.open(target, spec.commandLine().getErr())) {
        store.append(record);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> {
        var json = DecisionJson.toJson(d, Versions.bvb());
        if (odds != null) {
          json.set("uncertainty", odds.toJson());
        }
        out.println(Json.MAPPER.writeValueAsString(json));
      }
      case md -> DecisionMarkdown.write(d, Decide.curve(engine, facts, d), Versions.bvb(), out);
      case html -> DecisionHtml.write(d, Decide.curve(engine, facts, d), Versions.bvb(), out);
      case text -> {
        DecisionText.write(d, out, details);
        if (odds != null) {
          out.println("Cost ranges: " + odds.summary() + " (seed " + odds.seed() + "; bvb simulate for P10/P50/P90).");
        }
      }
    }
    out.flush();
    int code = d.recommendation().decided() ? ExitCode.OK.code : ExitCode.NO_RECOMMENDATION.code;
    if (watch) {
      return new DecideWatch(file, common.rulesDir, common.catalog, kept, common::engine, out, spec.commandLine().getErr())
          .watch(d, code, parent.host.cancelled());
    }
    return code;
  }
}
