# Samples for VOLAT, TEAM, TTM, SWITCH and REEVAL (rules/12-volatility.drl, 45-team-time-to-market.drl,
# 70-switch-reevaluate.drl, 97-conflicts-team-switch.drl). Run: python3 src/tools/mk_samples.py src/tools/specs/team_switch.py
NONE = {"sensitiveDataTypes": ["NONE"]}
W = {"tokensPerMonth": 20000000}
SH = {"candidateStrategy": "SELF_HOST_OPEN"}
def tco(api, selfhost, sh_strategy="SELF_HOST_OPEN", compliance=None):
    s = {"gpu": {"gpuRentalMonthlyUsd": selfhost, "gpuCount": 1}}
    if compliance is not None:
        s["compliance"] = {"complianceOngoingMonthlyUsd": compliance}
    return {"strategies": {"API_FRONTIER": {"api": {"apiTokenCostMonthlyUsd": api}}, sh_strategy: s}}
def vec(name, title, facts, exp):
    return (name, {"name": title, "workload": facts.pop("workload", W), "data": facts.pop("data", NONE), **facts}, exp)

SAMPLES = [
 # ------------------------------------------------------------ SC-09
 ("sc-09-migration-evaluation", {"name": "SC-09 Migration evaluation: GPT-4 API for 6 months -> self-hosted Llama? (004 Exercise 33.6.3)",
   "description": "Seed 004 Exercise 33.6.3: the company has used GPT-4 via API for 6 months and wants to evaluate migrating to a self-hosted Llama model. Nothing else is stated.",
   "workload": W, "data": NONE,
   "business": {"candidateStrategy": "SELF_HOST_OPEN"},
   "current": {"currentStrategy": "API_FRONTIER", "model": "gpt-4", "monthsOnCurrentStrategy": 6}},
  {"note": "Catalogue SC-09: an evaluation plan, no reflexive switch (SWITCH-013). No switch signal is established; every unknown signal becomes a question, and the decision has never been explicitly reviewed (REEVAL-002). MIG-* and TCO-001 are not encoded yet. The tree keeps the API (provisional).",
   "strategy": "API_FRONTIER", "confidence": "LOW",
   "mustFire": ["SWITCH-013", "SWITCH-002.U", "SWITCH-003.U", "SWITCH-004.U", "SWITCH-009.U", "REEVAL-002", "REEVAL-003",
                "TEAM-001.U", "TEAM-003", "TEAM-005.U", "TTM-001.U", "VOLAT-001.U"],
   "mustNotFire": ["SWITCH-001", "SWITCH-002", "SWITCH-003", "SWITCH-004", "SWITCH-012", "REC-001"],
   "warnings": ["UNINFORMED_ASSUMPTION", "OPPORTUNITY_COST"], "nextSteps": ["RUN_ANALYSIS_BEFORE_SWITCH", "MONITOR_SWITCH_SIGNALS", "REVISIT_BUILD_VS_BUY"]}),
 # ------------------------------------------------------------ VOLAT
 vec("t-volat-spiky-self-host", "VOLAT vector: spiky traffic (peak 5x mean), self-hosting proposed (002, 001)",
   {"workload": {"tokensPerMonth": 20000000, "volumeStability": "SPIKY", "peakToMeanRatio": 5}, "business": SH},
  {"note": "002: high variance in load makes APIs more cost-effective (VOLAT-001) and spikes need no capacity planning (VOLAT-002); 001: self-hosting must over-provision (VOLAT-003).",
   "strategy": "API_FRONTIER", "mustFire": ["VOLAT-001", "VOLAT-002", "VOLAT-003"], "mustNotFire": ["VOLAT-001.U"], "warnings": ["CAPACITY_PLANNING"]}),
 vec("t-volat-variable-self-host", "VOLAT vector: variable traffic, a self-hosted strategy in production (002 heading 'Variable or Unpredictable Volume')",
   {"workload": {"tokensPerMonth": 20000000, "volumeStability": "VARIABLE"}, "current": {"currentStrategy": "SELF_HOST_OPEN"}},
  {"note": "VARIABLE counts as high variance (the document's heading), not only SPIKY; VOLAT-002 is about spikes only.",
   "mustFire": ["VOLAT-001", "VOLAT-003"], "mustNotFire": ["VOLAT-002"]}),
 vec("t-volat-peak-2.9", "VOLAT vector: stability not stated, peak-to-mean 2.9",
   {"workload": {"tokensPerMonth": 20000000, "peakToMeanRatio": 2.9}},
  {"note": "Below the proposed 3x reading of high variance.", "mustNotFire": ["VOLAT-001", "VOLAT-002"]}),
 vec("t-volat-peak-3", "VOLAT vector: stability not stated, peak-to-mean 3.0",
   {"workload": {"tokensPerMonth": 20000000, "peakToMeanRatio": 3}},
  {"note": "At the proposed 3x: high variance (VOLAT-001); the API verdicts make VOLAT-002 apply.", "mustFire": ["VOLAT-001", "VOLAT-002"]}),
 vec("t-volat-peak-3.1", "VOLAT vector: stability not stated, peak-to-mean 3.1",
   {"workload": {"tokensPerMonth": 20000000, "peakToMeanRatio": 3.1}},
  {"note": "Above 3x.", "mustFire": ["VOLAT-001"]}),
 vec("t-volat-peak-3-steady", "VOLAT vector: stated STEADY with a peak-to-mean of 3",
   {"workload": {"tokensPerMonth": 20000000, "volumeStability": "STEADY", "peakToMeanRatio": 3}},
  {"note": "The stated stability wins over the ratio.", "mustNotFire": ["VOLAT-001", "VOLAT-003"]}),
 vec("t-volat-unknown-self-host", "VOLAT/TEAM/TTM vector: self-hosting proposed, nothing else stated",
   {"business": SH},
  {"note": "Every fact the self-host-side rules need is unknown: each asks (VOLAT-001.U, TEAM-001.U, TEAM-005.U, TTM-001.U); the opportunity cost is always named (TEAM-003).",
   "mustFire": ["VOLAT-001.U", "TEAM-001.U", "TEAM-003", "TEAM-005.U", "TTM-001.U"],
   "nextSteps": ["STATE_TRAFFIC_STABILITY", "STATE_TEAM_BANDWIDTH", "CONFIRM_ON_CALL_COVERAGE", "STATE_PRODUCT_STAGE"]}),
 vec("t-volat-variable-1m-per-day", "VOLAT vector: 1,000,000 tokens/day, variable traffic (001)",
   {"workload": {"tokensPerDay": 1000000, "volumeStability": "VARIABLE"}},
  {"note": "At 001's 'millions of tokens per day' but not predictable: Situation 1 does not apply (VOLAT-004), TOK-001 does not fire.",
   "mustFire": ["VOLAT-004"], "mustNotFire": ["TOK-001"]}),
 vec("t-volat-variable-999999-per-day", "VOLAT vector: 999,999 tokens/day, variable traffic",
   {"workload": {"tokensPerDay": 999999, "volumeStability": "VARIABLE"}},
  {"note": "Below 1,000,000 tokens/day: no volume case to gate.", "mustNotFire": ["VOLAT-004", "TOK-001"]}),
 vec("t-volat-spend-003-spiky", "VOLAT vector: $600K/yr projected API spend, GPUs 80% busy, spiky traffic (000)",
   {"workload": {"tokensPerMonth": 2000000000, "annualApiSpendUsd": 600000, "expectedGpuUtilizationPct": 80, "volumeStability": "SPIKY"}},
  {"note": "SPEND-003 favours a fine-tuned self-hosted model on spend; 000's owning economics need steady volume (VOLAT-005).",
   "mustFire": ["SPEND-003", "VOLAT-005"], "mustNotFire": ["VOLAT-005.U"]}),
 vec("t-volat-spend-003-stability-unknown", "VOLAT vector: $600K/yr projected API spend, GPUs 80% busy, stability not stated",
   {"workload": {"tokensPerMonth": 2000000000, "annualApiSpendUsd": 600000, "expectedGpuUtilizationPct": 80}},
  {"note": "Steadiness unknown: ask (VOLAT-005.U).", "mustFire": ["SPEND-003", "VOLAT-005.U"], "mustNotFire": ["VOLAT-005"]}),
 vec("t-volat-requirements-high", "VOLAT vector: requirements change quickly, fine-tuning wanted, no TCO (002)",
   {"customization": {"needsFineTuning": True}, "business": {"requirementsVolatility": "HIGH"}},
  {"note": "002: fine-tuned models are risky in shifting markets (VOLAT-006); whether the savings are minor needs a TCO (VOLAT-007.U).",
   "mustFire": ["VOLAT-006", "VOLAT-007.U", "TTM-004"], "mustNotFire": ["VOLAT-006.U", "VOLAT-007"], "nextSteps": ["BUILD_FULL_TCO"]}),
 vec("t-volat-fine-tune-volatility-unknown", "VOLAT/TEAM vector: fine-tuning needed, requirements volatility and ML staffing not stated",
   {"customization": {"needsFineTuning": True}},
  {"note": "A fine-tuned option is in play: ask how fast requirements change (VOLAT-006.U) and who would do it (TEAM-004.U); plan 12-16 weeks (TTM-004).",
   "mustFire": ["VOLAT-006.U", "TEAM-004.U", "TTM-004"], "warnings": ["FINE_TUNE_TIMELINE"], "nextSteps": ["STATE_REQUIREMENTS_VOLATILITY", "STATE_ML_STAFFING"]}),
] + [
 vec(f"t-flex-savings-{p}pct", f"VOLAT/TTM vector: volatile requirements, time to market critical, self-hosting saves {p}% (002)",
   {"business": {"requirementsVolatility": "HIGH", "timeToMarketCritical": True}, "tco": tco(10000, gpu)},
  {"note": f"Self-hosting saves {p}% over 12 months ($120,000 API vs ${gpu*12:,} GPU rental): " +
           ("at or below 20%, flexibility (VOLAT-007) and time to market (TTM-003) beat minor savings." if p <= 20 else "above 20%, the savings are not 'minor'."),
   **({"mustFire": ["VOLAT-007", "TTM-003", "TTM-005.U"]} if p <= 20 else {"mustFire": ["TTM-005.U"], "mustNotFire": ["VOLAT-007", "TTM-003"]}),
   "mustNotFire" if p <= 20 else "_": ["VOLAT-007.U", "TTM-003.U"]})
 for p, gpu in ((19, 8100), (20, 8000), (21, 7900))
] + [
 # ------------------------------------------------------------ TEAM
 vec("t-team-stretched", "TEAM vector: a stretched team (001)",
   {"team": {"teamBandwidth": "STRETCHED"}},
  {"note": "001 Reason 2: zero ops overhead (TEAM-002); not underwater, so no TEAM-001.", "mustFire": ["TEAM-002"], "mustNotFire": ["TEAM-001"]}),
 vec("t-team-underwater", "TEAM vector: an underwater team (001 question 5)",
   {"team": {"teamBandwidth": "UNDERWATER"}, "business": SH},
  {"note": "001: the savings won't materialize (TEAM-001, STRONG for the API).", "strategy": "API_FRONTIER", "mustFire": ["TEAM-001", "TEAM-002"], "mustNotFire": ["TEAM-001.U"]}),
] + [
 vec(f"t-team-ml-fte-{f}", f"TEAM vector: fine-tuning needed, no provider service, {f} ML engineer FTE (002)",
   {"customization": {"needsFineTuning": True, "providerFineTuneAvailable": False}, "team": {"mlEngineerFte": f}},
  {"note": f"{f} FTE: " + ("at or above 002's single ML engineer (TEAM-004); the self-hosted fine-tuned model with fewer than 5 ML + DevOps FTE is 003's 5+ team conflict (C-08)." if f >= 1 else "below a single ML engineer."),
   "strategy": "SELF_HOST_FINE_TUNED",
   **({"mustFire": ["TEAM-004", "C-08"], "conflicts": ["C-08"]} if f >= 1 else {"mustNotFire": ["TEAM-004", "TEAM-004.U", "C-08"]})})
 for f in (0.9, 1, 1.1)
] + [
 vec("t-team-ml-fte-1-devops-4", "TEAM vector: fine-tuning needed, no provider service, 1 ML + 4 DevOps FTE",
   {"customization": {"needsFineTuning": True, "providerFineTuneAvailable": False}, "team": {"mlEngineerFte": 1, "devopsFte": 4}},
  {"note": "5 ML + DevOps FTE meets 003's 5+ team: TEAM-004 without C-08; not a small team (TTM-006).",
   "strategy": "SELF_HOST_FINE_TUNED", "mustFire": ["TEAM-004"], "mustNotFire": ["C-08", "TTM-006"]}),
 vec("t-team-skilled-no-on-call", "TEAM vector: self-hosting proposed, ML/DevOps/security skills, nobody on call (004, 000)",
   {"team": {"hasMlSkills": True, "hasDevOpsSkills": True, "hasSecuritySkills": True, "onCallCoverage": False, "teamBandwidth": "AVAILABLE"}, "business": SH},
  {"note": "004 Step 4's skills are there (TEAM-006); 000's 3am problem is not (TEAM-005).",
   "mustFire": ["TEAM-006", "TEAM-005", "TEAM-003"], "mustNotFire": ["TEAM-005.U", "TEAM-001.U", "TEAM-002"], "warnings": ["NO_ON_CALL_COVERAGE"]}),
 # ------------------------------------------------------------ TTM
 vec("t-ttm-pre-pmf-fine-tune", "TTM vector: before product-market fit, fine-tuning wanted (002)",
   {"customization": {"needsFineTuning": True}, "business": {"stage": "PRE_PMF"}},
  {"note": "002 Early-Stage Development: start on APIs (TTM-001), fine-tune after PMF (TTM-002); 12-16 weeks (TTM-004).",
   "mustFire": ["TTM-001", "TTM-002", "TTM-004"], "nextSteps": ["REVISIT_FINE_TUNING_AFTER_PMF"]}),
 vec("t-ttm-prototype", "TTM vector: a prototype (002, 004)",
   {"business": {"stage": "PROTOTYPE"}},
  {"note": "TTM-001 and 004's API-first for rapid prototyping (TTM-006).", "strategy": "API_FRONTIER", "mustFire": ["TTM-001", "TTM-006"]}),
 vec("t-ttm-post-pmf", "TTM vector: after product-market fit",
   {"business": {"stage": "POST_PMF"}},
  {"note": "Not early stage.", "mustNotFire": ["TTM-001", "TTM-006"]}),
 vec("t-ttm-frontier-quality", "TTM vector: frontier-quality models needed (004)",
   {"customization": {"needsFrontierQuality": True}},
  {"note": "004: API-first is best when frontier-quality models are needed (TTM-006).", "mustFire": ["TTM-006"]}),
] + [
 vec(f"t-ttm-team-{f}-fte", f"TTM vector: {f} ML + DevOps FTE (004 'small teams', 003 '5+')",
   {"team": {"mlEngineerFte": 2, "devopsFte": f - 2}},
  {"note": f"{f} FTE: " + ("a small team, below 003's 5+ (TTM-006)." if f < 5 else "not below 003's 5+ team."),
   **({"mustFire": ["TTM-006"]} if f < 5 else {"mustNotFire": ["TTM-006"]})})
 for f in (4.9, 5, 5.1)
] + [
 vec("t-ttm-critical-no-tco", "TTM vector: time to market critical, no TCO (002)",
   {"business": {"timeToMarketCritical": True}},
  {"note": "Whether the savings are small needs a TCO (TTM-003.U).", "mustFire": ["TTM-003.U"], "mustNotFire": ["TTM-003"], "nextSteps": ["BUILD_FULL_TCO"]}),
 # ------------------------------------------------------------ SWITCH: API -> self-hosted
] + [
 vec(f"t-switch-api-bill-{m}-months", f"SWITCH vector: on the API, bill above the self-hosted TCO for {m} months, TCO favours self-hosting (004)",
   {"current": {"currentStrategy": "API_FRONTIER", "providerCount": 2, "monthsApiBillAboveSelfHostTco": m, "monthsSinceLastReview": 3},
    "tco": tco(10000, 5000)},
  {"note": f"$120,000 API vs $60,000 GPU rental ($78,000 buffered) over 12 months; {m} months " +
           ("is 'consistently' (>= 3): SWITCH-001 signals a switch, SWITCH-013 asks for the analysis first." if m >= 3 else "is not yet 'consistently'."),
   **({"mustFire": ["SWITCH-001", "SWITCH-012", "SWITCH-013"], "warnings": ["SWITCH_BASE_RATES"], "nextSteps": ["RUN_ANALYSIS_BEFORE_SWITCH"]} if m >= 3
      else {"mustNotFire": ["SWITCH-001", "SWITCH-001.U", "SWITCH-013"]})})
 for m in (2, 3)
] + [
 vec("t-switch-api-bill-unknown", "SWITCH vector: on the API, TCO favours self-hosting, months above not stated",
   {"current": {"currentStrategy": "API_FRONTIER"}, "tco": tco(10000, 5000)},
  {"note": "Ask how long (SWITCH-001.U).", "mustFire": ["SWITCH-001.U"], "mustNotFire": ["SWITCH-001"]}),
 vec("t-switch-api-bill-no-tco", "SWITCH vector: on the API, bill above self-hosting for 4 months, no TCO",
   {"current": {"currentStrategy": "API_FRONTIER", "monthsApiBillAboveSelfHostTco": 4}},
  {"note": "The comparison must include engineering: build the TCO first (SWITCH-001.1).", "mustFire": ["SWITCH-001.1"], "mustNotFire": ["SWITCH-001"], "nextSteps": ["BUILD_FULL_TCO"]}),
 vec("t-switch-api-talent-customization", "SWITCH vector: on the API, ML and DevOps talent accumulated, customization beyond API fine-tuning (004)",
   {"team": {"hasMlSkills": True, "hasDevOpsSkills": True},
    "customization": {"customizationExceedsApiFineTune": True},
    "current": {"currentStrategy": "API_FRONTIER", "providerCount": 1, "majorOutagesSoleProvider": 0, "hasNegotiatingLeverage": False, "heterogeneousTaskRequirements": False}},
  {"note": "Two of 004's API -> self-hosted signals (SWITCH-002, SWITCH-003); no outage yet, so no SWITCH-009.",
   "mustFire": ["SWITCH-002", "SWITCH-003", "SWITCH-012", "SWITCH-013"], "mustNotFire": ["SWITCH-002.U", "SWITCH-003.U", "SWITCH-009", "SWITCH-009.U", "SWITCH-010", "SWITCH-011"]}),
 vec("t-switch-sovereignty", "SWITCH vector: on the API, a regulatory change requires sovereignty no API provider can achieve (004)",
   {"data": {"sensitiveDataTypes": ["PII"], "regulatoryChangeRequiresSovereignty": True, "apiCanMeetSovereignty": False},
    "current": {"currentStrategy": "API_FRONTIER"}},
  {"note": "A hard constraint (catalogue §2.0): self-hosting, via REC-001.",
   "strategy": "SELF_HOST_OPEN", "confidence": "HIGH", "mustFire": ["SWITCH-004", "REC-001", "SWITCH-013"], "mustNotFire": ["SWITCH-004.U"]}),
 # ------------------------------------------------------------ SWITCH: self-hosted -> API
 vec("t-switch-self-host-signals", "SWITCH vector: self-hosted, a better API model, the ML engineer left, a provider removed the blocker (004)",
   {"team": {"mlEngineerDepartedUnreplaceable": True},
    "current": {"currentStrategy": "SELF_HOST_OPEN", "model": "llama-3-70b", "newApiModelSignificantlyBetter": True, "providerLaunchedBlockerFix": True}},
  {"note": "Three of 004's self-hosted -> API signals; the compliance comparison needs a TCO (SWITCH-007.U).",
   "mustFire": ["SWITCH-005", "SWITCH-006", "SWITCH-008", "SWITCH-007.U", "SWITCH-012", "SWITCH-013"],
   "mustNotFire": ["SWITCH-005.U", "SWITCH-006.U", "SWITCH-008.U", "SWITCH-007"]}),
 vec("t-switch-fine-tuned-unknown", "SWITCH/REEVAL vector: a self-hosted fine-tuned model in production, nothing else stated",
   {"current": {"currentStrategy": "SELF_HOST_FINE_TUNED"}},
  {"note": "Every self-hosted -> API signal is unknown: ask (SWITCH-005.U..008.U); never reviewed (REEVAL-002) while the fine-tune turns over every 3-6 months (C-07).",
   "mustFire": ["SWITCH-005.U", "SWITCH-006.U", "SWITCH-007.U", "SWITCH-008.U", "REEVAL-002", "C-07.1"], "conflicts": ["C-07"],
   "mustNotFire": ["SWITCH-013", "SWITCH-009.U"]}),
 vec("t-switch-compliance-burden", "SWITCH vector: self-hosted, compliance $4,000/month eats $3,000/month of savings (004)",
   {"current": {"currentStrategy": "SELF_HOST_OPEN", "newApiModelSignificantlyBetter": False, "providerLaunchedBlockerFix": False},
    "team": {"mlEngineerDepartedUnreplaceable": False}, "tco": tco(10000, 7000, compliance=4000)},
  {"note": "Over 12 months: API $120,000; self-hosted $84,000 GPU + $48,000 compliance = $132,000; savings before compliance $36,000 < $48,000 (SWITCH-007).",
   "mustFire": ["SWITCH-007", "SWITCH-013"], "mustNotFire": ["SWITCH-007.U", "SWITCH-005", "SWITCH-006", "SWITCH-008"]}),
 vec("t-switch-compliance-within-savings", "SWITCH vector: self-hosted, compliance $2,000/month within $3,000/month of savings",
   {"current": {"currentStrategy": "SELF_HOST_OPEN"}, "tco": tco(10000, 7000, compliance=2000)},
  {"note": "$24,000 of compliance against $36,000 of savings: no signal.", "mustNotFire": ["SWITCH-007", "SWITCH-007.U"]}),
 # ------------------------------------------------------------ SWITCH: single -> multi-vendor
 vec("t-switch-single-vendor", "SWITCH vector: one provider, a first major outage, negotiating leverage, mixed task needs (004)",
   {"current": {"currentStrategy": "API_FRONTIER", "providerCount": 1, "majorOutagesSoleProvider": 1,
                "hasNegotiatingLeverage": True, "heterogeneousTaskRequirements": True}},
  {"note": "All three single -> multi-vendor signals; routing as continuous optimization (REEVAL-005).",
   "mustFire": ["SWITCH-009", "SWITCH-010", "SWITCH-011", "REEVAL-005", "SWITCH-013"], "mustNotFire": ["SWITCH-009.U", "SWITCH-010.U", "SWITCH-011.U"]}),
 vec("t-switch-single-vendor-no-outage", "SWITCH vector: one provider, no major outage yet",
   {"current": {"currentStrategy": "API_FRONTIER", "providerCount": 1, "majorOutagesSoleProvider": 0}},
  {"note": "0 outages: no 'first major outage'; leverage and task needs unknown: ask.",
   "mustFire": ["SWITCH-010.U", "SWITCH-011.U"], "mustNotFire": ["SWITCH-009", "SWITCH-009.U"]}),
 vec("t-reeval-two-providers", "REEVAL vector: two API providers in use (004 research frontier)",
   {"current": {"currentStrategy": "MULTI_VENDOR_API", "providerCount": 2, "monthsSinceLastReview": 2}},
  {"note": "Routing between providers as a continuous optimization (REEVAL-005); no single-vendor signals.",
   "mustFire": ["REEVAL-005", "REEVAL-003"], "mustNotFire": ["SWITCH-009", "SWITCH-009.U", "SWITCH-010.U", "REEVAL-001", "REEVAL-002"]}),
] + [
 vec(f"t-reeval-{m}-months", f"REEVAL vector: on the API, last review {m} months ago (001)",
   {"current": {"currentStrategy": "API_FRONTIER", "providerCount": 2, "monthsSinceLastReview": m}},
  {"note": f"001: revisit every 6-9 months; {m} months: " + {5: "not yet due.", 6: "due (REEVAL-001).", 9: "due, not yet overdue.", 10: "overdue (REEVAL-001.1)."}[m],
   **({"mustNotFire": ["REEVAL-001", "REEVAL-001.1", "REEVAL-002"]} if m < 6 else
      {"mustFire": ["REEVAL-001"], "mustNotFire": ["REEVAL-001.1", "REEVAL-002"], "nextSteps": ["REVISIT_BUILD_VS_BUY"]} if m <= 9 else
      {"mustFire": ["REEVAL-001", "REEVAL-001.1"], "warnings": ["REVIEW_OVERDUE"]})})
 for m in (5, 6, 9, 10)
]
for _, _, e in SAMPLES:
    e.pop("_", None)
