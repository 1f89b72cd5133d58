package bvb.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command the README shows, as a user would type it, from a copy of {@code rules/} and
 * {@code facts-samples/}, and checks each one's exit code and the shape of its output, so the README
 * cannot go stale. A README command without a shape check here fails the test.
 */
class ReadmeCommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Block(String lang, List<String> lines) {}

  record Run(String command, int code, String out, String err, Path dir) {}

  interface Shape {
    void check(Run run) throws IOException;
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    String lang = null;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (current == null) {
          current = new ArrayList<>();
          lang = line.substring(3).trim();
        } else {
          blocks.add(new Block(lang, List.copyOf(current)));
          current = null;
        }
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  /** A shell line without its trailing comment; null for blank and comment lines. */
  static String command(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    return trimmed.replaceFirst("\\s+#\\s.*$", "").strip();
  }

  static Run run(Path dir, String script) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -e\n" + script).directory(dir.toFile());
    pb.environment().put("BVB_NO_DAEMON", "1"); // no resident bvb left behind by the test
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("README command did not end in 180 s: " + script);
    }
    return new Run(script, p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8), dir);
  }

  static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  static void lines(Run r, int min, int max) {
    long n = r.out().lines().count();
    assertTrue(n >= min && n <= max, r.command() + ": " + n + " lines, expected " + min + "-" + max + "\n" + r.out());
  }

  static void contains(Run r, String text) {
    assertTrue(r.out().contains(text), r.command() + ": output lacks \"" + text + "\"\n" + r.out());
  }

  static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  /** The checks, keyed by the command exactly as the README shows it (trailing comment removed). */
  static Map<String, Shape> shapes() {
    Map<String, Shape> s = new LinkedHashMap<>();
    s.put("target/bvb decide facts-samples/sc-05-company-b.json", r -> {
      contains(r, "Recommendation: ");
      lines(r, 5, 25);
    });
    s.put("target/bvb decide facts-samples/sc-06-company-c.json", r -> {
      contains(r, "Recommendation: ");
      contains(r, "Confidence: ");
      lines(r, 5, 25);
    });
    s.put("target/bvb decide facts-samples/sc-06-company-c.json --details", r -> {
      contains(r, "Fired rules, in order");
      lines(r, 26, 100_000);
    });
    s.put("target/bvb decide facts-samples/sc-06-company-c.json --format json", r -> {
      JsonNode d = json(r.out());
      assertEquals(3, d.path("format").asInt(), "decision JSON format");
      assertTrue(d.at("/recommendation/strategy").isTextual(), r.out());
    });
    s.put("target/bvb decide facts-samples/sc-08-exercise-100k-requests.json --format html > sc-08.html", r -> {
      String html = Files.readString(r.dir().resolve("sc-08.html"));
      assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"), "sc-08.html is an HTML page with charts");
    });
    s.put("target/bvb tco facts-samples/sc-01-chatbot.json", r -> {
      contains(r, "TCO over 12 months");
      contains(r, "API_FRONTIER");
    });
    s.put("target/bvb test", r -> assertTrue(r.out().strip().matches("(?s).*\\n\\d+ passed, 0 failed$"), r.out()));
    s.put("target/bvb test --coverage", r -> contains(r, " passed, 0 failed"));
    s.put("target/bvb validate --lint", r -> assertTrue(r.out().matches("(?s)\\d+ rules OK, bands clean .*"), r.out()));
    s.put("target/bvb rules --show-drl 10-spend-tiers.csv", r -> contains(r, "rule \""));
    s.put("target/bvb decide facts-samples/sc-06-company-c.json --audit", r ->
        assertEquals(1, Files.readAllLines(r.dir().resolve(".bvb/audit.jsonl")).size(), "one audit record"));
    s.put("target/bvb audit list --strategy SELF_HOST_OPEN", r -> {
      contains(r, "SELF_HOST_OPEN");
      contains(r, "facts-samples/sc-06-company-c.json");
    });
    s.put("target/bvb replay --all", r -> contains(r, "1 replayed, 1 same"));
    s.put("target/bvb batch facts-samples --output summary > decisions.jsonl", r -> {
      List<String> out = Files.readAllLines(r.dir().resolve("decisions.jsonl"));
      assertTrue(out.size() > 100, "one line per sample: " + out.size());
      for (String line : out) {
        assertTrue(json(line).has("strategy"), line);
      }
    });
    s.put("target/bvb portfolio facts-samples", r -> {
      assertTrue(r.out().startsWith("Portfolio: "), r.out());
      contains(r, " 0 failed");
    });
    s.put("target/bvb simulate facts-samples/sc-23r-003-very-heavy-team-ranges.json --samples 10000 --seed 1", r -> {
      contains(r, "10,000 draws, seed 1");
      contains(r, "P10");
    });
    // The service block runs as one script: serve in the background, wait, ask, stop.
    s.put("serve", r -> {
      JsonNode d = json(r.out().strip());
      assertEquals("SC-05 Company B", d.path("name").asText().substring(0, 15), r.out());
      assertTrue(d.at("/recommendation/strategy").isTextual(), r.out());
    });
    return s;
  }

  @Test
  void everyCommandTheReadmeShowsRunsWithExitZeroAndItsOutputHasTheShownShape(@TempDir Path dir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    copy(root.resolve("rules"), dir.resolve("rules"));
    copy(root.resolve("facts-samples"), dir.resolve("facts-samples"));
    Files.createSymbolicLink(dir.resolve("target"), root.resolve("target"));
    Map<String, Shape> shapes = shapes();
    List<String> ran = new ArrayList<>();
    for (Block block : blocks(Files.readString(root.resolve("README.md")))) {
      if (!block.lang().equals("sh")) {
        continue;
      }
      List<String> commands = block.lines().stream().map(ReadmeCommandsIT::command).filter(c -> c != null).toList();
      if (commands.stream().anyMatch(c -> c.endsWith("&"))) {
        Run r = run(dir, String.join("\n", commands));
        assertEquals(0, r.code(), "README service block:\n" + r.command() + "\n" + r.err());
        shapes.get("serve").check(r);
        ran.add("serve");
        continue;
      }
      for (String c : commands) {
        if (c.startsWith("mvn ")) {
          // The set-up commands: `mvn verify` is the run this test is part of, and the package step
          // built the jar it uses; what follows `&&` runs like any other command.
          if (!c.contains("&&")) {
            continue;
          }
          c = c.substring(c.indexOf("&&") + 2).strip();
        }
        Shape shape = shapes.get(c);
        if (shape == null) {
          fail("README shows a command this test has no shape check for: " + c);
        }
        Run r = run(dir, c);
        assertEquals(0, r.code(), c + "\n" + r.err());
        shape.check(r);
        ran.add(c);
      }
    }
    List<String> unused = shapes.keySet().stream().filter(k -> !ran.contains(k)).toList();
    assertEquals(List.of(), unused, "shape checks for commands the README no longer shows");
  }

  @Test
  void theExampleOutputInTheReadmeIsWhatBvbPrints(@TempDir Path dir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Block example = blocks(Files.readString(root.resolve("README.md"))).stream()
        .filter(b -> !b.lines().isEmpty() && b.lines().get(0).startsWith("$ target/bvb "))
        .findFirst().orElseThrow(() -> new AssertionError("README has no example output block"));
    Run r = run(root, example.lines().get(0).substring(2));
    assertEquals(0, r.code(), r.err());
    String actual = r.out().replaceAll("\\s+", " ");
    for (String shown : example.lines().subList(1, example.lines().size())) {
      String line = shown.strip().replaceAll("\\s+", " ");
      if (!line.isEmpty() && !line.equals("...")) {
        assertTrue(actual.contains(line), "README example line not in bvb's output: " + line + "\n" + r.out());
      }
    }
  }
}
