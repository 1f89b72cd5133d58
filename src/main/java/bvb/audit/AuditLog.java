package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision log: one JSON object per line. Appends are whole-or-nothing from the reader's view
 * (one write per record under an exclusive file lock, forced to disk); a torn last line left by a
 * killed writer is detected by {@link #read} and never glued to the next record.
 */
public final class AuditLog {
  /** Where {@code --audit} without a file writes, relative to the working directory. */
  public static final Path DEFAULT = Path.of(".bvb", "audit.jsonl");

  private static final ObjectMapper COMPACT = new ObjectMapper();

  private AuditLog() {}

  /** A log line that is not a whole record. */
  public record Problem(int line, String kind, String detail) {
    public String render(Path file) {
      return file + ":" + line + ": " + kind + " " + detail;
    }
  }

  /** Every whole record, in file order, and every line that is not one. */
  public record Scan(List<JsonNode> records, List<Problem> problems) {}

  /**
   * Appends one record, whole or not at all: a write that fails (disk full, I/O error) is cut back
   * to the file's length before it, under the same lock, and fails with an {@link AuditException}
   * naming the file (exit 7), as does a log that cannot be opened (a directory, no permission).
   */
  public static void append(Path file, JsonNode record) throws IOException {
    append(file, record, java.util.function.UnaryOperator.identity());
  }

  /** As above, writing through {@code writer}'s view of the locked channel (tests inject failures). */
  static void append(Path file, JsonNode record, java.util.function.UnaryOperator<FileChannel> writer) throws IOException {
    byte[] json = bvb.report.Json.COMPACT.writeValueAsBytes(record); // bvb's settings, one line
    if (Files.isDirectory(file)) {
      throw new AuditException(file + ": is a directory, not a decision log");
    }
    FileChannel opened;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new AuditException(file + ": cannot open the decision log: " + e.getMessage());
    }
    try (FileChannel real = opened; FileLock lock = real.lock()) {
      FileChannel ch = writer.apply(real);
      long end = ch.size();
      boolean tornTail = end > 0 && lastByte(ch, end) != '\n';
      ByteBuffer buf = ByteBuffer.allocate(json.length + 2);
      if (tornTail) {
        buf.put((byte) '\n'); // close the torn line so it stays detectable and this record stays whole
      }
      buf.put(json).put((byte) '\n').flip();
      try {
        long pos = end;
        while (buf.hasRemaining()) {
          pos += ch.write(buf, pos);
        }
        ch.force(true);
      } catch (IOException e) {
        // All or nothing: cut what this append wrote, under the same lock, before anyone reads it.
        String undone;
        try {
          ch.truncate(end);
          ch.force(true);
          undone = "the partial record was removed";
        } catch (IOException t) {
          undone = "removing the partial record failed too: " + t.getMessage();
        }
        throw new AuditException(file + ": cannot append the decision record: " + e.getMessage() + "; " + undone);
      }
    }
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    return one.get(0);
  }

  /** Longest log line read: a longer one means the file is no decision log, and reading stops there. */
  public static final int MAX_LINE_BYTES = 64 << 20;

  /**
   * Every whole record and every problem line, read line by line (never the whole file at once; a
   * line over {@link #MAX_LINE_BYTES} ends the scan with a problem, so an endless file ends too).
   */
  public static Scan read(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory, not a decision log");
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      int number = 0;
      int len;
      boolean tooLong = false;
      while (!tooLong && (len = in.read(buf)) >= 0) {
        int start = 0;
        for (int i = 0; i < len; i++) {
          if (buf[i] == '\n') {
            line.write(buf, start, i - start);
            start = i + 1;
            scanLine(++number, line, false, records, problems);
            line.reset();
          }
        }
        line.write(buf, start, len - start);
        if (line.size() > MAX_LINE_BYTES) {
          problems.add(new Problem(number + 1, "TOO_LONG",
              "a line longer than " + MAX_LINE_BYTES + " bytes: not a decision log; stopped reading here"));
          tooLong = true;
        }
      }
      if (!tooLong && line.size() > 0) {
        scanLine(++number, line, true, records, problems);
      }
    }
    return new Scan(List.copyOf(records), List.copyOf(problems));
  }

  private static void scanLine(int number, java.io.ByteArrayOutputStream bytes, boolean last, List<JsonNode> records,
      List<Problem> problems) {
    if (bytes.size() == 0) {
      return;
    }
    JsonNode n;
    try {
      n = COMPACT.readTree(bytes.toByteArray());
    } catch (IOException e) {
      // Only an interrupted append leaves a partial line: at the end (no line end yet), or
      // closed by a later append's leading newline.
      String kind = last ? "TORN_TAIL" : "TORN_RECORD";
      problems.add(new Problem(number, kind, "not a whole JSON record (" + bytes.size() + " bytes): skipped"));
      return;
    }
    if (n == null || !n.isObject() || !n.has("id")) {
      problems.add(new Problem(number, "NOT_A_RECORD", "whole JSON, but not a decision record: skipped"));
      return;
    }
    records.add(n);
  }
}
