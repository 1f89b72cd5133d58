package bvb.facts;

import bvb.facts.Enums.ApiFeature;
import bvb.facts.Enums.ApiTier;
import bvb.facts.Enums.DomainTask;
import bvb.facts.Enums.Level;
import bvb.facts.Enums.UpdateFrequency;
import bvb.facts.Enums.UseCasePattern;
import bvb.facts.Enums.VolumeStability;
import bvb.tco.RoutingEstimate;
import java.util.Set;

/** Volume, traffic and task of the workload (seed catalogue §6.1 "Workload"). */
@Doc("Volume, traffic and task of the workload. Give at least one of tokensPerMonth, tokensPerDay or requestsPerDay (with tokens per request).")
public record Workload(
    @Doc("Free-text use case, e.g. CUSTOMER_SUPPORT_CHATBOT.") String useCase,
    @Doc("Tokens per month, input + output.") Long tokensPerMonth,
    @Doc("Tokens per day, input + output (a month is 30 days).") Long tokensPerDay,
    @Doc("Requests per day.") Long requestsPerDay,
    @Doc("Input tokens per request.") Integer inputTokensPerRequest,
    @Doc("Output tokens per request.") Integer outputTokensPerRequest,
    @Doc("Share of tokens that are input, 0-1.") Double inputShareOfTokens,
    @Doc("Projected annual spend if all traffic went to a hosted API, USD per year.") Double annualApiSpendUsd,
    @Doc("Current total LLM spend, USD per month.") Double monthlyLlmSpendUsd,
    @Doc("Peak-to-mean traffic ratio, at least 1.") Double peakToMeanRatio,
    @Doc("How steady the traffic is.") VolumeStability volumeStability,
    @Doc("Expected GPU utilisation if self-hosted, percent 0-100.") Double expectedGpuUtilizationPct,
    @Doc("API model tier carrying the traffic today.") ApiTier apiTierInUse,
    @Doc("API model in use or planned: a key of the price catalog, e.g. gpt-4o.") String apiModel,
    @Doc("Share of traffic that does not need frontier capability, percent 0-100.") Double nonFrontierTaskSharePct,
    @Doc("Share of traffic that could be routed to a cheaper model, percent 0-100.") Double routableSharePct,
    @Doc("Cost of the cheap path relative to the frontier path, 0-1 (e.g. 0.1).") Double cheapToFrontierCostRatio,
    @Doc("API calls per completed task (retries included), at least 1.") Double attemptsPerTask,
    @Doc("The workload is a narrow, domain-specific task (seed 002).") Answer narrowDomain,
    @Doc("Kind of task, e.g. LOAN_UNDERWRITING.") DomainTask domainTask,
    @Doc("Usage is growing month over month.") Answer usageGrowing,
    @Doc("The routing logic between the cheap and the frontier path is reliable (seed 001).") Answer routingReliable,
    @Doc("Share of the workload that can run as batch jobs, 0-1 (seed 002).") Double batchShare,
    @Doc("API features the workload relies on (prompt caching, structured outputs, batch processing, ...; seed 001 Reason 5).") Set<ApiFeature> usesApiFeatures,
    @Doc("Usage, and so the API bill, tracks revenue (seed 001 Reason 3).") Answer usageTracksRevenue,
    @Doc("Use-case pattern of seed 003's RAG vs fine-tuning table.") UseCasePattern useCasePattern,
    @Doc("How often the knowledge the model needs changes: STATIC, PERIODIC, REAL_TIME.") UpdateFrequency knowledgeUpdateFrequency,
    @Doc("How much a hallucinated answer hurts: LOW, MEDIUM, HIGH.") Level hallucinationSensitivity) {

  public Workload {
    tokensPerMonth = Check.count("tokensPerMonth", tokensPerMonth, Check.MAX_TOKENS_PER_MONTH);
    tokensPerDay = Check.count("tokensPerDay", tokensPerDay, Check.MAX_TOKENS_PER_MONTH / 30);
    requestsPerDay = Check.count("requestsPerDay", requestsPerDay, 100_000_000_000L);
    inputTokensPerRequest = Check.count("inputTokensPerRequest", inputTokensPerRequest, 100_000_000);
    outputTokensPerRequest = Check.count("outputTokensPerRequest", outputTokensPerRequest, 100_000_000);
    inputShareOfTokens = Check.ratio("inputShareOfTokens", inputShareOfTokens);
    annualApiSpendUsd = Check.amount("annualApiSpendUsd", annualApiSpendUsd, Check.MAX_USD);
    monthlyLlmSpendUsd = Check.amount("monthlyLlmSpendUsd", monthlyLlmSpendUsd, Check.MAX_USD);
    peakToMeanRatio = Check.atLeastOne("peakToMeanRatio", peakToMeanRatio, 1000);
    volumeStability = Check.orElse(volumeStability, VolumeStability.UNKNOWN);
    expectedGpuUtilizationPct = Check.pct("expectedGpuUtilizationPct", expectedGpuUtilizationPct);
    apiTierInUse = Check.orElse(apiTierInUse, ApiTier.UNKNOWN);
    nonFrontierTaskSharePct = Check.pct("nonFrontierTaskSharePct", nonFrontierTaskSharePct);
    routableSharePct = Check.pct("routableSharePct", routableSharePct);
    cheapToFrontierCostRatio = Check.ratio("cheapToFrontierCostRatio", cheapToFrontierCostRatio);
    attemptsPerTask = Check.atLeastOne("attemptsPerTask", attemptsPerTask, 1000);
    narrowDomain = Check.answer(narrowDomain);
    domainTask = Check.orElse(domainTask, DomainTask.UNKNOWN);
    usageGrowing = Check.answer(usageGrowing);
    routingReliable = Check.answer(routingReliable);
    batchShare = Check.ratio("batchShare", batchShare);
    usesApiFeatures = Check.set(usesApiFeatures);
    usageTracksRevenue = Check.answer(usageTracksRevenue);
    useCasePattern = Check.orElse(useCasePattern, UseCasePattern.UNKNOWN);
    knowledgeUpdateFrequency = Check.orElse(knowledgeUpdateFrequency, UpdateFrequency.UNKNOWN);
    hallucinationSensitivity = Check.orElse(hallucinationSensitivity, Level.UNKNOWN);
    if (tokensPerMonth == null && tokensPerDay == null && requestsPerDay == null) {
      throw new FieldException(
          "FACTS-020",
          "tokensPerMonth",
          "is required: give tokensPerMonth, tokensPerDay or requestsPerDay");
    }
    checkDerivedVolume(tokensPerMonth, tokensPerDay, requestsPerDay, inputTokensPerRequest, outputTokensPerRequest);
  }

  /** Seed 002's narrow-domain tasks: loan underwriting, insurance claim processing, medical coding. */
  public boolean seed002NarrowDomainTask() {
    return domainTask == DomainTask.LOAN_UNDERWRITING
        || domainTask == DomainTask.INSURANCE_CLAIMS
        || domainTask == DomainTask.MEDICAL_CODING;
  }

  /**
   * Whether the workload is a narrow domain: YES when stated or when the task is one seed 002
   * names (REQ-002), otherwise the stated answer (NO or UNKNOWN).
   */
  public Answer narrowDomainEffective() {
    return seed002NarrowDomainTask() ? Answer.YES : narrowDomain;
  }

  /**
   * How many times the per-token cost of a GPU at full load the cost at the expected utilisation
   * is (100 / utilisation; seed 000: 10% load is "ten times worse"); null when utilisation is not
   * given or is 0.
   */
  public Double utilizationCostMultiplier() {
    return expectedGpuUtilizationPct == null || expectedGpuUtilizationPct == 0
        ? null
        : 100.0 / expectedGpuUtilizationPct;
  }

  /**
   * Routing of {@code routableSharePct} of the traffic to a cheaper path at
   * {@code cheapToFrontierCostRatio} of the frontier per call (seed 001's fine-tuned small model,
   * ROUTE-002; seed 004's cheap model, ROUTE-008); null when either is not given.
   */
  public RoutingEstimate cheapModelRouting() {
    return routableSharePct == null || cheapToFrontierCostRatio == null
        ? null
        : RoutingEstimate.of(routableSharePct, cheapToFrontierCostRatio);
  }

  /**
   * Cost of the whole workload after routing, percent of the original
   * ({@code (100 - share) + share x ratio}; 70% at 0.1 leaves 37%, where seed 001 says "~33%",
   * catalogue A-12); null when either input is missing.
   */
  public Double cheapModelRoutingCostPct() {
    RoutingEstimate r = cheapModelRouting();
    return r == null ? null : r.resultingCostPctOfOriginal();
  }

  /**
   * Savings of routing, percent of the API bill ({@code routableSharePct x (1 -
   * cheapToFrontierCostRatio)}, ROUTE-008); null when either input is missing.
   */
  public Double cheapModelRoutingSavingsPct() {
    RoutingEstimate r = cheapModelRouting();
    return r == null ? null : r.savingsPct();
  }

  /**
   * The volumes the fact file gives must agree and stay in range once turned into tokens a month
   * (30 days): tokensPerDay x 30, or requestsPerDay x tokens per request x 30.
   */
  private static void checkDerivedVolume(Long perMonth, Long perDay, Long requests, Integer in, Integer out) {
    if (perDay != null) {
      long monthly = monthly("tokensPerDay", () -> Math.multiplyExact(perDay, 30L));
      // 1%: room for a rounded daily figure
      if (perMonth != null && Math.abs(monthly - perMonth) > perMonth / 100) {
        throw new FieldException("FACTS-015", "tokensPerDay",
            "x 30 = " + monthly + " disagrees with tokensPerMonth = " + perMonth + "; give one of them");
      }
    }
    if (requests != null && in != null && out != null) {
      monthly("requestsPerDay", () -> Math.multiplyExact(Math.multiplyExact(requests, (long) in + out), 30L));
    }
  }

  private static long monthly(String field, java.util.function.LongSupplier tokensPerMonth) {
    long v;
    try {
      v = tokensPerMonth.getAsLong();
    } catch (ArithmeticException e) {
      throw new FieldException("FACTS-011", field, "gives a token volume too large to count");
    }
    if (v > Check.MAX_TOKENS_PER_MONTH) {
      throw new FieldException("FACTS-011", field,
          "gives " + v + " tokens a month, implausibly large (at most " + Check.MAX_TOKENS_PER_MONTH + ")");
    }
    return v;
  }

  /**
   * This workload with the spend figure that is missing derived from the other (annual = monthly
   * x 12 and back, catalogue C-01), or this workload itself when both or neither are given.
   */
  public Workload withDerivedSpend() {
    if ((annualApiSpendUsd == null) == (monthlyLlmSpendUsd == null)) {
      return this;
    }
    Double annual = annualApiSpendUsd != null ? annualApiSpendUsd : monthlyLlmSpendUsd * 12;
    Double monthly = monthlyLlmSpendUsd != null ? monthlyLlmSpendUsd : annualApiSpendUsd / 12;
    return new Workload(useCase, tokensPerMonth, tokensPerDay, requestsPerDay, inputTokensPerRequest, outputTokensPerRequest, inputShareOfTokens, annual, monthly, peakToMeanRatio, volumeStability, expectedGpuUtilizationPct, apiTierInUse, apiModel, nonFrontierTaskSharePct, routableSharePct, cheapToFrontierCostRatio, attemptsPerTask, narrowDomain, domainTask, usageGrowing, routingReliable, batchShare, usesApiFeatures, usageTracksRevenue, useCasePattern, knowledgeUpdateFrequency, hallucinationSensitivity);
  }
}
