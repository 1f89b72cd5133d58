package bvb.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file to at most its limit plus one byte, so that a file too large (or endless, such as
 * {@code /dev/zero}) is told apart without being held in memory or read for ever.
 */
public final class Bounded {
  private Bounded() {}

  /**
   * The file's bytes, or its first {@code max + 1} bytes when it is longer (the caller rejects
   * those); an {@link IOException} naming the path for a directory.
   */
  public static byte[] read(Path file, int max) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory, not a file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max + 1);
    }
  }
}
