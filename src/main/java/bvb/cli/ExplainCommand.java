package bvb.cli;

import bvb.audit.AuditQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bvb explain ID}: a readable rationale of a logged decision. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a logged decision: each fired rule, what it concluded with the values it saw, and its source.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AuditCommand.LogOption log;

  @Parameters(paramLabel = "ID", description = "Decision id (a unique prefix is enough).")
  String id;

  @Override
  public Integer call() throws Exception {
    try (bvb.audit.AuditStore store = log.open(spec)) {
      AuditQueries.explain(store.find(id, spec.commandLine().getErr()), spec.commandLine().getOut());
    }
    return ExitCode.OK.code;
  }
}
