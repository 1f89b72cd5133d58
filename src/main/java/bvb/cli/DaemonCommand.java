package bvb.cli;

import bvb.client.Daemons;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bvb daemon status|stop}: the resident bvbs of this user (the launcher's client answers these itself). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = "status: list this user's resident bvbs (pid, directory, age, memory); stop: stop them all."
        + " target/bvb hands decide, validate, test, tco, batch, schema, audit, explain and replay to a resident bvb,"
        + " starting one after the first command; --no-daemon or BVB_NO_DAEMON=1 runs in-process instead.")
final class DaemonCommand implements Callable<Integer> {
  /** What to do. */
  enum Action { status, stop }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ACTION", description = "status or stop.")
  Action action;

  @Override
  public Integer call() {
    java.io.PrintWriter out = spec.commandLine().getOut();
    return action == Action.stop ? Daemons.stop(out) : Daemons.status(out);
  }
}
