package bvb.cli;

import bvb.engine.EngineException;
import bvb.engine.RuleLoopException;
import bvb.facts.FactsException;
import bvb.rules.RuleError;
import bvb.rules.RulesException;
import bvb.scenario.ExpectationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps every user-facing error to its message and exit code: the one place this happens. */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    ExitCode code = report(ex, err);
    if (debug(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code.code;
  }

  static ExitCode report(Exception ex, PrintWriter err) {
    if (ex instanceof picocli.CommandLine.ParameterException p) {
      err.println("error: " + p.getMessage());
      return ExitCode.USAGE;
    }
    if (ex instanceof FactsException f) {
      err.println("error: " + f.render());
      return ExitCode.FACTS;
    }
    if (ex instanceof RulesException r) {
      for (RuleError e : r.errors()) {
        err.println("error: " + e.render());
      }
      err.println(r.errors().size() + " rule error(s): no decision made");
      return ExitCode.RULES;
    }
    if (ex instanceof bvb.catalog.CatalogException c) {
      err.println("error: " + c.getMessage());
      return ExitCode.RULES;
    }
    if (ex instanceof bvb.tco.TcoInputException t) {
      err.println("error: " + t.getMessage());
      return ExitCode.FACTS;
    }
    if (ex instanceof RuleLoopException || ex instanceof EngineException || ex instanceof bvb.engine.DecisionTimeoutException) {
      err.println("error: ENGINE " + ex.getMessage());
      return ExitCode.ENGINE;
    }
    if (ex instanceof ExpectationException e) {
      err.println("error: " + e.getMessage());
      return ExitCode.SAMPLES;
    }
    if (ex instanceof bvb.audit.AuditException a) {
      err.println("error: " + a.getMessage());
      return ExitCode.AUDIT;
    }
    err.println("error: internal: " + ex + " (run with --debug for the stack trace)");
    return ExitCode.INTERNAL;
  }

  private static boolean debug(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }
}
