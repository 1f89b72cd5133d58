package bvb.tco;

import bvb.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Records the origin of every number a calculation uses, and the catalog entries it read. */
final class SourceLog {
  private final List<InputSource> sources = new ArrayList<>();
  private final Set<String> catalogIds = new TreeSet<>();

  double user(String field, double value) {
    return add(new InputSource(field, value, InputSource.Origin.USER, null, null));
  }

  private double add(InputSource source) {
    if (!sources.contains(source)) {
      sources.add(source);
    }
    return source.value();
  }

  /** A user value that counts as 0 when absent (additive cost lines). */
  double opt(String field, Number value) {
    return value == null ? 0 : user(field, value.doubleValue());
  }

  double catalog(String field, double value, CatalogEntry entry) {
    catalogIds.add(entry.id());
    return add(new InputSource(field, value, InputSource.Origin.CATALOG, entry.id(), entry.source()));
  }

  double defaulted(String field, double value, String why) {
    return add(new InputSource(field, value, InputSource.Origin.DEFAULT, null, why));
  }

  double derived(String field, double value, String how) {
    return add(new InputSource(field, value, InputSource.Origin.DERIVED, null, how));
  }

  List<InputSource> sources() {
    List<InputSource> out = new ArrayList<>(sources);
    out.sort(Comparator.comparing(InputSource::field));
    return out;
  }

  Set<String> catalogIds() {
    return catalogIds;
  }
}
