package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Where each decision record starts in a decision log, by id, so that a lookup reads one line
 * instead of the whole log. The index follows the file as it grows: each lookup first indexes the
 * lines appended since the last one (by any process), reading only each line's id. A log that
 * shrank or was replaced is indexed again from its start. An unfinished last line is indexed once
 * its line end is written.
 */
public final class AuditIndex {
  private final Path file;
  private final Consumer<AuditLog.Problem> problems;
  private final TreeMap<String, Long> offsets = new TreeMap<>();
  private Object fileKey;
  private long indexedTo;
  private int lines;

  /** An index of {@code file}; lines that are not records are reported to {@code problems} once each. */
  public AuditIndex(Path file, Consumer<AuditLog.Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** What a lookup found: the record, or why there is none. */
  public sealed interface Lookup permits Found, Missing, Ambiguous {}

  public record Found(JsonNode record) implements Lookup {}

  public record Missing() implements Lookup {}

  public record Ambiguous(List<String> ids) implements Lookup {}

  /** The record whose id is {@code id}, or else the only one whose id starts with it. */
  public synchronized Lookup find(String id) throws IOException {
    refresh();
    Long at = offsets.get(id);
    if (at == null) {
      NavigableMap<String, Long> prefixed = offsets.subMap(id, true, id + Character.MAX_VALUE, true);
      if (prefixed.size() > 1) {
        List<String> two = new ArrayList<>(prefixed.navigableKeySet()).subList(0, 2);
        return new Ambiguous(two);
      }
      if (prefixed.isEmpty()) {
        return new Missing();
      }
      at = prefixed.firstEntry().getValue();
    }
    JsonNode r = AuditLog.recordAt(file, at);
    return r == null ? new Missing() : new Found(r);
  }

  /** How many records are indexed (after the last lookup). */
  public synchronized int size() {
    return offsets.size();
  }

  private void refresh() throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      reset(null);
      return;
    }
    Object key = a.fileKey();
    if (!Objects.equals(key, fileKey) || a.size() < indexedTo) {
      reset(key);
    }
    if (a.size() == indexedTo) {
      return;
    }
    AuditLog.Visitor report = new AuditLog.Visitor() {
      @Override
      public void record(int line, long offset, JsonNode record) {}

      @Override
      public void problem(AuditLog.Problem p) {
        problems.accept(p);
      }
    };
    int[] count = {lines};
    indexedTo = AuditLog.lines(file, indexedTo, lines, (number, offset, bytes, length, last) -> {
      if (last) {
        return; // not finished yet: indexed once its line end is written
      }
      count[0] = number;
      String id = AuditLog.idOf(bytes, length);
      if (id == null) {
        AuditLog.parseLine(number, bytes, length, false, report);
      } else {
        offsets.putIfAbsent(id, offset);
      }
    }, report);
    lines = count[0];
  }

  private void reset(Object key) {
    offsets.clear();
    fileKey = key;
    indexedTo = 0;
    lines = 0;
  }

  /** For tests: the indexed offsets. */
  synchronized Map<String, Long> offsets() {
    return Map.copyOf(offsets);
  }
}
