package bvb.audit;

import bvb.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Decision records in PostgreSQL, for several {@code bvb serve} replicas sharing one history.
 * Each append is one INSERT in its own transaction (a record is stored whole or not at all); the
 * id is the table's unique key, so a second record with an id already stored is refused, never
 * stored twice; {@code seq} (a bigserial) keeps append order. The table is created and migrated
 * on open by the versioned SQL files under {@code bvb/audit/pg/}, under an advisory lock, so that
 * replicas starting together migrate once. Connections are kept in a small idle pool; one that
 * fails is dropped with every idle one, so that the next request reconnects (PostgreSQL restarted:
 * no restart of bvb needed).
 */
public final class PgAuditStore implements AuditStore {
  /** The versioned migrations, applied in order; each file's number is its schema version. */
  static final List<String> MIGRATIONS = List.of("V1__decisions.sql", "V2__record_lz4.sql");

  /** The advisory-lock key under which bvb migrates its tables ("bvbaudit" in ASCII). */
  static final long MIGRATION_LOCK = 0x6276626175646974L;

  /** Idle connections kept for the next append or lookup. */
  private static final int MAX_IDLE = 16;

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final String url;
  private final String name;
  private final Properties properties;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final AppendTimes appendTimes = new AppendTimes();

  private PgAuditStore(String url) {
    this.url = url;
    this.name = AuditStore.mask(url);
    this.properties = new Properties();
    // defaults a URL parameter of the same name overrides
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("loginTimeout", "5");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "bvb");
  }

  /** Connects to {@code url} and brings its tables to this bvb's schema version; fails naming the (masked) URL. */
  public static PgAuditStore open(String url) {
    PgAuditStore store = new PgAuditStore(url);
    Connection c = store.borrow();
    try {
      store.migrate(c);
      store.giveBack(c);
    } catch (SQLException | IOException e) {
      store.discard(c);
      throw store.failure("cannot set up the decision table", e);
    }
    return store;
  }

  @Override
  public String name() {
    return name;
  }

  /** The schema version the database is at (after {@link #open}, the newest this bvb knows). */
  int schemaVersion() {
    Connection c = borrow();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM bvb_schema_version")) {
      rs.next();
      int v = rs.getInt(1);
      giveBack(c);
      return v;
    } catch (SQLException e) {
      discard(c);
      throw failure("cannot read the schema version", e);
    }
  }

  private void migrate(Connection c) throws SQLException, IOException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")"); // held to commit: one replica migrates
      s.execute("CREATE TABLE IF NOT EXISTS bvb_schema_version ("
          + "version integer PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      int current;
      try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM bvb_schema_version")) {
        rs.next();
        current = rs.getInt(1);
      }
      if (current > MIGRATIONS.size()) {
        throw new AuditException(name + ": the decision table is at schema version " + current
            + ", newer than this bvb knows (" + MIGRATIONS.size() + "): use a newer bvb");
      }
      for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
        String script = MIGRATIONS.get(v - 1);
        s.execute(resource(script));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bvb_schema_version (version, script) VALUES (?, ?)")) {
          p.setInt(1, v);
          p.setString(2, script);
          p.executeUpdate();
        }
      }
      c.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String resource(String script) throws IOException {
    try (InputStream in = PgAuditStore.class.getResourceAsStream("/bvb/audit/pg/" + script)) {
      if (in == null) {
        throw new IOException("migration " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void append(JsonNode record) throws IOException {
    if (!appendIfAbsent(record)) {
      throw new AuditException(name + ": AUDIT-003 a decision with id " + AuditRecord.id(record)
          + " is already stored; nothing was appended");
    }
  }

  @Override
  public boolean appendIfAbsent(JsonNode record) throws IOException {
    String json = Json.COMPACT.writeValueAsString(record);
    long start = System.nanoTime();
    Connection c = borrow();
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO bvb_decisions (id, strategy, record) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      p.setString(1, AuditRecord.id(record));
      p.setString(2, record.path("strategy").asText());
      p.setString(3, json);
      int stored = p.executeUpdate(); // autocommit: one transaction, the whole row or nothing
      giveBack(c);
      appendTimes.add(System.nanoTime() - start);
      return stored == 1;
    } catch (SQLException e) {
      discard(c);
      throw failure("cannot append the decision record " + AuditRecord.id(record) + " (nothing was stored)", e);
    }
  }

  @Override
  public void forEach(PrintWriter err, AuditQueries.RecordConsumer each) throws IOException {
    Connection c = borrow();
    try {
      c.setAutoCommit(false); // a cursor: rows are fetched 256 at a time, memory stays flat
      try (PreparedStatement p = c.prepareStatement("SELECT seq, record FROM bvb_decisions ORDER BY seq")) {
        p.setFetchSize(256);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            JsonNode r = parse(rs.getLong(1), rs.getString(2), err);
            if (r != null) {
              each.accept(r);
            }
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
      giveBack(c);
    } catch (SQLException e) {
      discard(c);
      throw failure("cannot read the decision records", e);
    } catch (IOException | RuntimeException e) {
      discard(c);
      throw e;
    } finally {
      err.flush();
    }
  }

  /** The record in row {@code seq}, or null after a warning when it is not a decision record. */
  private JsonNode parse(long seq, String text, PrintWriter err) {
    JsonNode r;
    try {
      r = PLAIN.readTree(text);
    } catch (IOException e) {
      err.println("warning: " + name + ": row " + seq + ": NOT_A_RECORD not whole JSON: skipped");
      return null;
    }
    if (r == null || !r.isObject() || !AuditQueries.isDecision(r)) {
      err.println("warning: " + name + ": row " + seq + ": record " + (r == null ? "" : AuditRecord.id(r))
          + ": CORRUPT_RECORD whole JSON but not a decision record (no facts or decision): skipped");
      return null;
    }
    return r;
  }

  @Override
  public JsonNode find(String id, PrintWriter err) throws IOException {
    AuditIndex.Lookup found = lookup(id);
    if (found instanceof AuditIndex.Found f) {
      if (!AuditQueries.isDecision(f.record())) {
        throw new AuditException(name + ": AUDIT-002 record " + id + " is not a whole decision record");
      }
      return f.record();
    }
    throw new AuditException(name + ": AUDIT-002 "
        + (found instanceof AuditIndex.Ambiguous ? "several decisions match id " : "no decision with id ") + id);
  }

  @Override
  public AuditIndex.Lookup lookup(String id) throws IOException {
    Connection c = borrow();
    try {
      List<String[]> hits = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id, record FROM bvb_decisions WHERE id = ?")) {
        p.setString(1, id);
        collect(p, hits);
      }
      if (hits.isEmpty()) {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT id, record FROM bvb_decisions WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2")) {
          p.setString(1, id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
          collect(p, hits);
        }
      }
      giveBack(c);
      if (hits.size() > 1) {
        return new AuditIndex.Ambiguous(List.of(hits.get(0)[0], hits.get(1)[0]));
      }
      return hits.isEmpty() ? new AuditIndex.Missing() : new AuditIndex.Found(PLAIN.readTree(hits.get(0)[1]));
    } catch (SQLException e) {
      discard(c);
      throw failure("cannot look up decision " + id, e);
    }
  }

  private static void collect(PreparedStatement p, List<String[]> hits) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        hits.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
  }

  @Override
  public boolean contains(String id) throws IOException {
    Connection c = borrow();
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM bvb_decisions WHERE id = ?")) {
      p.setString(1, id);
      boolean found;
      try (ResultSet rs = p.executeQuery()) {
        found = rs.next();
      }
      giveBack(c);
      return found;
    } catch (SQLException e) {
      discard(c);
      throw failure("cannot look up decision " + id, e);
    }
  }

  /** An idle connection, or a new one; {@link AuditUnavailableException} naming the masked URL when none can be made. */
  private Connection borrow() {
    Connection c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      Connection made = new org.postgresql.Driver().connect(url, properties);
      if (made == null) {
        throw new AuditException(name + ": not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database?user=...)");
      }
      return made;
    } catch (SQLException e) {
      throw new AuditUnavailableException(name + ": cannot connect to PostgreSQL: " + scrub(e.getMessage()));
    }
  }

  private void giveBack(Connection c) {
    if (idle.size() < MAX_IDLE) {
      idle.offerFirst(c);
    } else {
      quietlyClose(c);
    }
  }

  /** Drops a connection that failed, and every idle one: after a server restart they are all dead. */
  private void discard(Connection c) {
    quietlyClose(c);
    for (Connection other; (other = idle.pollFirst()) != null; ) {
      quietlyClose(other);
    }
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      // it is being dropped
    }
  }

  /** Connection trouble (SQLState class 08, 57P: shutdown, 53: out of resources) is unavailability; the rest a failure. */
  private AuditException failure(String what, Exception e) {
    String state = e instanceof SQLException s ? s.getSQLState() : null;
    String message = name + ": " + what + ": " + scrub(e.getMessage());
    boolean unavailable = e instanceof SQLException
        && (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    return unavailable ? new AuditUnavailableException(message) : new AuditException(message);
  }

  /** A driver message, with the URL's password removed should it ever appear there. */
  private String scrub(String message) {
    if (message == null) {
      return "(no detail)";
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]+)").matcher(url);
    return m.find() ? message.replace(m.group(1), "***") : message;
  }

  @Override
  public String appendSummary() {
    return appendTimes.summary();
  }

  @Override
  public void close() {
    for (Connection c; (c = idle.pollFirst()) != null; ) {
      quietlyClose(c);
    }
  }
}
