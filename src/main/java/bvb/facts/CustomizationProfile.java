package bvb.facts;

import bvb.facts.Enums.BuildIntent;
import bvb.facts.Enums.FineTuneGoal;
import bvb.facts.Enums.FineTuneMethod;
import bvb.facts.Enums.FormatConsistency;
import bvb.facts.Enums.LabelQuality;
import bvb.facts.Enums.QualityGap;
import bvb.facts.Enums.CustomizationNeed;
import bvb.facts.Enums.RagResult;
import bvb.facts.Enums.TestResult;
import java.util.Set;

/** What the model must do beyond prompting (seed catalogue §6.1 "CustomizationProfile"). */
@Doc("Customization needs and what has been measured so far.")
public record CustomizationProfile(
    @Doc("Measured: does prompt engineering with an API model reach the quality target?") TestResult promptingResult,
    @Doc("Measured: does RAG with an API model reach the quality target?") RagResult ragResult,
    @Doc("The use case needs fine-tuning (capabilities general-purpose models lack).") Answer needsFineTuning,
    @Doc("The API provider offers a fine-tuning service for the model.") Answer providerFineTuneAvailable,
    @Doc("The provider's fine-tuning service meets your needs.") Answer providerFineTuneMeetsNeeds,
    @Doc("You need full control over the training process.") Answer needsFullTrainingControl,
    @Doc("Required customization exceeds what API fine-tuning supports.") Answer customizationExceedsApiFineTune,
    @Doc("You hold proprietary domain data.") Answer proprietaryDomainData,
    @Doc("Quality examples labeled for fine-tuning.") Integer labeledExamples,
    @Doc("The use case needs frontier-quality models.") Answer needsFrontierQuality,
    @Doc("Size of the base model planned for fine-tuning, billions of parameters (e.g. 7, 70).") Double plannedBaseModelParamsB,
    @Doc("A 7B base model has been fine-tuned and evaluated on the task (seed 002).") Answer sevenBEvaluated,
    @Doc("The fine-tuned 7B model's accuracy is sufficient for the task (seed 002).") Answer sevenBAccuracySufficient,
    @Doc("Share of the target quality a good prompt against a frontier model reaches, 0-1 (seed 000's '90% of the way').") Double promptingQualityRatio,
    @Doc("The requirement can be expressed as a system prompt plus in-context examples (fits the context window).") Answer fitsInContext,
    @Doc("Where prompting falls short: OUTPUT_FORMAT, BEHAVIORAL_CONSISTENCY, DOMAIN_VOCABULARY, STYLE, ACCURACY; [\"NONE\"] if nowhere.") Set<QualityGap> qualityGap,
    @Doc("Whether the base model produces the required output format consistently.") FormatConsistency baseFormatConsistency,
    @Doc("What the fine-tune is meant to achieve; VAGUE_GENERAL for 'fine-tune on our data'.") FineTuneGoal fineTuneGoal,
    @Doc("There are specific tasks where fine-tuning would reduce cost or improve quality.") Answer fineTuneTargetSpecific,
    @Doc("Cost reduction expected from fine-tuning, percent 0-100.") Double expectedCostReductionPct,
    @Doc("The behavior needed can only be had by fine-tuning.") Answer behaviorOnlyViaFineTune,
    @Doc("A fine-tuned smaller model matches the larger model's quality on the task.") Answer smallFineTunedMatchesLarge,
    @Doc("Competitive advantage comes from domain expertise encoded in the training data.") Answer competitiveAdvantageFromData,
    @Doc("The work is accuracy-critical.") Answer accuracyCritical,
    @Doc("Generic models' accuracy is insufficient for the task.") Answer genericAccuracyInsufficient,
    @Doc("Quality of the labeled examples.") LabelQuality labelQuality,
    @Doc("Quality examples planned to be labeled.") Integer plannedLabeledExamples,
    @Doc("Domain experts are available to label and validate data.") Answer domainExpertsAvailable,
    @Doc("Logs of past API calls are kept and may be used for fine-tuning.") Answer hasApiCallLogs,
    @Doc("Accuracy of the current (generic) model, percent 0-100.") Double baselineAccuracyPct,
    @Doc("Accuracy expected after fine-tuning, percent 0-100.") Double expectedFineTunedAccuracyPct,
    @Doc("Share of outputs sent to human review today, percent 0-100.") Double reviewRateBeforePct,
    @Doc("Share of outputs sent to human review after fine-tuning, percent 0-100.") Double reviewRateAfterPct,
    @Doc("Cost of one human review, USD.") Double costPerReviewUsd,
    @Doc("One-time cost of the fine-tuning project (labeling, training, evaluation), USD.") Double fineTuneOneTimeCostUsd,
    @Doc("Monthly inference savings from fine-tuning other than review savings, USD per month.") Double monthlyInferenceSavingsUsd,
    @Doc("Monthly cost of running and maintaining the fine-tuned model, USD per month.") Double monthlyFineTuneRunningCostUsd,
    @Doc("Output-token reduction expected from a fine-tuned model, percent 0-100 (seed 002: 20-30).") Double outputTokenReductionPct,
    @Doc("Fine-tuning method: LORA, FULL or UNSPECIFIED.") FineTuneMethod fineTuneMethod,
    @Doc("Months since the base model of the fine-tune was released.") Integer baseModelAgeMonths,
    @Doc("A newer open base model than the one fine-tuned is available.") Answer newerBaseModelAvailable,
    @Doc("Planned months between retrainings of the fine-tuned model.") Integer retrainIntervalMonths,
    @Doc("Budgeted data labeling and QA cost of the fine-tune, USD.") Double labelingCostUsd,
    @Doc("Budgeted GPU training cost of the fine-tune, USD.") Double gpuTrainingCostUsd,
    @Doc("Customization needed: PROMPT_ONLY, DOMAIN_ADAPTATION or FULL_CONTROL (seed 003's decision matrix).") CustomizationNeed customizationNeed) {

  public CustomizationProfile {
    promptingResult = Check.orElse(promptingResult, TestResult.UNTESTED);
    ragResult = Check.orElse(ragResult, RagResult.UNTESTED);
    needsFineTuning = Check.answer(needsFineTuning);
    providerFineTuneAvailable = Check.answer(providerFineTuneAvailable);
    providerFineTuneMeetsNeeds = Check.answer(providerFineTuneMeetsNeeds);
    needsFullTrainingControl = Check.answer(needsFullTrainingControl);
    customizationExceedsApiFineTune = Check.answer(customizationExceedsApiFineTune);
    proprietaryDomainData = Check.answer(proprietaryDomainData);
    labeledExamples = Check.count("labeledExamples", labeledExamples, 1_000_000_000);
    plannedBaseModelParamsB = Check.amount("plannedBaseModelParamsB", plannedBaseModelParamsB, 100_000);
    sevenBEvaluated = Check.answer(sevenBEvaluated);
    sevenBAccuracySufficient = Check.answer(sevenBAccuracySufficient);
    needsFrontierQuality = Check.answer(needsFrontierQuality);
    promptingQualityRatio = Check.ratio("promptingQualityRatio", promptingQualityRatio);
    fitsInContext = Check.answer(fitsInContext);
    qualityGap = Check.set(qualityGap);
    baseFormatConsistency = Check.orElse(baseFormatConsistency, FormatConsistency.UNKNOWN);
    fineTuneGoal = Check.orElse(fineTuneGoal, FineTuneGoal.UNKNOWN);
    fineTuneTargetSpecific = Check.answer(fineTuneTargetSpecific);
    expectedCostReductionPct = Check.pct("expectedCostReductionPct", expectedCostReductionPct);
    behaviorOnlyViaFineTune = Check.answer(behaviorOnlyViaFineTune);
    smallFineTunedMatchesLarge = Check.answer(smallFineTunedMatchesLarge);
    competitiveAdvantageFromData = Check.answer(competitiveAdvantageFromData);
    accuracyCritical = Check.answer(accuracyCritical);
    genericAccuracyInsufficient = Check.answer(genericAccuracyInsufficient);
    labelQuality = Check.orElse(labelQuality, LabelQuality.UNKNOWN);
    plannedLabeledExamples = Check.count("plannedLabeledExamples", plannedLabeledExamples, 1_000_000_000);
    domainExpertsAvailable = Check.answer(domainExpertsAvailable);
    hasApiCallLogs = Check.answer(hasApiCallLogs);
    baselineAccuracyPct = Check.pct("baselineAccuracyPct", baselineAccuracyPct);
    expectedFineTunedAccuracyPct = Check.pct("expectedFineTunedAccuracyPct", expectedFineTunedAccuracyPct);
    reviewRateBeforePct = Check.pct("reviewRateBeforePct", reviewRateBeforePct);
    reviewRateAfterPct = Check.pct("reviewRateAfterPct", reviewRateAfterPct);
    costPerReviewUsd = Check.amount("costPerReviewUsd", costPerReviewUsd, 1_000_000);
    fineTuneOneTimeCostUsd = Check.amount("fineTuneOneTimeCostUsd", fineTuneOneTimeCostUsd, Check.MAX_USD);
    monthlyInferenceSavingsUsd = Check.amount("monthlyInferenceSavingsUsd", monthlyInferenceSavingsUsd, Check.MAX_USD);
    monthlyFineTuneRunningCostUsd =
        Check.amount("monthlyFineTuneRunningCostUsd", monthlyFineTuneRunningCostUsd, Check.MAX_USD);
    outputTokenReductionPct = Check.pct("outputTokenReductionPct", outputTokenReductionPct);
    fineTuneMethod = Check.orElse(fineTuneMethod, FineTuneMethod.UNSPECIFIED);
    baseModelAgeMonths = Check.count("baseModelAgeMonths", baseModelAgeMonths, 1200);
    newerBaseModelAvailable = Check.answer(newerBaseModelAvailable);
    retrainIntervalMonths = Check.count("retrainIntervalMonths", retrainIntervalMonths, 1200);
    labelingCostUsd = Check.amount("labelingCostUsd", labelingCostUsd, Check.MAX_USD);
    gpuTrainingCostUsd = Check.amount("gpuTrainingCostUsd", gpuTrainingCostUsd, Check.MAX_USD);
    customizationNeed = Check.orElse(customizationNeed, CustomizationNeed.UNKNOWN);
  }

  /**
   * Whether fine-tuning is in question: fine-tuning is needed ({@link #fineTuningNeeded()} YES), or
   * the business proposes a fine-tuned strategy (SELF_HOST_FINE_TUNED, API_MANAGED_FINE_TUNE,
   * RAG_PLUS_FINE_TUNE) or asks to fine-tune an open model (buildIntent FINE_TUNE_OPEN), or a
   * fine-tune goal is stated.
   */
  public boolean fineTuneCandidate(BusinessContext b) {
    Strategy s = b.candidateStrategy();
    return fineTuningNeeded() == Answer.YES
        || s == Strategy.SELF_HOST_FINE_TUNED
        || s == Strategy.API_MANAGED_FINE_TUNE
        || s == Strategy.RAG_PLUS_FINE_TUNE
        || b.buildIntent() == BuildIntent.FINE_TUNE_OPEN
        || (fineTuneGoal != FineTuneGoal.UNKNOWN);
  }

  /** Whether prompting falls short on any of the given kinds of quality. */
  public boolean gapAny(Set<QualityGap> kinds) {
    return qualityGap.stream().anyMatch(kinds::contains);
  }

  /** Accuracy gain expected from fine-tuning, percentage points; null when either accuracy is missing. */
  public Double accuracyGainPoints() {
    return baselineAccuracyPct == null || expectedFineTunedAccuracyPct == null
        ? null
        : expectedFineTunedAccuracyPct - baselineAccuracyPct;
  }

  /**
   * Share of errors fine-tuning removes, percent: (error before - error after) / error before x 100
   * (catalogue ACC-001: 85% to 92% is 15% to 8% error, 46.7%); null when an accuracy is missing or
   * the baseline has no errors.
   */
  public Double errorReductionPct() {
    if (accuracyGainPoints() == null || baselineAccuracyPct >= 100) {
      return null;
    }
    return accuracyGainPoints() / (100 - baselineAccuracyPct) * 100;
  }

  /**
   * Human-review cost prevented per month, USD (catalogue ACC-003): requests/day x 30 x (review
   * rate before - after) / 100 x cost per review; null when any input is missing.
   */
  public Double monthlyReviewSavingsUsd(Long requestsPerDay) {
    if (requestsPerDay == null || reviewRateBeforePct == null || reviewRateAfterPct == null
        || costPerReviewUsd == null) {
      return null;
    }
    return requestsPerDay * 30.0 * (reviewRateBeforePct - reviewRateAfterPct) / 100 * costPerReviewUsd;
  }

  /**
   * Months until the one-time fine-tuning cost is paid back (catalogue ACC-004): one-time cost /
   * (review savings + other inference savings - running cost), per month. Null when the one-time
   * cost or the review savings are unknown; {@link Double#POSITIVE_INFINITY} when the net monthly
   * saving is zero or negative (it never pays back).
   */
  public Double paybackMonths(Long requestsPerDay) {
    Double review = monthlyReviewSavingsUsd(requestsPerDay);
    if (fineTuneOneTimeCostUsd == null || review == null) {
      return null;
    }
    double net = review
        + (monthlyInferenceSavingsUsd == null ? 0 : monthlyInferenceSavingsUsd)
        - (monthlyFineTuneRunningCostUsd == null ? 0 : monthlyFineTuneRunningCostUsd);
    return net <= 0 ? Double.POSITIVE_INFINITY : fineTuneOneTimeCostUsd / net;
  }

  /** Quality labeled examples, counted or planned, whichever is larger; null when neither is given. */
  public Integer examplesInScope() {
    if (labeledExamples == null) {
      return plannedLabeledExamples;
    }
    return plannedLabeledExamples == null ? labeledExamples : Math.max(labeledExamples, plannedLabeledExamples);
  }

  /**
   * Whether fine-tuning is needed: YES when stated, or when both prompting and RAG were measured
   * and failed (RAG failed or does not apply); NO when stated or when prompting or RAG meets the
   * target; otherwise UNKNOWN.
   */
  public Answer fineTuningNeeded() {
    if (needsFineTuning.isKnown()) {
      return needsFineTuning;
    }
    if (promptingResult == TestResult.MEETS || ragResult == RagResult.MEETS) {
      return Answer.NO;
    }
    boolean ragOut = ragResult == RagResult.FAILS || ragResult == RagResult.NOT_APPLICABLE;
    return promptingResult == TestResult.FAILS && ragOut ? Answer.YES : Answer.UNKNOWN;
  }

  static CustomizationProfile unknown() {
    return new CustomizationProfile(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
