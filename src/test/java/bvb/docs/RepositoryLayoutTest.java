package bvb.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The repository is a Java project: the samples are edited by hand, nothing needs another language's tools. */
class RepositoryLayoutTest {
  @Test
  void theRepositoryHoldsNoPythonFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(""))) {
      List<String> python = files
          .filter(p -> !p.startsWith("target") && !p.startsWith(".git"))
          .map(Path::toString)
          .filter(name -> name.endsWith(".py"))
          .sorted().toList();
      assertEquals(List.of(), python, "facts-samples/*.json are the source; generators do not belong here");
    }
  }
}
