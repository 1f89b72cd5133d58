package bvb.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogTest {
  static final Path SHIPPED = Path.of("rules/prices.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void shippedCatalogLoadsWithSeedPrices() {
    PriceCatalog c = PriceCatalog.load(SHIPPED);
    ApiModelPrice gpt4o = c.apiModel("GPT-4o").orElseThrow();
    assertEquals(2.50, gpt4o.inputPerMTokUsd());
    assertEquals(10.00, gpt4o.outputPerMTokUsd());
    assertNull(c.apiModel("claude-opus-4").orElseThrow().outputPerMTokUsd(), "003 gives input only");
    GpuPrice pair = (GpuPrice) c.entry("gpu.004-2x-h100-pair").orElseThrow();
    assertEquals(3.00, pair.perGpuHourlyUsd(), 1e-12);
    assertEquals(18000, ((RatePrice) c.entry("labor.ml-engineer-monthly").orElseThrow()).value());
    assertEquals(LocalDate.of(2026, 5, 20), c.entry("finetune.upfront-001").orElseThrow().asOfDate());
  }

  @Test
  void gpt4oMiniIsMarkedAsAnExternalListPrice() {
    ApiModelPrice mini = PriceCatalog.load(SHIPPED).apiModel("gpt-4o-mini").orElseThrow();
    assertTrue(mini.external());
    assertTrue(mini.source().startsWith("EXTERNAL"));
    assertFalse(PriceCatalog.load(SHIPPED).apiModel("gpt-4o").orElseThrow().external());
  }

  @Test
  void sha256IsTheHashOfTheFileBytes() throws Exception {
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SHIPPED)));
    assertEquals(expected, PriceCatalog.load(SHIPPED).sha256());
    Path edited = write(root -> root.put("description", "edited"));
    assertFalse(PriceCatalog.load(edited).sha256().equals(expected));
  }

  @Test
  void staleEntriesListsOnlyEntriesOlderThanTheLimit() {
    PriceCatalog c = PriceCatalog.load(SHIPPED);
    List<CatalogEntry> stale = c.staleEntries(LocalDate.of(2026, 12, 1), 30);
    assertEquals(List.of("finetune.upfront-001"), stale.stream().map(CatalogEntry::id).toList());
    assertTrue(c.staleEntries(LocalDate.of(2026, 11, 25), 0).stream()
        .noneMatch(e -> e.asOf().equals("2026-11-25")));
    assertEquals(c.entries().size(), c.staleEntries(LocalDate.of(2030, 1, 1), 365).size());
  }

  @Test
  void entryWithoutSourceFailsWithCatalog002NamingFileAndEntry() {
    Path bad = write(root -> entry(root, 0).remove("source"));
    CatalogException e = assertThrows(CatalogException.class, () -> PriceCatalog.load(bad));
    assertEquals("CATALOG-002", e.code());
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("'api.gpt-4o'") && e.getMessage().contains("source"), e.getMessage());
  }

  @Test
  void entryWithoutDateOrWithBadDateFailsWithCatalog003() {
    Path missing = write(root -> entry(root, 1).remove("asOf"));
    assertEquals("CATALOG-003", assertThrows(CatalogException.class, () -> PriceCatalog.load(missing)).code());
    Path badDate = write(root -> entry(root, 1).put("asOf", "May 20, 2026"));
    CatalogException e = assertThrows(CatalogException.class, () -> PriceCatalog.load(badDate));
    assertEquals("CATALOG-003", e.code());
    assertTrue(e.getMessage().contains("asOf"), e.getMessage());
  }

  @Test
  void negativePriceFailsWithCatalog004NamingTheField() {
    Path bad = write(root -> entry(root, 7).put("ratePerHourUsd", -2.86));
    CatalogException e = assertThrows(CatalogException.class, () -> PriceCatalog.load(bad));
    assertEquals("CATALOG-004", e.code());
    assertTrue(e.getMessage().contains("ratePerHourUsd") && e.getMessage().contains("entries[7]"), e.getMessage());
  }

  @Test
  void duplicateIdOrDuplicateModelFailsWithCatalog005() {
    Path dupId = write(root -> entry(root, 1).put("id", "api.gpt-4o"));
    CatalogException e = assertThrows(CatalogException.class, () -> PriceCatalog.load(dupId));
    assertEquals("CATALOG-005", e.code());
    assertTrue(e.getMessage().contains("api.gpt-4o"), e.getMessage());
    Path dupModel = write(root -> entry(root, 1).put("model", "GPT-4o"));
    assertEquals("CATALOG-005", assertThrows(CatalogException.class, () -> PriceCatalog.load(dupModel)).code());
  }

  @Test
  void incompleteEntriesFailWithCatalog006() {
    Path noRate = write(root -> entry(root, 7).remove("ratePerHourUsd"));
    assertEquals("CATALOG-006", assertThrows(CatalogException.class, () -> PriceCatalog.load(noRate)).code());
    Path noInput = write(root -> entry(root, 0).remove("inputPerMTokUsd"));
    assertEquals("CATALOG-006", assertThrows(CatalogException.class, () -> PriceCatalog.load(noInput)).code());
  }

  @Test
  void unknownFieldsKindsAndBrokenJsonFailWithCatalog001() {
    Path unknown = write(root -> entry(root, 0).put("inputPrice", 1));
    CatalogException e = assertThrows(CatalogException.class, () -> PriceCatalog.load(unknown));
    assertEquals("CATALOG-001", e.code());
    assertTrue(e.getMessage().contains("entries[0]"), e.getMessage());
    Path kind = write(root -> entry(root, 0).put("kind", "TPU"));
    assertEquals("CATALOG-001", assertThrows(CatalogException.class, () -> PriceCatalog.load(kind)).code());
    assertEquals("CATALOG-001", assertThrows(CatalogException.class,
        () -> PriceCatalog.load(tmp.resolve("absent.json"))).code());
  }

  private static ObjectNode entry(ObjectNode root, int index) {
    return (ObjectNode) ((ArrayNode) root.get("entries")).get(index);
  }

  private Path write(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(SHIPPED.toFile());
      edit.accept(root);
      Path p = Files.createTempFile(tmp, "prices", ".json");
      JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), root);
      return p;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
