package bvb.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Validation shared by the catalog entry records; messages name the entry id and field. */
final class CatalogChecks {
  private CatalogChecks() {}

  static void common(String id, String unit, String source, String asOf) {
    if (id == null || id.isBlank()) {
      throw new CatalogException(CatalogException.INCOMPLETE, "entry without id: field id is required");
    }
    text(id, "unit", unit, CatalogException.INCOMPLETE);
    text(id, "source", source, CatalogException.MISSING_SOURCE);
    text(id, "asOf", asOf, CatalogException.BAD_AS_OF);
    try {
      LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new CatalogException(
          CatalogException.BAD_AS_OF,
          "entry '" + id + "': field asOf must be an ISO date yyyy-MM-dd, was '" + asOf + "'");
    }
  }

  static void text(String id, String field, String value, String code) {
    if (value == null || value.isBlank()) {
      throw new CatalogException(code, "entry '" + id + "': field " + field + " is required");
    }
  }

  static void price(String id, String field, Double value) {
    if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
      throw new CatalogException(
          CatalogException.NEGATIVE_PRICE,
          "entry '" + id + "': field " + field + " must be a finite number >= 0, was " + value);
    }
  }

  static void required(String id, String field, Object value) {
    if (value == null) {
      throw new CatalogException(
          CatalogException.INCOMPLETE, "entry '" + id + "': field " + field + " is required");
    }
  }
}
