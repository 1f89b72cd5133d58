package bvb.tco;

import java.util.EnumMap;
import java.util.Map;

/** Turns one strategy's cost lines into a {@link TcoResult} (catalogue §4.1 structure). */
final class StrategyCalculator {
  static final double DEFAULT_BUFFER_PCT = 30;

  /** A result plus what the break-even search needs to know about it. */
  record Costed(TcoResult result, double tokensPerGpuStep, boolean volumeDependent) {}

  private StrategyCalculator() {}

  static Costed evaluate(Ctx ctx) {
    if (ctx.lines().isEmpty()) {
      throw ctx.fail(TcoInputException.EMPTY, "", "no cost lines given; give at least one line");
    }
    ComputeLines.Compute compute = new ComputeLines(ctx).compute();
    OperatingLines.Operating op = new OperatingLines(ctx).compute();
    int h = ctx.horizonMonths();
    Map<CostCategory, Double> monthly = new EnumMap<>(CostCategory.class);
    monthly.put(CostCategory.COMPUTE, compute.monthlyUsd());
    monthly.put(CostCategory.ENGINEERING, op.monthlyEngineeringUsd());
    monthly.put(CostCategory.DATA_EVAL, op.monthlyDataEvalUsd());
    monthly.put(CostCategory.COMPLIANCE, op.monthlyComplianceUsd());
    Map<CostCategory, Double> oneTime = new EnumMap<>(CostCategory.class);
    oneTime.put(CostCategory.COMPUTE, op.oneTimeComputeUsd());
    oneTime.put(CostCategory.ENGINEERING, op.oneTimeEngineeringUsd());
    oneTime.put(CostCategory.DATA_EVAL, op.oneTimeDataEvalUsd());
    oneTime.put(CostCategory.COMPLIANCE, op.oneTimeComplianceUsd());
    Map<CostCategory, Double> horizon = new EnumMap<>(CostCategory.class);
    monthly.forEach((cat, m) -> horizon.put(cat, m * h + oneTime.get(cat)));
    horizon.put(CostCategory.OPPORTUNITY, op.opportunityCostUsd());
    double monthlyTotal = sum(monthly);
    double oneTimeTotal = sum(oneTime);
    double total = monthlyTotal * h + oneTimeTotal + op.opportunityCostUsd();
    Map<CostCategory, Double> shares = new EnumMap<>(CostCategory.class);
    horizon.forEach((cat, v) -> shares.put(cat, total > 0 ? v / total * 100 : 0.0));
    Double bufferPct = bufferPct(ctx);
    Double buffered = bufferPct == null ? null : buffered(ctx, total, op.opportunityCostUsd(), bufferPct);
    TcoResult result = new TcoResult(ctx.strategy(), h,
        monthly.get(CostCategory.COMPUTE), monthly.get(CostCategory.ENGINEERING),
        monthly.get(CostCategory.DATA_EVAL), monthly.get(CostCategory.COMPLIANCE), monthlyTotal,
        oneTime, oneTimeTotal, op.opportunityCostUsd(), total, bufferPct, buffered, horizon, shares,
        ctx.lines().api().isEmpty() ? null : compute.apiMonthlyUsd(),
        compute.apiCostPerCallUsd(),
        compute.apiCostPerCallUsd() == null ? null : compute.apiCostPerCallUsd() * ctx.volume().attempts(),
        perMTok(ctx, total - op.opportunityCostUsd()), gpuRatio(compute, total - op.opportunityCostUsd(), h),
        compute.gpu(), compute.routing(), ctx.log().sources());
    boolean dependent = compute.apiScalesWithVolume() || !Double.isNaN(compute.tokensPerGpuStep());
    return new Costed(result, compute.tokensPerGpuStep(), dependent);
  }

  private static double sum(Map<CostCategory, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static Double bufferPct(Ctx ctx) {
    if (!ctx.strategy().isBuffered()) {
      return null;
    }
    Double pct = ctx.lines().uncertaintyBufferPct();
    return pct != null
        ? ctx.log().user("uncertaintyBufferPct", pct)
        : ctx.log().defaulted("uncertaintyBufferPct", DEFAULT_BUFFER_PCT,
            "004: Add a 30% \"uncertainty buffer\" to any TCO estimate for a self-hosted LLM deployment.");
  }

  private static double buffered(Ctx ctx, double total, double opportunity, double pct) {
    Boolean flag = ctx.lines().bufferAppliesToOpportunity();
    boolean onOpportunity = flag != null
        ? ctx.log().user("bufferAppliesToOpportunity", flag ? 1 : 0) == 1
        : ctx.log().defaulted("bufferAppliesToOpportunity", 0,
            "catalogue §4.1 proposal: buffer the cost lines, not the opportunity cost") == 1;
    double factor = 1 + pct / 100;
    return onOpportunity ? total * factor : (total - opportunity) * factor + opportunity;
  }

  private static Double perMTok(Ctx ctx, double costExOpportunity) {
    Double tokens = ctx.volume().tokensPerMonth();
    if (tokens == null || tokens <= 0) {
      return null;
    }
    return costExOpportunity / ctx.horizonMonths() / (tokens / 1e6);
  }

  private static Double gpuRatio(ComputeLines.Compute compute, double costExOpportunity, int h) {
    if (compute.gpu() == null || compute.gpu().monthlyGpuUsd() <= 0) {
      return null;
    }
    return costExOpportunity / (compute.gpu().monthlyGpuUsd() * h);
  }
}
