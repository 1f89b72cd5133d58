package bvb.facts;

/** What runs today (seed catalogue §6.1 "CurrentDeployment"). */
@Doc("What runs in production today. Leave out for a greenfield decision.")
public record CurrentDeployment(
    @Doc("Strategy in production; NONE for greenfield.") Strategy currentStrategy,
    @Doc("Model in production, free text.") String model,
    @Doc("Months the current strategy has been in production.") Integer monthsOnCurrentStrategy,
    @Doc("Number of API providers in use.") Integer providerCount,
    @Doc("Monthly cost first estimated for the current strategy, USD per month.") Double initialTcoEstimateMonthlyUsd,
    @Doc("Monthly cost actually observed for the current strategy, USD per month.") Double actualTcoMonthlyUsd) {

  public CurrentDeployment {
    currentStrategy = currentStrategy == null ? Strategy.NONE : currentStrategy;
    monthsOnCurrentStrategy = Check.count("monthsOnCurrentStrategy", monthsOnCurrentStrategy, 1200);
    providerCount = Check.count("providerCount", providerCount, 1000);
    initialTcoEstimateMonthlyUsd =
        Check.amount("initialTcoEstimateMonthlyUsd", initialTcoEstimateMonthlyUsd, Check.MAX_USD);
    actualTcoMonthlyUsd = Check.amount("actualTcoMonthlyUsd", actualTcoMonthlyUsd, Check.MAX_USD);
  }

  static CurrentDeployment greenfield() {
    return new CurrentDeployment(null, null, null, null, null, null);
  }
}
