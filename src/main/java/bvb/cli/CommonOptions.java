package bvb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that uses rules shares. */
final class CommonOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      description = "Directory of *.drl rule files, read at run time (default: ${DEFAULT-VALUE}).")
  Path rulesDir;

  @Option(names = "--debug", description = "On error, also print the stack trace (stderr).")
  boolean debug;
}
