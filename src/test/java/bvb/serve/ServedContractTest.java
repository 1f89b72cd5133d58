package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.SchemaCheck;
import bvb.facts.FactsLoader;
import bvb.facts.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The responses of a started server are valid against the schemas openapi.yaml names for their
 * operation and status, resolved the way a client resolves them: the OpenAPI document's own
 * components, and the schema files it refers to (served at /schemas/{name}).
 */
class ServedContractTest {
  static final String OPENAPI_ID = "https://bvb.local/openapi.yaml";
  static ServerHarness server;
  static JsonNode openapi;
  static SchemaRegistry registry;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerHarness(Path.of("rules"), tmp.resolve("audit.jsonl"));
    openapi = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/resources/openapi.yaml").toFile());
    Map<String, String> byId = new HashMap<>();
    byId.put(OPENAPI_ID, openapi.toString());
    for (Schemas s : Schemas.values()) {
      byId.put(SchemaCheck.id(s), s.text());
    }
    registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyResponseIsValidAgainstTheSchemaOpenApiNamesForIt() throws Exception {
    List<String> invalid = new ArrayList<>();
    int validated = 0;
    List<Path> samples;
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      samples = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
          && !p.getFileName().toString().equals("facts.schema.json")).sorted().toList();
    }
    String decisionId = null;
    for (Path p : samples) {
      byte[] body = Files.readAllBytes(p);
      HttpResponse<String> r = server.postJson("/v1/decisions", body);
      validated += check(invalid, "/v1/decisions", "post", r, p.toString());
      decisionId = r.headers().firstValue("X-Bvb-Decision-Id").orElse(decisionId);
      if (FactsLoader.load(p).facts().tco() != null) {
        validated += check(invalid, "/v1/tco", "post", server.postJson("/v1/tco", body), p + " (tco)");
      }
    }
    for (String s : List.of("sc-01-chatbot.json", "sc-05-company-b.json", "sc-16e-spend-800k-priced.json")) {
      HttpResponse<String> r = server.postJson("/v1/decisions?whatIf=true", Files.readAllBytes(Path.of("facts-samples", s)));
      assertTrue(r.body().contains("\"whatIf\":{"), s + ": no what-if analysis");
      validated += check(invalid, "/v1/decisions", "post", r, s + " (what-if)");
    }
    validated += check(invalid, "/v1/decisions/{id}", "get", server.get("/v1/decisions/" + decisionId), "a logged decision");
    validated += check(invalid, "/v1/decisions/{id}", "get", server.get("/v1/decisions/0123abcd"), "an unknown id");
    validated += check(invalid, "/v1/rules", "get", server.get("/v1/rules"), "rules");
    validated += check(invalid, "/healthz", "get", server.get("/healthz"), "health");
    validated += check(invalid, "/v1/decisions", "post",
        server.postJson("/v1/decisions", "{\"workload\": {\"montlyTokens\": 5}}".getBytes(StandardCharsets.UTF_8)), "bad facts");
    validated += check(invalid, "/v1/decisions", "post",
        server.post("/v1/decisions", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), "wrong content type");
    validated += check(invalid, "/v1/tco", "post",
        server.postJson("/v1/tco", "{\"workload\": {\"tokensPerMonth\": 5}}".getBytes(StandardCharsets.UTF_8)), "no tco section");
    validated += check(invalid, "/v1/tco", "post", server.get("/v1/tco"), "GET on a POST route");
    validated += check(invalid, "/schemas/{name}", "get", server.get("/schemas/nothing.json"), "an unknown schema");
    assertEquals(List.of(), invalid);
    assertTrue(validated > samples.size(), "only " + validated + " responses validated");
    System.out.println("validated " + validated + " HTTP responses against openapi.yaml");
  }

  @Test
  void theSchemaFilesOpenApiRefersToAreServedByteForByte() throws Exception {
    for (Schemas s : Schemas.values()) {
      HttpResponse<byte[]> r = server.client.send(HttpRequest.newBuilder(server.uri("/schemas/" + s.fileName())).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), s.fileName());
      assertEquals("application/schema+json", r.headers().firstValue("Content-Type").orElse(""));
      assertArrayEquals(s.bytes(), r.body(), s.fileName());
    }
    HttpResponse<byte[]> yaml = server.client.send(HttpRequest.newBuilder(server.uri("/openapi.yaml")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/openapi.yaml")), yaml.body());
  }

  /** Validates one response against its operation's declared response; 1 when checked, failures into {@code invalid}. */
  private static int check(List<String> invalid, String path, String method, HttpResponse<String> r, String what) {
    String status = String.valueOf(r.statusCode());
    String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status;
    JsonNode response = openapi.at(pointer);
    if (response.isMissingNode()) {
      invalid.add(what + ": " + method.toUpperCase() + " " + path + " answered " + status + ", which openapi.yaml does not declare");
      return 1;
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = openapi.at(pointer);
    }
    String type = r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
    if (!response.path("content").has(type)) {
      invalid.add(what + ": content type " + type + " is not declared for " + status);
      return 1;
    }
    SchemaLocation at = SchemaLocation.of(OPENAPI_ID + "#" + pointer + "/content/" + escape(type) + "/schema");
    List<Error> errors = registry.getSchema(at).validate(r.body(), InputFormat.JSON);
    if (!errors.isEmpty()) {
      invalid.add(what + ": " + errors.subList(0, Math.min(5, errors.size())));
    }
    return 1;
  }

  private static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }
}
