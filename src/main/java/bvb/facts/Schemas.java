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
  private volatile byte[] bytes;
  private volatile ObjectNode tree;

  Schemas(String fileName) {
    this.fileName = fileName;
  }

  /** The file name, also the last segment of the URL the service serves it at ({@code /schemas/NAME}). */
  public String fileName() {
    return fileName;
  }

  /** The schema file's exact bytes. */
  public byte[] bytes() {
    byte[] b = bytes;
    if (b == null) {
      try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + fileName)) {
        if (in == null) {
          throw new IllegalStateException("resource schemas/" + fileName + " is missing from the build");
        }
        b = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = b;
    }
    return b.clone();
  }

  /** The schema as text. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** The schema as a tree (a fresh copy the caller may change). */
  public ObjectNode tree() {
    ObjectNode t = tree;
    if (t == null) {
      try {
        t = (ObjectNode) new ObjectMapper().readTree(bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tree = t;
    }
    return t.deepCopy();
  }
}
