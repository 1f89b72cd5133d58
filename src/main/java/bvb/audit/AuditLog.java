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

  /** What a streaming read hands over: each whole record with where it starts, and each problem line. */
  public interface Visitor {
    /** One whole decision-log record, from the line {@code line} that starts at byte {@code offset}. */
    void record(int line, long offset, JsonNode record) throws IOException;

    /** A line that is not a whole record. */
    void problem(Problem p);
  }

  /**
   * Every whole record and every problem line, read line by line (never the whole file at once; a
   * line over {@link #MAX_LINE_BYTES} ends the scan with a problem, so an endless file ends too).
   * Holds every record: for big logs use {@link #stream}.
   */
  public static Scan read(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    stream(file, new Visitor() {
      @Override
      public void record(int line, long offset, JsonNode record) {
        records.add(record);
      }

      @Override
      public void problem(Problem p) {
        problems.add(p);
      }
    });
    return new Scan(List.copyOf(records), List.copyOf(problems));
  }

  /** Reads the log line by line, handing each record to {@code visitor}: memory stays flat in the log's size. */
  public static void stream(Path file, Visitor visitor) throws IOException {
    lines(file, 0, 0, (number, offset, bytes, length, last) -> {
      JsonNode n = parseLine(number, bytes, length, last, visitor);
      if (n != null) {
        visitor.record(number, offset, n);
      }
    }, visitor);
  }

  /** A raw line of the log: its number, its first byte's offset, its bytes (without the line end). */
  public interface LineHandler {
    void line(int number, long offset, byte[] bytes, int length, boolean last) throws IOException;
  }

  /**
   * Hands every non-empty line from byte {@code from} on (a line start; {@code firstLine} is the
   * number of the line before it) to {@code handler}, reading 64 KB at a time. A line over
   * {@link #MAX_LINE_BYTES} is reported to {@code problems} and ends the read. Returns the offset
   * after the last line end read: an unterminated last line (a torn tail, or an append under way)
   * is handed over with {@code last} set, but not counted.
   */
  public static long lines(Path file, long from, int firstLine, LineHandler handler, Visitor problems) throws IOException {
    if (Files.isDirectory(file)) {
      throw new AuditException(file + ": is a directory, not a decision log");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(from);
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      byte[] line = new byte[1 << 12];
      int used = 0;
      long lineStart = from;
      long pos = from;
      int number = firstLine;
      while (ch.read(buf) >= 0) {
        buf.flip();
        byte[] chunk = buf.array();
        int len = buf.limit();
        int start = 0;
        for (int i = 0; i < len; i++) {
          if (chunk[i] == '\n') {
            line = append(line, used, chunk, start, i - start);
            used += i - start;
            number++;
            if (used > 0) {
              handler.line(number, lineStart, line, used, false);
            }
            used = 0;
            start = i + 1;
            lineStart = pos + start;
          }
        }
        if (used + (len - start) > MAX_LINE_BYTES) {
          problems.problem(new Problem(number + 1, "TOO_LONG",
              "a line longer than " + MAX_LINE_BYTES + " bytes: not a decision log; stopped reading here"));
          return lineStart;
        }
        line = append(line, used, chunk, start, len - start);
        used += len - start;
        pos += len;
        buf.clear();
      }
      if (used > 0) {
        handler.line(number + 1, lineStart, line, used, true);
      }
      return lineStart;
    }
  }

  private static byte[] append(byte[] line, int used, byte[] src, int from, int n) {
    if (used + n > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, used + n));
    }
    System.arraycopy(src, from, line, used, n);
    return line;
  }

  /** The record on one line, or null after reporting the problem to {@code problems}. */
  static JsonNode parseLine(int number, byte[] bytes, int length, boolean last, Visitor problems) {
    JsonNode n;
    try {
      n = COMPACT.readTree(bytes, 0, length);
    } catch (IOException e) {
      // Only an interrupted append leaves a partial line: at the end (no line end yet), or
      // closed by a later append's leading newline.
      problems.problem(new Problem(number, last ? "TORN_TAIL" : "TORN_RECORD",
          "not a whole JSON record (" + length + " bytes): skipped"));
      return null;
    }
    if (n == null || !n.isObject() || !n.hasNonNull("id")) {
      problems.problem(new Problem(number, "NOT_A_RECORD", "whole JSON, but not a decision record: skipped"));
      return null;
    }
    return n;
  }

  /**
   * The {@code id} of the record on a line, read with a streaming parser (no tree is built), or
   * null when the line is not one whole JSON object with a textual id at its top level.
   */
  public static String idOf(byte[] bytes, int length) {
    try (com.fasterxml.jackson.core.JsonParser p = COMPACT.getFactory().createParser(bytes, 0, length)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return null;
      }
      String id = null;
      for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken v = p.nextToken();
        if (name.equals("id") && v == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          id = p.getText();
        }
        p.skipChildren(); // still read to the end: a torn line must not pass for a record
      }
      return p.currentToken() == com.fasterxml.jackson.core.JsonToken.END_OBJECT && p.nextToken() == null ? id : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The record on the line that starts at {@code offset}, or null when that line is not one. */
  public static JsonNode recordAt(Path file, long offset) throws IOException {
    JsonNode[] found = new JsonNode[1];
    Visitor quiet = new Visitor() {
      @Override
      public void record(int line, long o, JsonNode record) {}

      @Override
      public void problem(Problem p) {}
    };
    try {
      lines(file, offset, 0, (number, o, bytes, length, last) -> {
        found[0] = parseLine(number, bytes, length, last, quiet);
        throw new StopRead();
      }, quiet);
    } catch (StopRead stop) {
      // read one line only
    }
    return found[0];
  }

  private static final class StopRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopRead() {
      super(null, null, false, false);
    }
  }
}
