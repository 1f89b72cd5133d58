package bvb.facts;

import bvb.facts.Enums.RagResult;
import bvb.facts.Enums.TestResult;

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
    @Doc("The fine-tuned 7B model's accuracy is sufficient for the task (seed 002).") Answer sevenBAccuracySufficient) {

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
    return new CustomizationProfile(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
