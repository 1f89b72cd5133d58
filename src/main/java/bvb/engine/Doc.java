package bvb.engine;

import java.util.Arrays;

/**
 * Who a rule speaks for: one of the five source documents, or bvb itself; a rule's {@code @source}
 * starts with the document's file name, or with {@code bvb} for bvb's own rules.
 */
public enum Doc {
  S000("000_3ab125d9ff6c1535.txt", "You Can Finally Build Your Own LLM (essay)"),
  S001("001_b35f14537f9d8edf.txt", "LLM build vs buy: the questions that actually matter (essay)"),
  S002("002_93f0bfea17d05cfa.txt", "Build vs Buy: Fine-Tuned LLM Economics (guide)"),
  S003("003_6c749b65f84702ec.txt", "LLM Strategy: Build, Buy, or Fine-Tune? (tables)"),
  S004("004_8337c1cb1b4d2fe8.txt", "Build vs. Buy Decision Framework & TCO (textbook chapter 33)"),
  /** bvb's own rules: reconciliation and unknown-fact handling, not from a source document. */
  BVB("bvb", "bvb's own reconciliation and next-step rules");

  private final String file;
  private final String title;

  Doc(String file, String title) {
    this.file = file;
    this.title = title;
  }

  public String file() {
    return file;
  }

  public String title() {
    return title;
  }

  /** "000" .. "004", or "bvb": how reports name a document in a list. */
  public String shortName() {
    return this == BVB ? "bvb" : file.substring(0, 3);
  }

  /** The document a rule's @source names (its text up to the first colon). */
  public static Doc ofSource(String source) {
    String file = source == null ? "" : source.split(":", 2)[0].trim();
    return Arrays.stream(values()).filter(d -> d.file.equals(file)).findFirst().orElse(BVB);
  }
}
