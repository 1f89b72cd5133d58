package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.AuditLog;
import bvb.audit.AuditRecord;
import bvb.cli.Main;
import bvb.facts.FactsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and limit of bvb serve, over real HTTP on an ephemeral loopback port. */
class DecisionServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SC05 = Path.of("facts-samples/sc-05-company-b.json");
  static final Path TCO = Path.of("facts-samples/sc-01-chatbot.json");

  @TempDir static Path tmp;
  static ServerHarness s;
  static Path audit;

  @BeforeAll
  static void start() throws Exception {
    audit = tmp.resolve("audit.jsonl");
    s = new ServerHarness(Path.of("rules"), audit);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  record Cli(int code, String out, String err) {}

  static Cli cli(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new Cli(code, out.toString(), err.toString());
  }

  static String ruleSet(HttpResponse<?> r) {
    return r.headers().firstValue(DecisionServer.RULE_SET_HEADER).orElse(null);
  }

  @Test
  void servesOnLoopbackOnly() {
    assertTrue(s.server.address().getAddress().isLoopbackAddress());
  }

  @Test
  void decisionIsTheCliJsonCompactedAndNamesItsRuleSet() throws Exception {
    HttpResponse<String> r = s.postJson("/v1/decisions", Files.readAllBytes(SC05));
    assertEquals(200, r.statusCode(), r.body());
    Cli c = cli("", "decide", SC05.toString(), "--format", "json", "--no-what-if");
    assertEquals(0, c.code(), c.err());
    JsonNode cliJson = JSON.readTree(c.out().replace("\"bvbVersion\" : \"0.1.0\"", "\"bvbVersion\" : \"test\""));
    // The same fields in the same order, written on one line.
    assertEquals(JSON.writeValueAsString(cliJson) + "\n", r.body());
    assertEquals(1, r.body().lines().count());
    JsonNode j = JSON.readTree(r.body());
    assertEquals("SELF_HOST_FINE_TUNED", j.at("/recommendation/strategy").asText());
    assertEquals(j.at("/ruleSet/sha256").asText(), ruleSet(r));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void counterfactualsOnlyWhenAskedAndTheSameAsTheCli() throws Exception {
    HttpResponse<String> plain = s.postJson("/v1/decisions", Files.readAllBytes(SC05));
    assertTrue(JSON.readTree(plain.body()).get("whatIf").isNull(), "no what-if unless asked");
    HttpResponse<String> asked = s.postJson("/v1/decisions?whatIf=true", Files.readAllBytes(SC05));
    assertEquals(200, asked.statusCode(), asked.body());
    Cli c = cli("", "decide", SC05.toString(), "--format", "json");
    assertEquals(0, c.code(), c.err());
    assertEquals(JSON.readTree(c.out()).get("whatIf"), JSON.readTree(asked.body()).get("whatIf"));
    assertEquals(400, s.postJson("/v1/decisions?whatIf=maybe", Files.readAllBytes(SC05)).statusCode());
  }

  @Test
  void auditedDecisionIsAppendedBeforeTheResponseAndServedById() throws Exception {
    HttpResponse<String> r = s.postJson("/v1/decisions", Files.readAllBytes(SC05));
    assertEquals(200, r.statusCode());
    String id = r.headers().firstValue("X-Bvb-Decision-Id").orElseThrow();
    assertEquals("/v1/decisions/" + id, r.headers().firstValue("Location").orElseThrow());
    Set<String> logged = AuditLog.read(audit).records().stream().map(AuditRecord::id).collect(Collectors.toSet());
    assertTrue(logged.contains(id), "the record is on disk when the response arrives");

    HttpResponse<String> got = s.get("/v1/decisions/" + id);
    assertEquals(200, got.statusCode());
    JsonNode rec = JSON.readTree(got.body());
    assertEquals(id, rec.path("id").asText());
    assertEquals("request", rec.path("factsOrigin").asText());
    assertEquals(Files.readString(SC05), rec.path("facts").asText());
    assertEquals(JSON.readTree(r.body()), rec.path("decision"));
    assertNotNull(ruleSet(got));

    assertEquals(404, s.get("/v1/decisions/00000000-0000-0000-0000-000000000000").statusCode());
    assertEquals(404, s.get("/v1/decisions/not..an-id").statusCode());
  }

  @Test
  void decidedFactSetsAreKeptForTheNextReloadsWarmUpRefusedOnesAreNot() throws Exception {
    int before = s.reloader.recentFacts().snapshot().size();
    assertTrue(before < RuleReloader.RECENT_FACT_SETS - 1, "room for one more: " + before);
    assertEquals(400, s.postJson("/v1/decisions", "{\"workload\": {}}".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(before, s.reloader.recentFacts().snapshot().size());
    assertEquals(200, s.postJson("/v1/decisions", Files.readAllBytes(SC05)).statusCode());
    assertEquals(before + 1, s.reloader.recentFacts().snapshot().size());
  }

  @Test
  void tcoIsTheCliTcoJson() throws Exception {
    HttpResponse<String> r = s.postJson("/v1/tco", Files.readAllBytes(TCO));
    assertEquals(200, r.statusCode(), r.body());
    Cli c = cli("", "tco", TCO.toString(), "--format", "json");
    assertEquals(0, c.code(), c.err());
    assertEquals(JSON.writeValueAsString(JSON.readTree(c.out())) + "\n", r.body());
    assertNotNull(ruleSet(r));

    HttpResponse<String> noTco = s.postJson("/v1/tco", Files.readAllBytes(SC05));
    assertEquals(400, noTco.statusCode());
    assertEquals("request: FACTS-021 $.tco is required for bvb tco", JSON.readTree(noTco.body()).path("error").asText());
  }

  @Test
  void badFactsGet400WithTheCliMessage() throws Exception {
    String bad = "{\"workload\": {\"montlyTokens\": 5}}";
    HttpResponse<String> r = s.postJson("/v1/decisions", bad.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    Cli c = cli(bad, "decide", "-");
    assertEquals(4, c.code());
    String cliLine = c.err().strip().replace("error: <stdin>", "request");
    assertEquals(cliLine, JSON.readTree(r.body()).path("error").asText());
    assertTrue(cliLine.startsWith("request:1:"), cliLine);
    assertNotNull(ruleSet(r));

    assertEquals(400, s.postJson("/v1/decisions", "{".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(400, s.postJson("/v1/decisions", new byte[0]).statusCode());
  }

  @Test
  void bodiesOverTheFactFileLimitGet413() throws Exception {
    byte[] big = new byte[FactsLoader.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r = s.postJson("/v1/decisions", big);
    assertEquals(413, r.statusCode());
    assertTrue(r.body().contains("1048576"), r.body());
    assertNotNull(ruleSet(r));
    // exactly at the limit is read and parsed (and is blank: 400, not 413)
    assertEquals(400, s.postJson("/v1/decisions", new byte[FactsLoader.MAX_BYTES]).statusCode());
  }

  @Test
  void onlyApplicationJsonIsAccepted() throws Exception {
    byte[] facts = Files.readAllBytes(SC05);
    assertEquals(415, s.post("/v1/decisions", "text/plain", facts).statusCode());
    assertEquals(415, s.post("/v1/decisions", null, facts).statusCode());
    assertEquals(415, s.post("/v1/tco", "application/xml", facts).statusCode());
    assertEquals(200, s.post("/v1/decisions", "application/json; charset=utf-8", facts).statusCode());
  }

  @Test
  void unknownPathsAre404AndWrongMethods405AndNothingEditsRules() throws Exception {
    assertEquals(404, s.get("/v1/nope").statusCode());
    HttpResponse<String> r = s.post("/v1/rules", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(405, r.statusCode());
    assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
    assertEquals(405, s.get("/v1/decisions").statusCode());
    assertNotNull(ruleSet(r));
  }

  @Test
  void rulesListsIdsSourcesFilesAndHashes() throws Exception {
    HttpResponse<String> r = s.get("/v1/rules");
    assertEquals(200, r.statusCode());
    JsonNode j = JSON.readTree(r.body());
    assertEquals(ruleSet(r), j.path("ruleSetSha256").asText());
    assertEquals(64, j.at("/catalog/sha256").asText().length());
    assertTrue(j.path("lastReloadError").isNull());
    List<String> ids = new ArrayList<>();
    j.path("rules").forEach(x -> ids.add(x.path("id").asText()));
    assertTrue(ids.containsAll(List.of("TREE-001", "DEF-010", "REC-002")), ids.toString());
    JsonNode first = j.at("/rules/0");
    assertFalse(first.path("source").asText().isEmpty());
    assertTrue(first.path("file").asText().endsWith(".drl"));
  }

  @Test
  void healthMetricsAndOpenApi() throws Exception {
    HttpResponse<String> h = s.get("/healthz");
    assertEquals(200, h.statusCode());
    assertEquals("ok", JSON.readTree(h.body()).path("status").asText());

    s.postJson("/v1/decisions", Files.readAllBytes(SC05));
    HttpResponse<String> m = s.get("/metrics");
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertTrue(m.body().contains("# TYPE bvb_http_requests_total counter"), m.body());
    assertTrue(m.body().contains("bvb_http_requests_total{method=\"POST\",route=\"/v1/decisions\",status=\"200\"}"), m.body());
    assertTrue(m.body().contains("bvb_decisions_total{strategy=\"SELF_HOST_FINE_TUNED\"}"), m.body());
    assertTrue(m.body().contains("bvb_rule_set_info{catalog_sha256=\"") && m.body().contains(",sha256=\"" + ruleSet(m) + "\"} 1"), m.body());
    org.junit.jupiter.api.Assumptions.assumeTrue(Warmup.compileMillis() != null, "no JIT timing in this JVM");
    java.util.regex.Matcher jit = java.util.regex.Pattern.compile("(?m)^jvm_compilation_time_seconds_total (\\S+)$").matcher(m.body());
    assertTrue(jit.find(), m.body());
    assertTrue(Double.parseDouble(jit.group(1)) > 0, jit.group()); // this JVM has compiled something by now

    HttpResponse<String> o = s.get("/openapi.yaml");
    assertEquals(200, o.statusCode());
    assertEquals(Files.readString(Path.of("src/main/resources/openapi.yaml")), o.body());
    for (String path : List.of("/v1/decisions:", "/v1/tco:", "/v1/decisions/{id}:", "/v1/rules:", "/healthz:", "/metrics:")) {
      assertTrue(o.body().contains("  " + path + "\n"), path);
    }
  }

  @Test
  void internalErrorsSayOnlyInternalErrorAndARequestId() throws Exception {
    // An audit "file" that is a directory makes the append fail: a server-side fault.
    Path dir = Files.createDirectories(tmp.resolve("audit-is-a-dir"));
    try (ServerHarness broken = new ServerHarness(Path.of("rules"), dir)) {
      HttpResponse<String> r = broken.postJson("/v1/decisions", Files.readAllBytes(SC05));
      assertEquals(500, r.statusCode());
      JsonNode j = JSON.readTree(r.body());
      assertEquals("internal error", j.path("error").asText());
      String rid = j.path("requestId").asText();
      assertEquals(rid, r.headers().firstValue("X-Request-Id").orElse(""));
      assertEquals(2, j.size(), r.body());
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
      String err = broken.errText.toString();
      assertTrue(err.contains("request " + rid) && err.contains("\tat "), "details on stderr: " + err);
    }
  }

  @Test
  void stopFinishesRequestsInFlightAndLosesNoAuditRecord() throws Exception {
    Path log = tmp.resolve("drain.jsonl");
    ServerHarness h = new ServerHarness(Path.of("rules"), log);
    byte[] facts = Files.readAllBytes(SC05);
    h.postJson("/v1/decisions", facts); // warm up
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      inFlight.add(h.client.sendAsync(
          java.net.http.HttpRequest.newBuilder(h.uri("/v1/decisions")).header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(facts)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(30);
    h.close();
    Set<String> logged = AuditLog.read(log).records().stream().map(AuditRecord::id).collect(Collectors.toSet());
    int ok = 0;
    for (CompletableFuture<HttpResponse<String>> f : inFlight) {
      try {
        HttpResponse<String> r = f.join();
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(logged.contains(r.headers().firstValue("X-Bvb-Decision-Id").orElseThrow()));
        ok++;
      } catch (java.util.concurrent.CompletionException e) {
        // refused after the listener closed: never started, so nothing to log
      }
    }
    assertTrue(ok > 0, "requests accepted before stop were answered");
    assertEquals(ok + 1, logged.size(), "every answered decision is logged, and only those");
  }
}
