package bvb.cli;

import bvb.engine.Engine;
import bvb.portfolio.Portfolio;
import bvb.report.PortfolioHtml;
import bvb.report.PortfolioReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bvb portfolio DIR|FILE.jsonl}: many workloads decided and shown as one table. */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
    description = "Decide every fact file of a directory (or every line of a JSONL file) and show one table: recommendation, confidence, "
        + "the recommended option's and the API's monthly cost, the saving; totals by strategy; the next steps holding back the most decisions. "
        + "Unreadable workloads are reported by name (stderr) and the rest decided; exit 4 when any failed.")
final class PortfolioCommand implements Callable<Integer> {
  /** Output formats of portfolio. */
  enum Format { text, md, html, csv }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "DIR|FILE.jsonl", description = "A directory of fact files (*.json), or a JSONL file with one fact set a line.")
  Path input;

  @Option(names = "--format", defaultValue = "text", description = "text, md, html or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--what-if", description = "Also decide each workload's counterfactuals, so the next steps are ranked by how many decisions a missing fact can flip (slower).")
  boolean whatIf;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(input)) {
      throw new ParameterException(spec.commandLine(), "no such directory or file: " + input);
    }
    Engine engine = common.engine();
    Portfolio p = Portfolio.of(input, engine, LocalDate.now(ZoneOffset.UTC), whatIf);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case md -> PortfolioReport.markdown(p, out);
      case html -> PortfolioHtml.page(p, Versions.bvb(), out);
      case csv -> PortfolioReport.csv(p, out);
      case text -> PortfolioReport.text(p, out);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    p.failures().forEach(f -> err.println("error: " + (f.error().startsWith(f.workload()) ? "" : f.workload() + ": ") + f.error()));
    err.flush();
    return p.failures().isEmpty() ? ExitCode.OK.code : ExitCode.FACTS.code;
  }
}
