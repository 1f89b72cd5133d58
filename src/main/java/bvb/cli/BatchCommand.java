package bvb.cli;

import bvb.batch.Batch;
import bvb.batch.BatchLine;
import bvb.report.Json;
import bvb.audit.AuditLog;
import bvb.audit.AuditRecord;
import bvb.audit.AuditStore;
import bvb.scenario.Samples;
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
        + " For a directory each line names its file in \"source\"."
        + " Progress (count, total and time left when known) goes to stderr when it is a terminal."
        + " Exit 0 when every line was decided, 4 when any failed, 10 when standard output was closed (e.g. | head): the batch stops at once.")
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

  @Option(
      names = "--audit",
      paramLabel = "FILE|URL",
      arity = "0..1",
      fallbackValue = "",
      description = "Append every decision to this log, before its output line: a JSONL file or jdbc:postgresql://host:port/db?user=..."
          + " (given without one: $BVB_AUDIT_URL if set, else .bvb/audit.jsonl). The log is opened once, before any line is decided"
          + " (a database that cannot be reached: exit 7, nothing decided); an append that fails stops the batch with exit 7."
          + " Lines that fail append nothing.")
  String audit;

  @Option(names = "--what-if", description = "Also decide each fact set again with every unknown fact the rules asked about, and find its tipping point (the whatIf field of the full output; many more decisions per line).")
  boolean whatIf;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path path = "-".equals(input) ? null : Path.of(input);
    if (path == null) {
      bvb.facts.FactsLoader.requireStdin();
    } else if (!Files.exists(path)) {
      throw new bvb.facts.FactsException("FACTS-001", input, "no such file", null);
    }
    // opened once for the whole run, before the rule base and the first decision: a database that
    // cannot be reached ends the batch here (exit 7, naming the masked URL) with nothing decided
    String target = audit == null ? null
        : AuditStore.resolve(audit.isEmpty() ? null : audit, System.getenv(), AuditLog.DEFAULT.toString());
    try (AuditStore store = target == null ? null : AuditStore.open(target, err)) {
      return run(store, out, err, path);
    }
  }

  private int run(AuditStore store, PrintWriter out, PrintWriter err, Path path) throws Exception {
    // a summary that goes to no log shows the fired rule ids only: the firings need not keep what they matched
    boolean brief = output == Output.summary && store == null && !whatIf;
    Batch batch = new Batch(common.engine(), threads, failFast, whatIf, brief);
    boolean dir = path != null && Files.isDirectory(path);
    java.util.List<Path> files = dir ? Samples.list(path) : java.util.List.of();
    boolean progressOn = parent.host.terminal().stderr();
    // the total, when it can be counted: the files of a directory, the lines of a file (counted
    // only for a progress line); none for stdin
    long total = dir ? files.size() : progressOn && path != null ? lines(path) : -1;
    Progress progress = new Progress(err, progressOn, total);
    long[] written = {0};
    java.util.function.Consumer<Batch.Outcome> sink = o -> {
      write(o, store, out, err, dir);
      if (out.checkError()) { // closed (e.g. `| head -1`) or full: nothing more can be delivered
        throw new OutputFailed();
      }
      written[0]++;
      progress.tick();
    };
    Batch.Summary s;
    try {
      if (dir) {
        Iterator<Path> it = files.iterator();
        long[] n = {0};
        s = batch.run(() -> it.hasNext() ? item(++n[0], it.next()) : null, sink);
      } else if (path == null) {
        s = batch.run("<stdin>", parent.stdin, sink);
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          s = batch.run(input, in, sink);
        }
      }
    } catch (OutputFailed e) {
      progress.done();
      err.println("error: cannot write to standard output: batch stopped after " + written[0] + " line(s)");
      err.flush();
      return ExitCode.OUTPUT.code;
    }
    out.flush();
    progress.done();
    err.println("batch: " + s.decided() + " decided, " + s.failed() + " failed, " + s.blank() + " blank line(s) skipped");
    err.flush();
    return s.failed() == 0 ? ExitCode.OK.code : ExitCode.FACTS.code;
  }

  /** Thrown from the sink once standard output cannot be written: the batch stops at once. */
  private static final class OutputFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputFailed() {
      super("standard output cannot be written", null, false, false);
    }
  }

  /** One fact file of a directory, read to at most the fact-file limit. */
  private static Batch.Item item(long n, Path f) {
    byte[] bytes;
    try {
      bytes = bvb.facts.Bounded.read(f, bvb.facts.FactsLoader.MAX_BYTES);
    } catch (IOException e) {
      return new Batch.Item(n, f.toString(), 0, null, "cannot be read: " + e.getMessage(), false);
    }
    if (bytes.length > bvb.facts.FactsLoader.MAX_BYTES) {
      return new Batch.Item(n, f.toString(), 0, null,
          "is larger than " + bvb.facts.FactsLoader.MAX_BYTES + " bytes; not a fact file", false);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return new Batch.Item(n, f.toString(), 0, text, null, false);
    } catch (java.nio.charset.CharacterCodingException e) {
      return new Batch.Item(n, f.toString(), 0, null, "is not UTF-8 text: fact files must be UTF-8", false);
    }
  }

  /** Non-blank lines of a JSONL file, for the progress line's total (-1 if it cannot be read). */
  private static long lines(Path file) {
    try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      return r.lines().filter(l -> !l.isBlank()).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private void write(Batch.Outcome o, AuditStore store, PrintWriter out, PrintWriter err, boolean withSource) {
    try {
      writeOrFail(o, store, out, err, withSource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends a decided line to the store (when there is one) and only then writes its output line:
   * an append that fails (an {@link bvb.audit.AuditException} naming the log) stops the batch with
   * that line unwritten, so every line written was logged.
   */
  private void writeOrFail(Batch.Outcome o, AuditStore store, PrintWriter out, PrintWriter err, boolean withSource) throws IOException {
    if (o.ok() && store != null) {
      store.append(AuditRecord.of(o.decision(), o.origin(), o.facts().getBytes(StandardCharsets.UTF_8),
          Versions.bvb(), Versions.drools(), Instant.now()));
    }
    if (!o.ok()) {
      err.println("error: " + o.problem());
    }
    out.println(Json.COMPACT.writeValueAsString(BatchLine.of(o, output == Output.full, Versions.bvb(), withSource)));
  }

  /**
   * Progress on stderr, once a second and when done, only when stderr is a terminal: the count,
   * and with a known total the count of the total and an estimate of the time left.
   */
  static final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long total;
    private final long start = System.nanoTime();
    private long count;
    private long lastPrint = System.nanoTime();

    /** {@code total}: the number of inputs, or -1 when it is not known. */
    Progress(PrintWriter err, boolean on, long total) {
      this.err = err;
      this.on = on;
      this.total = total;
    }

    void tick() {
      count++;
      if (on && System.nanoTime() - lastPrint > 1_000_000_000L) {
        lastPrint = System.nanoTime();
        err.print(String.format("\r%-60s", line(count, total, (lastPrint - start) / 1e9)));
        err.flush();
      }
    }

    void done() {
      if (on) {
        err.println(String.format("\r%-60s", line(count, total, (System.nanoTime() - start) / 1e9)));
        err.flush();
      }
    }

    /** e.g. "1,200/8,000 decided, 950/s, about 7 s left" or, without a total, "1,200 decided, 950/s". */
    static String line(long count, long total, double seconds) {
      double rate = seconds > 0 ? count / seconds : 0;
      if (total < 0) {
        return String.format(java.util.Locale.ROOT, "%,d decided, %,.0f/s", count, rate);
      }
      String left = rate > 0 && count < total
          ? String.format(java.util.Locale.ROOT, ", about %,.0f s left", (total - count) / rate) : "";
      return String.format(java.util.Locale.ROOT, "%,d/%,d decided, %,.0f/s%s", count, total, rate, left);
    }
  }
}
