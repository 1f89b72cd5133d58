package bvb.cli;

import bvb.batch.Batch;
import bvb.batch.BatchLine;
import bvb.report.Json;
import bvb.audit.AuditLog;
import bvb.audit.AuditRecord;
import bvb.scenario.Samples;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bvb batch FILE.jsonl|DIR|-}: many decisions on one compiled rule base, in input order. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Decide many fact sets: a JSONL file (one fact set per line), a directory of fact files, or - for stdin."
        + " Writes one JSON line per input in input order; a bad line is reported with its line number and the batch goes on."
        + " Exit 0 when every line was decided, 4 when any failed.")
final class BatchCommand implements Callable<Integer> {
  /** How much of each decision to write. */
  enum Output { full, summary }

  @ParentCommand BvbCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "INPUT", description = "FILE.jsonl, a directory of *.json fact files, or -.")
  String input;

  @Option(names = "--threads", defaultValue = "2", description = "Decision threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--fail-fast", description = "Stop at the first line that fails.")
  boolean failFast;

  @Option(names = "--output", defaultValue = "full", description = "full (the decide JSON) or summary (strategy, confidence, fired rule ids). Default: ${DEFAULT-VALUE}.")
  Output output;

  @Option(names = "--audit", paramLabel = "FILE", description = "Append every decision to this decision log.")
  Path audit;

  @Option(names = "--what-if", description = "Also decide each fact set again with every unknown fact the rules asked about, and find its tipping point (the whatIf field of the full output; many more decisions per line).")
  boolean whatIf;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    Batch batch = new Batch(common.engine(), threads, failFast, whatIf);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectWriter compact = Json.COMPACT;
    Progress progress = new Progress(err, parent.host.console());
    Batch.Summary s;
    java.util.function.Consumer<Batch.Outcome> sink = o -> {
      try {
        write(o, compact, out, err);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      progress.tick();
    };
    Path path = "-".equals(input) ? null : Path.of(input);
    if (path == null) {
      bvb.facts.FactsLoader.requireStdin();
    }
    if (path != null && Files.isDirectory(path)) {
      Iterator<Path> files = Samples.list(path).iterator();
      long[] n = {0};
      s = batch.run(() -> {
        if (!files.hasNext()) {
          return null;
        }
        Path f = files.next();
        byte[] bytes;
        try {
          bytes = bvb.facts.Bounded.read(f, bvb.facts.FactsLoader.MAX_BYTES);
        } catch (IOException e) {
          return new Batch.Item(++n[0], f.toString(), 0, null, "cannot be read: " + e.getMessage(), false);
        }
        if (bytes.length > bvb.facts.FactsLoader.MAX_BYTES) {
          return new Batch.Item(++n[0], f.toString(), 0, null,
              "is larger than " + bvb.facts.FactsLoader.MAX_BYTES + " bytes; not a fact file", false);
        }
        try {
          String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
          return new Batch.Item(++n[0], f.toString(), 0, text, null, false);
        } catch (java.nio.charset.CharacterCodingException e) {
          return new Batch.Item(++n[0], f.toString(), 0, null, "is not UTF-8 text: fact files must be UTF-8", false);
        }
      }, sink);
    } else if (path == null) {
      s = batch.run("<stdin>", parent.stdin, sink);
    } else {
      if (!Files.exists(path)) {
        throw new bvb.facts.FactsException("FACTS-001", input, "no such file", null);
      }
      try (InputStream in = Files.newInputStream(path)) {
        s = batch.run(input, in, sink);
      }
    }
    out.flush();
    progress.done();
    err.println("batch: " + s.decided() + " decided, " + s.failed() + " failed, " + s.blank() + " blank line(s) skipped");
    err.flush();
    return s.failed() == 0 ? ExitCode.OK.code : ExitCode.FACTS.code;
  }

  private void write(Batch.Outcome o, ObjectWriter compact, PrintWriter out, PrintWriter err) throws IOException {
    if (o.ok() && audit != null) {
      AuditLog.append(audit, AuditRecord.of(o.decision(), o.origin(), o.facts().getBytes(StandardCharsets.UTF_8),
          Versions.bvb(), Versions.drools(), Instant.now()));
    }
    if (!o.ok()) {
      err.println("error: " + o.problem());
    }
    out.println(compact.writeValueAsString(BatchLine.of(o, output == Output.full, Versions.bvb())));
  }

  /** Progress on stderr, once a second, only when stderr is a terminal. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long start = System.nanoTime();
    private long count;
    private long lastPrint = System.nanoTime();

    Progress(PrintWriter err, boolean on) {
      this.err = err;
      this.on = on;
    }

    void tick() {
      count++;
      if (on && System.nanoTime() - lastPrint > 1_000_000_000L) {
        lastPrint = System.nanoTime();
        double secs = (lastPrint - start) / 1e9;
        err.printf("\r%,d decided (%,.0f/s)", count, count / secs);
        err.flush();
      }
    }

    void done() {
      if (on) {
        err.println();
      }
    }
  }
}
