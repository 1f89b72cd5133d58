package bvb.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a fact file strictly: every problem becomes a {@link FactsException} naming file and field. */
public final class FactsLoader {
  /** Largest fact file accepted, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

  static final ObjectMapper MAPPER = strictMapper();

  private FactsLoader() {}

  /** A fact set with the exact bytes it was read from. */
  public record Loaded(FactSet facts, String origin, byte[] bytes) {}

  /** Loads a file; "-" reads standard input. */
  public static Loaded load(String pathOrDash, InputStream stdin) {
    if ("-".equals(pathOrDash)) {
      requireStdin();
      try {
        return parse("<stdin>", stdin.readNBytes(MAX_BYTES + 1));
      } catch (IOException e) {
        throw new FactsException("FACTS-001", "<stdin>", "cannot be read: " + e.getMessage(), e);
      }
    }
    return load(Path.of(pathOrDash));
  }

  /**
   * Fails with FACTS-001 when the launcher found standard input closed ({@code BVB_STDIN_CLOSED}):
   * the JVM would otherwise read whatever file it opened first in its place.
   */
  public static void requireStdin() {
    if (System.getenv("BVB_STDIN_CLOSED") != null) {
      throw new FactsException("FACTS-001", "<stdin>", "standard input is closed: give a fact file, or pipe one in", null);
    }
  }

  public static Loaded load(Path path) {
    String origin = path.toString();
    if (Files.isDirectory(path)) {
      throw new FactsException("FACTS-002", origin, "is a directory, not a fact file", null);
    }
    try {
      return parse(origin, Bounded.read(path, MAX_BYTES)); // parse rejects the extra byte
    } catch (NoSuchFileException e) {
      throw new FactsException("FACTS-001", origin, "no such file", e);
    } catch (IOException e) {
      throw new FactsException("FACTS-001", origin, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses fact-file bytes; origin names the source in error messages. */
  public static Loaded parse(String origin, byte[] bytes) {
    return parse(origin, bytes, 1);
  }

  /**
   * Parses bytes that start on line {@code firstLine} of {@code origin} (a line of a JSONL file),
   * so error locations name the line in that file.
   */
  public static Loaded parse(String origin, byte[] bytes, long firstLine) {
    if (bytes.length > MAX_BYTES) {
      throw new FactsException(
          "FACTS-008", origin, "is larger than " + MAX_BYTES + " bytes; not a fact file", null);
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)); // REPORTs by default
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new FactsException("FACTS-016", origin, "is not UTF-8 text: fact files must be UTF-8", null);
    }
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new FactsException("FACTS-003", origin, "is empty: expected a JSON object", null);
    }
    String top = topLevelKind(bytes);
    if (top != null) {
      throw new FactsException("FACTS-017", origin, "holds " + top + ": a fact file is one JSON object, {...}", null);
    }
    FactSet facts = read(origin, bytes, firstLine);
    if (bvb.tco.RangedNumberDeserializer.rangesRead() > 0) {
      // every range's ends must be as valid as its point: an analysis draws values from low to high
      for (var end : List.of(bvb.tco.RangedNumberDeserializer.End.LOW, bvb.tco.RangedNumberDeserializer.End.HIGH)) {
        bvb.tco.RangedNumberDeserializer.take(end);
        try {
          read(origin, bytes, firstLine);
        } catch (FactsException e) {
          throw new FactsException(e.code(), e.location(),
              e.getMessage() + " (at the " + end.name().toLowerCase(java.util.Locale.ROOT) + " end of its range)", e);
        } finally {
          bvb.tco.RangedNumberDeserializer.take(bvb.tco.RangedNumberDeserializer.End.POINT);
        }
      }
    }
    return new Loaded(facts, origin, bytes);
  }

  private static FactSet read(String origin, byte[] bytes, long firstLine) {
    bvb.tco.RangedNumberDeserializer.countFromZero();
    try {
      return MAPPER.readValue(bytes, FactSet.class);
    } catch (JsonProcessingException e) {
      FactsException unknown = FactsErrors.unknownFieldBehind(origin, bytes, e, firstLine);
      throw unknown != null ? unknown : FactsErrors.translate(origin, e, firstLine);
    } catch (IOException e) {
      throw new FactsException("FACTS-001", origin, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** What the file holds at its top level when that is not an object ("null", "an array", ...); null for an object. */
  private static String topLevelKind(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    if (i == bytes.length) {
      return null;
    }
    return switch (bytes[i]) {
      case '{' -> null;
      case '[' -> "an array";
      case '"' -> "a string";
      case 'n' -> "null";
      case 't', 'f' -> "a boolean";
      default -> bytes[i] == '-' || (bytes[i] >= '0' && bytes[i] <= '9') ? "a number" : null; // else: malformed, reported as such
    };
  }

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(bvb.tco.RangedNumberDeserializer.factFileModule())
            .addModule(WholeNumbers.module())
            .build();
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper // text fields take text only, not 5, 5.0 or true
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  static String at(String origin, JsonLocation loc, long firstLine) {
    if (loc == null || loc.getLineNr() < 1) {
      return origin;
    }
    return origin + ":" + (firstLine + loc.getLineNr() - 1) + ":" + loc.getColumnNr();
  }
}
