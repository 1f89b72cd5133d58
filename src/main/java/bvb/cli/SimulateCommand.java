package bvb.cli;

import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.report.Json;
import bvb.report.SimulationHtml;
import bvb.report.SimulationReport;
import bvb.uncertainty.Simulation;
import bvb.uncertainty.UncertainFacts;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bvb simulate FILE}: Monte Carlo over the ranged cost inputs of a fact file. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Draw every ranged cost input (triangular on low/mode/high, uniform without a mode), price every strategy per draw, "
        + "and report P10/P50/P90 of each horizon total and saving, how often each option is cheapest after the 30% buffer and 20% guard, "
        + "and how often the rules recommend each strategy (over the first --decisions draws).")
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand BvbCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "Fact file (JSON) with a tco section, or - for standard input.")
  String file;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000", description = "Draws, 1 to 1,000,000 (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + Simulation.DEFAULT_SEED,
      description = "Seed of the random draws; the same seed gives the same figures (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--decisions", paramLabel = "M", defaultValue = "" + Simulation.DEFAULT_DECISIONS,
      description = "How many of the draws (the first ones) the rules decide, for the probability of each recommendation; 0 for costs only (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(names = "--format", defaultValue = "text", description = "text, json, md or html (default: ${DEFAULT-VALUE}).")
  DecideCommand.Format format;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || samples > Simulation.MAX_SAMPLES) {
      throw new ParameterException(spec.commandLine(), "--samples must be 1 to 1,000,000, got " + samples);
    }
    if (decisions < 0 || decisions > samples) {
      throw new ParameterException(spec.commandLine(), "--decisions must be 0 to --samples (" + samples + "), got " + decisions);
    }
    FactsLoader.Loaded facts = FactsLoader.load(file, parent.stdin);
    if (facts.facts().tco() == null) {
      throw new FactsException("FACTS-021", facts.origin(), "$.tco is required for bvb simulate", null);
    }
    Engine engine = common.engine();
    Decide.once(engine, facts); // a fact set the calculator or the rules reject fails here, as in decide
    Simulation s = Simulation.run(UncertainFacts.of(facts, engine), engine, samples, seed, decisions, LocalDate.now(ZoneOffset.UTC));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(Json.MAPPER.writeValueAsString(SimulationReport.json(s, Versions.bvb())));
      case md -> SimulationReport.markdown(s, out);
      case html -> SimulationHtml.page(s, Versions.bvb(), out);
      case text -> SimulationReport.text(s, out);
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
