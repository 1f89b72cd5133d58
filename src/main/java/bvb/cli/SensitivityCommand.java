package bvb.cli;

import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.Json;
import bvb.report.SensitivityHtml;
import bvb.report.SensitivityReport;
import bvb.uncertainty.Sensitivity;
import bvb.uncertainty.UncertainFacts;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bvb sensitivity FILE}: one-at-a-time swings of the ranged cost inputs of a fact file (a tornado). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = "For each ranged cost input: the swing of each strategy's horizon total between its low and high end (every other input at its point), "
        + "widest first (a tornado), and whether and where the recommendation flips inside the range.")
final class SensitivityCommand implements Callable<Integer> {
  @ParentCommand BvbCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "Fact file (JSON) with a tco section, or - for standard input.")
  String file;

  @Option(names = "--format", defaultValue = "text", description = "text, json, md or html (default: ${DEFAULT-VALUE}).")
  DecideCommand.Format format;

  @Override
  public Integer call() throws Exception {
    FactsLoader.Loaded facts = FactsLoader.load(file, parent.stdin);
    if (facts.facts().tco() == null) {
      throw new FactsException("FACTS-021", facts.origin(), "$.tco is required for bvb sensitivity", null);
    }
    Engine engine = common.engine();
    Decide.once(engine, facts); // a fact set the calculator or the rules reject fails here, as in decide
    Sensitivity s = Sensitivity.run(UncertainFacts.of(facts, engine), engine, LocalDate.now(ZoneOffset.UTC));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(Json.MAPPER.writeValueAsString(SensitivityReport.json(s, Versions.bvb())));
      case md -> SensitivityReport.markdown(s, out);
      case html -> SensitivityHtml.page(s, Versions.bvb(), out);
      case text -> SensitivityReport.text(s, out);
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
