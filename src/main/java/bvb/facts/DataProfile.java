package bvb.facts;

import bvb.facts.Enums.EgressPolicy;
import bvb.facts.Enums.Industry;
import bvb.facts.Enums.ProviderTerm;
import bvb.facts.Enums.Regime;
import bvb.facts.Enums.SensitiveData;
import java.util.Set;

/** Data sensitivity, regulation and provider terms (seed catalogue §6.1 "DataProfile"). */
@Doc("Data sensitivity, regulation and the compliance terms API providers offer.")
public record DataProfile(
    @Doc("Kinds of sensitive data; [\"NONE\"] states there is none, an empty or missing list means not known.") Set<SensitiveData> sensitiveDataTypes,
    @Doc("Regulatory regimes that apply.") Set<Regime> regimes,
    @Doc("Industry of the organisation.") Industry industry,
    @Doc("Whether the data may leave your infrastructure.") EgressPolicy dataEgressPolicy,
    @Doc("Compliance terms an API provider offers (BAA, SOC 2 report, residency, DPA, zero retention).") Set<ProviderTerm> providerTermsOffered,
    @Doc("Your legal team accepts a provider's terms for this data.") Answer providerTermsAcceptable,
    @Doc("Data must stay in a region or jurisdiction.") Answer dataResidencyRequired,
    @Doc("An API provider can meet the residency requirement.") Answer apiCanMeetResidency,
    @Doc("Fine-tuning would use the sensitive data.") Answer fineTuneOnSensitiveData,
    @Doc("Data privacy is critical for this workload.") Answer privacyCritical,
    @Doc("A regulatory change now requires data sovereignty.") Answer regulatoryChangeRequiresSovereignty,
    @Doc("An API provider can meet that data sovereignty requirement.") Answer apiCanMeetSovereignty) {

  public DataProfile {
    sensitiveDataTypes = Check.set(sensitiveDataTypes);
    regimes = Check.set(regimes);
    industry = Check.orElse(industry, Industry.UNKNOWN);
    dataEgressPolicy = Check.orElse(dataEgressPolicy, EgressPolicy.UNKNOWN);
    providerTermsOffered = Check.set(providerTermsOffered);
    providerTermsAcceptable = Check.answer(providerTermsAcceptable);
    dataResidencyRequired = Check.answer(dataResidencyRequired);
    apiCanMeetResidency = Check.answer(apiCanMeetResidency);
    fineTuneOnSensitiveData = Check.answer(fineTuneOnSensitiveData);
    privacyCritical = Check.answer(privacyCritical);
    regulatoryChangeRequiresSovereignty = Check.answer(regulatoryChangeRequiresSovereignty);
    apiCanMeetSovereignty = Check.answer(apiCanMeetSovereignty);
    if (sensitiveDataTypes.contains(SensitiveData.NONE) && sensitiveDataTypes.size() > 1) {
      throw new FieldException(
          "FACTS-014", "sensitiveDataTypes", "lists NONE together with other data types");
    }
  }

  static DataProfile unknown() {
    return new DataProfile(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** True when the data types are stated (NONE counts as stated). */
  public boolean sensitivityKnown() {
    return !sensitiveDataTypes.isEmpty();
  }

  /**
   * Regulated industry (catalogue §6.1, derived): healthcare, financial services or trading,
   * insurance, government or legal, or any regulatory regime stated.
   */
  public boolean regulatedIndustry() {
    return !regimes.isEmpty()
        || industry == Industry.HEALTHCARE
        || industry == Industry.FINANCIAL_SERVICES
        || industry == Industry.FINANCIAL_TRADING
        || industry == Industry.INSURANCE
        || industry == Industry.GOVERNMENT
        || industry == Industry.LEGAL;
  }

  /** True when any of the given regimes applies. */
  public boolean regimeAny(Set<Regime> kinds) {
    return regimes.stream().anyMatch(kinds::contains);
  }

  /** True when the provider offers any of the given terms. */
  public boolean offersAny(Set<ProviderTerm> kinds) {
    return providerTermsOffered.stream().anyMatch(kinds::contains);
  }

  /** True when some sensitive data (anything but NONE) is present. */
  public boolean hasSensitiveData() {
    return sensitivityKnown() && !sensitiveDataTypes.contains(SensitiveData.NONE);
  }
}
