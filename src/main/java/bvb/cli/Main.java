package bvb.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code. Holds no logic. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.log.org.drools", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.org.kie", "warn");
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err, System.in);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs bvb in-process with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    CommandLine cl = new CommandLine(new BvbCommand(in));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl.execute(args);
  }
}
