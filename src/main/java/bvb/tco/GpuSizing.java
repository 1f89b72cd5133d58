package bvb.tco;

/**
 * GPU count from load: ceil(peak load / per-GPU throughput), at least {@code minGpuCount} (1 when
 * absent); peak = mean x {@code volume.peakToMeanRatio}, which must be given.
 */
record GpuSizing(int gpuCount, double tokensPerGpuStep, double impliedMeanUtilizationPct) {

  static GpuSizing size(Ctx ctx, StrategyCostLines.Gpu g) {
    VolumeProfile v = ctx.volume();
    if (v.peakToMean() == null) {
      throw ctx.missing("volume.peakToMeanRatio", "needed to size GPUs from peak load; no documented default");
    }
    double peak = v.peakToMean();
    int min = g.minGpuCount() != null
        ? (int) ctx.log().user("gpu.minGpuCount", g.minGpuCount())
        : (int) ctx.log().defaulted("gpu.minGpuCount", 1, "neutral: serving needs at least one GPU");
    double meanLoad;
    double perGpu;
    double step;
    if (g.requestsPerSecondPerGpu() != null) {
      Double calls = v.meanCallsPerSecond();
      if (calls == null) {
        throw ctx.missing("volume.requestsPerDay", "needed to size GPUs from requestsPerSecondPerGpu");
      }
      meanLoad = calls;
      perGpu = ctx.log().user("gpu.requestsPerSecondPerGpu", g.requestsPerSecondPerGpu());
      step = v.tokensPerCall() == null ? Double.NaN
          : perGpu * v.tokensPerCall() * VolumeProfile.SECONDS_PER_MONTH / peak;
    } else {
      Double tokens = v.meanTokensPerSecond();
      if (tokens == null) {
        throw ctx.missing("volume.tokensPerMonth", "needed to size GPUs from tokensPerSecondPerGpu");
      }
      meanLoad = tokens;
      perGpu = ctx.log().user("gpu.tokensPerSecondPerGpu", g.tokensPerSecondPerGpu());
      step = perGpu * VolumeProfile.SECONDS_PER_MONTH / peak;
    }
    double required = meanLoad * peak / perGpu;
    int count = Math.max(min, (int) Math.ceil(required - 1e-9));
    ctx.log().derived("gpu.gpuCount", count, "max(minGpuCount, ceil(mean load x peakToMeanRatio / per-GPU throughput))");
    return new GpuSizing(count, step, meanLoad / (count * perGpu) * 100);
  }

  static TcoResult.GpuDetail detail(Ctx ctx, StrategyCostLines.Gpu g, Integer count,
      GpuSizing sizing, double rental, double amortised) {
    Double util = g.expectedGpuUtilizationPct() == null ? null
        : ctx.log().user("gpu.expectedGpuUtilizationPct", g.expectedGpuUtilizationPct());
    Double tokens = ctx.volume().tokensPerMonth();
    double monthly = rental + amortised;
    Double perMTok = tokens != null && tokens > 0 && monthly > 0 ? monthly / (tokens / 1e6) : null;
    Double multiplier = util == null ? null : 100 / util;
    Double fullLoad = perMTok == null || util == null ? null : perMTok * util / 100;
    return new TcoResult.GpuDetail(count, sizing != null, rental, amortised, util, multiplier,
        perMTok, fullLoad, sizing == null ? null : sizing.impliedMeanUtilizationPct());
  }
}
