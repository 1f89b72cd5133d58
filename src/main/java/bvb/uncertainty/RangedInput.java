package bvb.uncertainty;

import bvb.tco.Range;
import java.util.List;

/**
 * One uncertain cost input: a range in the fact file's tco section, or a catalog rate given as a
 * range that the priced strategies use. {@code targets} are the JSON paths (from the fact file's
 * root) the drawn value is written to: one for a fact-file range, one per strategy using a catalog
 * range, so every strategy sees the same draw.
 *
 * @param name the fact-file path without {@code $.}, or the catalog entry id
 * @param catalogEntryId null for a fact-file range
 */
public record RangedInput(String name, Range range, String catalogEntryId, List<List<String>> targets) {

  public RangedInput {
    targets = targets.stream().map(List::copyOf).toList();
  }

  /** Where the range comes from, in words. */
  public String source() {
    return catalogEntryId == null ? "fact file" : "catalog entry " + catalogEntryId;
  }
}
