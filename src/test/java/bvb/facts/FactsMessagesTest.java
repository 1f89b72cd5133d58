package bvb.facts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fact-file errors speak of the JSON the user wrote: no parser classes, features or Java types. */
class FactsMessagesTest {
  static final Pattern INTERNAL = Pattern.compile("`|Jackson|JsonReadFeature|StreamReadConstraints|bvb\\.|java\\.|FactSet|\\bint\\b|\\blong\\b");

  @Test
  void hostileFactFilesGetMessagesWithoutParserInternals() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("NaN", "{\"workload\": {\"requestsPerDay\": NaN}}");
    cases.put("Infinity", "{\"workload\": {\"requestsPerDay\": -Infinity}}");
    cases.put("a 2,000-digit number", "{\"workload\": {\"requestsPerDay\": " + "9".repeat(2000) + "}}");
    cases.put("nesting 2,000 deep", "{\"x\": " + "[".repeat(2000) + "]".repeat(2000) + "}");
    cases.put("an array for an object", "{\"workload\": [1, 2]}");
    cases.put("text for a number", "{\"workload\": {\"requestsPerDay\": \"many\"}}");
    cases.put("an object for text", "{\"workload\": {\"useCase\": {\"a\": 1}}}");
    cases.put("a fraction for an integer", "{\"workload\": {\"requestsPerDay\": 1.5}}");
    cases.put("true for a number", "{\"workload\": {\"requestsPerDay\": true}}");
    cases.put("leading decimal point", "{\"workload\": {\"requestsPerDay\": .5}}");
    cases.put("single quotes", "{'workload': {}}");
    assertAll(cases.entrySet().stream().map(c -> () -> {
      FactsException e = assertThrows(FactsException.class,
          () -> FactsLoader.parse("f.json", c.getValue().getBytes(StandardCharsets.UTF_8)), c.getKey());
      String m = e.render();
      assertFalse(INTERNAL.matcher(m).find(), c.getKey() + ": " + m);
      assertTrue(m.contains("f.json"), c.getKey() + ": " + m);
    }));
  }
}
