package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where decision records are kept: a JSONL file (the default) or a PostgreSQL table shared by
 * several {@code bvb serve} replicas. Both hand back the same records (the same JSON, the same
 * ids) in the order they were appended.
 */
public interface AuditStore extends AutoCloseable {
  /** The environment variable naming the store where {@code --audit} is not given. */
  String ENV = "BVB_AUDIT_URL";

  /** What names a PostgreSQL store. */
  String JDBC_PREFIX = "jdbc:postgresql:";

  /** The store's name for messages: the file, or the URL with its password masked. */
  String name();

  /** Appends one record, whole or not at all; fails with an {@link AuditException} naming the store. */
  void append(JsonNode record) throws IOException;

  /** Hands every decision record to {@code each} in append order, reporting unreadable ones on {@code err}. */
  void forEach(PrintWriter err, AuditQueries.RecordConsumer each) throws IOException;

  /** The one decision whose id is {@code id} or starts with it; AUDIT-001/002 otherwise. */
  JsonNode find(String id, PrintWriter err) throws IOException;

  /** As {@link #find}, for a server: the record, or why there is none, without throwing for a miss. */
  AuditIndex.Lookup lookup(String id) throws IOException;

  /** Whether a record with exactly this id is stored. */
  boolean contains(String id) throws IOException;

  /** Appends the record unless one with its id is stored already: false then, and nothing is written. */
  default boolean appendIfAbsent(JsonNode record) throws IOException {
    if (contains(AuditRecord.id(record))) {
      return false;
    }
    append(record);
    return true;
  }

  /** How long this process's appends took, or null before the first. */
  default String appendSummary() {
    return null;
  }

  @Override
  void close();

  /** A file or PostgreSQL store: {@code jdbc:postgresql:...} names a database, anything else a file. */
  static AuditStore open(String target, PrintWriter warnings) {
    if (target.startsWith(JDBC_PREFIX)) {
      return PgAuditStore.open(target);
    }
    return new JsonlAuditStore(Path.of(target), warnings);
  }

  /** Whether {@code target} names a PostgreSQL store. */
  static boolean isJdbc(String target) {
    return target != null && target.startsWith(JDBC_PREFIX);
  }

  /**
   * The store to read or write: {@code option} (the {@code --audit} value) if given, else
   * {@link #ENV} from {@code env} if set and not blank, else {@code fallback}.
   */
  static String resolve(String option, Map<String, String> env, String fallback) {
    if (option != null) {
      return option;
    }
    String fromEnv = env.get(ENV);
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : fallback;
  }

  /** {@code url} with the value of every password parameter (and of a user:password@ part) masked. */
  static String mask(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
  }
}
