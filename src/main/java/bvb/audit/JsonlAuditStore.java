package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The decision log as a JSONL file: {@link AuditLog}, {@link AuditQueries} and, for lookups, an {@link AuditIndex}. */
public final class JsonlAuditStore implements AuditStore {
  private final Path file;
  private final AuditIndex index;
  /** FileChannel locks are per process: appends from one process are serialized here, the file lock guards against others. */
  private final Object appendLock = new Object();
  private final AppendTimes appendTimes = new AppendTimes();

  /** A store over {@code file}; lines a lookup finds unreadable are reported to {@code warnings} once each. */
  public JsonlAuditStore(Path file, PrintWriter warnings) {
    this.file = file;
    this.index = new AuditIndex(file, p -> {
      warnings.println("warning: " + p.render(file));
      warnings.flush();
    });
  }

  public Path file() {
    return file;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void append(JsonNode record) throws IOException {
    long start = System.nanoTime();
    synchronized (appendLock) {
      AuditLog.append(file, record);
    }
    appendTimes.add(System.nanoTime() - start);
  }

  @Override
  public void forEach(PrintWriter err, AuditQueries.RecordConsumer each) throws IOException {
    AuditQueries.forEach(file, err, each);
  }

  @Override
  public JsonNode find(String id, PrintWriter err) throws IOException {
    return AuditQueries.find(file, id, err);
  }

  @Override
  public AuditIndex.Lookup lookup(String id) throws IOException {
    return index.find(id);
  }

  @Override
  public boolean contains(String id) throws IOException {
    return java.nio.file.Files.exists(file) && index.find(id) instanceof AuditIndex.Found f && AuditRecord.id(f.record()).equals(id);
  }

  @Override
  public String appendSummary() {
    return appendTimes.summary();
  }

  @Override
  public void close() {}
}
