package bvb.facts;

/** What runs today (seed catalogue §6.1 "CurrentDeployment"). */
@Doc("What runs in production today. Leave out for a greenfield decision.")
public record CurrentDeployment(
    @Doc("Strategy in production; NONE for greenfield.") Strategy currentStrategy,
    @Doc("Model in production, free text.") String model,
    @Doc("Months the current strategy has been in production.") Integer monthsOnCurrentStrategy,
    @Doc("Number of API providers in use.") Integer providerCount,
    @Doc("Monthly cost first estimated for the current strategy, USD per month.") Double initialTcoEstimateMonthlyUsd,
    @Doc("Monthly cost actually observed for the current strategy, USD per month.") Double actualTcoMonthlyUsd,
    @Doc("Months since the build-vs-buy decision was last explicitly reviewed; leave out if never or not known.") Integer monthsSinceLastReview,
    @Doc("Consecutive months the API bill has exceeded the self-hosted TCO (engineering included).") Integer monthsApiBillAboveSelfHostTco,
    @Doc("Major outages of the sole API provider you have experienced.") Integer majorOutagesSoleProvider,
    @Doc("A new API model significantly outperforms your self-hosted model.") Answer newApiModelSignificantlyBetter,
    @Doc("An API provider launched a feature (e.g. fine-tuning, data residency) that addresses your earlier blockers.") Answer providerLaunchedBlockerFix,
    @Doc("Your volume gives you negotiating leverage with providers.") Answer hasNegotiatingLeverage,
    @Doc("Different tasks in your pipeline have different quality/cost requirements.") Answer heterogeneousTaskRequirements,
    @Doc("Share of requests that fall back from the primary provider, percent 0-100.") Double fallbackRatePct,
    @Doc("Calls go through an abstraction layer or gateway (e.g. LiteLLM, Portkey, a ProviderRouter).") Answer hasAbstractionLayer,
    @Doc("The code uses provider-specific features (function calling formats, structured output schemas, vision APIs).") Answer usesProviderSpecificFeatures,
    @Doc("Prompts and the evaluation suite are model-agnostic (not calibrated to one model).") Answer evalSuiteModelAgnostic,
    @Doc("You retain ownership of the training data given to a provider's fine-tuning service.") Answer retainsTrainingData,
    @Doc("You can export the fine-tuned model's weights.") Answer canExportWeights,
    @Doc("You can re-create the fine-tune on another platform.") Answer canRecreateFineTune) {

  public CurrentDeployment {
    currentStrategy = currentStrategy == null ? Strategy.NONE : currentStrategy;
    monthsOnCurrentStrategy = Check.count("monthsOnCurrentStrategy", monthsOnCurrentStrategy, 1200);
    providerCount = Check.count("providerCount", providerCount, 1000);
    initialTcoEstimateMonthlyUsd =
        Check.amount("initialTcoEstimateMonthlyUsd", initialTcoEstimateMonthlyUsd, Check.MAX_USD);
    actualTcoMonthlyUsd = Check.amount("actualTcoMonthlyUsd", actualTcoMonthlyUsd, Check.MAX_USD);
    fallbackRatePct = Check.pct("fallbackRatePct", fallbackRatePct);
    hasAbstractionLayer = Check.answer(hasAbstractionLayer);
    usesProviderSpecificFeatures = Check.answer(usesProviderSpecificFeatures);
    evalSuiteModelAgnostic = Check.answer(evalSuiteModelAgnostic);
    retainsTrainingData = Check.answer(retainsTrainingData);
    canExportWeights = Check.answer(canExportWeights);
    canRecreateFineTune = Check.answer(canRecreateFineTune);
    monthsSinceLastReview = Check.count("monthsSinceLastReview", monthsSinceLastReview, 1200);
    monthsApiBillAboveSelfHostTco =
        Check.count("monthsApiBillAboveSelfHostTco", monthsApiBillAboveSelfHostTco, 1200);
    majorOutagesSoleProvider = Check.count("majorOutagesSoleProvider", majorOutagesSoleProvider, 100_000);
    newApiModelSignificantlyBetter = Check.answer(newApiModelSignificantlyBetter);
    providerLaunchedBlockerFix = Check.answer(providerLaunchedBlockerFix);
    hasNegotiatingLeverage = Check.answer(hasNegotiatingLeverage);
    heterogeneousTaskRequirements = Check.answer(heterogeneousTaskRequirements);
  }

  /**
   * Seed 004's "the compliance burden of self-hosting ... exceeds the cost savings" (SWITCH-007):
   * the self-hosted total without its compliance lines is below the API total (there were
   * savings), and the compliance lines are larger than those savings, i.e. {@code complianceUsd >
   * apiTotalUsd - (selfHostTotalUsd - complianceUsd)}. All amounts over the same horizon, USD.
   */
  public static boolean complianceExceedsSavings(
      double complianceUsd, double apiTotalUsd, double selfHostTotalUsd) {
    double savingsBeforeCompliance = apiTotalUsd - (selfHostTotalUsd - complianceUsd);
    return complianceUsd > 0 && savingsBeforeCompliance > 0 && complianceUsd > savingsBeforeCompliance;
  }

  static CurrentDeployment greenfield() {
    return new CurrentDeployment(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
