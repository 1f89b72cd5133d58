package bvb.facts;

import bvb.facts.Enums.BuildIntent;
import bvb.facts.Enums.Goal;
import bvb.facts.Enums.Justification;
import bvb.facts.Enums.Level;
import bvb.facts.Enums.Motive;
import bvb.facts.Enums.RequirementsVolatility;
import bvb.facts.Enums.Stage;
import bvb.facts.Enums.TimeToProduction;
import java.util.Set;

/** Business stage, motives and what is being asked (seed catalogue §6.1 "BusinessContext", "Request"). */
@Doc("Business context and what is being asked.")
public record BusinessContext(
    @Doc("Company or product stage.") Stage stage,
    @Doc("Employees in the organisation.") Integer employees,
    @Doc("What the organisation is asking to build.") BuildIntent buildIntent,
    @Doc("Why building is considered.") Set<Motive> motives,
    @Doc("Product or learning.") Goal goal,
    @Doc("Time to market is critical.") Answer timeToMarketCritical,
    @Doc("Revenue a month of delay costs, USD per month.") Double monthlyRevenueOpportunityUsd,
    @Doc("Unique, large dataset that gives a competitive advantage (a data moat).") Answer dataMoat,
    @Doc("Existing models demonstrably underperform on the domain despite fine-tuning.") Answer existingModelsUnderperformDespiteFineTune,
    @Doc("Months of development allowed before a return is needed.") Integer developmentTimelineMonths,
    @Doc("The market opportunity justifies the investment.") Answer marketOpportunityJustifies,
    @Doc("Strategy being proposed or considered (e.g. SELF_HOST_OPEN); NONE when none is proposed.") Strategy candidateStrategy,
    @Doc("Justification stated to the organisation (e.g. to the CFO) for the build.") Justification statedJustification,
    @Doc("Public models lack sufficient knowledge of the domain.") Answer publicModelsLackDomainKnowledge,
    @Doc("Proprietary data gives an edge no public model has.") Answer proprietaryDataEdge,
    @Doc("The organisation is a well-funded AI lab.") Answer wellFundedLab,
    @Doc("The use is one of the few specific industrial use cases that warrant training a model.") Answer specificIndustrialUseCase,
    @Doc("Requirements have been clarified in production.") Answer requirementsClarified,
    @Doc("How fast the product's requirements change (seed 002: markets that shift quickly).") RequirementsVolatility requirementsVolatility,
    @Doc("An on-demand fine-tuned model service is available for batch jobs (seed 002).") Answer onDemandFineTuneServiceAvailable,
    @Doc("Time allowed until production: DAYS, WEEKS or MONTHS (seed 003's decision matrix).") TimeToProduction requiredTimeToProduction,
    @Doc("Budget available up front, USD (seed 003's decision matrix: fine-tune 50K, self-host 500K+).") Double upfrontBudgetUsd) {

  public BusinessContext {
    stage = Check.orElse(stage, Stage.UNKNOWN);
    employees = Check.count("employees", employees, 10_000_000);
    buildIntent = Check.orElse(buildIntent, BuildIntent.UNKNOWN);
    motives = Check.set(motives);
    goal = Check.orElse(goal, Goal.UNKNOWN);
    timeToMarketCritical = Check.answer(timeToMarketCritical);
    monthlyRevenueOpportunityUsd =
        Check.amount("monthlyRevenueOpportunityUsd", monthlyRevenueOpportunityUsd, Check.MAX_USD);
    dataMoat = Check.answer(dataMoat);
    existingModelsUnderperformDespiteFineTune = Check.answer(existingModelsUnderperformDespiteFineTune);
    developmentTimelineMonths = Check.count("developmentTimelineMonths", developmentTimelineMonths, 1200);
    marketOpportunityJustifies = Check.answer(marketOpportunityJustifies);
    candidateStrategy = candidateStrategy == null ? Strategy.NONE : candidateStrategy;
    statedJustification = Check.orElse(statedJustification, Justification.UNKNOWN);
    publicModelsLackDomainKnowledge = Check.answer(publicModelsLackDomainKnowledge);
    proprietaryDataEdge = Check.answer(proprietaryDataEdge);
    wellFundedLab = Check.answer(wellFundedLab);
    specificIndustrialUseCase = Check.answer(specificIndustrialUseCase);
    requirementsClarified = Check.answer(requirementsClarified);
    requirementsVolatility = Check.orElse(requirementsVolatility, RequirementsVolatility.UNKNOWN);
    onDemandFineTuneServiceAvailable = Check.answer(onDemandFineTuneServiceAvailable);

    requiredTimeToProduction = Check.orElse(requiredTimeToProduction, TimeToProduction.UNKNOWN);
    upfrontBudgetUsd = Check.amount("upfrontBudgetUsd", upfrontBudgetUsd, Check.MAX_USD);
  }

  static BusinessContext unknown() {
    return new BusinessContext(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
