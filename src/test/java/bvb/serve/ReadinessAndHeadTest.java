package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server listens before its rules load, says when it is ready, and answers HEAD on every GET route. */
class ReadinessAndHeadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SC05 = Path.of("facts-samples/sc-05-company-b.json");

  @TempDir Path tmp;

  private final StringWriter errText = new StringWriter();
  private final PrintWriter err = new PrintWriter(errText, true);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> send(DecisionServer s, String method, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path));
    if (method.equals("POST")) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(SC05));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(DecisionServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.address().getPort() + path);
  }

  private DecisionServer listening(Path audit) throws Exception {
    return DecisionServer.listen(new DecisionServer.Config(new InetSocketAddress("127.0.0.1", 0),
        audit == null ? null : new bvb.audit.JsonlAuditStore(audit, err), 2, "test", "test"), err);
  }

  @Test
  void readyzIs503UntilTheRulesAreLoadedAndWarmedUpThen200WhileHealthzIs200Throughout() throws Exception {
    Path rules = TestRules.copyTo(Files.createDirectories(tmp.resolve("rules")));
    try (DecisionServer s = listening(null)) {
      // listening, no rules yet: alive, not ready, no decisions
      assertEquals(200, send(s, "GET", "/healthz").statusCode());
      HttpResponse<String> loading = send(s, "GET", "/readyz");
      assertEquals(503, loading.statusCode());
      assertEquals("loading rules", JSON.readTree(loading.body()).path("status").asText());
      assertEquals("1", loading.headers().firstValue("Retry-After").orElse(""));
      HttpResponse<String> early = send(s, "POST", "/v1/decisions");
      assertEquals(503, early.statusCode());
      assertEquals("NOT_READY", JSON.readTree(early.body()).path("code").asText());
      assertEquals(503, send(s, "GET", "/v1/rules").statusCode());
      assertEquals(200, send(s, "GET", "/metrics").statusCode());

      try (RuleReloader reloader = new RuleReloader(rules, null, 12, err)) {
        s.serve(reloader);
        // rules loaded, warming up: decisions are answered, readiness still 503
        HttpResponse<String> warming = send(s, "GET", "/readyz");
        assertEquals(503, warming.statusCode());
        assertEquals("warming up", JSON.readTree(warming.body()).path("status").asText());
        assertEquals(200, send(s, "POST", "/v1/decisions").statusCode());

        s.ready();
        HttpResponse<String> ready = send(s, "GET", "/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("ready", JSON.readTree(ready.body()).path("status").asText());
        assertEquals(reloader.current().ruleSetHash(), JSON.readTree(ready.body()).path("ruleSetSha256").asText());
        assertEquals(200, send(s, "GET", "/healthz").statusCode());
      }
    }
  }

  @Test
  void warmUpRequestsAreDecidedButNeitherAuditedNorCounted() throws Exception {
    Path facts = Files.createDirectories(tmp.resolve("facts"));
    Files.copy(SC05, facts.resolve("b.json"));
    Path audit = tmp.resolve("audit.jsonl");
    Warmup warmup = Warmup.of(facts, 20, err);
    try (RuleReloader reloader = new RuleReloader(Path.of("rules"), null, 12, err); DecisionServer s = listening(audit)) {
      s.serve(reloader);
      Warmup.Result r = warmup.runOverHttp(s, 2);
      assertEquals(20, r.decided());
      assertEquals(0, r.failed(), errText.toString());
      assertFalse(Files.exists(audit) && Files.size(audit) > 0, "warm-up decisions are not audited");
      assertTrue(reloader.recentFacts().snapshot().isEmpty(), "warm-up requests are not traffic");
      String metrics = send(s, "GET", "/metrics").body();
      assertFalse(metrics.contains("bvb_decisions_total{"), metrics);

      assertEquals(200, send(s, "POST", "/v1/decisions").statusCode());
      assertEquals(1, Files.readAllLines(audit).size());
    }
  }

  @Test
  void headOnEveryGetRouteGivesTheGetStatusAndHeadersWithoutABody() throws Exception {
    try (ServerHarness h = new ServerHarness(Path.of("rules"), null)) {
      DecisionServer s = h.server;
      for (String path : List.of("/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/rules", "/v1/decisions/abc", "/nowhere")) {
        HttpResponse<String> get = send(s, "GET", path);
        HttpResponse<String> head = send(s, "HEAD", path);
        assertEquals(get.statusCode(), head.statusCode(), path);
        assertEquals("", head.body(), path);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
        if (!path.equals("/metrics")) { // the metrics change between the two requests
          assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
              head.headers().firstValue("Content-Length").orElse(""), path);
        }
      }
      HttpResponse<String> post = send(s, "HEAD", "/v1/decisions");
      assertEquals(405, post.statusCode());
      assertEquals("POST", post.headers().firstValue("Allow").orElse(""));
      HttpResponse<String> put = send(s, "PUT", "/healthz");
      assertEquals(405, put.statusCode());
      assertEquals("GET, HEAD", put.headers().firstValue("Allow").orElse(""));
      assertFalse(h.errText.toString().contains("not delivered"), h.errText.toString());
    }
  }
}
