package bvb.facts;

import bvb.facts.Enums.LatencyClass;

/** Latency needs of the workload (seed catalogue §6.1 "LatencyProfile"). */
@Doc("Latency needs. Leave a field out when it is not known.")
public record LatencyProfile(
    @Doc("Latency class.") LatencyClass latencyClass,
    @Doc("Required time to first token, milliseconds.") Integer ttftRequirementMs,
    @Doc("Required end-to-end latency (p95), milliseconds.") Integer latencyRequirementMs,
    @Doc("Latency must be guaranteed (provider spikes unacceptable).") Answer latencyMustBeGuaranteed,
    @Doc("Responses are short.") Answer shortResponses,
    @Doc("An API provider can meet the latency requirement (SLA or measurement).") Answer apiCanMeetLatency,
    @Doc("Latency gain expected from local inference over the API round trip, milliseconds.") Integer expectedLatencyGainMs,
    @Doc("Current measured end-to-end latency (p95), milliseconds.") Integer baselineLatencyMs,
    @Doc("The model is called at high frequency (many calls per user action or per second).") Answer highFrequencyCalls) {

  public LatencyProfile {
    latencyClass = Check.orElse(latencyClass, LatencyClass.UNKNOWN);
    ttftRequirementMs = Check.count("ttftRequirementMs", ttftRequirementMs, 3_600_000);
    latencyRequirementMs = Check.count("latencyRequirementMs", latencyRequirementMs, 3_600_000);
    latencyMustBeGuaranteed = Check.answer(latencyMustBeGuaranteed);
    shortResponses = Check.answer(shortResponses);
    apiCanMeetLatency = Check.answer(apiCanMeetLatency);
    expectedLatencyGainMs = Check.count("expectedLatencyGainMs", expectedLatencyGainMs, 3_600_000);
    baselineLatencyMs = Check.count("baselineLatencyMs", baselineLatencyMs, 3_600_000);
    highFrequencyCalls = Check.answer(highFrequencyCalls);
  }

  /**
   * Latency budget left for retrieval and other additions, milliseconds: required end-to-end
   * latency minus the measured baseline (catalogue RAG-007); null when either is missing.
   */
  public Integer latencyHeadroomMs() {
    return latencyRequirementMs == null || baselineLatencyMs == null
        ? null
        : latencyRequirementMs - baselineLatencyMs;
  }

  static LatencyProfile unknown() {
    return new LatencyProfile(null, null, null, null, null, null, null, null, null);
  }
}
