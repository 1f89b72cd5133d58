package bvb.cli;

import bvb.engine.Decision;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.engine.Engine;
import bvb.report.Json;
import bvb.report.TcoHtml;
import bvb.report.TcoMarkdown;
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

  @Option(names = "--format", defaultValue = "text", description = "text, json, md (Markdown) or html (a self-contained page with charts) (default: ${DEFAULT-VALUE}).")
  DecideCommand.Format format;

  @Override
  public Integer call() throws Exception {
    FactsLoader.Loaded facts = FactsLoader.load(file, parent.stdin);
    if (facts.facts().tco() == null) {
      throw new FactsException("FACTS-021", facts.origin(), "$.tco is required for bvb tco", null);
    }
    Engine engine = common.engine();
    Decision d = Decide.once(engine, facts);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(Json.MAPPER.writeValueAsString(d.tco()));
      case md -> TcoMarkdown.document(d.name(), d.tco(), Decide.curve(engine, facts, d), out);
      case html -> TcoHtml.page(d.name(), d.tco(), Decide.curve(engine, facts, d), Versions.bvb(), out);
      case text -> TcoText.write(d.tco(), out);
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
