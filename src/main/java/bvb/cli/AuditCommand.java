package bvb.cli;

import bvb.audit.AuditLog;
import bvb.audit.AuditQueries;
import bvb.audit.AuditRecord;
import bvb.audit.AuditStore;
import bvb.audit.AuditTransfer;
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
    description = "Read the decision log written by 'decide', 'batch' or 'serve' with --audit (a JSONL file or a PostgreSQL table). Torn or corrupt lines are reported on stderr with their line number.",
    subcommands = {AuditCommand.ListCmd.class, AuditCommand.Show.class, AuditCommand.Export.class, AuditCommand.Import.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "audit needs a subcommand: list, show, export or import");
  }

  static final class LogOption {
    @Option(names = "--audit", paramLabel = "FILE|URL",
        description = "Decision log: a JSONL file or jdbc:postgresql://host:port/db?user=... (default: $BVB_AUDIT_URL if set, else .bvb/audit.jsonl).")
    String target;

    /** The store named by --audit, else by BVB_AUDIT_URL, else the default file. */
    AuditStore open(CommandSpec spec) {
      return AuditStore.open(AuditStore.resolve(target, System.getenv(), AuditLog.DEFAULT.toString()), spec.commandLine().getErr());
    }
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
      try (AuditStore store = log.open(spec)) {
      store.forEach(err, r -> {
        if (since != null && AuditQueries.timestamp(r) == null) {
          err.println("warning: " + store.name() + ": record " + AuditRecord.id(r) + ": BAD_TIMESTAMP \""
              + r.path("timestamp").asText() + "\" is not an ISO-8601 instant: left out of --since");
        }
        if (AuditQueries.matches(r, since, strategy)) {
          out.printf("%s  %s  %-26s %s%n", AuditRecord.id(r), r.path("timestamp").asText(),
              r.path("strategy").asText(), r.path("factsOrigin").asText());
        }
      });
      }
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
      JsonNode found;
      try (AuditStore store = log.open(spec)) {
        found = store.find(id, spec.commandLine().getErr());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(Json.MAPPER.writeValueAsString(found));
      out.flush();
      return ExitCode.OK.code;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every logged decision, in append order, to a new JSONL file (the format of decide --audit).")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin LogOption log;

    @Option(names = "--to", required = true, paramLabel = "FILE.jsonl", description = "The file to write; it must not exist yet.")
    Path to;

    @Override
    public Integer call() throws Exception {
      int n;
      try (AuditStore store = log.open(spec)) {
        n = AuditTransfer.export(store, to, spec.commandLine().getErr());
        spec.commandLine().getOut().println("exported " + n + " decision(s) from " + store.name() + " to " + to);
      }
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Append the decisions of a JSONL file to the log named by --audit (or $BVB_AUDIT_URL), skipping ids it already holds: importing twice stores each once.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin LogOption log;

    @Parameters(paramLabel = "FILE.jsonl", description = "A decision log written by decide --audit or audit export.")
    Path from;

    @Override
    public Integer call() throws Exception {
      try (AuditStore store = log.open(spec)) {
        if (store instanceof bvb.audit.JsonlAuditStore j && j.file().toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), from + " is the log being imported into");
        }
        AuditTransfer.Imported r = AuditTransfer.importFile(from, store, spec.commandLine().getErr());
        spec.commandLine().getOut().println("imported " + r.imported() + " decision(s) into " + store.name() + ", "
            + r.alreadyPresent() + " already present (skipped)");
      }
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code;
    }
  }
}
