package bvb.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;

/** One dated, sourced price in the catalog; the JSON field {@code kind} selects the variant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ApiModelPrice.class, name = "API_MODEL"),
  @JsonSubTypes.Type(value = GpuPrice.class, name = "GPU"),
  @JsonSubTypes.Type(value = RatePrice.class, name = "RATE")
})
public sealed interface CatalogEntry permits ApiModelPrice, GpuPrice, RatePrice {
  /** Stable identifier referenced from fact files and reports. */
  String id();

  /** Unit of the entry's values, in words. */
  String unit();

  /** Seed file name and a short quoted phrase, or the external origin. */
  String source();

  /** ISO date (yyyy-MM-dd) the price was valid or read. */
  String asOf();

  /** Free text caveat; may be null. */
  String note();

  /** The asOf field as a date (validated when the entry was built). */
  default LocalDate asOfDate() {
    return LocalDate.parse(asOf());
  }
}
