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

  public static void append(Path file, JsonNode record) throws IOException {
    byte[] json = bvb.report.Json.COMPACT.writeValueAsBytes(record); // bvb's settings, one line
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      long end = ch.size();
      boolean tornTail = end > 0 && lastByte(ch, end) != '\n';
      ByteBuffer buf = ByteBuffer.allocate(json.length + 2);
      if (tornTail) {
        buf.put((byte) '\n'); // close the torn line so it stays detectable and this record stays whole
      }
      buf.put(json).put((byte) '\n').flip();
      long pos = end;
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      ch.force(true);
    }
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    return one.get(0);
  }

  public static Scan read(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean last = i == lines.length - 1;
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = COMPACT.readTree(line);
        if (n == null || !n.isObject() || !n.has("id")) {
          throw new IOException("not a decision record");
        }
        records.add(n);
      } catch (IOException e) {
        // Only an interrupted append leaves a partial line: at the end (no line end yet), or
        // closed by a later append's leading newline.
        String kind = last ? "TORN_TAIL" : "TORN_RECORD";
        problems.add(new Problem(i + 1, kind, "not a whole JSON record (" + line.length() + " bytes): skipped"));
      }
    }
    return new Scan(List.copyOf(records), List.copyOf(problems));
  }
}
