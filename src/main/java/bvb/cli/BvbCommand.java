package bvb.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code bvb} command: only dispatches to subcommands. */
@Command(
    name = "bvb",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Build-vs-buy decisions for LLM workloads: rules from disk, facts from JSON, every firing audited.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:decided / rules OK / all samples passed",
      "1:internal error (a bug: run again with --debug)",
      "2:usage error",
      "3:rule files (DRL or decision tables) do not compile or break bvb's conventions, validate --lint finds a band gap or overlap, or the price catalog is invalid",
      "4:fact file unreadable or invalid",
      "5:rules gave no usable decision (rule loop, no recommendation)",
      "6:bvb test: a sample failed, the band lint found something, or an expectation file is invalid",
      "7:decision log missing, or no (unique) decision with that id",
      "8:bvb replay: some replayed decision differs from the logged one",
      "9:bvb decide: hard constraints exclude each other, no recommendation (escalate to the decision owner)",
      "10:standard output closed (e.g. | head) or not writable: the output is incomplete (bvb batch stops at once)"
    })
final class BvbCommand implements Runnable {
  /**
   * The subcommands, by name, in the order help lists them. Registered with picocli by {@link Main}:
   * all of them for help and usage errors, only the one named for a run, since building picocli's
   * model of every command costs a short command a noticeable share of its start-up.
   */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands(
      DecideCommand.class,
      ValidateCommand.class,
      TestCommand.class,
      RulesCommand.class,
      SchemaCommand.class,
      AuditCommand.class,
      ExplainCommand.class,
      ReplayCommand.class,
      TcoCommand.class,
      SensitivityCommand.class,
      SimulateCommand.class,
      PortfolioCommand.class,
      BatchCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      DaemonCommand.class,
      CompletionCommand.class);

  private static java.util.Map<String, Class<?>> subcommands(Class<?>... classes) {
    java.util.Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
    for (Class<?> c : classes) {
      byName.put(c.getAnnotation(Command.class).name(), c);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  final InputStream stdin;
  final Host host;

  @Spec CommandSpec spec;

  BvbCommand(InputStream stdin) {
    this(Host.inProcess(stdin));
  }

  BvbCommand(Host host) {
    this.stdin = host.stdin();
    this.host = host;
  }

  /** The host of the command this spec belongs to (its root is a BvbCommand), or this process's. */
  static Host host(CommandSpec spec) {
    return spec != null && spec.root().userObject() instanceof BvbCommand b ? b.host : Host.inProcess(System.in);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (decide, validate, test, schema)");
  }
}
