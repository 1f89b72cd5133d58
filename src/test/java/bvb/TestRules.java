package bvb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's rules directory, copied for a test that edits it. */
public final class TestRules {
  private TestRules() {}

  /** Copies every file of {@code rules/} (rule files and the price catalog) into {@code dir}; returns {@code dir}. */
  public static Path copyTo(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }
}
