package bvb.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code. Holds no logic. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Everything {@link #main} does but exiting: runs on this process's stdin, stdout and stderr and
   * returns the exit code (a daemon's client calls it when no daemon can take the command).
   */
  public static int execute(String[] args) {
    Timings.mark("main");
    if (java.util.Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.log.org.drools", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.org.kie", "warn");
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err, System.in);
    out.flush();
    if ((out.checkError() || System.out.checkError()) && code == ExitCode.OK.code) {
      // e.g. stdout is /dev/full or a closed pipe: the output is lost, so the run did not succeed
      err.println("error: cannot write to standard output: the output is incomplete");
      code = ExitCode.OUTPUT.code;
    }
    Timings.mark("exit");
    err.flush();
    Timings.print(System.err);
    return code;
  }

  /** Runs bvb in-process with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return run(args, out, err, Host.inProcess(in));
  }

  /** Runs bvb with the given writers on what the host lends (a daemon's per-request stdin, rules, cancel); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Host host) {
    CommandLine cl = commandLine(args, host);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(
        host.terminal().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    try {
      return cl.execute(args);
    } catch (Error e) { // out of memory, stack overflow: one line, no stack trace
      err.println("error: internal: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
      err.flush();
      return ExitCode.INTERNAL.code;
    }
  }

  /**
   * The command line for these arguments: when the first one names a command, only that command is
   * registered (picocli builds its model of each registered command up front); for help, a
   * version or a usage error, all of them.
   */
  static CommandLine commandLine(String[] args, InputStream in) {
    return commandLine(args, Host.inProcess(in));
  }

  static CommandLine commandLine(String[] args, Host host) {
    CommandLine cl = new CommandLine(new BvbCommand(host));
    Class<?> named = args.length > 0 ? BvbCommand.SUBCOMMANDS.get(args[0]) : null;
    if (named != null) {
      cl.addSubcommand(args[0], named);
    } else {
      BvbCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      shareVersionAndExitCodes(sub, cl.getCommandSpec().usageMessage());
    }
    return cl;
  }

  /**
   * Every subcommand, at any depth, answers {@code --version} as {@code bvb --version} does and
   * ends its help with the top-level table of exit codes.
   */
  private static void shareVersionAndExitCodes(CommandLine cl, CommandLine.Model.UsageMessageSpec top) {
    cl.getCommandSpec().versionProvider(new Versions());
    cl.getCommandSpec().usageMessage().exitCodeListHeading(top.exitCodeListHeading()).exitCodeList(top.exitCodeList());
    for (CommandLine sub : cl.getSubcommands().values()) {
      shareVersionAndExitCodes(sub, top);
    }
  }
}
