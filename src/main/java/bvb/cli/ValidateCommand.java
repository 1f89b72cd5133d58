package bvb.cli;

import bvb.rules.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bvb validate}: compile the rules directory and report every error, or "N rules OK". */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Compile every rule file and check bvb's conventions (@id, @source, phase, unique ids). Prints each error as file:line:column, or 'N rules OK'.")

final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--lint", description = "Also check the bands (@band rules): gaps, overlaps and open boundaries between thresholds, unless declared.")
  boolean lint;

  @Override
  public Integer call() {
    RuleSet rules = common.ruleSet(); // a cached compile of identical files passed the same checks
    if (lint) {
      java.util.List<bvb.rules.RuleError> findings = bvb.rules.BandLint.check(bvb.rules.RuleFiles.read(common.rulesDir));
      if (!findings.isEmpty()) {
        throw new bvb.rules.RulesException(findings);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(rules.rules().size() + " rules OK" + (lint ? ", bands clean" : "") + " (" + common.rulesDir + ", sha256 " + rules.sha256() + ")");
    out.flush();
    return ExitCode.OK.code;
  }
}
