package bvb.facts;

import bvb.tco.TcoInputs;
import bvb.tco.Volume;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One workload fact file: the workload and its profiles. Missing profiles are all "unknown". */
@Doc("A workload fact file for bvb: the workload and its profiles. Only workload is required; every other field left out is 'not known' and may produce a next step asking for it.")
public record FactSet(
    @JsonProperty("$schema") @Doc("Optional path or URL of this schema, for editors.") String schema,
    @Doc("Short name of the workload or scenario.") String name,
    @Doc("Free-text description.") String description,
    @Doc("Volume, traffic and task.") Workload workload,
    @Doc("Latency needs.") LatencyProfile latency,
    @Doc("Data sensitivity and compliance.") DataProfile data,
    @Doc("Customization needs.") CustomizationProfile customization,
    @Doc("Team skills and capacity.") TeamProfile team,
    @Doc("Business context.") BusinessContext business,
    @Doc("What runs today.") CurrentDeployment current,
    @Doc("Cost lines per candidate strategy for the TCO calculator (see docs/tco.md); prices default to rules/prices.json.") TcoInputs tco) {

  public FactSet {
    if (workload == null) {
      throw new FieldException("FACTS-020", "workload", "is required");
    }
    latency = latency == null ? LatencyProfile.unknown() : latency;
    data = data == null ? DataProfile.unknown() : data;
    customization = customization == null ? CustomizationProfile.unknown() : customization;
    team = team == null ? TeamProfile.unknown() : team;
    business = business == null ? BusinessContext.unknown() : business;
    current = current == null ? CurrentDeployment.greenfield() : current;
  }

  /** The volume the TCO calculator prices: tokens as given or derived, requests when given with tokens per request. */
  public Volume tcoVolume() {
    Workload w = workload;
    boolean tokensGiven = w.tokensPerMonth() != null || w.tokensPerDay() != null;
    return new Volume(
        tokensGiven ? volume().tokensPerMonth() : null,
        w.inputShareOfTokens(),
        tokensGiven ? null : w.requestsPerDay(),
        tokensGiven ? null : w.inputTokensPerRequest(),
        tokensGiven ? null : w.outputTokensPerRequest(),
        w.attemptsPerTask(),
        w.peakToMeanRatio());
  }

  /** The derived token volume of this workload. */
  public TokenVolume volume() {
    return TokenVolume.of(workload);
  }
}
