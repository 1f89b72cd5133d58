package bvb.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** openapi.yaml parses with swagger-parser without a message, and states what every operation needs. */
class OpenApiTest {
  static final String FILE = "src/main/resources/openapi.yaml";

  static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(FILE, null, options);
  }

  @Test
  void openApiParsesWithoutAnyMessage() {
    SwaggerParseResult r = parse();
    assertEquals(List.of(), r.getMessages() == null ? List.of() : r.getMessages());
    assertNotNull(r.getOpenAPI());
    assertEquals("3.1.0", r.getOpenAPI().getOpenapi());
  }

  @Test
  void everyOperationHasAnIdAndA4xxResponse() {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, PathItem> p : parse().getOpenAPI().getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> o : p.getValue().readOperationsMap().entrySet()) {
        String name = o.getKey() + " " + p.getKey();
        if (o.getValue().getOperationId() == null) {
          missing.add(name + ": operationId");
        }
        if (o.getValue().getResponses().keySet().stream().noneMatch(s -> s.startsWith("4"))) {
          missing.add(name + ": 4xx response");
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyGetRouteHasAHeadOperation() {
    List<String> without = new ArrayList<>();
    parse().getOpenAPI().getPaths().forEach((path, item) -> {
      if (item.getGet() != null && item.getHead() == null) {
        without.add(path);
      }
    });
    assertEquals(List.of(), without);
  }

  @Test
  void theServiceDeclaresNoSecurityALicenceAndReadiness() throws Exception {
    OpenAPI api = parse().getOpenAPI();
    com.fasterxml.jackson.databind.JsonNode raw = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(new java.io.File(FILE));
    assertTrue(raw.path("security").isArray() && raw.path("security").isEmpty(),
        "bvb serve has no authentication: the root must declare security: []");
    assertFalse(api.getInfo().getLicense().getName().isBlank());
    assertNotNull(api.getPaths().get("/readyz").getGet().getResponses().get("503"));
  }

  @Test
  void decisionAndTcoBodiesReferTheFactsSchemaAndResponsesTheirSchemas() {
    OpenAPI api = new OpenAPIV3Parser().readLocation(FILE, null, new ParseOptions()).getOpenAPI();
    Operation decide = api.getPaths().get("/v1/decisions").getPost();
    Operation tco = api.getPaths().get("/v1/tco").getPost();
    assertEquals("schemas/facts.schema.json", ref(decide.getRequestBody().getContent().get("application/json").getSchema().get$ref()));
    assertEquals("schemas/facts.schema.json", ref(tco.getRequestBody().getContent().get("application/json").getSchema().get$ref()));
    assertEquals("schemas/decision.schema.json", ref(decide.getResponses().get("200").getContent().get("application/json").getSchema().get$ref()));
    assertEquals("schemas/tco.schema.json", ref(tco.getResponses().get("200").getContent().get("application/json").getSchema().get$ref()));
  }

  private static String ref(String ref) {
    return ref.startsWith("./") ? ref.substring(2) : ref;
  }
}
