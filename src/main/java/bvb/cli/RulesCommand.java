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
    description = "List every rule for review, or print the DRL a rule file compiles to (--show-drl: a decision table's generated rules).")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--show-drl", paramLabel = "FILE", description = "Print the DRL this rule file (a name in the rules directory, e.g. 10-spend-tiers.csv) compiles to.")
  String showDrl;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleFiles files = RuleFiles.read(common.rulesDir);
    if (showDrl != null) {
      out.print(files.drl(java.nio.file.Path.of(showDrl).getFileName().toString()));
      out.flush();
      return ExitCode.OK.code;
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
