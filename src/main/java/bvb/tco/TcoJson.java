package bvb.tco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Strict JSON reading of TCO inputs, turning Jackson failures into {@link TcoInputException}s. */
final class TcoJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .addModule(RangedNumberDeserializer.tcoSectionModule())
          .addModule(bvb.facts.WholeNumbers.module())
          .build();

  private TcoJson() {}

  static <T> T read(String json, Class<T> type, String root) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new TcoInputException(TcoInputException.MALFORMED, root, "is null");
      }
      return value;
    } catch (JsonMappingException e) {
      throw translate(root, e);
    } catch (JsonProcessingException e) {
      throw new TcoInputException(TcoInputException.MALFORMED, root, e.getOriginalMessage());
    }
  }

  static <T> T read(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type, String root) {
    try {
      T value = MAPPER.treeToValue(tree, type);
      if (value == null) {
        throw new TcoInputException(TcoInputException.MALFORMED, root, "is null");
      }
      return value;
    } catch (JsonMappingException e) {
      throw translate(root, e);
    } catch (JsonProcessingException e) {
      throw new TcoInputException(TcoInputException.MALFORMED, root, e.getOriginalMessage());
    }
  }

  private static TcoInputException translate(String root, JsonMappingException e) {
    String path = path(root, e);
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof TcoInputException)) {
      cause = cause.getCause();
    }
    if (cause instanceof TcoInputException tie) {
      String last = path.substring(path.lastIndexOf('.') + 1);
      String prefix = tie.field().startsWith(last + ".") ? path.substring(0, path.lastIndexOf('.')) : path;
      return tie.withFieldPrefix(prefix + ".");
    }
    return new TcoInputException(TcoInputException.MALFORMED, path, e.getOriginalMessage());
  }

  private static String path(String root, JsonMappingException e) {
    StringBuilder sb = new StringBuilder(root);
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
