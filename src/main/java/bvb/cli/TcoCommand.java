package bvb.cli;

import bvb.engine.Decision;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.Json;
import bvb.report.TcoText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bvb tco FILE}: the cost comparison of a fact file's tco section. */
@Command(name = "tco", mixinStandardHelpOptions = true,
    description = "Price every strategy in the fact file's tco section: monthly categories, one-time costs, horizon total, shares, buffered total, comparisons and break-even.")
final class TcoCommand implements Callable<Integer> {
  @ParentCommand BvbCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "Fact file (JSON) with a tco section, or - for standard input.")
  String file;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  DecideCommand.Format format;

  @Override
  public Integer call() throws Exception {
    FactsLoader.Loaded facts = FactsLoader.load(file, parent.stdin);
    if (facts.facts().tco() == null) {
      throw new FactsException("FACTS-021", facts.origin(), "$.tco is required for bvb tco", null);
    }
    Decision d = Decide.once(common.engine(), facts);
    PrintWriter out = spec.commandLine().getOut();
    if (format == DecideCommand.Format.json) {
      out.println(Json.MAPPER.writeValueAsString(d.tco()));
    } else {
      TcoText.write(d.tco(), out);
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
