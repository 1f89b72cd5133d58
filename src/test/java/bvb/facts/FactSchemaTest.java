package bvb.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FactSchemaTest {
  @Test
  void publishedSchemaFileIsByteIdenticalToTheResource() throws Exception {
    assertArrayEquals(Schemas.FACTS.bytes(), Files.readAllBytes(Path.of("facts-samples/facts.schema.json")),
        "facts-samples/facts.schema.json differs from src/main/resources/schemas/facts.schema.json: copy the resource over it");
  }

  @Test
  void everySchemaDeclaresDraft2020AndAnIdNamedForItsFile() {
    for (Schemas s : Schemas.values()) {
      JsonNode t = s.tree();
      assertEquals("https://json-schema.org/draft/2020-12/schema", t.path("$schema").asText(), s.fileName());
      assertTrue(t.path("$id").asText().endsWith("/schemas/" + s.fileName()), s.fileName());
    }
  }

  @Test
  void schemaPropertiesAreExactlyTheFactRecordsFields() {
    JsonNode props = Schemas.FACTS.tree().path("properties");
    assertEquals(names(FactSet.class), fieldNames(props), "$");
    for (RecordComponent c : FactSet.class.getRecordComponents()) {
      if (c.getType().isRecord() && c.getType().getPackage() == FactSet.class.getPackage()) {
        assertEquals(names(c.getType()), fieldNames(props.path(c.getName()).path("properties")), "$." + c.getName());
      }
    }
  }

  @Test
  void tcoSectionPropertiesAreExactlyTheTcoRecordsFields() {
    JsonNode s = Schemas.FACTS.tree();
    JsonNode tco = s.at("/properties/tco/properties");
    assertEquals(names(bvb.tco.TcoInputs.class), fieldNames(tco), "$.tco");
    assertEquals(names(bvb.tco.TcoInputs.HumanReview.class), fieldNames(tco.at("/humanReview/properties")), "$.tco.humanReview");
    assertEquals(names(bvb.tco.StrategyCostLines.class), fieldNames(s.at("/$defs/strategyCostLines/properties")));
    for (RecordComponent c : bvb.tco.StrategyCostLines.class.getRecordComponents()) {
      if (c.getType().isRecord()) {
        assertEquals(names(c.getType()), fieldNames(s.path("$defs").path(c.getName()).path("properties")), c.getName());
      }
    }
    Set<String> strategies = new TreeSet<>();
    for (bvb.tco.TcoStrategy t : bvb.tco.TcoStrategy.values()) {
      strategies.add(t.name());
    }
    assertEquals(strategies, fieldNames(tco.at("/strategies/properties")));
  }

  @Test
  void everyNumberOfTheFactRecordsHasAMinimumAndAMaximum() {
    List<String> unbounded = new ArrayList<>();
    JsonNode props = Schemas.FACTS.tree().path("properties");
    for (String section : List.of("workload", "latency", "data", "customization", "team", "business", "current")) {
      props.path(section).path("properties").fields().forEachRemaining(f -> {
        String type = f.getValue().path("type").path(0).asText();
        if ((type.equals("integer") || type.equals("number"))
            && (!f.getValue().has("minimum") || !f.getValue().has("maximum"))) {
          unbounded.add(section + "." + f.getKey());
        }
      });
    }
    assertEquals(List.of(), unbounded);
  }

  @Test
  void schemaNamesTheDollarSchemaKeyAndRequiresAVolume() {
    JsonNode s = Schemas.FACTS.tree();
    assertEquals("string", s.at("/properties/$schema/type/0").asText());
    assertEquals(3, s.at("/properties/workload/anyOf").size());
    assertEquals("workload", s.at("/required/0").asText());
  }

  private static Set<String> names(Class<?> record) {
    Set<String> out = new TreeSet<>();
    for (RecordComponent c : record.getRecordComponents()) {
      JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);
      out.add(jp != null && !jp.value().isEmpty() ? jp.value() : c.getName());
    }
    return out;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> out = new TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
