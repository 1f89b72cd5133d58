package bvb.cli;

import bvb.engine.Engine;
import bvb.rules.RuleInfo;
import bvb.rules.RuleSet;
import bvb.scenario.SampleResult;
import bvb.scenario.Samples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bvb test}: run every sample against its expectations; optionally list never-fired rules. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Run every sample in the samples directory against its <sample>.expected.json and report pass/fail with the differences.")
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--samples", paramLabel = "DIR", defaultValue = "facts-samples", description = "Samples directory (default: ${DEFAULT-VALUE}).")
  Path samplesDir;

  @Option(names = "--coverage", description = "Also list rules that fired in no sample; any such rule fails the run.")
  boolean coverage;

  @Option(names = "--no-lint", description = "Skip the band lint (bvb validate --lint) that runs before the samples.")
  boolean noLint;

  @Option(names = "--watch", description = "After the run, re-run whenever a rule file, the catalog, a sample or an expectation changes,"
      + " printing only what changed (newly failing or passing samples, flipped recommendations), until Ctrl-C.")
  boolean watch;

  @Override
  public Integer call() throws InterruptedException {
    java.util.function.Function<Path, RuleSet> resident = BvbCommand.host(spec).rules();
    java.util.function.Function<Path, RuleSet> kept = !watch ? null
        : resident != null ? resident : new bvb.rules.KeptRuleSets();
    Engine engine = watch ? common.engine(kept.apply(common.rulesDir)) : common.engine();
    RuleSet rules = engine.rules();
    PrintWriter out = spec.commandLine().getOut();
    int passed = 0;
    int failed = 0;
    if (!noLint) {
      List<bvb.rules.RuleError> findings = bvb.rules.BandLint.check(bvb.rules.RuleFiles.read(common.rulesDir));
      findings.forEach(f -> out.println("LINT " + f.render()));
      failed += findings.size();
    }
    Set<String> fired = new HashSet<>();
    java.util.Map<String, TestWatch.Outcome> outcomes = new java.util.LinkedHashMap<>();
    // decided on all cores (one compiled rule base, a session per decision), printed in name order
    List<Path> samples = Samples.list(samplesDir);
    List<Object> results = samples.parallelStream().map(s -> {
      try {
        return (Object) Samples.run(engine, s);
      } catch (RuntimeException e) {
        return e; // rethrown in order below: the output up to the failing sample is as on one thread
      }
    }).toList();
    for (Object o : results) {
      if (o instanceof RuntimeException e) {
        throw e;
      }
      SampleResult r = (SampleResult) o;
      Path sample = r.sample();
      outcomes.put(sample.getFileName().toString(), TestWatch.Outcome.of(r));
      if (r.decision() != null) {
        fired.addAll(r.decision().firedRuleIds());
      }
      if (r.passed()) {
        passed++;
        out.println("PASS " + sample.getFileName() + " -> " + r.decision().strategy());
      } else {
        failed++;
        out.println("FAIL " + sample.getFileName());
        r.differences().forEach(d -> out.println("     " + d));
      }
    }
    boolean coverageOk = true;
    if (coverage) {
      List<RuleInfo> never = rules.rules().stream().filter(ri -> !fired.contains(ri.id())).toList();
      out.println();
      out.println("Coverage: " + (rules.rules().size() - never.size()) + " of " + rules.rules().size() + " rules fired in some sample");
      never.forEach(ri -> out.println("  never fired: " + ri.id() + " (" + ri.file() + ":" + ri.line() + ")"));
      coverageOk = never.isEmpty();
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    int code = failed == 0 && coverageOk ? ExitCode.OK.code : ExitCode.SAMPLES.code;
    if (watch) {
      TestWatch w = new TestWatch(common.rulesDir, common.catalog, samplesDir, kept, common::engine, out, spec.commandLine().getErr());
      return w.watch(outcomes, code, BvbCommand.host(spec).cancelled());
    }
    return code;
  }
}
