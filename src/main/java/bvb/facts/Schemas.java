package bvb.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * bvb's published JSON Schemas (draft 2020-12), kept as resource files under {@code schemas/}:
 * the fact file, the decision JSON and the TCO report. {@code bvb schema} prints them, the service
 * serves them and openapi.yaml refers to them; these files are the only copy.
 */
public enum Schemas {
  /** A fact file (also {@code facts-samples/facts.schema.json}, byte for byte). */
  FACTS("facts.schema.json"),
  /** The decision JSON of {@code bvb decide --format json} and {@code POST /v1/decisions}. */
  DECISION("decision.schema.json"),
  /** The TCO report of {@code bvb tco --format json} and {@code POST /v1/tco}. */
  TCO("tco.schema.json");

  private final String fileName;
  private final byte[] bytes;

  Schemas(String fileName) {
    this.fileName = fileName;
    this.bytes = read(fileName);
  }

  private static byte[] read(String fileName) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + fileName)) {
      if (in == null) {
        throw new IllegalStateException("resource schemas/" + fileName + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name, also the last segment of the URL the service serves it at ({@code /schemas/NAME}). */
  public String fileName() {
    return fileName;
  }

  /** The schema file's exact bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The schema as text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The schema parsed (a fresh tree the caller may change). */
  public ObjectNode tree() {
    try {
      return (ObjectNode) new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
