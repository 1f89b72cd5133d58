package bvb.facts;

import bvb.facts.Enums.OpsCapacity;
import bvb.facts.Enums.TeamBandwidth;

/** Skills and capacity of the team (seed catalogue §6.1 "TeamProfile"). */
@Doc("Skills and capacity of the team that would run the system.")
public record TeamProfile(
    @Doc("Full-time-equivalent ML engineers available.") Double mlEngineerFte,
    @Doc("Full-time-equivalent DevOps / infrastructure engineers available.") Double devopsFte,
    @Doc("The team has ML engineering skills.") Answer hasMlSkills,
    @Doc("The team has DevOps skills.") Answer hasDevOpsSkills,
    @Doc("The team has security skills.") Answer hasSecuritySkills,
    @Doc("How much room the team has.") TeamBandwidth teamBandwidth,
    @Doc("Someone is on call for the model servers.") Answer onCallCoverage,
    @Doc("The team has pretraining experience.") Answer hasPretrainingTeam,
    @Doc("You can hire a team with pretraining experience.") Answer canHirePretrainingTeam,
    @Doc("The ML engineer running the self-hosted model has left and cannot be replaced quickly.") Answer mlEngineerDepartedUnreplaceable,
    @Doc("Capacity to operate models yourself: NONE, LIMITED or FULL (seed 003's decision matrix, 'Maintenance').") OpsCapacity opsCapacity) {

  public TeamProfile {
    mlEngineerFte = Check.amount("mlEngineerFte", mlEngineerFte, 100_000);
    devopsFte = Check.amount("devopsFte", devopsFte, 100_000);
    hasMlSkills = Check.answer(hasMlSkills);
    hasDevOpsSkills = Check.answer(hasDevOpsSkills);
    hasSecuritySkills = Check.answer(hasSecuritySkills);
    teamBandwidth = Check.orElse(teamBandwidth, TeamBandwidth.UNKNOWN);
    onCallCoverage = Check.answer(onCallCoverage);
    hasPretrainingTeam = Check.answer(hasPretrainingTeam);
    canHirePretrainingTeam = Check.answer(canHirePretrainingTeam);
    mlEngineerDepartedUnreplaceable = Check.answer(mlEngineerDepartedUnreplaceable);
    opsCapacity = Check.orElse(opsCapacity, OpsCapacity.UNKNOWN);
  }

  /**
   * ML plus DevOps engineers, in FTE (a missing one counts as 0); null when neither is given.
   * Seed 003's matrix sizes a self-hosting team at "ML + infra team (5+)".
   */
  public Double engineeringFte() {
    if (mlEngineerFte == null && devopsFte == null) {
      return null;
    }
    return (mlEngineerFte == null ? 0 : mlEngineerFte) + (devopsFte == null ? 0 : devopsFte);
  }

  /**
   * ML plus DevOps / infrastructure FTEs, the team seed 003's matrix sizes for self-hosting ("ML +
   * infra team (5+)"); null when either count is not given.
   */
  public Double mlPlusInfraFte() {
    return mlEngineerFte == null || devopsFte == null ? null : mlEngineerFte + devopsFte;
  }

  static TeamProfile unknown() {
    return new TeamProfile(null, null, null, null, null, null, null, null, null, null, null);
  }
}
