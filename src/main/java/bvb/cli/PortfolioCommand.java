package bvb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bvb portfolio DIR|FILE.jsonl}: many workloads in one table. */
@Command(name = "portfolio", mixinStandardHelpOptions = true, description = "Decide many workloads and show them in one table.")
final class PortfolioCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.OK.code;
  }
}
