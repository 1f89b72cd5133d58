package bvb;

import bvb.facts.Schemas;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON against bvb's published schemas with a real validator (networknt
 * json-schema-validator, draft 2020-12). The schemas refer to each other by their {@code $id}s,
 * which resolve to the resource files, never to the network.
 */
public final class SchemaCheck {
  private static final Map<Schemas, Schema> COMPILED = new EnumMap<>(Schemas.class);

  private SchemaCheck() {}

  /** The $id of a published schema. */
  public static String id(Schemas s) {
    return s.tree().path("$id").asText();
  }

  /** The validation errors of {@code json} against {@code schema}; empty when valid. */
  public static List<String> errors(Schemas schema, String json) {
    return compiled(schema).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static synchronized Schema compiled(Schemas s) {
    return COMPILED.computeIfAbsent(s, k -> {
      Map<String, String> byId = new HashMap<>();
      for (Schemas each : Schemas.values()) {
        byId.put(id(each), each.text());
      }
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
      return registry.getSchema(SchemaLocation.of(id(k)));
    });
  }
}
