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
    @Doc("Latency gain expected from local inference over the API round trip, milliseconds.") Integer expectedLatencyGainMs) {

  public LatencyProfile {
    latencyClass = Check.orElse(latencyClass, LatencyClass.UNKNOWN);
    ttftRequirementMs = Check.count("ttftRequirementMs", ttftRequirementMs, 3_600_000);
    latencyRequirementMs = Check.count("latencyRequirementMs", latencyRequirementMs, 3_600_000);
    latencyMustBeGuaranteed = Check.answer(latencyMustBeGuaranteed);
    shortResponses = Check.answer(shortResponses);
    apiCanMeetLatency = Check.answer(apiCanMeetLatency);
    expectedLatencyGainMs = Check.count("expectedLatencyGainMs", expectedLatencyGainMs, 3_600_000);
  }

  static LatencyProfile unknown() {
    return new LatencyProfile(null, null, null, null, null, null, null);
  }
}
