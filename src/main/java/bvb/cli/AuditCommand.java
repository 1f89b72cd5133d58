package bvb.cli;

import bvb.audit.AuditLog;
import bvb.audit.AuditQueries;
import bvb.audit.AuditRecord;
import bvb.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bvb audit list|show}: read the decision log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read the decision log written by 'decide --audit'. Torn or corrupt lines are reported on stderr with their line number.",
    subcommands = {AuditCommand.ListCmd.class, AuditCommand.Show.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "audit needs a subcommand: list or show");
  }

  static final class LogOption {
    @Option(names = "--audit", paramLabel = "FILE", description = "Decision log (default: .bvb/audit.jsonl).")
    Path file = AuditLog.DEFAULT;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per logged decision: id, time, strategy, facts.")
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin LogOption log;

    @Option(names = "--since", paramLabel = "DATE", description = "Only decisions on or after this date (YYYY-MM-DD, UTC).")
    LocalDate since;

    @Option(names = "--strategy", paramLabel = "S", description = "Only decisions that recommended strategy S.")
    String strategy;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AuditQueries.forEach(log.file, err, r -> {
        if (since != null && AuditQueries.timestamp(r) == null) {
          err.println("warning: " + log.file + ": record " + AuditRecord.id(r) + ": BAD_TIMESTAMP \""
              + r.path("timestamp").asText() + "\" is not an ISO-8601 instant: left out of --since");
        }
        if (AuditQueries.matches(r, since, strategy)) {
          out.printf("%s  %s  %-26s %s%n", AuditRecord.id(r), r.path("timestamp").asText(),
              r.path("strategy").asText(), r.path("factsOrigin").asText());
        }
      });
      out.flush();
      return ExitCode.OK.code;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one logged decision record as JSON.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin LogOption log;

    @Parameters(paramLabel = "ID", description = "Decision id (a unique prefix is enough).")
    String id;

    @Override
    public Integer call() throws Exception {
      JsonNode found = AuditQueries.find(log.file, id, spec.commandLine().getErr());
      PrintWriter out = spec.commandLine().getOut();
      out.println(Json.MAPPER.writeValueAsString(found));
      out.flush();
      return ExitCode.OK.code;
    }
  }
}
