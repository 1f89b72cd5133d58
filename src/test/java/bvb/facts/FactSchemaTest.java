package bvb.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FactSchemaTest {
  @Test
  void publishedSchemaMatchesTheFactModel() throws Exception {
    JsonNode published = new ObjectMapper().readTree(Path.of("facts-samples/facts.schema.json").toFile());
    assertEquals(FactSchema.generate(), published,
        "facts-samples/facts.schema.json is stale: regenerate it with `java -jar target/bvb.jar schema > facts-samples/facts.schema.json`");
  }

  @Test
  void schemaNamesTheDollarSchemaKeyAndRequiresAVolume() {
    JsonNode s = FactSchema.generate();
    assertEquals("string", s.at("/properties/$schema/type").asText());
    assertEquals(3, s.at("/properties/workload/anyOf").size());
    assertEquals("workload", s.at("/required/0").asText());
  }
}
