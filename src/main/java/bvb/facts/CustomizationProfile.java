package bvb.facts;

import bvb.facts.Enums.CustomizationNeed;
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
    @Doc("Customization needed: PROMPT_ONLY, DOMAIN_ADAPTATION or FULL_CONTROL (seed 003's decision matrix).") CustomizationNeed customizationNeed,
    @Doc("There are specific tasks where fine-tuning would dramatically reduce cost or improve quality (seed 001's question 4); false when the idea is a vague 'fine-tune on our data'.") Answer fineTuneTargetSpecific) {

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
    customizationNeed = Check.orElse(customizationNeed, CustomizationNeed.UNKNOWN);
    fineTuneTargetSpecific = Check.answer(fineTuneTargetSpecific);
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
    return new CustomizationProfile(null, null, null, null, null, null, null, null, null, null, null);
  }
}
