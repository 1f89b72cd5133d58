package bvb.tco;

import bvb.catalog.GpuPrice;

/** Engineering, data/eval, compliance, fine-tuning and opportunity lines of one strategy. */
final class OperatingLines {
  static final double WEEKS_PER_YEAR = 52;
  static final double DEFAULT_TIME_TO_PRODUCTION_MONTHS = 1.0;

  /** Monthly amounts per category, non-monthly amounts per category, and opportunity cost. */
  record Operating(
      double monthlyEngineeringUsd,
      double monthlyDataEvalUsd,
      double monthlyComplianceUsd,
      double oneTimeComputeUsd,
      double oneTimeEngineeringUsd,
      double oneTimeDataEvalUsd,
      double oneTimeComplianceUsd,
      double opportunityCostUsd) {}

  private final Ctx ctx;
  private final SourceLog log;

  OperatingLines(Ctx ctx) {
    this.ctx = ctx;
    this.log = ctx.log();
  }

  Operating compute() {
    StrategyCostLines.Engineering e = ctx.lines().engineering();
    StrategyCostLines.DataEval d = ctx.lines().dataEval();
    StrategyCostLines.Compliance c = ctx.lines().compliance();
    double cycles = fineTuneCycles();
    double monthlyData = log.opt("dataEval.dataLabelingMonthlyUsd", d.dataLabelingMonthlyUsd())
        + log.opt("dataEval.evalInfrastructureMonthlyUsd", d.evalInfrastructureMonthlyUsd())
        + log.opt("dataEval.monitoringMonthlyUsd", d.monitoringMonthlyUsd());
    double monthlyCompliance = log.opt("compliance.complianceOngoingMonthlyUsd", c.complianceOngoingMonthlyUsd())
        + log.opt("compliance.securityTestingMonthlyUsd", c.securityTestingMonthlyUsd())
        + incidentsMonthly(c);
    return new Operating(monthlyEngineering(e), monthlyData, monthlyCompliance,
        fineTuneRuns(cycles), oneTimeEngineering(e), labeling(d, cycles),
        log.opt("compliance.complianceOneTimeUsd", c.complianceOneTimeUsd()), opportunity(e));
  }

  private double monthlyEngineering(StrategyCostLines.Engineering e) {
    double mlFte = log.opt("engineering.mlEngineerFte", e.mlEngineerFte())
        + log.opt("engineering.maintenanceFte", e.maintenanceFte())
        + log.opt("engineering.promptMaintenanceFte", e.promptMaintenanceFte())
        + log.opt("engineering.evalMaintenanceFte", e.evalMaintenanceFte())
        + log.opt("engineering.complianceDocsFte", e.complianceDocsFte());
    double migrationWeeksPerMonth = migrationWeeksPerYear(e) / 12;
    double total = 0;
    if (mlFte > 0 || migrationWeeksPerMonth > 0) {
      double fteMonthsPerWeek = 12 / WEEKS_PER_YEAR;
      total += (mlFte + migrationWeeksPerMonth * fteMonthsPerWeek) * mlRate(e);
    }
    double devops = log.opt("engineering.devopsFte", e.devopsFte());
    if (devops > 0) {
      total += devops * ctx.userOrCatalogRate("engineering.devopsMonthlyLoadedCostUsd",
          e.devopsMonthlyLoadedCostUsd(), Ctx.DEVOPS_RATE_ID);
    }
    double hours = log.opt("engineering.engineeringHoursPerMonth", e.engineeringHoursPerMonth());
    if (hours > 0) {
      if (e.engineeringHourlyRateUsd() == null) {
        throw ctx.missing("engineering.engineeringHourlyRateUsd",
            "needed with engineeringHoursPerMonth; the catalog has only a range (labor.engineering-hourly)");
      }
      total += hours * log.user("engineering.engineeringHourlyRateUsd", e.engineeringHourlyRateUsd());
    }
    return total;
  }

  private double migrationWeeksPerYear(StrategyCostLines.Engineering e) {
    if (e.modelMigrationsPerYear() == null || e.modelMigrationsPerYear() == 0) {
      return 0;
    }
    if (e.engineeringWeeksPerMigration() == null) {
      throw ctx.missing("engineering.engineeringWeeksPerMigration",
          "needed with modelMigrationsPerYear (004 budgets 1-2 weeks; choose one)");
    }
    return log.user("engineering.modelMigrationsPerYear", e.modelMigrationsPerYear())
        * log.user("engineering.engineeringWeeksPerMigration", e.engineeringWeeksPerMigration());
  }

  private double mlRate(StrategyCostLines.Engineering e) {
    return ctx.userOrCatalogRate("engineering.mlEngineerMonthlyLoadedCostUsd",
        e.mlEngineerMonthlyLoadedCostUsd(), Ctx.ML_RATE_ID);
  }

  private double oneTimeEngineering(StrategyCostLines.Engineering e) {
    double fteMonths = log.opt("engineering.integrationFteMonths", e.integrationFteMonths())
        + log.opt("engineering.setupFteMonths", e.setupFteMonths());
    double setup = fteMonths > 0 ? fteMonths * mlRate(e) : 0;
    return setup + log.opt("engineering.hiringCostUsd", e.hiringCostUsd());
  }

  private double incidentsMonthly(StrategyCostLines.Compliance c) {
    if (c.incidentsPerYear() == null && c.costPerIncidentUsd() == null) {
      return 0;
    }
    if (c.incidentsPerYear() == null || c.costPerIncidentUsd() == null) {
      String absent = c.incidentsPerYear() == null ? "compliance.incidentsPerYear" : "compliance.costPerIncidentUsd";
      throw ctx.missing(absent, "incidentsPerYear and costPerIncidentUsd go together");
    }
    return log.user("compliance.incidentsPerYear", c.incidentsPerYear())
        * log.user("compliance.costPerIncidentUsd", c.costPerIncidentUsd()) / 12;
  }

  private double fineTuneCycles() {
    Double interval = ctx.lines().fineTuning().refreshIntervalMonths();
    if (interval == null) {
      return 1;
    }
    log.user("fineTuning.refreshIntervalMonths", interval);
    return log.derived("fineTuning.cycles", Math.ceil(ctx.horizonMonths() / interval - 1e-9),
        "ceil(horizonMonths / refreshIntervalMonths): initial run plus refreshes inside the horizon");
  }

  private double fineTuneRuns(double cycles) {
    StrategyCostLines.FineTuning f = ctx.lines().fineTuning();
    double upfront = log.opt("fineTuning.fineTuneUpfrontUsd", f.fineTuneUpfrontUsd());
    if (!f.hasRuns()) {
      if (f.runsPerCycle() != null) {
        throw ctx.missing("fineTuning.fineTuneRunCostUsd", "runsPerCycle given without a run cost or trainingHoursPerRun");
      }
      return upfront;
    }
    if (f.runsPerCycle() == null) {
      throw ctx.missing("fineTuning.runsPerCycle", "needed to cost fine-tuning runs; no documented default");
    }
    double perRun = f.fineTuneRunCostUsd() != null
        ? log.user("fineTuning.fineTuneRunCostUsd", f.fineTuneRunCostUsd())
        : log.user("fineTuning.trainingHoursPerRun", f.trainingHoursPerRun()) * trainingRate(f);
    return cycles * log.user("fineTuning.runsPerCycle", f.runsPerCycle()) * perRun + upfront;
  }

  private double trainingRate(StrategyCostLines.FineTuning f) {
    if (f.trainingGpuHourlyRateUsd() != null) {
      return log.user("fineTuning.trainingGpuHourlyRateUsd", f.trainingGpuHourlyRateUsd());
    }
    if (f.trainingGpuPriceId() == null) {
      throw ctx.missing("fineTuning.trainingGpuHourlyRateUsd", "give trainingGpuHourlyRateUsd or trainingGpuPriceId");
    }
    GpuPrice p = ctx.gpuEntry("fineTuning.trainingGpuPriceId", f.trainingGpuPriceId());
    if (p.perGpuHourlyUsd() == null) {
      throw ctx.fail(TcoInputException.NOT_APPLICABLE, "fineTuning.trainingGpuPriceId",
          "catalog entry '" + p.id() + "' is a monthly rate; training needs an hourly rate");
    }
    return log.catalog("fineTuning.trainingGpuHourlyRateUsd", p.perGpuHourlyUsd(), p);
  }

  private double labeling(StrategyCostLines.DataEval d, double cycles) {
    if (d.labeledExamples() == null || d.labeledExamples() == 0) {
      if (d.labelCostPerExampleUsd() != null || d.qaOverheadPct() != null) {
        throw ctx.missing("dataEval.labeledExamples", "label price or QA overhead given without labeledExamples");
      }
      return 0;
    }
    if (d.labelCostPerExampleUsd() == null) {
      throw ctx.missing("dataEval.labelCostPerExampleUsd", "needed with labeledExamples; the catalog has only ranges");
    }
    if (d.qaOverheadPct() == null) {
      throw ctx.missing("dataEval.qaOverheadPct", "needed with labeledExamples (002: 20-30 %; 004: none); choose one, 0 allowed");
    }
    double overrun = d.labelingOverrunFactor() != null
        ? log.user("dataEval.labelingOverrunFactor", d.labelingOverrunFactor())
        : log.defaulted("dataEval.labelingOverrunFactor", 1, "neutral: no overrun");
    double once = log.user("dataEval.labeledExamples", d.labeledExamples())
        * log.user("dataEval.labelCostPerExampleUsd", d.labelCostPerExampleUsd())
        * (1 + log.user("dataEval.qaOverheadPct", d.qaOverheadPct()) / 100) * overrun;
    return Boolean.TRUE.equals(ctx.lines().fineTuning().labelingRepeatsEachCycle()) ? once * cycles : once;
  }

  private double opportunity(StrategyCostLines.Engineering e) {
    StrategyCostLines.Opportunity o = ctx.lines().opportunity();
    if (o.monthlyRevenueOpportunityUsd() == null) {
      log.opt("opportunity.timeToProductionMonths", o.timeToProductionMonths());
      return 0;
    }
    double revenue = log.user("opportunity.monthlyRevenueOpportunityUsd", o.monthlyRevenueOpportunityUsd());
    double months = o.timeToProductionMonths() != null
        ? log.user("opportunity.timeToProductionMonths", o.timeToProductionMonths())
        : log.defaulted("opportunity.timeToProductionMonths", DEFAULT_TIME_TO_PRODUCTION_MONTHS,
            "004 CostComponents default: time_to_production_months: float = 1.0");
    return (months + log.opt("engineering.hiringLeadMonths", e.hiringLeadMonths())) * revenue;
  }
}
