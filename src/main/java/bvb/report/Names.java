package bvb.report;

import bvb.facts.Strategy;

/** Plain words for bvb's codes, shown beside the code in every report. */
public final class Names {
  private Names() {}

  public static String plainName(Strategy s) {
    return switch (s) {
      case API_FRONTIER -> "Call a frontier model's API";
      case API_WORKHORSE -> "Call a cheaper workhorse model's API";
      case API_ROUTED -> "Route between API models by task";
      case API_MANAGED_FINE_TUNE -> "Fine-tune through the provider's API";
      case API_WITH_COMPLIANCE_TERMS -> "Call an API under the provider's compliance terms";
      case MULTI_VENDOR_API -> "Use several API vendors";
      case RAG_ON_API -> "Add retrieval (RAG) to an API model";
      case RAG_PLUS_FINE_TUNE -> "Combine retrieval with a fine-tuned model";
      case SELF_HOST_OPEN -> "Self-host an open-weight model";
      case SELF_HOST_FINE_TUNED -> "Self-host a fine-tuned open-weight model";
      case HYBRID_ROUTED -> "Route between an own model and an API";
      case CUSTOM_TRAIN -> "Train a custom model";
      case EDUCATION_PROJECT -> "Budget it as a learning project, not production";
      case REJECT_FRONTIER_TRAINING -> "Do not train a frontier-scale model; keep renting";
      case NONE -> "No recommendation";
    };
  }

  /** "Self-host an open-weight model (SELF_HOST_OPEN)". */
  public static String withCode(Strategy s) {
    return plainName(s) + " (" + s.name() + ")";
  }
}
