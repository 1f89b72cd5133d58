package bvb.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A catalog price a decision used that is older than the allowed age: a fact the rules warn on. */
public record StalePrice(String entryId, String source, LocalDate asOf, long ageDays, int maxAgeDays) {

  public static StalePrice of(CatalogEntry e, LocalDate today, int maxAgeDays) {
    return new StalePrice(e.id(), e.source(), e.asOfDate(), ChronoUnit.DAYS.between(e.asOfDate(), today), maxAgeDays);
  }
}
