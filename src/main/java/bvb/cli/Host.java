package bvb.cli;

import bvb.client.Terminal;
import bvb.rules.RuleSet;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What the process running a command lends it: standard input, which of its outputs are terminals
 * (for progress lines and colour), the rule sets a resident bvb keeps compiled ({@code rules}, null in a one-shot
 * process: the on-disk compiled-rule cache is used), and whether the user gave up on the command
 * (Ctrl-C in a daemon's client; long-running loops such as {@code --watch} stop then).
 */
public record Host(InputStream stdin, Terminal terminal, Function<Path, RuleSet> rules, BooleanSupplier cancelled) {

  /** A one-shot process: its own stdin and terminal, the on-disk rule cache, never cancelled. */
  public static Host inProcess(InputStream stdin) {
    return new Host(stdin, Terminal.ofThisProcess(), null, () -> false);
  }
}
