package bvb.report;

import bvb.engine.Doc;
import bvb.facts.Strategy;
import bvb.tco.TcoStrategy;

/**
 * Plain-English names for strategy codes and short titles for the source documents, for reports
 * read by people. Codes stay the identifiers; these names go beside them.
 */
public final class Names {
  private Names() {}

  /** What a strategy means in plain English, e.g. "Self-host an open-weight model" for SELF_HOST_OPEN. */
  public static String plainName(Strategy s) {
    return switch (s) {
      case API_FRONTIER -> "Use a frontier model through a vendor API";
      case API_WORKHORSE -> "Use a cheaper workhorse model through a vendor API";
      case API_ROUTED -> "Route requests between API models by difficulty";
      case API_MANAGED_FINE_TUNE -> "Fine-tune a model on the vendor's platform";
      case API_WITH_COMPLIANCE_TERMS -> "Use a vendor API under compliance terms";
      case MULTI_VENDOR_API -> "Use APIs from several vendors";
      case RAG_ON_API -> "Add retrieval (RAG) to an API model";
      case RAG_PLUS_FINE_TUNE -> "Combine retrieval (RAG) with a fine-tuned model";
      case SELF_HOST_OPEN -> "Self-host an open-weight model";
      case SELF_HOST_FINE_TUNED -> "Self-host a fine-tuned open-weight model";
      case HYBRID_ROUTED -> "Route between a self-hosted model and an API";
      case CUSTOM_TRAIN -> "Train a custom model from scratch";
      case EDUCATION_PROJECT -> "Build a model to learn, not for production";
      case REJECT_FRONTIER_TRAINING -> "Do not train a frontier model";
      case NONE -> "Nothing in production yet";
    };
  }

  /** "Self-host an open-weight model (SELF_HOST_OPEN)". */
  static String withCode(Strategy s) {
    return plainName(s) + " (" + s.name() + ")";
  }

  /** The plain name of a strategy the cost calculator priced (every one is also a {@link Strategy}). */
  static String plainName(TcoStrategy s) {
    return plainName(Strategy.valueOf(s.name()));
  }

  static String withCode(TcoStrategy s) {
    return withCode(Strategy.valueOf(s.name()));
  }

  /**
   * A document's short title: its number and title without the trailing kind, e.g. "000 · You Can
   * Finally Build Your Own LLM" for 000_3ab125d9ff6c1535.txt; "bvb's own rules" for bvb's rules.
   */
  static String shortTitle(Doc d) {
    if (d == Doc.BVB) {
      return "bvb's own rules";
    }
    String t = d.title().replaceFirst("\\s*\\([^()]*\\)$", "");
    return d.file().substring(0, 3) + " · " + t;
  }

  /**
   * A rule's source with the document's file name replaced by its short title:
   * "004_8337c1cb1b4d2fe8.txt: quote" becomes "004 · Build vs. Buy Decision Framework &amp; TCO: quote".
   * A source that names no document file is returned unchanged.
   */
  static String source(String source) {
    if (source == null) {
      return "";
    }
    String[] parts = source.split(":", 2);
    String file = parts[0].trim();
    for (Doc d : Doc.values()) {
      if (d != Doc.BVB && d.file().equals(file)) {
        return shortTitle(d) + (parts.length > 1 ? ":" + parts[1] : "");
      }
    }
    return source;
  }
}
