package bvb.facts;

/** Closed vocabularies used by the fact model (seed catalogue §6). UNKNOWN means "not answered". */
public final class Enums {
  private Enums() {}

  /** How steady the traffic is. */
  public enum VolumeStability { STEADY, VARIABLE, SPIKY, UNKNOWN }

  /** Which API model tier carries the traffic today. */
  public enum ApiTier { FRONTIER, WORKHORSE, MIXED, NONE, UNKNOWN }

  /** Kinds of sensitive data in the workload. NONE states that there is none. */
  public enum SensitiveData { PII, PHI, CLASSIFIED, TRADE_SECRET, PRIVILEGED_LEGAL, FINANCIAL, NONE }

  /** Regulatory regimes that apply. */
  public enum Regime { HIPAA, SOC2, GOVERNMENT_CONTRACT, EU_AI_ACT, DATA_RESIDENCY_LAW, OTHER }

  /** Industry of the organisation. */
  public enum Industry {
    HEALTHCARE, FINANCIAL_SERVICES, FINANCIAL_TRADING, INSURANCE, LEGAL, GOVERNMENT, BIOTECH,
    MANUFACTURING, ECOMMERCE, OTHER, UNKNOWN
  }

  /** Whether the data may leave the organisation's infrastructure. */
  public enum EgressPolicy { ALLOWED, ALLOWED_WITH_TERMS, PROHIBITED, UNKNOWN }

  /** Compliance terms an API provider offers. */
  public enum ProviderTerm { BAA, SOC2_REPORT, DATA_RESIDENCY, DPA, ZERO_RETENTION }

  /** Outcome of a measured quality test (prompting). */
  public enum TestResult { MEETS, FAILS, UNTESTED }

  /** Outcome of a measured RAG quality test. */
  public enum RagResult { MEETS, FAILS, UNTESTED, NOT_APPLICABLE }

  /** Latency class of the workload. */
  public enum LatencyClass { BATCH, INTERACTIVE, REAL_TIME, UNKNOWN }

  /** How much room the team has. */
  public enum TeamBandwidth { AVAILABLE, STRETCHED, UNDERWATER, UNKNOWN }

  /** Company or product stage. */
  public enum Stage { PROTOTYPE, PRE_PMF, POST_PMF, SCALE, UNKNOWN }

  /** What the organisation is asking to build. */
  public enum BuildIntent {
    NONE, FRONTIER_FROM_SCRATCH, SMALL_FROM_SCRATCH, FINE_TUNE_OPEN, SELF_HOST_AS_IS, SYSTEM_ON_TOP,
    CUSTOM_TRAIN, UNKNOWN
  }

  /** Why the organisation considers building. */
  public enum Motive { COST, COMPLIANCE, CAPABILITY, LATENCY, EDUCATION, INDEPENDENCE, DIFFERENTIATION }

  /** Narrow domain tasks seed 002 names, and other task kinds (catalogue §6.1 domainTask). */
  public enum DomainTask {
    LOAN_UNDERWRITING, INSURANCE_CLAIMS, MEDICAL_CODING, TRADING_STRATEGY, MANUFACTURING_OPTIMIZATION,
    NICHE_SUPPORT, CLASSIFICATION, EXTRACTION, FORMATTING, COMPLEX_REASONING, GENERAL, UNKNOWN
  }

  /** The justification stated to the organisation for a build (catalogue §6.1 statedJustification). */
  public enum Justification { COST_SAVINGS, LEARNING, COMPLIANCE, CAPABILITY, UNKNOWN }

  /** Whether the work is for a product or for learning. */
  public enum Goal { PRODUCT, LEARNING, UNKNOWN }

  /** How fast the requirements change (catalogue §6.1 requirementsVolatility; seed 002 "Rapidly Changing Requirements"). */
  public enum RequirementsVolatility { LOW, MEDIUM, HIGH, UNKNOWN }

  /** API features the workload relies on (catalogue §6.1 usesApiFeatures; seed 001 Reason 5). */
  public enum ApiFeature { PROMPT_CACHING, STRUCTURED_OUTPUTS, BATCH_PROCESSING, TOOL_CALLING, VISION }

  /** Where a prompted model falls short (catalogue §6.1 qualityGap). NONE states that it does not. */
  public enum QualityGap { OUTPUT_FORMAT, BEHAVIORAL_CONSISTENCY, DOMAIN_VOCABULARY, STYLE, ACCURACY, NONE }

  /** Whether the base model produces the required output format consistently. */
  public enum FormatConsistency { CONSISTENT, INCONSISTENT, UNKNOWN }

  /** What a fine-tune is meant to achieve (catalogue §6.1 fineTuneGoal). */
  public enum FineTuneGoal {
    STRUCTURED_OUTPUT, DOMAIN_VOCABULARY, COST_AT_SCALE, LATENCY, STYLE_FORMAT, ACCURACY, VAGUE_GENERAL, UNKNOWN
  }

  /** Quality of the labeled examples. */
  public enum LabelQuality { HIGH, MIXED, LOW, UNKNOWN }

  /** Fine-tuning method. */
  public enum FineTuneMethod { LORA, FULL, UNSPECIFIED }

  /** Use-case pattern of seed 003's RAG vs fine-tuning table. */
  public enum UseCasePattern { FACTUAL_QA_OVER_DOCS, STYLE_FORMAT_ADAPTATION, DOMAIN_EXPERT_WITH_DATA, OTHER, UNKNOWN }

  /** How often the knowledge the model needs changes. */
  public enum UpdateFrequency { STATIC, PERIODIC, REAL_TIME, UNKNOWN }

  /** A three-step level with "not known": how much a hallucinated answer hurts (workload.hallucinationSensitivity). */
  public enum Level { LOW, MEDIUM, HIGH, UNKNOWN }

  /** Time allowed until production (seed 003's matrix row "Time to Production"; catalogue §6.1 requiredTimeToProduction). */
  public enum TimeToProduction { DAYS, WEEKS, MONTHS, UNKNOWN }

  /** Customization the workload needs (seed 003's matrix row "Customization"; catalogue §6.1 customizationNeed). */
  public enum CustomizationNeed { PROMPT_ONLY, DOMAIN_ADAPTATION, FULL_CONTROL, UNKNOWN }

  /** Capacity to operate models (seed 003's matrix row "Maintenance"; catalogue §6.1 opsCapacity). */
  public enum OpsCapacity { NONE, LIMITED, FULL, UNKNOWN }
}
