package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the tests that need bvb's five source documents find them: {@code -Dbvb.documents=DIR}
 * (the directory of the seed files) and the rule catalogue, {@code -Dbvb.catalogue=FILE} or else
 * {@code DIR/../docs/seed-catalogue.md}. Without them those tests are skipped with the reason; the
 * pom passes {@code ../shared/seeds} when that directory exists beside the clone.
 */
final class SourceDocuments {
  static final String DOCUMENTS = "bvb.documents";
  static final String CATALOGUE = "bvb.catalogue";

  private SourceDocuments() {}

  /** The documents directory; skips the calling test when none is given, fails when it does not exist. */
  static Path directory() {
    String dir = System.getProperty(DOCUMENTS, "").strip();
    assumeTrue(!dir.isEmpty(), "no source documents given: run with -D" + DOCUMENTS
        + "=DIR (the directory of the five seed files) to check the rules' @source quotes against them");
    Path p = Path.of(dir).toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(p), "-D" + DOCUMENTS + "=" + dir + " is not a directory");
    return p;
  }

  /** The rule catalogue; skips the calling test when neither property is given or the derived file is absent. */
  static Path catalogue() {
    String file = System.getProperty(CATALOGUE, "").strip();
    if (!file.isEmpty()) {
      Path p = Path.of(file);
      assertTrue(Files.isRegularFile(p), "-D" + CATALOGUE + "=" + file + " is not a file");
      return p;
    }
    String dir = System.getProperty(DOCUMENTS, "").strip();
    assumeTrue(!dir.isEmpty(), "no rule catalogue given: run with -D" + CATALOGUE + "=FILE or -D" + DOCUMENTS
        + "=DIR (the catalogue is then DIR/../docs/seed-catalogue.md) to check rules/TRACEABILITY.md");
    Path p = Path.of(dir).resolve("../docs/seed-catalogue.md").normalize();
    assumeTrue(Files.isRegularFile(p), "no rule catalogue at " + p + ": pass -D" + CATALOGUE
        + "=FILE to check rules/TRACEABILITY.md");
    return p;
  }

  private static List<RuleInfo> bundled;

  /** The rules of {@code rules/}, compiled once for all the tests that need them. */
  static synchronized List<RuleInfo> bundledRules() {
    if (bundled == null) {
      bundled = RuleSet.load(Path.of("rules")).rules();
    }
    return bundled;
  }
}
