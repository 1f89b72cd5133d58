package bvb.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A server on an ephemeral loopback port with its stderr captured, and a client for it. */
final class ServerHarness implements AutoCloseable {
  final StringWriter errText = new StringWriter();
  final PrintWriter err = new PrintWriter(errText, true);
  final RuleReloader reloader;
  final DecisionServer server;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  ServerHarness(Path rules, Path audit) throws Exception {
    this(rules, null, audit);
  }

  /** A server whose decisions go to {@code store} (a PostgreSQL one, say). */
  static ServerHarness withStore(Path rules, bvb.audit.AuditStore store) throws Exception {
    return new ServerHarness(rules, store, null);
  }

  private ServerHarness(Path rules, bvb.audit.AuditStore store, Path file) throws Exception {
    reloader = new RuleReloader(rules, null, 12, err);
    bvb.audit.AuditStore audit = file != null ? new bvb.audit.JsonlAuditStore(file, err) : store;
    server = DecisionServer.start(
        new DecisionServer.Config(new InetSocketAddress("127.0.0.1", 0), audit, 4, "test", "test"), reloader, err);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, byte[] body) throws Exception {
    return post(path, "application/json", body);
  }

  @Override
  public void close() {
    reloader.close();
    server.stop(Duration.ofSeconds(5));
  }
}
