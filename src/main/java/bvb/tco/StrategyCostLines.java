package bvb.tco;

import java.util.Arrays;
import java.util.Objects;

/**
 * One strategy's cost lines (catalogue §4.1/§4.2), grouped as in the fact file. Every field is
 * nullable: absent additive lines count as 0, absent prices come from the catalog, and an absent
 * value a calculation needs without a documented default is an error at calculation time.
 */
public record StrategyCostLines(
    Api api,
    Routing routing,
    Gpu gpu,
    Engineering engineering,
    DataEval dataEval,
    Compliance compliance,
    FineTuning fineTuning,
    Opportunity opportunity,
    Double uncertaintyBufferPct,
    Boolean bufferAppliesToOpportunity) {

  public StrategyCostLines {
    api = api == null ? Api.NONE : api;
    routing = routing == null ? Routing.NONE : routing;
    gpu = gpu == null ? Gpu.NONE : gpu;
    engineering = engineering == null ? Engineering.NONE : engineering;
    dataEval = dataEval == null ? DataEval.NONE : dataEval;
    compliance = compliance == null ? Compliance.NONE : compliance;
    fineTuning = fineTuning == null ? FineTuning.NONE : fineTuning;
    opportunity = opportunity == null ? Opportunity.NONE : opportunity;
    Checks.nonNegative("uncertaintyBufferPct", uncertaintyBufferPct);
  }

  /** True when no cost line at all is given. */
  boolean isEmpty() {
    return api.equals(Api.NONE) && routing.equals(Routing.NONE) && gpu.equals(Gpu.NONE)
        && engineering.equals(Engineering.NONE) && dataEval.equals(DataEval.NONE)
        && compliance.equals(Compliance.NONE) && fineTuning.equals(FineTuning.NONE)
        && opportunity.equals(Opportunity.NONE);
  }

  static boolean allNull(Object... values) {
    return Arrays.stream(values).allMatch(Objects::isNull);
  }

  /** API token lines: a fixed monthly token bill, or a model (catalog key) and/or explicit prices. */
  public record Api(
      String apiModel,
      Double apiInputPricePerMTokUsd,
      Double apiOutputPricePerMTokUsd,
      Double apiTokenCostMonthlyUsd) {
    static final Api NONE = new Api(null, null, null, null);

    public Api {
      Checks.nonNegative("api.apiInputPricePerMTokUsd", apiInputPricePerMTokUsd);
      Checks.nonNegative("api.apiOutputPricePerMTokUsd", apiOutputPricePerMTokUsd);
      Checks.nonNegative("api.apiTokenCostMonthlyUsd", apiTokenCostMonthlyUsd);
    }

    boolean isEmpty() {
      return allNull(apiModel, apiInputPricePerMTokUsd, apiOutputPricePerMTokUsd, apiTokenCostMonthlyUsd);
    }
  }

  /** Share of traffic sent to a cheaper path, and that path's cost per call relative to the frontier. */
  public record Routing(
      Double routableSharePct, Double cheapToFrontierCostRatio, Double routingOverheadMonthlyUsd) {
    static final Routing NONE = new Routing(null, null, null);

    public Routing {
      Checks.between("routing.routableSharePct", routableSharePct, 0, 100);
      Checks.between("routing.cheapToFrontierCostRatio", cheapToFrontierCostRatio, 0, 1);
      Checks.nonNegative("routing.routingOverheadMonthlyUsd", routingOverheadMonthlyUsd);
    }

    boolean isEmpty() {
      return allNull(routableSharePct, cheapToFrontierCostRatio, routingOverheadMonthlyUsd);
    }
  }

  /**
   * GPU lines: a fixed monthly rental, or a per-GPU rate (user hourly/monthly, or a catalog GPU
   * entry) times a GPU count that is given or sized from peak load and per-GPU throughput; plus an
   * optional purchase amortised over months.
   */
  public record Gpu(
      String gpuPriceId,
      Double gpuHourlyRateUsd,
      Double gpuMonthlyRateUsd,
      Double gpuRentalMonthlyUsd,
      Integer gpuCount,
      Double requestsPerSecondPerGpu,
      Double tokensPerSecondPerGpu,
      Integer minGpuCount,
      Double hoursPerMonth,
      Double expectedGpuUtilizationPct,
      Double gpuPurchasePriceUsd,
      Integer amortizationMonths) {
    static final Gpu NONE = new Gpu(null, null, null, null, null, null, null, null, null, null, null, null);

    public Gpu {
      Checks.nonNegative("gpu.gpuHourlyRateUsd", gpuHourlyRateUsd);
      Checks.nonNegative("gpu.gpuMonthlyRateUsd", gpuMonthlyRateUsd);
      Checks.nonNegative("gpu.gpuRentalMonthlyUsd", gpuRentalMonthlyUsd);
      Checks.nonNegative("gpu.gpuCount", gpuCount);
      Checks.positive("gpu.requestsPerSecondPerGpu", requestsPerSecondPerGpu);
      Checks.positive("gpu.tokensPerSecondPerGpu", tokensPerSecondPerGpu);
      Checks.nonNegative("gpu.minGpuCount", minGpuCount);
      Checks.between("gpu.hoursPerMonth", hoursPerMonth, 0, 744);
      Checks.utilisation("gpu.expectedGpuUtilizationPct", expectedGpuUtilizationPct);
      Checks.nonNegative("gpu.gpuPurchasePriceUsd", gpuPurchasePriceUsd);
      Checks.positive("gpu.amortizationMonths", amortizationMonths);
      Checks.exclusive("gpu.gpuHourlyRateUsd", gpuHourlyRateUsd, "gpu.gpuMonthlyRateUsd", gpuMonthlyRateUsd);
      Checks.exclusive("gpu.gpuCount", gpuCount, "gpu.requestsPerSecondPerGpu", requestsPerSecondPerGpu);
      Checks.exclusive("gpu.gpuCount", gpuCount, "gpu.tokensPerSecondPerGpu", tokensPerSecondPerGpu);
      Checks.exclusive(
          "gpu.requestsPerSecondPerGpu", requestsPerSecondPerGpu,
          "gpu.tokensPerSecondPerGpu", tokensPerSecondPerGpu);
      if (gpuRentalMonthlyUsd != null
          && !allNull(gpuPriceId, gpuHourlyRateUsd, gpuMonthlyRateUsd, requestsPerSecondPerGpu,
              tokensPerSecondPerGpu, minGpuCount, hoursPerMonth)) {
        throw new TcoInputException(TcoInputException.CONFLICT, "gpu.gpuRentalMonthlyUsd",
            "a fixed monthly rental replaces rates, sizing and hours; remove those or the rental");
      }
      if (gpuMonthlyRateUsd != null && hoursPerMonth != null) {
        throw new TcoInputException(TcoInputException.CONFLICT, "gpu.hoursPerMonth",
            "hoursPerMonth applies to an hourly rate, not to gpuMonthlyRateUsd");
      }
    }

    boolean isEmpty() {
      return allNull(gpuPriceId, gpuHourlyRateUsd, gpuMonthlyRateUsd, gpuRentalMonthlyUsd, gpuCount,
          requestsPerSecondPerGpu, tokensPerSecondPerGpu, minGpuCount, hoursPerMonth,
          expectedGpuUtilizationPct, gpuPurchasePriceUsd, amortizationMonths);
    }

    boolean sizedFromLoad() {
      return requestsPerSecondPerGpu != null || tokensPerSecondPerGpu != null;
    }
  }

  /**
   * People: FTE lines (double) priced at loaded monthly costs, hours x hourly rate, one-time
   * integration/setup FTE-months, model migrations, hiring.
   */
  public record Engineering(
      Double mlEngineerFte,
      Double mlEngineerMonthlyLoadedCostUsd,
      Double devopsFte,
      Double devopsMonthlyLoadedCostUsd,
      Double maintenanceFte,
      Double promptMaintenanceFte,
      Double evalMaintenanceFte,
      Double complianceDocsFte,
      Double engineeringHoursPerMonth,
      Double engineeringHourlyRateUsd,
      Double integrationFteMonths,
      Double setupFteMonths,
      Double modelMigrationsPerYear,
      Double engineeringWeeksPerMigration,
      Double hiringCostUsd,
      Double hiringLeadMonths) {
    static final Engineering NONE =
        new Engineering(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Engineering {
      Checks.nonNegative("engineering.mlEngineerFte", mlEngineerFte);
      Checks.nonNegative("engineering.mlEngineerMonthlyLoadedCostUsd", mlEngineerMonthlyLoadedCostUsd);
      Checks.nonNegative("engineering.devopsFte", devopsFte);
      Checks.nonNegative("engineering.devopsMonthlyLoadedCostUsd", devopsMonthlyLoadedCostUsd);
      Checks.nonNegative("engineering.maintenanceFte", maintenanceFte);
      Checks.nonNegative("engineering.promptMaintenanceFte", promptMaintenanceFte);
      Checks.nonNegative("engineering.evalMaintenanceFte", evalMaintenanceFte);
      Checks.nonNegative("engineering.complianceDocsFte", complianceDocsFte);
      Checks.nonNegative("engineering.engineeringHoursPerMonth", engineeringHoursPerMonth);
      Checks.nonNegative("engineering.engineeringHourlyRateUsd", engineeringHourlyRateUsd);
      Checks.nonNegative("engineering.integrationFteMonths", integrationFteMonths);
      Checks.nonNegative("engineering.setupFteMonths", setupFteMonths);
      Checks.nonNegative("engineering.modelMigrationsPerYear", modelMigrationsPerYear);
      Checks.nonNegative("engineering.engineeringWeeksPerMigration", engineeringWeeksPerMigration);
      Checks.nonNegative("engineering.hiringCostUsd", hiringCostUsd);
      Checks.nonNegative("engineering.hiringLeadMonths", hiringLeadMonths);
    }
  }

  /** Labeling (one-time examples or monthly), evaluation infrastructure, monitoring. */
  public record DataEval(
      Long labeledExamples,
      Double labelCostPerExampleUsd,
      Double qaOverheadPct,
      Double labelingOverrunFactor,
      Double dataLabelingMonthlyUsd,
      Double evalInfrastructureMonthlyUsd,
      Double monitoringMonthlyUsd) {
    static final DataEval NONE = new DataEval(null, null, null, null, null, null, null);

    public DataEval {
      Checks.nonNegative("dataEval.labeledExamples", labeledExamples);
      Checks.nonNegative("dataEval.labelCostPerExampleUsd", labelCostPerExampleUsd);
      Checks.nonNegative("dataEval.qaOverheadPct", qaOverheadPct);
      Checks.atLeast("dataEval.labelingOverrunFactor", labelingOverrunFactor, 1);
      Checks.nonNegative("dataEval.dataLabelingMonthlyUsd", dataLabelingMonthlyUsd);
      Checks.nonNegative("dataEval.evalInfrastructureMonthlyUsd", evalInfrastructureMonthlyUsd);
      Checks.nonNegative("dataEval.monitoringMonthlyUsd", monitoringMonthlyUsd);
    }
  }

  /** Compliance set-up and upkeep, security testing, expected incident cost. */
  public record Compliance(
      Double complianceOneTimeUsd,
      Double complianceOngoingMonthlyUsd,
      Double securityTestingMonthlyUsd,
      Double incidentsPerYear,
      Double costPerIncidentUsd) {
    static final Compliance NONE = new Compliance(null, null, null, null, null);

    public Compliance {
      Checks.nonNegative("compliance.complianceOneTimeUsd", complianceOneTimeUsd);
      Checks.nonNegative("compliance.complianceOngoingMonthlyUsd", complianceOngoingMonthlyUsd);
      Checks.nonNegative("compliance.securityTestingMonthlyUsd", securityTestingMonthlyUsd);
      Checks.nonNegative("compliance.incidentsPerYear", incidentsPerYear);
      Checks.nonNegative("compliance.costPerIncidentUsd", costPerIncidentUsd);
    }
  }

  /** LoRA or full fine-tune. */
  public enum FineTuneMethod {
    LORA,
    FULL
  }

  /**
   * Fine-tuning: a run costs {@code fineTuneRunCostUsd} or {@code trainingHoursPerRun} x a GPU
   * rate; each cycle has {@code runsPerCycle} runs; cycles over the horizon = ceil(horizon /
   * refreshIntervalMonths) (1 without a refresh interval); plus a one-time upfront amount.
   */
  public record FineTuning(
      FineTuneMethod method,
      Double fineTuneRunCostUsd,
      Double trainingHoursPerRun,
      Double trainingGpuHourlyRateUsd,
      String trainingGpuPriceId,
      Integer runsPerCycle,
      Double refreshIntervalMonths,
      Boolean labelingRepeatsEachCycle,
      Double fineTuneUpfrontUsd) {
    static final FineTuning NONE = new FineTuning(null, null, null, null, null, null, null, null, null);

    public FineTuning {
      Checks.nonNegative("fineTuning.fineTuneRunCostUsd", fineTuneRunCostUsd);
      Checks.nonNegative("fineTuning.trainingHoursPerRun", trainingHoursPerRun);
      Checks.nonNegative("fineTuning.trainingGpuHourlyRateUsd", trainingGpuHourlyRateUsd);
      Checks.nonNegative("fineTuning.runsPerCycle", runsPerCycle);
      Checks.positive("fineTuning.refreshIntervalMonths", refreshIntervalMonths);
      Checks.nonNegative("fineTuning.fineTuneUpfrontUsd", fineTuneUpfrontUsd);
      Checks.exclusive("fineTuning.fineTuneRunCostUsd", fineTuneRunCostUsd,
          "fineTuning.trainingHoursPerRun", trainingHoursPerRun);
      Checks.exclusive("fineTuning.trainingGpuHourlyRateUsd", trainingGpuHourlyRateUsd,
          "fineTuning.trainingGpuPriceId", trainingGpuPriceId);
    }

    boolean hasRuns() {
      return fineTuneRunCostUsd != null || trainingHoursPerRun != null;
    }
  }

  /** Delay before revenue and the revenue forgone per month of delay. */
  public record Opportunity(Double timeToProductionMonths, Double monthlyRevenueOpportunityUsd) {
    static final Opportunity NONE = new Opportunity(null, null);

    public Opportunity {
      Checks.nonNegative("opportunity.timeToProductionMonths", timeToProductionMonths);
      Checks.nonNegative("opportunity.monthlyRevenueOpportunityUsd", monthlyRevenueOpportunityUsd);
    }
  }
}
