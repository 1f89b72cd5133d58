package bvb.cli;

import bvb.facts.Schemas;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bvb schema}: print the JSON Schema of fact files, of the decision JSON or of the TCO report. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print a JSON Schema (draft 2020-12): of fact files (the default; the same as facts-samples/facts.schema.json),",
      "of the decision JSON (--decision) or of the TCO report (--tco). The service serves the same files at /schemas/."
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Which which;

  static final class Which {
    @Option(names = "--facts", description = "The fact file (the default).")
    boolean facts;

    @Option(names = "--decision", description = "The decision JSON of `decide --format json` and POST /v1/decisions.")
    boolean decision;

    @Option(names = "--tco", description = "The TCO report of `tco --format json` and POST /v1/tco.")
    boolean tco;
  }

  @Override
  public Integer call() {
    Schemas schema = which == null || which.facts ? Schemas.FACTS : which.decision ? Schemas.DECISION : Schemas.TCO;
    PrintWriter out = spec.commandLine().getOut();
    out.print(schema.text());
    out.flush();
    return ExitCode.OK.code;
  }
}
