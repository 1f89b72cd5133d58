package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bvb.SchemaCheck;
import bvb.facts.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bvb schema} prints the published schemas, and the CLI's JSON output is valid against them. */
class SchemaCommandTest {
  @Test
  void schemaPrintsTheFactsSchemaByDefaultAndWithFacts() {
    assertEquals(Schemas.FACTS.text(), CliTest.bvb("schema").out());
    assertEquals(Schemas.FACTS.text(), CliTest.bvb("schema", "--facts").out());
  }

  @Test
  void schemaDecisionAndSchemaTcoPrintTheirSchemas() {
    CliTest.Run decision = CliTest.bvb("schema", "--decision");
    assertEquals(0, decision.code(), decision.err());
    assertEquals(Schemas.DECISION.text(), decision.out());
    assertEquals(Schemas.TCO.text(), CliTest.bvb("schema", "--tco").out());
  }

  @Test
  void twoSchemasAtOnceIsAUsageError() {
    assertEquals(ExitCode.USAGE.code, CliTest.bvb("schema", "--decision", "--tco").code());
  }

  @Test
  void decideJsonWithItsWhatIfAnalysisIsValidAgainstTheDecisionSchema() {
    CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-16e-spend-800k-priced.json", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), SchemaCheck.errors(Schemas.DECISION, r.out()));
  }

  @Test
  void tcoJsonIsValidAgainstTheTcoSchema() {
    CliTest.Run r = CliTest.bvb("tco", "facts-samples/sc-01-chatbot.json", "--format", "json", "--horizon", "24");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), SchemaCheck.errors(Schemas.TCO, r.out()));
  }
}
