package bvb.tco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Analysts' cost regression suite: each {@code facts-samples-tco/<name>.json} is costed and every
 * value in {@code <name>.expected.json} must match (money to the cent, percentages to 0.05). A
 * sample without an expected file fails; each sample is costed twice to prove stable output.
 */
class SampleFilesTest {
  static final Path DIR = Path.of("facts-samples/tco");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everySampleMatchesItsExpectedTotals() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.list(DIR)) {
      samples = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
          .sorted().toList();
    }
    assertFalse(samples.isEmpty(), "no samples in " + DIR);
    return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path sample) throws IOException {
    Path expectedFile = Path.of(sample.toString().replace(".json", ".expected.json"));
    if (!Files.exists(expectedFile)) {
      fail(sample + " has no expected file " + expectedFile.getFileName());
    }
    JsonNode actual = run(sample);
    assertEquals(actual, run(sample), "second run differs");
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    assertTrue(expected.size() > 0, expectedFile + " is empty");
    matchObject("", expected.path("results"), actual.get("results"));
    if (expected.has("humanReview")) {
      matchObject("humanReview", expected.get("humanReview"), actual.get("humanReview"));
    }
    for (JsonNode want : expected.path("comparisons")) {
      matchObject("comparison", want, findComparison(actual, want));
    }
  }

  private static JsonNode run(Path sample) throws IOException {
    JsonNode root = JSON.readTree(sample.toFile());
    TcoInputs in = TcoInputs.fromJson(root.get("tco").toString());
    Volume volume = TcoJson.MAPPER.treeToValue(root.path("volume"), Volume.class);
    TcoReport report = TcoCalculator.compute(in, volume, Fixtures.CATALOG, root.get("horizonMonths").asInt());
    return TcoJson.MAPPER.valueToTree(report);
  }

  private static JsonNode findComparison(JsonNode actual, JsonNode want) {
    for (JsonNode c : actual.get("comparisons")) {
      if (c.get("apiStrategy").equals(want.get("apiStrategy"))
          && c.get("selfHostStrategy").equals(want.get("selfHostStrategy"))) {
        return c;
      }
    }
    throw new AssertionError("no comparison " + want.get("apiStrategy") + " vs " + want.get("selfHostStrategy"));
  }

  private static void matchObject(String path, JsonNode expected, JsonNode actual) {
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
      if (actual == null || !actual.has(f.getKey())) {
        fail("missing " + at);
      }
      match(at, f.getKey(), f.getValue(), actual.get(f.getKey()));
    }
  }

  private static void match(String at, String name, JsonNode expected, JsonNode actual) {
    if (expected.isObject()) {
      matchObject(at, expected, actual);
    } else if (expected.isNumber()) {
      assertTrue(actual.isNumber(), at + " is " + actual);
      double e = expected.asDouble();
      assertEquals(e, actual.asDouble(), tolerance(at, e), at);
    } else {
      assertEquals(expected, actual, at);
    }
  }

  /** Money to the cent, percentages to 0.05 points, other quantities to 1e-6 relative. */
  private static double tolerance(String at, double expected) {
    if (at.contains("Pct")) {
      return 0.05;
    }
    if (at.endsWith("Usd") || at.contains("Usd.")) {
      return 0.005;
    }
    return Math.max(0.01, Math.abs(expected) * 1e-6);
  }
}
