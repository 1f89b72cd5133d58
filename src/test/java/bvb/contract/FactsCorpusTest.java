package bvb.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.SchemaCheck;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.facts.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fact-file corpus of src/test/resources/wrong-facts: every {@code reject-*} file is rejected
 * and every {@code accept-*} file accepted, by the loader and by facts.schema.json alike. The only
 * files the schema accepts while the loader rejects them are those listed in
 * {@code schema-cannot-express.txt}, with the reason JSON Schema cannot express the check.
 */
class FactsCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/wrong-facts");

  @Test
  void schemaAndLoaderAgreeOnEveryFileOfTheCorpusButTheListedOnes() throws Exception {
    Map<String, String> cannotExpress = cannotExpress();
    List<String> disagreements = new ArrayList<>();
    int agreed = 0;
    for (Path f : files()) {
      String name = f.getFileName().toString();
      boolean shouldAccept = name.startsWith("accept-");
      boolean loaderAccepts = loaderAccepts(f);
      List<String> schemaErrors = SchemaCheck.errors(Schemas.FACTS, Files.readString(f, StandardCharsets.UTF_8));
      boolean schemaAccepts = schemaErrors.isEmpty();
      boolean listed = cannotExpress.containsKey(name);
      boolean expectedSchema = listed || shouldAccept;
      if (loaderAccepts != shouldAccept || schemaAccepts != expectedSchema) {
        disagreements.add(name + ": loader " + (loaderAccepts ? "accepts" : "rejects") + ", schema "
            + (schemaAccepts ? "accepts" : "rejects " + schemaErrors) + (listed ? " (listed as one the schema cannot express)" : ""));
      } else if (!listed) {
        agreed++;
      }
    }
    assertEquals(List.of(), disagreements);
    System.out.println("wrong-facts corpus: schema and loader agree on " + agreed + " of " + files().size()
        + " files; " + cannotExpress.size() + " listed as checks JSON Schema cannot express");
  }

  @Test
  void corpusHoldsAtLeastTwentyWrongFactFiles() throws Exception {
    long wrong = files().stream().filter(f -> f.getFileName().toString().startsWith("reject-")).count();
    assertTrue(wrong >= 20, "only " + wrong + " wrong fact files");
  }

  @Test
  void everyListedExceptionIsAFileOfTheCorpusThatMustBeRejected() throws Exception {
    for (String name : cannotExpress().keySet()) {
      assertTrue(Files.isRegularFile(CORPUS.resolve(name)), name + " is listed but not in the corpus");
      assertTrue(name.startsWith("reject-"), name + " is listed but is not a file to reject");
    }
  }

  @Test
  void everyRejectionNamesTheFileAndAField() throws Exception {
    for (Path f : files()) {
      if (f.getFileName().toString().startsWith("reject-")) {
        try {
          FactsLoader.load(f);
        } catch (FactsException e) {
          assertTrue(e.render().startsWith(f.toString()), e.render());
          assertTrue(e.getMessage().contains("$.") || e.getMessage().contains("duplicate field"), e.render());
        }
      }
    }
  }

  private static boolean loaderAccepts(Path f) {
    try {
      FactsLoader.load(f);
      return true;
    } catch (FactsException e) {
      return false;
    }
  }

  static List<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static Map<String, String> cannotExpress() throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("schema-cannot-express.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.split("\t", 2);
        out.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return out;
  }
}
