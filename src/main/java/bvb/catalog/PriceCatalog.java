package bvb.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The editable price catalog (rules/prices.json), read from disk, validated, hashed. */
public final class PriceCatalog {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Top-level shape of the catalog file. */
  record CatalogFile(int schemaVersion, String description, List<CatalogEntry> entries) {}

  private final String fileName;
  private final String sha256;
  private final Map<String, CatalogEntry> byId;
  private final Map<String, ApiModelPrice> byModel;

  private PriceCatalog(String fileName, String sha256, List<CatalogEntry> entries) {
    this.fileName = fileName;
    this.sha256 = sha256;
    Map<String, CatalogEntry> ids = new TreeMap<>();
    Map<String, ApiModelPrice> models = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) {
      CatalogEntry e = entries.get(i);
      if (e == null) {
        throw new CatalogException(CatalogException.MALFORMED, fileName + ": entries[" + i + "]: null is not a catalog entry");
      }
      if (ids.put(e.id(), e) != null) {
        throw new CatalogException(
            CatalogException.DUPLICATE, fileName + ": entry '" + e.id() + "': duplicate id");
      }
      if (e instanceof ApiModelPrice api
          && models.put(api.model().toLowerCase(Locale.ROOT), api) != null) {
        throw new CatalogException(
            CatalogException.DUPLICATE,
            fileName + ": entry '" + e.id() + "': model '" + api.model() + "' is priced twice");
      }
    }
    this.byId = Map.copyOf(ids);
    this.byModel = Map.copyOf(models);
  }

  /**
   * Reads and validates a catalog file.
   *
   * @throws CatalogException naming the file and the entry or field at fault
   */
  /** Largest catalog file read, in bytes. */
  public static final int MAX_BYTES = 16 << 20;

  public static PriceCatalog load(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = bvb.facts.Bounded.read(file, MAX_BYTES);
    } catch (IOException e) {
      throw new CatalogException(CatalogException.MALFORMED, name + ": cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new CatalogException(CatalogException.MALFORMED, name + ": is larger than " + MAX_BYTES + " bytes; not a price catalog");
    }
    CatalogFile parsed;
    try {
      parsed = MAPPER.readValue(bytes, CatalogFile.class);
    } catch (JsonMappingException e) {
      throw translate(name, e);
    } catch (IOException e) {
      throw new CatalogException(
          CatalogException.MALFORMED, name + ": " + originalMessage(e), e);
    }
    if (parsed == null || parsed.entries() == null) {
      throw new CatalogException(CatalogException.MALFORMED, name + ": field entries is required");
    }
    if (parsed.schemaVersion() != 1) {
      throw new CatalogException(
          CatalogException.MALFORMED,
          name + ": field schemaVersion must be 1, was " + parsed.schemaVersion());
    }
    return new PriceCatalog(name, hex(bytes), parsed.entries());
  }

  private static CatalogException translate(String name, JsonMappingException e) {
    String where = name + ": " + path(e);
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof CatalogException)) {
      cause = cause.getCause();
    }
    if (cause instanceof CatalogException ce) {
      String detail = ce.getMessage().substring(ce.code().length() + 1);
      return new CatalogException(ce.code(), where + ": " + detail, e);
    }
    return new CatalogException(CatalogException.MALFORMED, where + ": " + originalMessage(e), e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return sb.length() == 0 ? "(root)" : sb.toString();
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Lower-case hex SHA-256 of the file bytes as read. */
  public String sha256() {
    return sha256;
  }

  /** The path the catalog was loaded from, as given. */
  public String fileName() {
    return fileName;
  }

  /** All entries, sorted by id. */
  public List<CatalogEntry> entries() {
    return List.copyOf(new TreeMap<>(byId).values());
  }

  /** The entry with this id, if any. */
  public Optional<CatalogEntry> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The API price entry for this model name (case-insensitive), if any. */
  public Optional<ApiModelPrice> apiModel(String model) {
    return Optional.ofNullable(byModel.get(model.toLowerCase(Locale.ROOT)));
  }

  /** Entries whose asOf is more than {@code maxAgeDays} days before {@code today}, sorted by id. */
  public List<CatalogEntry> staleEntries(LocalDate today, int maxAgeDays) {
    return stale(byId.values(), today, maxAgeDays);
  }

  /** Of the given entries, those older than the limit, sorted by id. */
  public static List<CatalogEntry> stale(
      Collection<? extends CatalogEntry> entries, LocalDate today, int maxAgeDays) {
    if (maxAgeDays < 0) {
      throw new IllegalArgumentException("maxAgeDays must be >= 0, was " + maxAgeDays);
    }
    List<CatalogEntry> out = new ArrayList<>();
    for (CatalogEntry e : entries) {
      if (ChronoUnit.DAYS.between(e.asOfDate(), today) > maxAgeDays) {
        out.add(e);
      }
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(out);
  }
}
