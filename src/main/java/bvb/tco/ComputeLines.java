package bvb.tco;

import bvb.catalog.ApiModelPrice;
import bvb.catalog.GpuPrice;

/** Monthly compute of one strategy: API tokens (after routing), routing overhead, GPUs. */
final class ComputeLines {
  static final double ALWAYS_ON_HOURS = 730;

  /** Result of the compute lines; {@code tokensPerGpuStep} is NaN unless GPUs are sized from load. */
  record Compute(
      double apiMonthlyUsd,
      Double apiCostPerCallUsd,
      boolean apiScalesWithVolume,
      RoutingEstimate routing,
      double routingOverheadMonthlyUsd,
      TcoResult.GpuDetail gpu,
      double tokensPerGpuStep) {

    double monthlyUsd() {
      return apiMonthlyUsd + routingOverheadMonthlyUsd + (gpu == null ? 0 : gpu.monthlyGpuUsd());
    }
  }

  private final Ctx ctx;

  ComputeLines(Ctx ctx) {
    this.ctx = ctx;
  }

  Compute compute() {
    RoutingEstimate routing = routing();
    double factor = routing == null ? 1 : routing.costFactor();
    StrategyCostLines.Api api = ctx.lines().api();
    double apiMonthly = 0;
    Double perCall = null;
    boolean scales = false;
    if (api.apiTokenCostMonthlyUsd() != null) {
      if (api.apiModel() != null || api.apiInputPricePerMTokUsd() != null || api.apiOutputPricePerMTokUsd() != null) {
        throw ctx.fail(TcoInputException.CONFLICT, "api.apiTokenCostMonthlyUsd",
            "a fixed monthly token bill replaces apiModel and token prices; give one or the other");
      }
      apiMonthly = ctx.log().user("api.apiTokenCostMonthlyUsd", api.apiTokenCostMonthlyUsd()) * factor;
    } else if (!api.isEmpty()) {
      double perToken = blendedPricePerToken(api) * factor;
      apiMonthly = ctx.volume().tokensPerMonth() * perToken;
      scales = true;
      if (ctx.volume().tokensPerCall() != null) {
        perCall = perToken * ctx.volume().tokensPerCall();
      }
    }
    double overhead = ctx.log().opt("routing.routingOverheadMonthlyUsd", ctx.lines().routing().routingOverheadMonthlyUsd());
    if (routing == null && !api.isEmpty() && ctx.strategy().isRouted()) {
      throw ctx.missing("routing.routableSharePct", ctx.strategy() + " with API token lines needs routableSharePct and cheapToFrontierCostRatio");
    }
    return gpu(apiMonthly, perCall, scales, routing, overhead);
  }

  private RoutingEstimate routing() {
    StrategyCostLines.Routing r = ctx.lines().routing();
    if (r.routableSharePct() == null && r.cheapToFrontierCostRatio() == null) {
      return null;
    }
    if (r.routableSharePct() == null) {
      throw ctx.missing("routing.routableSharePct", "needed with cheapToFrontierCostRatio");
    }
    if (r.cheapToFrontierCostRatio() == null) {
      throw ctx.missing("routing.cheapToFrontierCostRatio", "needed with routableSharePct; no documented default");
    }
    return RoutingEstimate.of(ctx.log().user("routing.routableSharePct", r.routableSharePct()),
        ctx.log().user("routing.cheapToFrontierCostRatio", r.cheapToFrontierCostRatio()));
  }

  private double blendedPricePerToken(StrategyCostLines.Api api) {
    VolumeProfile v = ctx.volume();
    if (v.tokensPerMonth() == null) {
      throw ctx.missing("volume.tokensPerMonth", "API token cost of " + ctx.strategy()
          + " is derived from volume: give tokensPerMonth, or requestsPerDay with tokens per request, or api.apiTokenCostMonthlyUsd");
    }
    if (v.inputShare() == null) {
      throw ctx.missing("volume.inputShareOfTokens", "needed to split tokensPerMonth into input and output for pricing; no documented default");
    }
    double share = v.inputShare();
    double in = price(api, true);
    double out = share < 1 ? price(api, false) : 0;
    return (share * in + (1 - share) * out) / 1e6;
  }

  private double price(StrategyCostLines.Api api, boolean input) {
    String field = input ? "api.apiInputPricePerMTokUsd" : "api.apiOutputPricePerMTokUsd";
    Double user = input ? api.apiInputPricePerMTokUsd() : api.apiOutputPricePerMTokUsd();
    if (user != null) {
      return ctx.log().user(field, user);
    }
    if (api.apiModel() == null) {
      throw ctx.missing(field, "give the price or api.apiModel to read it from the catalog");
    }
    ApiModelPrice entry = ctx.catalog().apiModel(api.apiModel()).orElseThrow(() -> ctx.fail(
        TcoInputException.UNKNOWN_CATALOG_ENTRY, "api.apiModel",
        "model '" + api.apiModel() + "' is not in catalog " + ctx.catalog().fileName()));
    Double value = input ? entry.inputPerMTokUsd() : entry.outputPerMTokUsd();
    if (value == null) {
      throw ctx.missing(field, "catalog entry '" + entry.id() + "' gives no output price (its source gives input only); give " + field);
    }
    return ctx.log().catalog(field, value, entry);
  }

  private Compute gpu(double api, Double perCall, boolean scales, RoutingEstimate routing, double overhead) {
    StrategyCostLines.Gpu g = ctx.lines().gpu();
    if (g.isEmpty()) {
      return new Compute(api, perCall, scales, routing, overhead, null, Double.NaN);
    }
    double amortised = amortised(g);
    Integer count = g.gpuCount() == null ? null : (int) ctx.log().user("gpu.gpuCount", g.gpuCount());
    GpuSizing sizing = null;
    double rental;
    if (g.gpuRentalMonthlyUsd() != null) {
      rental = ctx.log().user("gpu.gpuRentalMonthlyUsd", g.gpuRentalMonthlyUsd());
    } else if (g.gpuPriceId() == null && g.gpuHourlyRateUsd() == null && g.gpuMonthlyRateUsd() == null
        && count == null && !g.sizedFromLoad()) {
      rental = 0;
    } else {
      double perGpu = perGpuMonthly(g);
      if (count == null) {
        if (!g.sizedFromLoad()) {
          throw ctx.missing("gpu.gpuCount", "give gpuCount, or requestsPerSecondPerGpu / tokensPerSecondPerGpu to size from load");
        }
        sizing = GpuSizing.size(ctx, g);
        count = sizing.gpuCount();
      }
      rental = perGpu * count;
    }
    return new Compute(api, perCall, scales, routing, overhead,
        GpuSizing.detail(ctx, g, count, sizing, rental, amortised),
        sizing == null ? Double.NaN : sizing.tokensPerGpuStep());
  }

  private double perGpuMonthly(StrategyCostLines.Gpu g) {
    if (g.gpuMonthlyRateUsd() != null) {
      return ctx.log().user("gpu.gpuMonthlyRateUsd", g.gpuMonthlyRateUsd());
    }
    Double hourly = null;
    if (g.gpuHourlyRateUsd() != null) {
      hourly = ctx.log().user("gpu.gpuHourlyRateUsd", g.gpuHourlyRateUsd());
    } else if (g.gpuPriceId() != null) {
      GpuPrice p = ctx.gpuEntry("gpu.gpuPriceId", g.gpuPriceId());
      if (p.perGpuMonthlyUsd() != null) {
        if (g.hoursPerMonth() != null) {
          throw ctx.fail(TcoInputException.CONFLICT, "gpu.hoursPerMonth", "catalog entry '" + p.id() + "' is a monthly rate; hoursPerMonth does not apply");
        }
        return ctx.log().catalog("gpu.gpuMonthlyRateUsd", p.perGpuMonthlyUsd(), p);
      }
      hourly = ctx.log().catalog("gpu.gpuHourlyRateUsd", p.perGpuHourlyUsd(), p);
    } else {
      throw ctx.missing("gpu.gpuHourlyRateUsd", "give gpuHourlyRateUsd, gpuMonthlyRateUsd or gpuPriceId");
    }
    double hours = g.hoursPerMonth() != null
        ? ctx.log().user("gpu.hoursPerMonth", g.hoursPerMonth())
        : ctx.log().defaulted("gpu.hoursPerMonth", ALWAYS_ON_HOURS, "always-on month of 730 h (catalogue §0 convention; 004 '24/7')");
    return hourly * hours;
  }

  private double amortised(StrategyCostLines.Gpu g) {
    if (g.gpuPurchasePriceUsd() == null) {
      if (g.amortizationMonths() != null) {
        throw ctx.missing("gpu.gpuPurchasePriceUsd", "amortizationMonths given without a purchase price");
      }
      return 0;
    }
    if (g.amortizationMonths() == null) {
      throw ctx.missing("gpu.amortizationMonths", "needed to amortise gpuPurchasePriceUsd; no documented default");
    }
    return ctx.log().user("gpu.gpuPurchasePriceUsd", g.gpuPurchasePriceUsd())
        / ctx.log().user("gpu.amortizationMonths", g.amortizationMonths());
  }
}
