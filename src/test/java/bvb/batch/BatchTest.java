package bvb.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  static final String A = "{\"name\": \"a\", \"workload\": {\"tokensPerMonth\": 5000000}, \"data\": {\"sensitiveDataTypes\": [\"NONE\"]}}";
  static final String C = "{\"name\": \"c\", \"workload\": {\"tokensPerMonth\": 500000000}, \"latency\": {\"latencyRequirementMs\": 49}}";

  static List<Batch.Outcome> run(byte[] input, int threads, boolean failFast) throws Exception {
    List<Batch.Outcome> out = new ArrayList<>();
    new Batch(ENGINE, threads, failFast).run("in.jsonl", new ByteArrayInputStream(input), out::add);
    return out;
  }

  static byte[] lines(String... ls) {
    return (String.join("\n", ls)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void outcomesComeInInputOrderOnTwoThreads() throws Exception {
    List<String> in = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      in.add(i % 3 == 0 ? C : A.replace("\"a\"", "\"a" + i + "\""));
    }
    List<Batch.Outcome> out = run(lines(in.toArray(new String[0])), 2, false);
    assertEquals(600, out.size());
    for (int i = 0; i < 600; i++) {
      assertEquals(i + 1, out.get(i).line());
      assertEquals(i % 3 == 0 ? "SELF_HOST_OPEN" : "API_FRONTIER", out.get(i).decision().strategy().name(), "line " + (i + 1));
    }
  }

  @Test
  void blankLinesAreSkippedAndBadLinesReportedByLineNumberWhileGoodLinesAreDecided() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(lines(A, "", "   ", "{\"workload\": {\"tokensPerMonth\": -1}}", "").clone());
    b.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n'});
    b.writeBytes(lines(C, "{\"workload\": {\"tokensPer"));
    List<Batch.Outcome> out = run(b.toByteArray(), 2, false);
    assertEquals(List.of(1L, 4L, 5L, 6L, 7L), out.stream().map(Batch.Outcome::line).toList());
    assertTrue(out.get(0).ok() && out.get(3).ok());
    assertEquals("FACTS-010", out.get(1).code());
    assertTrue(out.get(1).problem().startsWith("in.jsonl:4:"), out.get(1).problem());
    assertEquals("BATCH-001", out.get(2).code());
    assertTrue(out.get(2).problem().contains("not valid UTF-8"), out.get(2).problem());
    assertEquals("FACTS-004", out.get(4).code());
    assertTrue(out.get(4).problem().contains("truncated"), out.get(4).problem());
  }

  @Test
  void aFiftyMegabyteLineIsReportedWithoutStoppingTheBatch() throws Exception {
    byte[] big = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
        new ByteArrayInputStream(lines(A, "")), new ByteArrayInputStream(big), new ByteArrayInputStream(lines("", C)))));
    List<Batch.Outcome> out = new ArrayList<>();
    Batch.Summary s = new Batch(ENGINE, 2, false).run("in.jsonl", in, out::add);
    assertEquals(2, s.decided());
    assertEquals(1, s.failed());
    assertEquals("BATCH-001", out.get(1).code());
    assertTrue(out.get(1).problem().contains("line is 52428800 bytes"), out.get(1).problem());
    assertEquals(3, out.get(2).line());
  }

  @Test
  void failFastStopsAtTheFirstFailure() throws Exception {
    List<Batch.Outcome> out = run(lines(A, "{}", A, A), 1, true);
    assertEquals(2, out.size());
    assertTrue(!out.get(1).ok());
  }

  @Test
  void aBriefBatchGivesEverySampleTheSameSummaryAsAFullOneWithoutKeepingMatchedFacts() throws Exception {
    StringBuilder in = new StringBuilder();
    for (Path p : bvb.scenario.Samples.list(Path.of("facts-samples"))) {
      in.append(java.nio.file.Files.readString(p).replaceAll("\\s*\\n\\s*", " ")).append('\n');
    }
    byte[] input = in.toString().getBytes(StandardCharsets.UTF_8);
    List<Batch.Outcome> full = new ArrayList<>();
    List<Batch.Outcome> brief = new ArrayList<>();
    new Batch(ENGINE, 2, false).run("in.jsonl", new ByteArrayInputStream(input), full::add);
    new Batch(ENGINE, 2, false, false, true).run("in.jsonl", new ByteArrayInputStream(input), brief::add);
    assertTrue(full.size() > 200, "samples read: " + full.size());
    assertEquals(full.size(), brief.size());
    for (int i = 0; i < full.size(); i++) {
      var f = full.get(i);
      var b = brief.get(i);
      assertEquals(f.ok(), b.ok(), "line " + f.line());
      if (f.ok()) {
        assertEquals(BatchLine.of(f, false, "t").toString(), BatchLine.of(b, false, "t").toString(), "line " + f.line());
        assertTrue(f.decision().firings().stream().anyMatch(x -> !x.matched().isEmpty()), "line " + f.line());
        assertTrue(b.decision().firings().stream().allMatch(x -> x.matched().isEmpty() && x.bindings().isEmpty()), "line " + f.line());
      }
    }
  }
}
