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

  @Override
  public Integer call() {
    Engine engine = common.engine();
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
    for (Path sample : Samples.list(samplesDir)) {
      SampleResult r = Samples.run(engine, sample);
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
    return failed == 0 && coverageOk ? ExitCode.OK.code : ExitCode.SAMPLES.code;
  }
}
