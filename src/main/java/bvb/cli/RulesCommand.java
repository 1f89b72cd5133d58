package bvb.cli;

import bvb.rules.RuleFiles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bvb rules}: what the rules directory holds, for a reviewer; {@code --show-drl} prints a table's generated DRL. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule for review (--format md|csv|html: id, name, phase, file:line, thresholds, fired by a sample, source), or print the DRL a rule file compiles to (--show-drl: a decision table's generated rules).")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--show-drl", paramLabel = "FILE", description = "Print the DRL this rule file (a name in the rules directory, e.g. 10-spend-tiers.csv) compiles to.")
  String showDrl;

  @Option(names = "--format", paramLabel = "md|csv|html", defaultValue = "md",
      description = "Review listing: every rule with id, name, phase, file:line, thresholds, whether a sample fired it, and its source (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--samples", paramLabel = "DIR", defaultValue = "facts-samples",
      description = "Samples run to tell which rules fire (default: ${DEFAULT-VALUE}); a directory that does not exist: not run.")
  java.nio.file.Path samplesDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleFiles files = RuleFiles.read(common.rulesDir);
    if (showDrl != null) {
      out.print(files.drl(java.nio.file.Path.of(showDrl).getFileName().toString()));
      out.flush();
      return ExitCode.OK.code;
    }
    if (!java.util.List.of("md", "csv", "html").contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be md, csv or html, got " + format);
    }
    bvb.engine.Engine engine = common.engine();
    java.util.Set<String> fired = null;
    if (java.nio.file.Files.isDirectory(samplesDir)) {
      fired = new java.util.HashSet<>();
      for (java.nio.file.Path sample : bvb.scenario.Samples.list(samplesDir)) {
        bvb.scenario.SampleResult r = bvb.scenario.Samples.run(engine, sample);
        if (r.decision() != null) {
          fired.addAll(r.decision().firedRuleIds());
        }
      }
    }
    out.print(bvb.rules.RuleReview.render(bvb.rules.RuleReview.rows(files, engine.rules(), fired), format));
    out.flush();
    return ExitCode.OK.code;
  }
}
