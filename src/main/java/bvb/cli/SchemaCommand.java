package bvb.cli;

import bvb.facts.FactSchema;
import bvb.report.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bvb schema}: print the JSON Schema of fact files. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of fact files (the same as facts-samples/facts.schema.json).")
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.MAPPER.writeValueAsString(FactSchema.generate()));
    out.flush();
    return ExitCode.OK.code;
  }
}
